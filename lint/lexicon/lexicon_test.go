package lexicon

import (
	"strings"
	"testing"
)

func TestIndonesianRoots(t *testing.T) {
	for _, w := range []string{"aba", "abal-abal", "terap", "laksana", "periksa", "warga", "zus"} {
		if !Indonesian.Has(w) {
			t.Errorf("Indonesian.Has(%q) = false", w)
		}
	}
	for _, w := range []string{"", "menerapkan", "pelaksanaan", "feedback", "zzz", "Aba"} {
		if Indonesian.Has(w) {
			t.Errorf("Indonesian.Has(%q) = true", w)
		}
	}
}

func TestEnglishWords(t *testing.T) {
	for _, w := range []string{"feedback", "deadline", "review", "a", "zygote"} {
		if w == "a" {
			continue // one-letter words are left out
		}
		if !English.Has(w) {
			t.Errorf("English.Has(%q) = false", w)
		}
	}
	for _, w := range []string{"jakarta", "kevin", "implementasi", "cat's"} {
		if English.Has(w) {
			t.Errorf("English.Has(%q) = true", w)
		}
	}
}

// TestEveryWordFound searches every listed word and its neighbours that are
// not listed: the bisection must find each line, first and last included.
func TestEveryWordFound(t *testing.T) {
	for name, l := range map[string]*List{"id": Indonesian, "en": English} {
		n := 0
		prev := ""
		l.Words(func(w string) bool {
			n++
			if w <= prev {
				t.Fatalf("%s: %q after %q: not sorted", name, w, prev)
			}
			if !l.Has(w) {
				t.Fatalf("%s: listed word %q not found", name, w)
			}
			if x := w + "\x00"; l.Has(x) {
				t.Fatalf("%s: %q found", name, x)
			}
			prev = w
			return true
		})
		if n != l.Len() || n < 20000 {
			t.Errorf("%s: %d words walked, Len %d", name, n, l.Len())
		}
	}
}

func TestNew(t *testing.T) {
	l := New([]string{"kopi", " teh ", "", "kopi", "air"})
	var got []string
	l.Words(func(w string) bool { got = append(got, w); return true })
	if strings.Join(got, ",") != "air,kopi,teh" {
		t.Errorf("New words = %v", got)
	}
	for _, w := range []string{"air", "kopi", "teh"} {
		if !l.Has(w) {
			t.Errorf("Has(%q) = false", w)
		}
	}
	if l.Has("susu") || New(nil).Has("air") {
		t.Error("Has of an unlisted word = true")
	}
}

func BenchmarkHas(b *testing.B) {
	words := []string{"terap", "pelaksanaan", "warga", "feedback", "zzz"}
	for i := 0; i < b.N; i++ {
		Indonesian.Has(words[i%len(words)])
		English.Has(words[i%len(words)])
	}
}
