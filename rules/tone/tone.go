// Package tone holds the tone-* rules: how a post sounds to the citizen
// reading it. Each rule is small, explainable and tuned by the kit's
// [tone] table; where a threshold is absent the rule uses the built-in
// default documented next to it.
package tone

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Built-in defaults, used when the kit leaves a [tone] number at 0.
const (
	DefaultPassiveMax     = 0.6 // share of di- passives among the verbs
	DefaultPassiveMin     = 4   // passives a post must hold before the share counts
	DefaultSentenceMax    = 25  // words per sentence
	DefaultExclamationMax = 3   // exclamations per post
)

func passiveMax(k *brandkit.Kit) float64 {
	if k.Tone.PassiveMax > 0 {
		return k.Tone.PassiveMax
	}
	return DefaultPassiveMax
}

func passiveMin(k *brandkit.Kit) int {
	if k.Tone.PassiveMin > 0 {
		return k.Tone.PassiveMin
	}
	return DefaultPassiveMin
}

func sentenceMax(k *brandkit.Kit) int {
	if k.Tone.SentenceMax > 0 {
		return k.Tone.SentenceMax
	}
	return DefaultSentenceMax
}

func exclamationMax(k *brandkit.Kit) int {
	if k.Tone.ExclamationMax > 0 {
		return k.Tone.ExclamationMax
	}
	return DefaultExclamationMax
}

// isWord reports whether a token counts as a word of running text.
func isWord(t *lint.Token) bool { return t.Kind == lint.TokWord || t.Kind == lint.TokNumber }

// sentenceStart reports whether token i is the first word of its sentence.
func sentenceStart(toks []lint.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if toks[j].Sentence != toks[i].Sentence {
			return true
		}
		if isWord(&toks[j]) {
			return false
		}
	}
	return true
}

// capitalized reports whether s starts with an upper-case letter.
func capitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// quote shortens text for a message: spaces folded, at most n runes.
func quote(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}

// phraseSpecs turns a kit word list into matcher phrases: stem-matched,
// or exact when the entry starts with "=".
func phraseSpecs(list []string) []lint.PhraseSpec {
	specs := make([]lint.PhraseSpec, len(list))
	for i, s := range list {
		s = strings.TrimSpace(s)
		specs[i] = lint.PhraseSpec{Text: strings.TrimPrefix(s, "="), Exact: strings.HasPrefix(s, "=")}
	}
	return specs
}
