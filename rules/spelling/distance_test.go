package spelling

import "testing"

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
