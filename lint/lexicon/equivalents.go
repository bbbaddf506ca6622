package lexicon

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed equivalents.txt
var equivalentsText string

var (
	equivOnce sync.Once
	equiv     map[string][]string
	equivMax  int             // the most words of one entry
	starts    map[string]bool // first words of the entries of two words or more
)

// Equivalents returns the Indonesian equivalents of an English word or
// phrase (lower case, words separated by one space), as Badan Bahasa gives
// them: feedback → umpan balik, deadline → tenggat. Nil when the list has
// none. The list (equivalents.txt, written by the project) is parsed on
// first use.
func Equivalents(phrase string) []string {
	equivOnce.Do(parseEquivalents)
	return equiv[phrase]
}

// PhraseStart reports whether word starts an entry of two words or more.
func PhraseStart(word string) bool {
	equivOnce.Do(parseEquivalents)
	return starts[word]
}

// PhraseStarts returns the first words of the entries of two words or
// more (the caller must not change the map).
func PhraseStarts() map[string]bool {
	equivOnce.Do(parseEquivalents)
	return starts
}

// EquivalentWords is the most words an English phrase of the list has.
func EquivalentWords() int {
	equivOnce.Do(parseEquivalents)
	return equivMax
}

func parseEquivalents() {
	equiv = map[string][]string{}
	starts = map[string]bool{}
	for _, line := range strings.Split(equivalentsText, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		en, id, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		var alts []string
		for _, a := range strings.Split(id, ";") {
			if a = strings.TrimSpace(a); a != "" {
				alts = append(alts, a)
			}
		}
		equiv[en] = alts
		words := strings.Fields(en)
		if len(words) > equivMax {
			equivMax = len(words)
		}
		if len(words) > 1 {
			starts[words[0]] = true
		}
	}
}
