package brandkit

import (
	"fmt"
	"strings"
)

// Spelling is the [spelling] table, read by the spelling rule.
type Spelling struct {
	// Accept lists words that are never misspellings: local names written
	// in lower case, regional words, the agency's own terms. Matched
	// case-insensitively, whole words.
	Accept []string `toml:"accept"`
}

// Loanwords is the [loanwords] table, read by the jargon rule's loanword
// check.
type Loanwords struct {
	// Accept lists foreign words (and phrases) readers use as their own
	// (online, link, email): not reported. Case-insensitive.
	Accept []string `toml:"accept"`
	// Equivalents adds to the built-in list of Indonesian equivalents of
	// English words: { "feedback" = ["umpan balik"] }. A word given here
	// is reported with these suggestions instead of the built-in ones.
	Equivalents map[string][]string `toml:"equivalents"`
}

// validateLexicon checks [spelling] and [loanwords].
func (k *Kit) validateLexicon(file string, loc *locator) []error {
	var probs []error
	add := func(line int, key, idFormat, enFormat string, args ...any) {
		probs = append(probs, problemf(file, line, key, idFormat, enFormat, args...))
	}
	for _, list := range []struct {
		table string
		words []string
		one   bool // one word an entry
	}{{"spelling", k.Spelling.Accept, true}, {"loanwords", k.Loanwords.Accept, false}} {
		for i, w := range list.words {
			key := fmt.Sprintf("%s.accept[%d]", list.table, i)
			switch {
			case strings.TrimSpace(w) == "":
				add(loc.key(list.table, "accept"), key, "entri kosong", "empty entry")
			case list.one && len(strings.Fields(w)) > 1:
				add(loc.key(list.table, "accept"), key, "%q: tulis satu kata per entri", "%q: write one word an entry", w)
			}
		}
	}
	for word, alts := range k.Loanwords.Equivalents {
		key := "loanwords.equivalents." + word
		if strings.TrimSpace(word) == "" {
			add(loc.key("loanwords", "equivalents"), "loanwords.equivalents", "kata kosong", "empty word")
		}
		if len(alts) == 0 {
			add(loc.key("loanwords", "equivalents", word), key, "%q perlu padanan, misalnya [\"umpan balik\"]", "%q needs an equivalent, for example [\"umpan balik\"]", word)
		}
		for _, a := range alts {
			if strings.TrimSpace(a) == "" {
				add(loc.key("loanwords", "equivalents", word), key, "padanan kosong", "empty equivalent")
			}
		}
	}
	return probs
}
