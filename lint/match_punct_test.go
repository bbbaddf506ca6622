package lint

import (
	"strings"
	"testing"
)

// TestMatchInnerPunctuation: a phrase with punctuation between its words
// ("s/d", "s.d.", "Prov. Banten") matches the draft written so, and only
// so; a phrase without it does not match across punctuation.
func TestMatchInnerPunctuation(t *testing.T) {
	src := "Buka pukul 08.00 s/d 12.00 di kantor Prov. Banten. Libur s.d. Senin. Kata s d di sini, dan s, d juga.\n"
	d, _ := ParseDraft("a.md", "/a.md", "/", []byte(src))
	for _, c := range []struct {
		phrase string
		exact  bool
		want   []string
	}{
		{"s/d", true, []string{"s/d"}},
		{"s/d", false, []string{"s/d"}},
		{"s.d.", true, []string{"s.d."}},
		{"Prov. Banten", true, []string{"Prov. Banten"}},
		{"s d", true, []string{"s d"}},
		{"kantor Prov.", true, []string{"kantor Prov."}},
	} {
		var got []string
		NewMatcher([]PhraseSpec{{Text: c.phrase, Exact: c.exact}}, nil).Find(d, func(m Match) {
			got = append(got, d.Source[m.Span.Start:m.Span.End])
		})
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q (exact %v): got %q, want %q", c.phrase, c.exact, got, c.want)
		}
	}
}
