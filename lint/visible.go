package lint

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible makes text from a draft, a file name or an export safe to print
// on a terminal: control characters (C0 but tab, DEL, C1) and bytes that
// are not UTF-8 become escapes such as \x1b and \u009b, so that an escape
// sequence in a caption (ESC ] 0 ; ... BEL retitles the terminal, ESC [ 2 J
// clears it) is shown, not obeyed. Text without them is returned as is.
func Visible(s string) string { return visible(s, false) }

// VisibleLines is Visible keeping line breaks (\n), for messages that
// may span lines.
func VisibleLines(s string) string { return visible(s, true) }

func visible(s string, keepNL bool) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if mustEscape(r, size, keepNL) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !mustEscape(r, size, keepNL):
			b.WriteString(s[i : i+size])
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

func mustEscape(r rune, size int, keepNL bool) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return true
	case r == '\t', keepNL && r == '\n':
		return false
	}
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// EscapeWidth is how many cells Visible gives rune r (1 when it is left as
// it is: the caller measures it).
func EscapeWidth(r rune) int {
	switch {
	case r == '\t' || !mustEscape(r, utf8.RuneLen(r), false):
		return 1
	case r < 0x80:
		return 4 // \x1b
	}
	return 6 // \u009b
}
