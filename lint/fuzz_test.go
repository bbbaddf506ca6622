package lint

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/selaras/selaras/lint/stem"
)

var fuzzSeeds = []string{
	"+++\nplatform = \"instagram\"\ndate = 2025-10-14\nimages = [\"a.jpg\"]\n+++\nDalam rangka HUT ke-25 🎉 #BantenMaju @bantenprov https://x.id/a?b=1.\n\nParagraf ![x](../a.png)",
	"\xef\xbb\xbfHalo\r\nwarga\r\n",
	"+++\nplatform = \n",
	"#Banten-Maju C# a@b.co www.x.id Rp1.250.000 12,5% Jum'at buku-buku",
	"<!-- want jargon `x` --> 👨‍👩‍👧🇮🇩1️⃣",
	"\xff\xfe\x00",
	"",
}

// FuzzParseDraft holds the parser to its invariants: every token and
// sentence lies inside the text on rune boundaries, in order, and
// positions round-trip to offsets.
func FuzzParseDraft(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, probs := ParseDraft("f.md", "/f/f.md", "/f", data)
		for _, p := range probs {
			if p.start < 0 || p.end > len(d.Source) || p.start > p.end {
				t.Fatalf("problem span %d-%d outside %d bytes", p.start, p.end, len(d.Source))
			}
		}
		if !utf8.ValidString(d.Source) {
			t.Fatal("Source is not valid UTF-8")
		}
		prev := d.Body
		for _, tk := range d.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(d.Source) {
				t.Fatalf("token %v out of order or outside the body (prev end %d)", tk, prev)
			}
			if !utf8.RuneStart(d.Source[tk.Start]) || (tk.End < len(d.Source) && !utf8.RuneStart(d.Source[tk.End])) {
				t.Fatalf("token %v off a rune boundary", tk)
			}
			if tk.Text != d.Source[tk.Start:tk.End] {
				t.Fatalf("token text %q is not its span", tk.Text)
			}
			prev = tk.End
		}
		for off := 0; off <= len(d.Source); off++ {
			if off < len(d.Source) && !utf8.RuneStart(d.Source[off]) {
				continue
			}
			line, col := d.Position(off)
			if back := d.Offset(line, col); back != off {
				// The end of a line and the start of the next differ only by "\n".
				t.Fatalf("offset %d -> %d:%d -> %d", off, line, col, back)
			}
		}
	})
}

// FuzzStem: the stemmer never returns an empty stem for a word.
func FuzzStem(f *testing.F) {
	for _, w := range []string{"mengimplementasikan", "memperhatikan", "buku-buku", "ke-25", "pe", "di", "menyanyi-nyanyi", "-", "a-", "é"} {
		f.Add(w)
	}
	st, err := stem.For("id")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if strings.TrimSpace(w) == "" || !utf8.ValidString(w) {
			return
		}
		for _, tk := range tokenize(w, 0, len(w)) {
			if tk.Kind == TokWord && st(tk.Lower) == "" {
				t.Fatalf("empty stem for %q", tk.Lower)
			}
		}
	})
}

// FuzzMatcher: matches start on a word, cover only words and the
// punctuation a phrase holds ("s/d", "Prov. Banten", never a URL, tag or
// mention), come in order and never overlap.
func FuzzMatcher(f *testing.F) {
	f.Add("dalam rangka", "Dalam rangka HUT, dalam\nrangka lagi.")
	f.Add("implementasi program", "mengimplementasikan program-program #implementasi")
	st, _ := stem.For("id")
	f.Fuzz(func(t *testing.T, phrase, text string) {
		if !utf8.ValidString(phrase) || !utf8.ValidString(text) {
			return
		}
		m := NewMatcher([]PhraseSpec{{Text: phrase}, {Text: phrase, Exact: true}}, st)
		d, _ := ParseDraft("f.md", "/f.md", "/", []byte(text))
		last := -1
		m.Find(d, func(mt Match) {
			if mt.Span.Start < last || mt.Span.End > len(d.Source) || mt.First > mt.Last {
				t.Fatalf("bad match %+v (last end %d)", mt, last)
			}
			if k := d.Tokens[mt.First].Kind; k != TokWord && k != TokNumber {
				t.Fatalf("match starts on a %s token", k)
			}
			for i := mt.First; i <= mt.Last; i++ {
				if k := d.Tokens[i].Kind; k != TokWord && k != TokNumber && k != TokPunct {
					t.Fatalf("match covers a %s token", k)
				}
			}
			last = mt.Span.End
		})
	})
}
