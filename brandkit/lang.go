package brandkit

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
)

// Kit problems are told in Indonesian (the default of every selaras
// message) and in English (--lang en). A Problem carries both texts; Error
// is the English line, so callers that only print an error keep working.

// Problem is one thing wrong with a kit, with where it is.
type Problem struct {
	File  string // as given; "(default kit)" for the embedded kit
	Line  int    // 1-based; 0 when unknown
	Key   string // dotted key, e.g. "jargon[3].phrase"
	Msg   string // in English
	MsgID string // in Indonesian; when empty, Msg is shown in both languages
	// More, when set, makes this line stand for that many problems that
	// are counted but not told (a kit with thousands of them).
	More int
}

// Count is the number of kit problems err holds: each Problem is one,
// a line standing for problems not told counts as those.
func Count(err error) int {
	switch e := err.(type) {
	case nil:
		return 0
	case Problem:
		return max(1, e.More)
	case *Problem:
		return max(1, e.More)
	case interface{ Unwrap() []error }:
		n := 0
		for _, x := range e.Unwrap() {
			n += Count(x)
		}
		return n
	}
	return 1
}

// problemf makes a Problem from an Indonesian and an English format that
// take the same arguments.
func problemf(file string, line int, key, idFormat, enFormat string, args ...any) Problem {
	return Problem{File: file, Line: line, Key: key, Msg: fmt.Sprintf(enFormat, args...), MsgID: fmt.Sprintf(idFormat, args...)}
}

// Error is the problem's line in English: file:line: key: message.
func (p Problem) Error() string { return p.In("en") }

// In is the problem's line in lang ("en" for English, Indonesian
// otherwise): file:line: key: message, on one line.
func (p Problem) In(lang string) string {
	file, msg := p.File, p.Msg
	if lang != "en" {
		if p.MsgID != "" {
			msg = p.MsgID
		}
		if file == defaultName {
			file = "(kit bawaan selaras)"
		}
	}
	var b strings.Builder
	b.WriteString(file)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Key != "" {
		b.WriteString(p.Key)
		b.WriteString(": ")
	}
	// One problem, one line: a value quoted in a message may hold a newline.
	b.WriteString(strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(msg))
	return b.String()
}

// Message renders err in lang ("en" for English, Indonesian otherwise):
// each kit problem on a line of its own, as Error() does in English. Any
// error that can tell itself in a language (a method In(lang string)
// string) is told in lang; other errors print as they are.
func Message(err error, lang string) string {
	switch e := err.(type) {
	case nil:
		return ""
	case Problem:
		return e.In(lang)
	case *Problem:
		return e.In(lang)
	case interface{ Unwrap() []error }:
		var lines []string
		for _, x := range e.Unwrap() {
			if x != nil {
				lines = append(lines, Message(x, lang))
			}
		}
		return strings.Join(lines, "\n")
	case interface{ In(string) string }:
		return e.In(lang)
	}
	return err.Error()
}

// bilingual is an error told in both languages; Error is the English.
type bilingual struct{ id, en string }

func (e *bilingual) Error() string { return e.en }

func (e *bilingual) In(lang string) string {
	if lang == "en" {
		return e.en
	}
	return e.id
}

// errorf makes an error from an Indonesian and an English format that take
// the same arguments.
func errorf(idFormat, enFormat string, args ...any) error {
	return &bilingual{id: fmt.Sprintf(idFormat, args...), en: fmt.Sprintf(enFormat, args...)}
}

// readReason is why a kit file could not be read, in both languages.
func readReason(err error) (id, en string) {
	en = plainErr(err)
	var b interface{ In(string) string }
	switch {
	case errors.As(err, &b):
		return b.In("id"), en
	case errors.Is(err, fs.ErrPermission):
		return "tidak ada izin untuk membacanya", en
	}
	return en, en
}

// valueKinds are the value types that check themselves while the TOML
// decoder reads them (values.go, image.go), by the English start of their
// error. The decoder keeps only the text of such an error, so the
// Indonesian text is found by checking the value again.
var valueKinds = []struct {
	prefix string
	check  func(string) error
}{
	{"severity ", func(s string) error { var v Severity; return v.UnmarshalText([]byte(s)) }},
	{"colour ", func(s string) error { _, err := ParseHexColor(s); return err }},
	{"hashtag ", func(s string) error { var v Hashtag; return v.UnmarshalText([]byte(s)) }},
	{"mention ", func(s string) error { var v Mention; return v.UnmarshalText([]byte(s)) }},
	{"image size ", func(s string) error { var v ImageSize; return v.UnmarshalText([]byte(s)) }},
	{"zone ", func(s string) error { var v Zone; return v.UnmarshalText([]byte(s)) }},
	{"language ", func(s string) error { var v Language; return v.UnmarshalText([]byte(s)) }},
	{"image format ", func(s string) error { var v ImageFormat; return v.UnmarshalText([]byte(s)) }},
}

// valueMessageID returns the Indonesian text of a value type's English
// error message, or false when msg is not one.
func valueMessageID(msg string) (string, bool) {
	for _, k := range valueKinds {
		rest, ok := strings.CutPrefix(msg, k.prefix)
		if !ok {
			continue
		}
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			continue
		}
		v, err := strconv.Unquote(q)
		if err != nil {
			continue
		}
		var b *bilingual
		if err := k.check(v); errors.As(err, &b) && b.en == msg {
			return b.id, true
		}
	}
	return "", false
}

var (
	wrongTypeRe    = regexp.MustCompile(`^wrong type: TOML value has type (.+); destination has type (.+)$`)
	notTableRe     = regexp.MustCompile(`^type mismatch for \S+: expected table but found (.+)$`)
	typeNamesInIDs = map[string]string{
		// What the kit holds, as the TOML decoder names it.
		"string": "teks", "int64": "bilangan bulat", "float64": "bilangan desimal", "bool": "true/false",
		"time.Time": "tanggal", "[]any": "daftar", "map[string]any": "tabel", "[]map[string]any": "daftar tabel",
		// What the key needs.
		"integer": "bilangan bulat", "float": "bilangan", "boolean": "true atau false", "slice": "daftar [ ... ]",
		"map": "tabel", "primitive (string-like)": "teks",
	}
)

// typeNameID is a TOML decoder's type name in Indonesian.
func typeNameID(name string) string {
	if s, ok := typeNamesInIDs[name]; ok {
		return s
	}
	if strings.HasPrefix(name, "[]") {
		return "daftar"
	}
	if strings.HasPrefix(name, "map[") {
		return "tabel"
	}
	return name
}

// decodeMessageID is the Indonesian text of what the TOML decoder said (en,
// as the English problem shows it): the value types' own errors and wrong
// types are translated; the library's other messages keep their detail in
// an Indonesian frame.
func decodeMessageID(en string) string {
	if id, ok := valueMessageID(en); ok {
		return id
	}
	if m := wrongTypeRe.FindStringSubmatch(en); m != nil {
		return fmt.Sprintf("jenis nilai salah: tertulis %s, seharusnya %s", typeNameID(m[1]), typeNameID(m[2]))
	}
	if m := notTableRe.FindStringSubmatch(en); m != nil {
		return fmt.Sprintf("jenis nilai salah: tertulis %s, seharusnya tabel", typeNameID(m[1]))
	}
	return "TOML tidak sah: " + en
}
