package brandkit

import "strings"

// MaxTOMLDepth bounds how deeply a kit or a draft's front matter may nest
// tables, arrays and dotted keys. The TOML decoder's memory grows with the
// square of the depth (40 KB of nested inline tables took 2 GB, 130 KB of
// one dotted key ran out of memory), and no kit or front matter needs more
// than a handful of levels.
const MaxTOMLDepth = 64

// TOMLTooDeep returns the 1-based line where src nests deeper than
// MaxTOMLDepth levels, or 0 when it does not. It reads only the lexical
// structure of TOML (brackets, braces, dots in keys), skipping strings
// and comments; everything else is left to the decoder.
func TOMLTooDeep(src string) int {
	line, depth, dots := 1, 0, 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
			dots = 0
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end := stringEnd(src, i)
			if end < 0 {
				return 0 // an unclosed string: the decoder says where
			}
			line += strings.Count(src[i:end], "\n")
			i = end - 1
		case '[', '{':
			depth++
		case ']', '}':
			if depth > 0 {
				depth--
			}
		case '.':
			dots++
		case '=', ',':
			dots = 0 // what follows is a value (a float has one dot) or a new key
		}
		if depth+dots > MaxTOMLDepth {
			return line
		}
	}
	return 0
}

// stringEnd returns the index just after the TOML string starting at i
// (basic, literal, or either multi-line form), or -1 when it is not closed.
func stringEnd(src string, i int) int {
	q := src[i]
	if strings.HasPrefix(src[i:], strings.Repeat(string(q), 3)) {
		for j := i + 3; j+3 <= len(src); j++ {
			if q == '"' && src[j] == '\\' {
				j++
				continue
			}
			if src[j] == q && src[j+1] == q && src[j+2] == q {
				for j+3 < len(src) && src[j+3] == q { // up to two quotes may end the content
					j++
				}
				return j + 3
			}
		}
		return -1
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case '\n':
			return -1
		case q:
			return j + 1
		}
	}
	return -1
}
