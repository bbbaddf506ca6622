package lint

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/selaras/selaras/brandkit"
)

// Front matter is read in three steps, each linear in its size:
//
//  1. the TOML is decoded into a generic map; a line the decoder cannot
//     read is reported in plain words (what is wrong, how to write it),
//     blanked, and the rest decoded again, so that one bad line does not
//     hide the block's other problems;
//  2. every key is checked against what front matter holds (frontKeys),
//     its type too, with a "did you mean" for a mistyped key;
//  3. positions come from one index of the block's keys (frontIndex),
//     built once, never by rescanning per key.
//
// YAML front matter (`---` ... `---`, the Hugo and Jekyll habit) is not
// selaras's format: it is reported (draft-front-matter) with the block
// converted to TOML as a suggestion and an unsafe fix, and, when it is
// simple `key: value` data, read as that TOML for the run, so that its
// images are still checked.

// frontKeys are the keys front matter may hold.
var frontKeys = []string{"platform", "account", "date", "images", "pillars", "ignore"}

// maxFrontRetries bounds how many unreadable lines of one block are
// reported (each costs one decode of the block).
const maxFrontRetries = 16

// parseFront reads front matter at the very top of the file: TOML between
// "+++" lines, or YAML between "---" lines (reported).
func (d *Draft) parseFront() []problem {
	s := d.Source
	first, _, _ := strings.Cut(s, "\n")
	delim := strings.TrimRight(first, "\r \t")
	if delim != frontDelim && delim != "---" {
		return nil
	}
	openEnd := min(len(first)+1, len(s))
	closeAt, closeEnd := -1, -1
	for off := openEnd; off < len(s); {
		line, _, _ := strings.Cut(s[off:], "\n")
		if strings.TrimRight(line, "\r \t") == delim {
			closeAt, closeEnd = off, min(off+len(line)+1, len(s))
			break
		}
		off += len(line) + 1
	}
	if delim == "---" {
		if closeAt < 0 {
			return nil // a thematic break, not front matter
		}
		return d.parseYAMLFront(openEnd, closeAt, closeEnd, strings.HasSuffix(first, "\r"))
	}
	if closeAt < 0 {
		return []problem{{rule: "draft-front-matter", start: 0, end: len(first), msg: Text{
			ID: "front matter dibuka dengan +++ tetapi tidak pernah ditutup; tambahkan baris +++ setelahnya",
			EN: "front matter opens with +++ but is never closed; add a +++ line after it"}}}
	}
	d.Body = closeEnd
	d.Front.Present = true
	d.Front.Span = Span{0, closeEnd}
	src := s[openEnd:closeAt]
	if line := brandkit.TOMLTooDeep(src); line > 0 {
		off := d.lineStarts[min(line, len(d.lineStarts)-1)]
		return []problem{{rule: "draft-front-matter", start: off, end: off + lineLen(s, off), msg: Tf(
			"front matter bersarang lebih dari %d tingkat; front matter cukup berisi beberapa kunci sederhana",
			"the front matter nests more than %d levels deep; front matter needs only a few plain keys", brandkit.MaxTOMLDepth)}}
	}
	return d.decodeFront(src, openEnd)
}

// lineIndex is the 0-based line of Source holding offset off.
func (d *Draft) lineIndex(off int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
}

// decodeFront reads the TOML src, which starts at offset base of Source (a
// line start), into d.Front, and returns what is wrong with it.
func (d *Draft) decodeFront(src string, base int) []problem {
	baseLine := d.lineIndex(base)
	// lineAt is the Source offset and text of line n (1-based) of src.
	lineAt := func(n int) (int, string) {
		i := baseLine + n - 1
		if n < 1 || i >= len(d.lineStarts) {
			return base, ""
		}
		off := d.lineStarts[i]
		if off >= base+len(src) {
			return base, ""
		}
		return off, d.Source[off : off+lineLen(d.Source, off)]
	}
	var probs []problem
	var m map[string]any
	var md toml.MetaData
	work := src
	for try := 0; ; try++ {
		m = nil
		var err error
		md, err = toml.Decode(work, &m)
		if err == nil {
			break
		}
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return append(probs, problem{rule: "draft-front-matter", start: base, end: base, msg: Tf(
				"front matter tidak bisa dibaca: %s", "the front matter cannot be read: %s", err.Error())})
		}
		off, text := lineAt(pe.Position.Line)
		msg, contained := frontLineMessage(text, pe.Message)
		probs = append(probs, problem{rule: "draft-front-matter", start: off, end: off + len(text), msg: msg})
		if !contained || try+1 >= maxFrontRetries || pe.Position.Line < 1 || off < base || text == "" {
			return probs // the rest cannot be read without guessing
		}
		// Blank the line (offsets stay) and read the rest.
		rel := off - base
		work = work[:rel] + strings.Repeat(" ", len(text)) + work[rel+len(text):]
	}
	idx := newFrontIndex(src, base)
	seen := map[string]bool{}
	more := 0
	for _, k := range md.Keys() {
		top := k[0]
		if seen[top] {
			continue
		}
		seen[top] = true
		p := d.frontValue(top, m[top], idx)
		if len(probs)+len(p) > maxFrontProblems {
			more += len(p)
			continue
		}
		probs = append(probs, p...)
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].start < probs[j].start })
	if more > 0 {
		probs = append(probs, problem{rule: "draft-front-matter", start: base, end: base, msg: Tf(
			"... dan %d masalah front matter lain (yang pertama %d ditampilkan)",
			"... and %d more front matter problems (the first %d are shown)", more, len(probs))})
	}
	return probs
}

// frontScanned counts the bytes of front matter scanned to find where
// keys and ignores are written: tests check that it grows linearly with
// the block (a size-doubling check), never with its square.
var frontScanned atomic.Int64

// maxFrontProblems bounds the problems reported about one front matter
// block: a block of 300,000 unknown keys needs the first few, not all.
const maxFrontProblems = 100

// frontValue stores the value of the top-level key k into d.Front and
// reports what is wrong with it.
func (d *Draft) frontValue(k string, v any, idx *frontIndex) []problem {
	off := idx.at(k)
	here := func(msg Text) problem {
		return problem{rule: "draft-front-matter", start: off, end: off + min(len(k), max(0, len(d.Source)-off)), msg: msg}
	}
	str := func(dst *string, example string) []problem {
		if s, ok := v.(string); ok {
			*dst = s
			return nil
		}
		return []problem{here(Tf(
			"%s berisi teks dalam tanda kutip, misalnya %s = %q",
			"%s holds text in quotes, for example %s = %q", k, k, example))}
	}
	switch k {
	case "platform":
		return str(&d.Front.Platform, "instagram")
	case "account":
		return str(&d.Front.Account, "dinkes")
	case "date":
		if t, ok := v.(time.Time); ok {
			d.Front.Date, d.Front.HasDate = t, true
			return nil
		}
		if s, ok := v.(string); ok {
			if dt, ok := unquotedDate(s); ok {
				return []problem{here(Tf(
					"date adalah tanggal, ditulis tanpa tanda kutip: date = %s",
					"date is a date, written without quotes: date = %s", dt))}
			}
		}
		return []problem{here(Text{
			ID: "date adalah tanggal TOML tanpa tanda kutip, misalnya date = 2025-10-14 (atau 2025-10-14T08:00:00+07:00)",
			EN: "date is a TOML date without quotes, for example date = 2025-10-14 (or 2025-10-14T08:00:00+07:00)"})}
	case "images", "pillars":
		dst := &d.Front.Images
		example := "poster.jpg"
		if k == "pillars" {
			dst, example = &d.Front.Pillars, "maju"
		}
		if s, ok := v.(string); ok {
			*dst = append(*dst, s) // still read: an image named must be checked
			return []problem{here(Tf(
				"%s adalah daftar, juga untuk satu isi: %s = [%q]",
				"%s is a list, even of one entry: %s = [%q]", k, k, s))}
		}
		list, ok := v.([]any)
		if !ok {
			return []problem{here(Tf("%s adalah daftar teks, misalnya %s = [%q]", "%s is a list of text, for example %s = [%q]", k, k, example))}
		}
		var probs []problem
		for _, e := range list {
			if s, ok := e.(string); ok {
				*dst = append(*dst, s)
			} else if len(probs) == 0 {
				probs = append(probs, here(Tf("setiap isi %s berupa teks dalam tanda kutip, misalnya %s = [%q]",
					"every entry of %s is text in quotes, for example %s = [%q]", k, k, example)))
			}
		}
		return probs
	case "ignore":
		return d.frontIgnores(v, idx, here)
	}
	msg := Tf("kunci front matter %q tidak dikenal (yang dikenal: %s)", "unknown front matter key %q (known: %s)", k, strings.Join(frontKeys, ", "))
	if near := brandkit.Nearest(k, frontKeys); near != "" {
		msg = Tf("kunci front matter %q tidak dikenal; maksudnya %q?", "unknown front matter key %q; did you mean %q?", k, near)
	}
	return []problem{here(msg)}
}

// frontIgnores reads `ignore`: a list of tables with rule, match and reason.
func (d *Draft) frontIgnores(v any, idx *frontIndex, here func(Text) problem) []problem {
	var entries []map[string]any
	switch l := v.(type) {
	case []map[string]any:
		entries = l
	case []any:
		for _, e := range l {
			if t, ok := e.(map[string]any); ok {
				entries = append(entries, t)
			} else {
				entries = nil
				break
			}
		}
		if len(entries) != len(l) {
			entries = nil
		}
	}
	if entries == nil {
		if l, ok := v.([]any); !ok || len(l) > 0 {
			return []problem{here(Text{
				ID: `ignore adalah daftar tabel, misalnya ignore = [{ rule = "jargon", match = "dalam rangka", reason = "kutipan langsung" }]`,
				EN: `ignore is a list of tables, for example ignore = [{ rule = "jargon", match = "dalam rangka", reason = "direct quote" }]`})}
		}
	}
	var probs []problem
	reported := map[string]bool{}
	for _, e := range entries {
		var ig Ignore
		for k, val := range e {
			var dst *string
			switch k {
			case "rule":
				dst = &ig.Rule
			case "match":
				dst = &ig.Match
			case "reason":
				dst = &ig.Reason
			}
			full := "ignore." + k
			if dst == nil {
				if !reported[full] {
					reported[full] = true
					off := idx.at(full)
					msg := Tf("kunci front matter %q tidak dikenal (yang dikenal di ignore: rule, match, reason)",
						"unknown front matter key %q (known in ignore: rule, match, reason)", full)
					if near := brandkit.Nearest(k, []string{"rule", "match", "reason"}); near != "" {
						msg = Tf("kunci front matter %q tidak dikenal; maksudnya %q?", "unknown front matter key %q; did you mean %q?", full, "ignore."+near)
					}
					probs = append(probs, problem{rule: "draft-front-matter", start: off, end: off + min(len(k), len(d.Source)-off), msg: msg})
				}
				continue
			}
			s, ok := val.(string)
			if !ok {
				if !reported["type "+full] {
					reported["type "+full] = true
					probs = append(probs, here(Tf("%s berisi teks dalam tanda kutip", "%s holds text in quotes", full)))
				}
				continue
			}
			*dst = s
		}
		d.Front.Ignore = append(d.Front.Ignore, ig)
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].start < probs[j].start })
	return probs
}

var frontDateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$`)

// unquotedDate returns s as a TOML date or date-time when it looks like
// one (a quoted date in front matter).
func unquotedDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	m := frontDateRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return "", false
	}
	if m[1] == "" {
		return s, true
	}
	out := s[:10] + "T" + s[11:16]
	if m[2] == "" {
		out += ":00"
	} else {
		out += m[2]
	}
	if z := m[4]; z != "" {
		if z != "Z" && !strings.Contains(z, ":") {
			z = z[:3] + ":" + z[3:]
		}
		out += z
	}
	return out, true
}

var (
	frontKeyLineRe = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$`)
	frontYAMLish   = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*:\s*(.*?)\s*$`)
	bareWordRe     = regexp.MustCompile(`^[\pL\pN_./-]+$`)
	bareNumberRe   = regexp.MustCompile(`^[+-]?[0-9_]+(\.[0-9_]+)?([eE][+-]?[0-9]+)?$`)
)

// frontLineMessage says in plain words what is wrong with a front matter
// line the TOML decoder could not read (lib is what the decoder said), and
// whether the problem is contained in the line (the rest can be read with
// the line blanked).
func frontLineMessage(line, lib string) (Text, bool) {
	if m := frontYAMLish.FindStringSubmatch(line); m != nil && !strings.Contains(line, "=") {
		val := m[2]
		if !strings.HasPrefix(val, `"`) && !strings.HasPrefix(val, "[") {
			val = strconv.Quote(val)
		}
		return Tf("front matter TOML menulis kunci = nilai, bukan kunci: nilai; tulis %s = %s",
			"TOML front matter writes key = value, not key: value; write %s = %s", m[1], val), true
	}
	m := frontKeyLineRe.FindStringSubmatch(line)
	if m == nil {
		if w := strings.TrimSuffix(strings.TrimSpace(line), ","); w != "" && bareWordRe.MatchString(w) {
			// An entry of a list spread over lines: ["a",\n b\n].
			return Tf("teks dalam daftar perlu tanda kutip: %q", "text in a list needs quotes: %q", w), false
		}
		return Tf("baris front matter ini tidak terbaca (%s); setiap baris berbentuk kunci = nilai",
			"this front matter line cannot be read (%s); every line is key = value", lib), false
	}
	key, val := m[1], m[2]
	if strings.Contains(lib, "already been defined") {
		return Tf("%s ditulis dua kali; sisakan satu", "%s is written twice; keep one", key), true
	}
	balanced := strings.Count(val, "[")+strings.Count(val, "{") == strings.Count(val, "]")+strings.Count(val, "}") &&
		!strings.Contains(val, `"""`) && !strings.Contains(val, "'''")
	switch {
	case val == "":
		return Tf("%s tidak punya nilai; tulis misalnya %s = \"...\"", "%s has no value; write for example %s = \"...\"", key, key), true
	case val[0] == '"' || val[0] == '\'':
		if strings.Count(val, val[:1]) < 2 {
			return Tf("tanda kutip pada nilai %s tidak ditutup; tulis %s = %s%s",
				"the quote of %s's value is not closed; write %s = %s%s", key, key, val, val[:1]), balanced
		}
	case val[0] == '[' || val[0] == '{':
	case bareNumberRe.MatchString(val) || val == "true" || val == "false":
	default:
		word := val
		if i := strings.Index(word, " #"); i >= 0 {
			word = strings.TrimSpace(word[:i])
		}
		if dt, ok := unquotedDate(word); ok {
			return Tf("tanggal %s tidak sah; tulis tanggal yang ada, misalnya %s = 2025-10-14",
				"%s is not a valid date; write a real date, for example %s = 2025-10-14", dt, key), balanced
		}
		return Tf("teks perlu tanda kutip: %s = %q", "text needs quotes: %s = %q", key, word), balanced
	}
	return Tf("nilai %s tidak terbaca (%s); teks ditulis dalam tanda kutip, daftar dalam [ ... ]",
		"the value of %s cannot be read (%s); text is written in quotes, lists in [ ... ]", key, lib), balanced
}

// frontIndex is where each key of a front matter block is written, found
// in one pass: top-level keys and table headers by name, keys inside a
// table as "table.key" (first occurrence each).
type frontIndex struct {
	base int
	at0  map[string]int
}

var frontHeaderRe = regexp.MustCompile(`^\s*\[\[?\s*([A-Za-z0-9_"'-]+)`)

func newFrontIndex(src string, base int) *frontIndex {
	frontScanned.Add(int64(len(src)))
	idx := &frontIndex{base: base, at0: map[string]int{}}
	table := ""
	for off := 0; off < len(src); {
		line, _, _ := strings.Cut(src[off:], "\n")
		trimmed := strings.TrimLeft(line, " \t")
		lead := len(line) - len(trimmed)
		switch {
		case strings.HasPrefix(trimmed, "["):
			if m := frontHeaderRe.FindStringSubmatchIndex(line); m != nil {
				table = strings.Trim(line[m[2]:m[3]], `"'`)
				if _, ok := idx.at0[table]; !ok {
					idx.at0[table] = base + off + m[2]
				}
			}
		case trimmed != "" && trimmed[0] != '#':
			if k, _, ok := strings.Cut(trimmed, "="); ok {
				name := strings.Trim(strings.TrimSpace(k), `"'`)
				name, _, _ = strings.Cut(name, ".")
				if table != "" {
					name = table + "." + name
				}
				if _, ok := idx.at0[name]; !ok {
					idx.at0[name] = base + off + lead
				}
			}
		}
		off += len(line) + 1
	}
	return idx
}

// at is the offset of key k, or of its table, or the block's start.
func (x *frontIndex) at(k string) int {
	for {
		if off, ok := x.at0[k]; ok {
			return off
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			return x.base
		}
		k = k[:i]
	}
}

func lineLen(s string, off int) int {
	n := strings.IndexByte(s[off:], '\n')
	if n < 0 {
		n = len(s) - off
	}
	return len(strings.TrimRight(s[off:off+n], "\r"))
}

// YAML front matter.

var (
	yamlKeyRe  = regexp.MustCompile(`^([a-z][a-z0-9_-]*):(?:\s+(.*?))?\s*$`)
	yamlItemRe = regexp.MustCompile(`^\s*-\s+(.*?)\s*$`)
)

// parseYAMLFront handles "---" front matter: Source[openEnd:closeAt] is the
// block. It is front matter only when every line reads as YAML keys, list
// items or comments; then it is reported with its TOML form.
func (d *Draft) parseYAMLFront(openEnd, closeAt, closeEnd int, crlf bool) []problem {
	block := d.Source[openEnd:closeAt]
	tomlSrc, oneLine, ok, keys := yamlToTOML(block)
	if keys == 0 {
		return nil // "---" around text: a Markdown rule, not front matter
	}
	d.Body = closeEnd
	d.Front.Present = true
	d.Front.Span = Span{0, closeEnd}
	first := problem{rule: "draft-front-matter", start: 0, end: 3}
	if !ok {
		first.msg = Text{
			ID: "selaras memakai front matter TOML di antara +++, bukan YAML di antara ---; blok ini tidak dibaca (gambar, tanggal dan platformnya tidak diperiksa): tulis ulang sebagai TOML, misalnya +++ / platform = \"instagram\" / images = [\"poster.jpg\"] / +++",
			EN: "selaras uses TOML front matter between +++, not YAML between ---; this block is not read (its images, date and platform are not checked): write it again as TOML, for example +++ / platform = \"instagram\" / images = [\"poster.jpg\"] / +++"}
		return []problem{first}
	}
	nl := "\n"
	if crlf {
		nl = "\r\n"
	}
	first.msg = Text{
		ID: "selaras memakai front matter TOML di antara +++, bukan YAML di antara ---; ubah blok ini menjadi TOML (lihat saran; --fix --unsafe-fixes menuliskannya). Untuk pemeriksaan ini selaras membacanya sebagai TOML itu",
		EN: "selaras uses TOML front matter between +++, not YAML between ---; convert this block to TOML (see the suggestion; --fix --unsafe-fixes writes it). For this check selaras reads it as that TOML"}
	first.sugg = oneLine
	first.fix = &Fix{Span: Span{0, closeEnd}, Replacement: "+++" + nl + strings.Join(oneLine, nl) + nl + "+++" + nl}
	return append([]problem{first}, d.decodeFront(tomlSrc, openEnd)...)
}

// yamlToTOML converts simple YAML front matter (top-level `key: value`,
// flow lists [a, b] and block lists of scalars) to TOML. toml keeps the
// block's lines (a list spans as many lines as it did), for positions;
// oneLine has one line per key, for the suggestion. ok is false when the
// block holds more than that (nested maps, multi-line strings, anchors);
// keys counts the top-level keys seen.
func yamlToTOML(block string) (tomlText string, oneLine []string, ok bool, keys int) {
	lines := strings.Split(block, "\n")
	out := make([]string, len(lines))
	ok = true
	listKey, lastItem := "", -1
	var items []string
	closeList := func() {
		if listKey == "" {
			return
		}
		if lastItem < 0 {
			ok = false // `key:` with nothing after it: null or a nested map
		} else {
			out[lastItem] += " ]"
			oneLine = append(oneLine, listKey+" = ["+strings.Join(items, ", ")+"]")
		}
		listKey, lastItem, items = "", -1, nil
	}
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r \t")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			out[i] = line
		case yamlItemRe.MatchString(line) && listKey != "":
			v, vok := yamlScalar(yamlItemRe.FindStringSubmatch(line)[1])
			if !vok {
				ok = false
			}
			out[i] = "  " + v + ","
			items = append(items, v)
			lastItem = i
		case yamlKeyRe.MatchString(line):
			closeList()
			m := yamlKeyRe.FindStringSubmatch(line)
			keys++
			if m[2] == "" {
				listKey = m[1]
				out[i] = m[1] + " = ["
				continue
			}
			v, vok := yamlValue(m[2])
			if !vok {
				ok = false
			}
			out[i] = m[1] + " = " + v
			oneLine = append(oneLine, out[i])
		default:
			return "", nil, false, 0 // not YAML front matter
		}
	}
	closeList()
	if !ok {
		return "", nil, false, keys
	}
	return strings.Join(out, "\n"), oneLine, true, keys
}

// yamlValue converts a YAML value: a flow list or a scalar.
func yamlValue(v string) (string, bool) {
	if strings.HasPrefix(v, "[") {
		if !strings.HasSuffix(v, "]") {
			return "", false
		}
		inner := strings.TrimSpace(v[1 : len(v)-1])
		if inner == "" {
			return "[]", true
		}
		var parts []string
		for _, p := range splitFlow(inner) {
			s, ok := yamlScalar(strings.TrimSpace(p))
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return "[" + strings.Join(parts, ", ") + "]", true
	}
	return yamlScalar(v)
}

// splitFlow splits a flow list's inside at commas outside quotes.
func splitFlow(s string) []string {
	var parts []string
	var q byte
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == ',':
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// yamlScalar converts a plain, single- or double-quoted YAML scalar to a
// TOML value: a date, a number, true/false or text.
func yamlScalar(v string) (string, bool) {
	switch {
	case v == "":
		return "", false
	case v[0] == '"':
		s, err := strconv.Unquote(v)
		if err != nil {
			return "", false
		}
		return TOMLString(s), true
	case v[0] == '\'':
		if len(v) < 2 || v[len(v)-1] != '\'' {
			return "", false
		}
		return TOMLString(strings.ReplaceAll(v[1:len(v)-1], "''", "'")), true
	case strings.ContainsAny(v[:1], "|>&*!{[%@`"):
		return "", false // block scalars, anchors, tags, nested flow
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
		return "", false // a mapping
	}
	if dt, ok := unquotedDate(v); ok {
		return dt, true
	}
	if v == "true" || v == "false" || bareNumberRe.MatchString(v) && !strings.Contains(v, "_") {
		return v, true
	}
	return TOMLString(v), true
}

// TOMLString writes s as a TOML basic string: the one quoting of front
// matter values that selaras writes (converted YAML, audit CSV rows,
// drafts built by serve).
func TOMLString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
