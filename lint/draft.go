package lint

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
)

// Kind is what a checked file is.
type Kind uint8

const (
	KindText  Kind = iota // a draft: .md or .txt
	KindImage             // an image checked on its own
)

// Draft is one checked file, parsed once: rules only read it.
type Draft struct {
	// Path is the file's name as shown to the user.
	Path string
	// Abs is the path used for kit lookup and account globs: absolute on
	// disk, or the path inside the repository in staged mode.
	Abs string
	// Root is the content root: attached images must lie inside it.
	Root string
	Kind Kind

	// Source is the file's text, without a byte-order mark. Every offset
	// (tokens, spans, findings) is a byte offset into Source.
	Source string
	// BOM records a UTF-8 byte-order mark that was removed from Source.
	BOM bool
	// Body is where the text after the front matter starts.
	Body int
	// Front is the parsed front matter (zero when there is none).
	Front FrontMatter

	Tokens    []Token
	Sentences []Span
	// Images are the images the draft attaches: front matter `images` and
	// Markdown images in the body.
	Images []ImageRef
	// Size is the file's size in bytes (for images too).
	Size int64

	lineStarts []int
	memo       sync.Map
	// imageMarks holds the offsets of the "!" that open Markdown images.
	imageMarks map[int]bool
}

// GreyImage is a small grey copy (luma 0-255, display orientation) of an
// image a draft attaches. The image rules leave it in the draft's Memo under
// GreyImageKey, so that tools comparing images (the audit's reuse check)
// need not decode the image a second time.
type GreyImage struct {
	W, H int
	Pix  []float32
}

// GreyImageKey is the Memo key of an attached image's GreyImage; Path is
// ImageRef.Path.
type GreyImageKey struct{ Path string }

// Peek returns what Memo holds under key, without building anything.
func (d *Draft) Peek(key any) (any, bool) { return d.memo.Load(key) }

// Memo returns the value stored under key for this draft, building it once.
// Rules of one family use it to share costly derived data within one draft
// (a decoded image) instead of each computing it again; build must depend
// only on the draft and its kit.
func (d *Draft) Memo(key any, build func() any) any {
	if v, ok := d.memo.Load(key); ok {
		return v
	}
	v, _ := d.memo.LoadOrStore(key, build())
	return v
}

// FrontMatter is the TOML between two "+++" lines at the top of a draft.
type FrontMatter struct {
	Platform string    `toml:"platform"`
	Account  string    `toml:"account"`
	Date     time.Time `toml:"date"`
	Images   []string  `toml:"images"`
	Pillars  []string  `toml:"pillars"`
	Ignore   []Ignore  `toml:"ignore"`
	// Present is true when the draft has front matter.
	Present bool `toml:"-"`
	// HasDate is true when `date` was given.
	HasDate bool `toml:"-"`
	// Span covers the front matter, both "+++" lines included.
	Span Span `toml:"-"`
}

// Ignore silences findings of one rule in a draft, with a reason.
type Ignore struct {
	Rule   string `toml:"rule"`
	Match  string `toml:"match"`
	Reason string `toml:"reason"`
}

// ImageRef is an image a draft names.
type ImageRef struct {
	// Ref is the path as the draft writes it.
	Ref string
	// Path is Ref resolved against the draft's folder (a file system path,
	// or a repository path in staged mode).
	Path string
	// Span is where the draft names it.
	Span Span
	// Escapes is true when Path lies outside the content root.
	Escapes bool
}

// problem is something wrong with the file itself, reported by the engine
// under one of the built-in rules.
type problem struct {
	rule  string
	start int
	end   int
	file  bool
	msg   Text
	// sugg and fix, when set, become the finding's suggestions and fix.
	sugg []string
	fix  *Fix
}

var frontDelim = "+++"

// ParseDraft builds a Draft from a file's bytes. It never fails: what is
// wrong with the file comes back as problems, and the draft holds whatever
// could be read.
func ParseDraft(displayPath, absPath, root string, data []byte) (*Draft, []problem) {
	d := &Draft{Path: displayPath, Abs: absPath, Root: root, Size: int64(len(data))}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		d.BOM = true
		data = data[3:]
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		d.index()
		return d, []problem{{rule: "draft-encoding", file: true, msg: Text{
			ID: "berkas ini UTF-16, bukan UTF-8; simpan ulang sebagai UTF-8",
			EN: "this file is UTF-16, not UTF-8; save it again as UTF-8"}}}
	}
	if !utf8.Valid(data) {
		bad := firstInvalid(data)
		d.Source = strings.ToValidUTF8(string(data[:bad]), "")
		d.index()
		return d, []problem{{rule: "draft-encoding", start: bad, end: bad, msg: Tf(
			"teks bukan UTF-8 yang sah mulai byte %d; simpan ulang berkas sebagai UTF-8",
			"the text is not valid UTF-8 from byte %d on; save the file again as UTF-8", bad)}}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		d.Source = string(data[:i])
		d.index()
		return d, []problem{{rule: "draft-encoding", start: i, end: i, msg: Text{
			ID: "berkas berisi byte NUL: ini berkas biner, bukan draf teks",
			EN: "the file holds a NUL byte: it is a binary file, not a text draft"}}}
	}
	d.Source = string(data)
	d.index()
	var probs []problem
	if strings.TrimSpace(d.Source) == "" {
		return d, []problem{{rule: "draft-empty", file: true, msg: Text{ID: "draf kosong", EN: "the draft is empty"}}}
	}
	probs = append(probs, d.parseFront()...)
	d.Tokens = tokenize(d.Source, d.Body, len(d.Source))
	d.Sentences = sentences(d.Tokens)
	d.collectImages()
	return d, probs
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func (d *Draft) index() {
	d.lineStarts = append(d.lineStarts[:0], 0)
	for i := 0; i < len(d.Source); i++ {
		if d.Source[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
}

// Position turns a byte offset into a 1-based line and a 1-based column
// counted in Unicode code points.
func (d *Draft) Position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(d.Source) {
		off = len(d.Source)
	}
	ln := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	if ln < 0 {
		ln = 0
	}
	start := d.lineStarts[ln]
	if off-start <= runeMarkStep {
		return ln + 1, utf8.RuneCountInString(d.Source[start:off]) + 1
	}
	// A long line (a 1 MB one-line draft with thousands of findings):
	// count from checkpoints instead of from the line start each time.
	return ln + 1, d.runesBefore(off) - d.runesBefore(start) + 1
}

// runeMarkStep is the spacing of the rune-count checkpoints of long lines.
const runeMarkStep = 1024

type runeMarksKey struct{}

// runesBefore is the number of code points in Source[:off], from
// checkpoints built once per draft (Source is valid UTF-8: a code point
// is a byte that does not continue another).
func (d *Draft) runesBefore(off int) int {
	marks := d.Memo(runeMarksKey{}, func() any {
		m := make([]int, 0, len(d.Source)/runeMarkStep+1)
		n := 0
		for i := 0; i < len(d.Source); i++ {
			if i%runeMarkStep == 0 {
				m = append(m, n)
			}
			if d.Source[i]&0xC0 != 0x80 {
				n++
			}
		}
		return m
	}).([]int)
	k := off / runeMarkStep
	if k >= len(marks) {
		k = len(marks) - 1
	}
	if k < 0 {
		return utf8.RuneCountInString(d.Source[:off])
	}
	n := marks[k]
	for i := k * runeMarkStep; i < off; i++ {
		if d.Source[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// Offset is the inverse of Position (for tests and tools).
func (d *Draft) Offset(line, col int) int {
	if line < 1 || line > len(d.lineStarts) {
		return -1
	}
	off := d.lineStarts[line-1]
	for c := 1; c < col && off < len(d.Source); c++ {
		_, size := utf8.DecodeRuneInString(d.Source[off:])
		off += size
	}
	return off
}

// Line returns line n (1-based) without its line ending.
func (d *Draft) Line(n int) string {
	if n < 1 || n > len(d.lineStarts) {
		return ""
	}
	start := d.lineStarts[n-1]
	end := len(d.Source)
	if n < len(d.lineStarts) {
		end = d.lineStarts[n] - 1
	}
	return strings.TrimRight(d.Source[start:end], "\r")
}

// BodyText is the text after the front matter.
func (d *Draft) BodyText() string { return d.Source[d.Body:] }

// sentences derives sentence spans from the tokens' sentence numbers.
func sentences(toks []Token) []Span {
	var out []Span
	for _, t := range toks {
		if t.Sentence >= len(out) {
			out = append(out, Span{t.Start, t.End})
			continue
		}
		out[len(out)-1].End = t.End
	}
	return out
}

// collectImages gathers the images named in front matter and in Markdown
// image syntax, resolved against the draft's folder.
//
// A draft may name thousands of images (a hostile one): names are
// deduplicated through a map, and front matter names are searched from
// where the previous one was found, so the work stays linear.
func (d *Draft) collectImages() {
	seen := map[string]bool{}
	from, misses := 0, 0
	for _, ref := range d.Front.Images {
		if seen[ref] {
			continue
		}
		off := -1
		if k := strings.Index(d.Source[from:d.Body], ref); k >= 0 {
			off = from + k
		} else if misses < 64 { // written out of order, or with TOML escapes
			misses++
			off = strings.Index(d.Source[:d.Body], ref)
		}
		sp := Span{0, 0}
		if off >= 0 {
			sp = Span{off, off + len(ref)}
			from = off + len(ref)
		}
		seen[ref] = true
		d.addImage(ref, sp)
	}
	for i := 2; i < len(d.Tokens); i++ {
		// "!" "[" ... "]" "(" target ")": the tokenizer made the target one
		// token; "(" "<" target ">" ")" in the angle-bracket form.
		t := d.Tokens[i]
		if t.Kind != TokPath && t.Kind != TokURL {
			continue
		}
		k := i - 1
		if d.Tokens[k].Text == "<" && k >= 2 {
			k--
		}
		if d.Tokens[k].Text != "(" || d.Tokens[k-1].Text != "]" {
			continue
		}
		// Walk back to the "[" and check for the "!" before it.
		for j := k - 2; j >= 0 && j >= k-63; j-- {
			if d.Tokens[j].Text == "[" {
				if j > 0 && d.Tokens[j-1].Text == "!" && d.Tokens[j-1].End == d.Tokens[j].Start {
					if d.imageMarks == nil {
						d.imageMarks = map[int]bool{}
					}
					d.imageMarks[d.Tokens[j-1].Start] = true
					if t.Kind == TokPath && !seen[t.Text] {
						seen[t.Text] = true
						d.addImage(t.Text, Span{t.Start, t.End})
					}
				}
				break
			}
		}
	}
}

// ImageMark reports whether the "!" at offset off opens a Markdown image
// ("![alt](poster.jpg)"): syntax, not an exclamation.
func (d *Draft) ImageMark(off int) bool { return d.imageMarks[off] }

// addImage attaches ref (collectImages skips names already attached).
func (d *Draft) addImage(ref string, sp Span) {
	im := ImageRef{Ref: ref, Span: sp}
	dir := filepath.Dir(d.Abs)
	p := filepath.Clean(filepath.Join(dir, filepath.FromSlash(ref)))
	if filepath.IsAbs(filepath.FromSlash(ref)) || path.IsAbs(ref) {
		p = filepath.Clean(filepath.FromSlash(ref))
	}
	im.Path = p
	if d.Root != "" {
		rel, err := filepath.Rel(d.Root, p)
		im.Escapes = err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	d.Images = append(d.Images, im)
}

// String is for debugging.
func (t Token) String() string { return fmt.Sprintf("%s(%q)@%d", t.Kind, t.Text, t.Start) }

// Account is the account slug the draft belongs to: front matter
// `account`, else the first [accounts.SLUG] whose paths glob matches the
// draft's path (slugs in sorted order), else "".
func (d *Draft) Account(kit *brandkit.Kit) string {
	if d.Front.Account != "" {
		return d.Front.Account
	}
	return AccountByPath(kit, d.Abs)
}

// AccountByPath finds the account whose `paths` globs match path. Globs are
// slash-separated; "**" matches any number of folders.
func AccountByPath(kit *brandkit.Kit, p string) string {
	p = filepath.ToSlash(p)
	slugs := make([]string, 0, len(kit.Accounts))
	for s := range kit.Accounts {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	for _, s := range slugs {
		for _, g := range kit.Accounts[s].Paths {
			if MatchGlob(g, p) {
				return s
			}
		}
	}
	return ""
}

// MatchGlob matches a slash path against a glob where "**" stands for any
// number of path elements (zero included) and other elements follow
// path.Match.
func MatchGlob(glob, p string) bool {
	return matchParts(strings.Split(glob, "/"), strings.Split(p, "/"))
}

func matchParts(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if matchParts(g[1:], p[i:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], p[0]); !ok {
			return false
		}
		g, p = g[1:], p[1:]
	}
	return len(p) == 0
}
