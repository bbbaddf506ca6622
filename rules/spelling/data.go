package spelling

import (
	_ "embed"
	"strings"
	"sync"
)

// The rule's word lists, written by the project (sources in each file's
// header): place and time nouns after the preposition di, compounds KBBI
// writes apart or together, and bound forms written together.

//go:embed data/places.txt
var placesText string

//go:embed data/compounds.txt
var compoundsText string

//go:embed data/bound.txt
var boundText string

type tables struct {
	places    map[string]bool
	compounds map[string]string   // wrong form -> right form
	bound     map[string][]string // bound form -> the words it joins (nil: any)
	pairStart map[string]bool     // first words of the two-word checks: di, bound forms, compounds
	// special are the known words single checks all the same: compounds
	// written together and di + a place (dikantor, dikantornya).
	special map[string]bool
}

var (
	tablesOnce sync.Once
	tbl        tables
)

// data parses the lists once per process, on first use: a few hundred
// lines, parsed in microseconds, and only by a run that checks text.
func data() *tables {
	tablesOnce.Do(func() {
		tbl.places = map[string]bool{}
		for _, l := range lines(placesText) {
			tbl.places[l] = true
		}
		tbl.compounds = map[string]string{}
		for _, l := range lines(compoundsText) {
			wrong, right, ok := strings.Cut(l, "\t")
			if ok {
				tbl.compounds[wrong] = right
			}
		}
		tbl.bound = map[string][]string{}
		for _, l := range lines(boundText) {
			form, words, _ := strings.Cut(l, "\t")
			tbl.bound[form] = strings.Fields(words)
		}
		tbl.special = map[string]bool{}
		for wrong := range tbl.compounds {
			tbl.special[wrong] = true
		}
		for place := range tbl.places {
			tbl.special["di"+place] = true
			tbl.special["di"+place+"nya"] = true
		}
		tbl.pairStart = map[string]bool{"di": true, "se": true}
		for form := range tbl.bound {
			tbl.pairStart[form] = true
		}
		for wrong := range tbl.compounds {
			if first, _, two := strings.Cut(wrong, " "); two {
				tbl.pairStart[first] = true
			}
		}
	})
	return &tbl
}

func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// joins reports whether the bound form joins word.
func (t *tables) joins(form, word string) bool {
	words, ok := t.bound[form]
	if !ok {
		return false
	}
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if w == word {
			return true
		}
	}
	return false
}
