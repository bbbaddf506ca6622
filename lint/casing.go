package lint

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MatchCase gives a fix's replacement the capitalisation of the text it
// replaces, so that a fix keeps a sentence start a sentence start and a
// shouted phrase shouted:
//
//   - written in capitals throughout, over two words or more or one word of
//     five letters or more ("DALAM RANGKA", "SINERGITAS"): repl in capitals;
//     a short capital word ("RTH") is an acronym, not shouting;
//   - a capital first letter at the start of a sentence (sentenceStart), or
//     a first word written as a name ("Sinergitas", not "RTH"): repl with a
//     capital first letter;
//   - otherwise repl as the kit wrote it (its own capitals, as in "KTP",
//     stay).
//
// Draft.SentenceStart tells whether a span starts a sentence.
func MatchCase(written, repl string, sentenceStart bool) string {
	if written == "" || repl == "" {
		return repl
	}
	letters, upper := 0, 0
	for _, r := range written {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if upper == letters && (letters >= 5 || len(strings.Fields(written)) > 1 && letters >= 2) {
		return strings.ToUpper(repl)
	}
	first, _ := utf8.DecodeRuneInString(written)
	if !unicode.IsUpper(first) {
		return repl
	}
	if sentenceStart || nameCase(strings.Fields(written)[0]) {
		r, size := utf8.DecodeRuneInString(repl)
		return string(unicode.ToUpper(r)) + repl[size:]
	}
	return repl
}

// nameCase reports whether w is written as a name: a capital, then at
// least one small letter and no other capital.
func nameCase(w string) bool {
	lower := 0
	for i, r := range w {
		if i == 0 {
			continue
		}
		if unicode.IsUpper(r) {
			return false
		}
		if unicode.IsLower(r) {
			lower++
		}
	}
	return lower > 0
}

// SentenceStart reports whether off is where a token starts that is the
// first word (or number) of its sentence: punctuation before it, such as
// an opening quote or a list dash, does not count.
func (d *Draft) SentenceStart(off int) bool {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= off })
	if i == len(d.Tokens) || d.Tokens[i].Start != off {
		return false
	}
	s := d.Tokens[i].Sentence
	for j := i - 1; j >= 0 && d.Tokens[j].Sentence == s; j-- {
		if k := d.Tokens[j].Kind; k == TokWord || k == TokNumber {
			return false
		}
	}
	return true
}
