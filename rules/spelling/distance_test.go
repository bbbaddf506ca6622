package spelling

import (
	"testing"

	"github.com/selaras/selaras/lint/morph"
)

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"pemerintah", "pemerintah", 0},
		{"pemerintha", "pemerintah", 0.5}, // swap
		{"pemerintqh", "pemerintah", 0.6}, // q next to a
		{"pemerintph", "pemerintah", 1},   // p far from a
		{"tidakk", "tidak", 0.4},          // doubled letter
		{"pelaksanan", "pelaksanaan", 0.4},
		{"mengunakan", "menggunakan", 0.4},
		{"aplikas", "aplikasi", 1},
		{"apalikasi", "aplikasi", 1},
		{"mekabisme", "mekanisme", 0.6}, // b next to n
		{"", "abc", 3},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %v, want %v (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestNeighbours(t *testing.T) {
	for _, p := range []string{"qw", "as", "aq", "aw", "za", "zs", "bn", "bh", "bg", "km", "ol"} {
		if !neighbours(rune(p[0]), rune(p[1])) || !neighbours(rune(p[1]), rune(p[0])) {
			t.Errorf("%c and %c should be neighbours", p[0], p[1])
		}
	}
	for _, p := range []string{"qs", "ap", "zd", "bm"} {
		if neighbours(rune(p[0]), rune(p[1])) {
			t.Errorf("%c and %c should not be neighbours", p[0], p[1])
		}
	}
}

func TestCandidates(t *testing.T) {
	cases := map[string]string{
		"mengunakan":  "menggunakan",
		"pemerintha":  "pemerintah",
		"diwajibakan": "diwajibkan",
		"masyarakta":  "masyarakat",
	}
	for w, want := range cases {
		got := candidates(w)
		if len(got) == 0 || got[0] != want {
			t.Errorf("candidates(%q) = %v, want %q first", w, got, want)
		}
	}
	for _, w := range []string{"xqzvw", "kab"} {
		if got := candidates(w); len(got) > 0 {
			t.Errorf("candidates(%q) = %v, want none", w, got)
		}
	}
}

func TestOneEdit(t *testing.T) {
	yes := [][2]string{{"una", "guna"}, {"rumah", "rumha"}, {"kantor", "kantr"}, {"abc", "abd"}, {"ab", "ba"}, {"pemerintah", "pemerintha"}}
	no := [][2]string{{"abc", "abc"}, {"abc", "cba"}, {"rumah", "rumahku"}, {"kantor", "kontar"}}
	for _, p := range yes {
		if !oneEdit(p[0], p[1]) || !oneEdit(p[1], p[0]) {
			t.Errorf("oneEdit(%q, %q) = false, want true", p[0], p[1])
		}
	}
	for _, p := range no {
		if oneEdit(p[0], p[1]) {
			t.Errorf("oneEdit(%q, %q) = true, want false", p[0], p[1])
		}
	}
}

// TestKnownEdits holds the fast search to the plain one: every root one
// edit away, whatever the position of the edit.
func TestKnownEdits(t *testing.T) {
	for _, s := range []string{"una", "pemerintha", "rumha", "ksntor", "masyarakta", "aplikas"} {
		want := map[string]bool{}
		for _, c := range slowEdits(s) {
			if morph.KnownID(c) && c != s {
				want[c] = true
			}
		}
		got := knownEdits(s)
		if len(got) != len(want) {
			t.Errorf("knownEdits(%q) = %v, want %v", s, got, want)
		}
		for _, g := range got {
			if !want[g] {
				t.Errorf("knownEdits(%q) has %q, not one edit away", s, g)
			}
		}
	}
}

func slowEdits(s string) []string {
	var out []string
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			out = append(out, s[:i]+s[i+1:])
			if i+1 < len(s) {
				out = append(out, s[:i]+string(s[i+1])+string(s[i])+s[i+2:])
			}
			for _, c := range alphabet {
				out = append(out, s[:i]+string(c)+s[i+1:])
			}
		}
		for _, c := range alphabet {
			out = append(out, s[:i]+string(c)+s[i:])
		}
	}
	return out
}
