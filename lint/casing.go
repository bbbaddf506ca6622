package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MatchCase gives a fix's replacement the capitalisation of the text it
// replaces, so that a fix keeps a sentence start a sentence start and a
// shouted word shouted: written in capitals throughout (two letters or
// more) gives the replacement in capitals; a capital first letter gives
// the replacement a capital first letter; otherwise repl is returned as
// the kit wrote it (its own capitals, as in "KTP", stay).
func MatchCase(written, repl string) string {
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
	if letters >= 2 && upper == letters {
		return strings.ToUpper(repl)
	}
	first, _ := utf8.DecodeRuneInString(written)
	if unicode.IsUpper(first) {
		r, size := utf8.DecodeRuneInString(repl)
		return string(unicode.ToUpper(r)) + repl[size:]
	}
	return repl
}
