package spelling

import (
	"sort"
	"strings"

	"github.com/selaras/selaras/lint/morph"
)

// A typo is a word that is not Indonesian (no root of the lexicon with
// standard affixes) but one slip away from a word that is. Candidates are
// found by undoing the word's possible affixes, editing the root once
// (a letter deleted, inserted, replaced or two swapped), keeping the
// edits that are roots of the lexicon, and putting the affixes back
// (mengunakan: meN- + "una" + -kan → "guna" → menggunakan). Each
// candidate is then weighed against the written word with Distance.

// maxCandidates: a word with more near neighbours than this is too
// unlike any one of them to say which was meant (a name, a regional word).
const maxCandidates = 3

// allowed is the largest distance reported for a word of n letters: short
// words have many neighbours, so only a cheap slip (a swap, a neighbouring
// key, a doubled letter) counts for them.
func allowed(n int) float64 {
	switch {
	case n < minLetters:
		return 0
	case n <= 6:
		return 0.6
	default:
		return 1
	}
}

// minLetters is the shortest word checked for typos.
const minLetters = 5

const alphabet = "abcdefghijklmnopqrstuvwxyz"

// candidates returns the Indonesian words closest to word (lower case,
// letters a-z only), best first, or nil when none is close enough or too
// many are.
func candidates(word string) []string {
	limit := allowed(len(word))
	if limit == 0 {
		return nil
	}
	type cand struct {
		word string
		cost float64
	}
	var found []cand
	seen := map[string]bool{word: true}
	consider := func(f morph.Form) {
		w := morph.Inflect(f)
		if seen[w] {
			return
		}
		seen[w] = true
		if c := Distance(word, w); c <= limit {
			found = append(found, cand{w, c})
		}
	}
	splits := morph.Analyze(word, func(string) bool { return true })
	tried := map[string]bool{}
	for _, f := range splits {
		if len(f.Root) < 3 {
			continue
		}
		key := string(f.Prefix) + "|" + f.Root + "|" + f.Suffix + "|" + f.Clitic
		if tried[key] {
			continue
		}
		tried[key] = true
		edits(f.Root, func(root string) {
			if morph.KnownID(root) {
				g := f
				g.Root, g.Standard = root, true
				consider(g)
			}
		})
	}
	if len(found) == 0 {
		return nil
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].cost < found[j].cost })
	best := found[0].cost
	var out []string
	for _, c := range found {
		if c.cost == best {
			out = append(out, c.word)
		}
	}
	if len(out) > maxCandidates {
		return nil
	}
	return out
}

// edits calls yield with every string one edit away from s.
func edits(s string, yield func(string)) {
	for i := 0; i < len(s); i++ {
		yield(s[:i] + s[i+1:]) // delete
		if i+1 < len(s) && s[i] != s[i+1] {
			yield(s[:i] + string(s[i+1]) + string(s[i]) + s[i+2:]) // swap
		}
		for _, c := range alphabet {
			if byte(c) != s[i] {
				yield(s[:i] + string(c) + s[i+1:]) // replace
			}
		}
	}
	for i := 0; i <= len(s); i++ {
		for _, c := range alphabet {
			yield(s[:i] + string(c) + s[i:]) // insert
		}
	}
}

// colloquial reports whether word is a spoken form of a known word rather
// than a slip: Jakarta speech's final-syllable e for a (temen, deket,
// bener, inget), its ng-/nge- prefix and -in suffix (ngomongin,
// manfaatin, dipikirin), or a letter drawn out for emphasis (sangaaat).
func colloquial(word string) bool {
	for i := 2; i < len(word); i++ {
		if word[i] == word[i-1] && word[i] == word[i-2] {
			return true
		}
	}
	// final-syllable e for a: the last vowel of the word (before a
	// clitic) is e
	stem, clitic := word, ""
	for _, c := range []string{"nya", "ku", "mu", "lah"} {
		if b, ok := strings.CutSuffix(word, c); ok && len(b) >= 3 {
			stem, clitic = b, c
			break
		}
	}
	if i := strings.LastIndexAny(stem, "aeiou"); i > 0 && stem[i] == 'e' {
		if morph.IsIndonesian(stem[:i] + "a" + stem[i+1:] + clitic) {
			return true
		}
	}
	base := word
	if b, ok := strings.CutSuffix(base, "nya"); ok {
		base = b
	}
	if b, ok := strings.CutSuffix(base, "in"); ok {
		base = b
	} else {
		base = word
	}
	if base == word {
		if !strings.HasPrefix(word, "ng") {
			return false
		}
	}
	for _, pre := range []string{"", "di", "nge", "ng", "ny", "n", "m", "ke"} {
		rest, ok := strings.CutPrefix(base, pre)
		if !ok || len(rest) < 2 {
			continue
		}
		if morph.IsIndonesian(rest) {
			return true
		}
		switch pre {
		case "ng", "nge":
			if morph.IsIndonesian("k" + rest) {
				return true
			}
		case "ny":
			if morph.IsIndonesian("s" + rest) {
				return true
			}
		case "n":
			if morph.IsIndonesian("t" + rest) {
				return true
			}
		case "m":
			if morph.IsIndonesian("p" + rest) {
				return true
			}
		}
	}
	return false
}
