package spelling

import (
	"strings"
	"unicode"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/lexicon"
)

// kitWords are the words a kit names as its own, lower case: never
// misspellings. Phrases are the kit's multi-word terms and jargon, so that
// a pair the term or jargon rule already reports is not reported twice.
type kitWords struct {
	words   map[string]bool
	phrases map[string]bool
}

type kitWordsKey struct{}

func ownWords(k *brandkit.Kit) *kitWords {
	return k.Memo(kitWordsKey{}, func() any {
		o := &kitWords{words: map[string]bool{}, phrases: map[string]bool{}}
		addText := func(s string) {
			n := lint.Normalize(s)
			if strings.Contains(n, " ") {
				o.phrases[n] = true
			}
			for _, w := range strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
				o.words[w] = true
			}
		}
		addTag := func(h brandkit.Hashtag) {
			s := strings.TrimPrefix(string(h), "#")
			addText(s)
			// the words of a camel-case tag: BantenMaju → banten, maju
			var b strings.Builder
			for i, r := range s {
				if i > 0 && unicode.IsUpper(r) {
					b.WriteByte(' ')
				}
				b.WriteRune(r)
			}
			addText(b.String())
		}
		for _, t := range k.Terms {
			addText(t.Use)
			for _, a := range t.Avoid {
				addText(a)
			}
		}
		for _, j := range k.Jargon {
			addText(j.Phrase)
		}
		for _, list := range [][]string{k.Spelling.Accept, k.Loanwords.Accept, k.Stemming.Protect, k.Tone.Acronyms, k.Neutrality.Parties} {
			for _, w := range list {
				addText(w)
			}
		}
		for _, list := range [][]brandkit.Hashtag{k.Hashtags.Required, k.Hashtags.Banned, k.Hashtags.Known} {
			for _, h := range list {
				addTag(h)
			}
		}
		for _, a := range k.Accounts {
			addText(a.Name)
			for _, h := range a.Hashtags {
				addTag(h)
			}
		}
		for _, c := range k.Campaigns {
			addText(c.Name)
			for _, h := range c.Hashtags {
				addTag(h)
			}
		}
		for _, p := range k.Narrative.Pillars {
			addText(p.Label)
			for _, w := range p.Keywords {
				addText(w)
			}
		}
		return o
	}).(*kitWords)
}

// acceptFiles returns the words of the accept files that apply to d.
func acceptFiles(d *lint.Draft) map[string]bool { return lexicon.Accepted(d.Abs, d.Root) }
