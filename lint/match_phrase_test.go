package lint

import (
	"testing"

	"github.com/selaras/selaras/brandkit"
)

// TestPhraseTokensAsTokenizer: the fast split of simple kit phrases gives
// the words the tokenizer gives, for every phrase of the default kit.
func TestPhraseTokensAsTokenizer(t *testing.T) {
	var l brandkit.Loader
	k, _ := l.Default()
	var phrases []string
	for _, j := range k.Jargon {
		phrases = append(phrases, j.Phrase)
	}
	for _, tm := range k.Terms {
		phrases = append(phrases, tm.Use)
		phrases = append(phrases, tm.Avoid...)
	}
	phrases = append(phrases, "  dua  spasi ", "Ibu Kota", "Åland øy")
	for _, p := range phrases {
		got, want := phraseTokens(p), tokenize(p, 0, len(p))
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, tokenizer %d", p, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Kind != w.Kind || g.Lower != w.Lower || g.Text != w.Text || g.Start != w.Start || g.End != w.End {
				t.Fatalf("%q token %d: %+v, tokenizer %+v", p, i, g, w)
			}
		}
	}
}
