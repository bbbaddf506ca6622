package spelling

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/selaras/selaras/lint/lexicon"
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

// bareLimit is allowed for a candidate without affixes. A bare word the
// lexicon lacks is more often a root it does not list (rinci, a regional
// word) than a slip, so only the cheapest slips count up to eight letters;
// a slip inside an affixed word (mengunakan, diwajibakan) shows in its
// structure and keeps allowed's limit.
func bareLimit(n int) float64 {
	switch {
	case n < minLetters:
		return 0
	case n <= 8:
		return 0.5
	default:
		return allowed(n)
	}
}

// minLetters is the shortest word checked for typos.
const minLetters = 5

const alphabet = "abcdefghijklmnopqrstuvwxyz"

// candidateCache keeps candidates' answers per word for the run (a
// corpus repeats its unknown words); it stops growing at maxCached words.
var (
	candidateCache sync.Map
	cachedWords    atomic.Int64
)

const maxCached = 50_000

// candidates is nearest, cached per word.
func candidates(word string) []string {
	if v, ok := candidateCache.Load(word); ok {
		return v.([]string)
	}
	c := nearest(word)
	if cachedWords.Load() < maxCached {
		if _, loaded := candidateCache.LoadOrStore(strings.Clone(word), c); !loaded {
			cachedWords.Add(1)
		}
	}
	return c
}

// nearest returns the Indonesian words closest to word (lower case,
// letters a-z only), best first, or nil when none is close enough or too
// many are.
func nearest(word string) []string {
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
		lim := limit
		if !f.Affixed() {
			lim = bareLimit(len(word))
		}
		if c := Distance(word, w); c <= lim {
			found = append(found, cand{w, c})
		}
	}
	splits := morph.Analyze(word, func(string) bool { return true })
	// The known roots one edit away from each distinct root of a split,
	// then every split with that root re-inflected on them.
	near := map[string][]string{}
	for _, f := range splits {
		if len(f.Root) < 3 {
			continue
		}
		if _, done := near[f.Root]; !done {
			near[f.Root] = knownEdits(f.Root)
		}
		for _, root := range near[f.Root] {
			g := f
			g.Root, g.Standard = root, true
			consider(g)
		}
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

// knownEdits returns the roots of the lexicon one edit (a letter deleted,
// inserted or replaced, or two neighbours swapped) away from s. Edits in
// the first two letters are looked up one by one; for the others, the
// lexicon's words that share s's first two letters are compared with s,
// which is a few hundred comparisons instead of thousands of look-ups.
func knownEdits(s string) []string {
	var out []string
	seen := map[string]bool{s: true}
	add := func(w string) {
		if !seen[w] && morph.KnownID(w) {
			seen[w] = true
			out = append(out, w)
		}
	}
	for i := 0; i < 2 && i <= len(s); i++ {
		if i < len(s) {
			add(s[:i] + s[i+1:]) // delete
			if i+1 < len(s) {
				add(s[:i] + string(s[i+1]) + string(s[i]) + s[i+2:]) // swap
			}
			for _, c := range alphabet {
				if byte(c) != s[i] {
					add(s[:i] + string(c) + s[i+1:]) // replace
				}
			}
		}
		for _, c := range alphabet {
			add(s[:i] + string(c) + s[i:]) // insert
		}
	}
	if len(s) >= 2 {
		lexicon.Indonesian.WithPrefix(s[:2], func(w string) bool {
			if !seen[w] && oneEdit(s, w) {
				seen[w] = true
				out = append(out, w)
			}
			return true
		})
	}
	return out
}

// oneEdit reports whether a and b differ by exactly one deletion,
// insertion, replacement or swap of neighbours.
func oneEdit(a, b string) bool {
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 || a == b {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true // replace
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // swap
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
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
