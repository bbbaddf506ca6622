package lint

import (
	"strings"
	"unicode"

	"github.com/selaras/selaras/lint/stem"
)

// PhraseSpec is one phrase a rule looks for, as a kit writes it.
type PhraseSpec struct {
	Text string
	// Exact matches the surface words only (case-insensitively), without
	// stemming: for entries whose inflected forms are fine.
	Exact bool
	// NotAfter and NotBefore are the phrase's context: it does not match
	// where the word right before it (NotAfter) or right after it
	// (NotBefore), in the same sentence, is one of these (lower case,
	// compared as written and by stem). In NotBefore, "." stands for the
	// end of a clause: punctuation other than a hyphen or a quote, a line
	// break, or the end of the sentence. "pihak terkait" is an adjective,
	// "terkait jadwal" the wordy preposition: "terkait" with NotAfter
	// ["pihak", "yang"] and NotBefore ["."].
	NotAfter, NotBefore []string
}

// Matcher finds kit phrases in a draft's words. Phrases are tokenized and
// stemmed once, when the matcher is built; matching is one pass over the
// draft with a hash lookup per word, so its cost does not grow with the
// number of phrases.
type Matcher struct {
	phrases []compiled
	byStem  map[string][]int // first word's stem -> phrases (stem-aware)
	byWord  map[string][]int // first word's lower-case form -> phrases (exact)
	// first holds a bit for the hash of every first word and stem: most
	// words of a draft start no phrase, and a bit test is far cheaper
	// than the map look-ups it saves.
	first [firstBits / 64]uint64
}

const firstBits = 1 << 14

func (m *Matcher) setFirst(w string) {
	h := wordHash(w) % firstBits
	m.first[h/64] |= 1 << (h % 64)
}

func (m *Matcher) mayStart(h uint32) bool {
	h %= firstBits
	return m.first[h/64]&(1<<(h%64)) != 0
}

type compiled struct {
	words []string // lower-case surface forms (punctuation as written)
	stems []string
	// punct marks the punctuation the phrase holds between its words, or
	// right after its last word ("s/d", "s.d.", "Prov. Banten"): the
	// draft must have the same character there.
	punct []bool
	exact bool
	// Context (PhraseSpec.NotAfter, NotBefore): lower-case forms and stems.
	notAfter, notBefore map[string]bool
	clauseEnd           bool // NotBefore holds "."
}

// Match is one occurrence: phrase ID (its index in the specs) and the span
// of the surface words as written.
type Match struct {
	ID   int
	Span Span
	// First and Last index the draft's tokens the match covers.
	First, Last int
}

// NewMatcher compiles phrases with stemmer (nil: surface matching only).
// A phrase that holds no word (only punctuation) never matches.
func NewMatcher(specs []PhraseSpec, stemmer stem.Stemmer) *Matcher {
	m := &Matcher{byStem: map[string][]int{}, byWord: map[string][]int{}}
	for id, sp := range specs {
		var c compiled
		c.exact = sp.Exact || stemmer == nil
		toks := phraseTokens(sp.Text)
		lastWord := -1
		for i, t := range toks {
			if t.Kind == TokWord || t.Kind == TokNumber {
				lastWord = i
			}
		}
		for i, t := range toks {
			if t.Kind == TokPunct && len(c.words) > 0 && (i < lastWord || toks[i-1].End == t.Start && toks[i-1].Kind != TokPunct) {
				// Inside the phrase, or written right after its last
				// word: part of what the draft must say.
				c.words = append(c.words, t.Text)
				c.stems = append(c.stems, t.Text)
				c.punct = append(c.punct, true)
				continue
			}
			if t.Kind != TokWord && t.Kind != TokNumber {
				continue
			}
			c.words = append(c.words, t.Lower)
			s := t.Lower
			if stemmer != nil && t.Kind == TokWord {
				s = stemmer(t.Lower)
			}
			c.stems = append(c.stems, s)
			c.punct = append(c.punct, false)
		}
		c.notAfter = contextSet(sp.NotAfter, stemmer, nil)
		c.notBefore = contextSet(sp.NotBefore, stemmer, &c.clauseEnd)
		m.phrases = append(m.phrases, c)
		if len(c.words) == 0 {
			continue
		}
		if c.exact {
			m.byWord[c.words[0]] = append(m.byWord[c.words[0]], id)
			m.setFirst(c.words[0])
		} else {
			m.byStem[c.stems[0]] = append(m.byStem[c.stems[0]], id)
			m.setFirst(c.stems[0])
		}
	}
	return m
}

// phraseTokens tokenizes a kit phrase. Most phrases are words of letters
// and spaces, and a kit has a thousand or more of them: those are split
// directly, as the tokenizer would split them, without its set-up for
// every call (a one-draft run built its matchers in about as much time as
// it checked the draft).
func phraseTokens(text string) []Token {
	simple := true
	for _, r := range text {
		if r != ' ' && !unicode.IsLetter(r) {
			simple = false
			break
		}
	}
	if !simple {
		return tokenize(text, 0, len(text))
	}
	var toks []Token
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			j = len(text) - i
		}
		w := text[i : i+j]
		toks = append(toks, Token{Kind: TokWord, Start: i, End: i + j, Text: w, Lower: strings.ToLower(w)})
		i += j
	}
	return toks
}

// contextSet folds context words for lookups: each lower-case form and its
// stem. "." sets *clauseEnd instead.
func contextSet(words []string, stemmer stem.Stemmer, clauseEnd *bool) map[string]bool {
	if len(words) == 0 {
		return nil
	}
	set := map[string]bool{}
	for _, w := range words {
		w = Normalize(w)
		if w == "." && clauseEnd != nil {
			*clauseEnd = true
			continue
		}
		if w == "" {
			continue
		}
		set[w] = true
		if stemmer != nil {
			set[stemmer(w)] = true
		}
	}
	return set
}

// Len is the number of phrases.
func (m *Matcher) Len() int { return len(m.phrases) }

// Find calls fn for each match in d, left to right. Where phrases overlap
// at one place the longest wins, and the search goes on after it.
func (m *Matcher) Find(d *Draft, fn func(Match)) {
	toks := d.Tokens
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != TokWord && t.Kind != TokNumber {
			continue
		}
		best, bestLen := -1, 0
		try := func(ids []int) {
			for _, id := range ids {
				if n := m.phrases[id].matchAt(toks, i); n > bestLen && m.phrases[id].fits(d.Source, toks, i, i+n-1) {
					best, bestLen = id, n
				}
			}
		}
		if t.hashed && !m.mayStart(t.hStem) && !m.mayStart(t.hLower) {
			continue // no phrase starts with this word or its stem
		}
		try(m.byStem[t.Stem])
		if t.Stem != t.Lower {
			try(m.byStem[t.Lower])
		}
		try(m.byWord[t.Lower])
		if best < 0 {
			continue
		}
		last := i + bestLen - 1
		fn(Match{ID: best, Span: Span{t.Start, toks[last].End}, First: i, Last: last})
		i = last
	}
}

// matchAt returns how many tokens the phrase covers starting at token i,
// or 0. The words must follow each other directly (only spaces or a single
// line break between) within one sentence.
func (c *compiled) matchAt(toks []Token, i int) int {
	if i+len(c.words) > len(toks) {
		return 0
	}
	for k := range c.words {
		t := &toks[i+k]
		if c.punct[k] {
			// Punctuation the phrase holds: the same character. A full
			// stop inside the phrase may end a sentence ("Prov. Banten").
			if t.Kind != TokPunct || t.Text != c.words[k] || t.Para != toks[i].Para {
				return 0
			}
			continue
		}
		if t.Kind != TokWord && t.Kind != TokNumber {
			return 0
		}
		if k > 0 && (t.Sentence != toks[i+k-1].Sentence && !c.punct[k-1] || t.Para != toks[i].Para) {
			return 0
		}
		if c.exact {
			if t.Lower != c.words[k] {
				return 0
			}
		} else if t.Stem != c.stems[k] && t.Lower != c.words[k] {
			return 0
		}
	}
	return len(c.words)
}

// fits reports whether the phrase's context allows a match over tokens
// first..last (see PhraseSpec.NotAfter and NotBefore).
func (c *compiled) fits(src string, toks []Token, first, last int) bool {
	if c.notAfter != nil && first > 0 {
		if p := &toks[first-1]; p.Sentence == toks[first].Sentence && p.Kind == TokWord && (c.notAfter[p.Lower] || c.notAfter[p.Stem]) {
			return false
		}
	}
	if c.notBefore == nil && !c.clauseEnd {
		return true
	}
	if last+1 >= len(toks) {
		return !c.clauseEnd
	}
	n := &toks[last+1]
	if n.Sentence != toks[last].Sentence || n.Para != toks[last].Para || strings.Contains(src[toks[last].End:n.Start], "\n") {
		return !c.clauseEnd
	}
	switch n.Kind {
	case TokWord, TokNumber:
		return !(c.notBefore[n.Lower] || c.notBefore[n.Stem])
	case TokPunct:
		if n.Text == "-" || n.Text == "\"" || n.Text == "'" || n.Text == "“" || n.Text == "”" {
			return true
		}
		return !c.clauseEnd
	default:
		// A hashtag, link or emoji after the phrase: no noun phrase
		// follows it there either.
		return !c.clauseEnd
	}
}

// Normalize folds a phrase for comparisons: lower case, single spaces.
func Normalize(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
