package format

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/selaras/selaras/lint"
)

// Helpers shared by the CI formats (sarif, github, gitlab, checkstyle,
// line): column conventions, paths, stable fingerprints.

// utf16Cols converts 1-based code-point columns of one file's lines to
// 1-based UTF-16 code-unit columns (what SARIF, GitHub and Java tools
// count): every character outside the Basic Multilingual Plane, most emoji
// among them, takes two units. Each line is scanned once, the first time a
// finding points at it, for where its astral characters are; a column then
// costs a binary search. (Scanning the line from its start for every
// finding made a one-line 1 MB draft with 80,000 findings take 40 s.)
// Without the line's text a column is returned as is.
type utf16Cols struct {
	fr     *lint.FileResult
	astral map[int][]int // line -> code-point indexes (0-based) of astral characters
}

// lineBytesScanned counts the bytes utf16Cols read from lines, for a test
// that checks the conversion stays linear in the input.
var lineBytesScanned atomic.Int64

func newUTF16Cols(fr *lint.FileResult) *utf16Cols {
	return &utf16Cols{fr: fr, astral: map[int][]int{}}
}

func (c *utf16Cols) col(line, col int) int {
	if c == nil || c.fr == nil || line < 1 || col < 1 {
		return col
	}
	idx, ok := c.astral[line]
	if !ok {
		text := c.fr.Line(line)
		lineBytesScanned.Add(int64(len(text)))
		n := 0
		for _, r := range text {
			if r >= 0x10000 {
				idx = append(idx, n)
			}
			n++
		}
		c.astral[line] = idx
	}
	// Each astral character before the column adds one unit. A column past
	// the line's end (the exclusive end of a match that closes the line)
	// keeps its distance from the last character.
	return col + sort.SearchInts(idx, col-1)
}

// slashPath is a result path as CI systems want it: forward slashes, no
// "./" prefix.
func slashPath(p string) string {
	p = filepath.ToSlash(p)
	if p == "" || strings.HasPrefix(p, "<") {
		return p
	}
	return path.Clean(p)
}

// fingerprint identifies a finding across runs without line numbers, so
// that editing elsewhere in a file keeps it: the rule, the file, the
// matched text (lower-cased, spaces folded, as the baseline keys it; or,
// without a match, the message) and which occurrence of that text in the
// file it is.
func fingerprint(p, rule, key string, occurrence int) string {
	h := sha256.New()
	for _, s := range []string{"selaras/v1", slashPath(p), rule, key} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var n [8]byte
	for i := range n {
		n[i] = byte(occurrence >> (8 * i))
	}
	h.Write(n[:])
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// fingerprints returns one fingerprint per finding of fr, in order.
func fingerprints(fr *lint.FileResult) []string {
	seen := map[string]int{}
	out := make([]string, len(fr.Findings))
	for i, f := range fr.Findings {
		key := strings.ToLower(strings.Join(strings.Fields(f.Match), " "))
		if key == "" {
			key = f.Message.ID
		}
		k := f.Rule + "\x00" + key
		out[i] = fingerprint(fr.Path, f.Rule, key, seen[k])
		seen[k]++
	}
	return out
}

// regionNote describes the part of an image a finding is about; empty
// when the finding has no region.
func regionNote(f lint.Finding, lang string) string {
	if f.Region == nil {
		return ""
	}
	r := f.Region
	return lint.Tf("bagian gambar: x=%d y=%d, %dx%d piksel", "image region: x=%d y=%d, %dx%d pixels",
		r.X, r.Y, r.Width, r.Height).In(lang)
}

// plainMessage is the finding's message in lang on one line, with the image
// region appended when there is one.
func plainMessage(f lint.Finding, lang string) string {
	m := f.Message.In(lang)
	if n := regionNote(f, lang); n != "" {
		m += " (" + n + ")"
	}
	return m
}

// oneLine folds line breaks into spaces, for formats with one finding a
// line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}

// hasPosition reports whether a finding points into the text (a line and
// column), rather than at a whole file.
func hasPosition(f lint.Finding) bool { return f.Line > 0 && !f.FileLevel }
