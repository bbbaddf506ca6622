package format

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/selaras/selaras/lint"
)

func init() { Register("text", Text) }

var severityWords = map[lint.Severity]lint.Text{
	lint.Error:   {ID: "galat", EN: "error"},
	lint.Warning: {ID: "peringatan", EN: "warning"},
	lint.Info:    {ID: "info", EN: "info"},
}

// SeverityWord names a severity in lang.
func SeverityWord(s lint.Severity, lang string) string { return severityWords[s].In(lang) }

type palette struct {
	path, err, warn, info, rule, dim, mark, hint *color.Color
}

func newPalette(on bool) palette {
	p := palette{
		path: color.New(color.Bold, color.Underline),
		err:  color.New(color.FgRed, color.Bold),
		warn: color.New(color.FgYellow, color.Bold),
		info: color.New(color.FgCyan),
		rule: color.New(color.FgMagenta),
		dim:  color.New(color.Faint),
		mark: color.New(color.FgRed, color.Bold),
		hint: color.New(color.FgGreen),
	}
	for _, c := range []*color.Color{p.path, p.err, p.warn, p.info, p.rule, p.dim, p.mark, p.hint} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p palette) severity(s lint.Severity) *color.Color {
	switch s {
	case lint.Error:
		return p.err
	case lint.Warning:
		return p.warn
	}
	return p.info
}

// Text writes human output: per file, each finding with its place,
// severity, rule and message, the source line with the match underlined,
// and the suggestions; then a summary line.
func Text(w io.Writer, res *lint.Result, o Options) error {
	p := newPalette(o.Color)
	lang := o.Lang
	var b strings.Builder
	shown := 0
	for _, fr := range res.Files {
		if len(fr.Findings) == 0 {
			continue
		}
		if shown > 0 {
			b.WriteString("\n")
		}
		// Printed file by file: a whole archive's output is not held twice.
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
		shown++
		b.WriteString(p.path.Sprint(shownPath(fr.Path)))
		b.WriteString("\n")
		for _, f := range fr.Findings {
			pos := "-"
			if f.Line > 0 {
				pos = fmt.Sprintf("%d:%d", f.Line, f.Column)
			}
			fmt.Fprintf(&b, "  %s  %s  %s  %s\n",
				p.dim.Sprintf("%-7s", pos),
				p.severity(f.Severity).Sprint(SeverityWord(f.Severity, lang)),
				p.rule.Sprint(f.Rule),
				lint.VisibleLines(f.Message.In(lang)))
			if f.Line > 0 && fr.Kind == lint.KindText {
				excerpt(&b, p, fr, f)
			}
			if f.Region != nil {
				fmt.Fprintf(&b, "           %s %s\n", p.dim.Sprint("│"),
					lint.Tf("bagian gambar: x=%d y=%d, %dx%d piksel", "image region: x=%d y=%d, %dx%d pixels",
						f.Region.X, f.Region.Y, f.Region.Width, f.Region.Height).In(lang))
			}
			if len(f.Suggestions) > 0 {
				label := lint.Text{ID: "saran", EN: "suggestion"}.In(lang)
				fmt.Fprintf(&b, "           %s %s\n", p.hint.Sprint(label+":"), lint.Visible(strings.Join(f.Suggestions, " | ")))
			}
		}
	}
	for _, n := range o.Notes {
		b.WriteString(n.In(lang))
		b.WriteString("\n")
	}
	if o.Summary {
		if shown > 0 || len(o.Notes) > 0 {
			b.WriteString("\n")
		}
		b.WriteString(summaryLine(res, o, p))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func summaryLine(res *lint.Result, o Options, p palette) string {
	lang := o.Lang
	e, wn, i := o.totals(res)
	n := len(res.Files)
	if e+wn+i == 0 {
		return p.hint.Sprint(lint.Tf("✓ %d berkas diperiksa, tidak ada temuan", "✓ %d files checked, no findings", n).In(lang))
	}
	t := lint.Tf("%d temuan (%d galat, %d peringatan, %d info) dalam %d berkas",
		"%d findings (%d errors, %d warnings, %d infos) in %d files", e+wn+i, e, wn, i, n)

	c := p.warn
	if e > 0 {
		c = p.err
	}
	return c.Sprint("✗ " + t.In(lang))
}

// excerpt prints the finding's first line with the match underlined.
func excerpt(b *strings.Builder, p palette, fr *lint.FileResult, f lint.Finding) {
	line := fr.Line(f.Line)
	startCol, endCol := f.Column, f.EndColumn
	if len(line) > excerptBytes {
		// A very long line (a one-line 1 MB draft): quote only the part
		// around the match, or output grows with line length times findings.
		line, startCol, endCol = cutLine(fr, f, line)
	}
	line = strings.ReplaceAll(line, "\t", " ")
	if f.EndLine != f.Line {
		endCol = utf8.RuneCountInString(line) + 1
	}
	runes := []rune(line)
	pad := shownWidth(runes[:clamp(startCol-1, 0, len(runes))])
	width := shownWidth(runes[clamp(startCol-1, 0, len(runes)):clamp(endCol-1, 0, len(runes))])
	if width < 1 {
		width = 1
	}
	// Control characters are shown as escapes (lint.Visible), never sent
	// to the terminal: a caption's ESC sequence must not retitle or clear
	// it.
	fmt.Fprintf(b, "           %s %s\n", p.dim.Sprint("│"), lint.Visible(line))
	fmt.Fprintf(b, "           %s %s%s\n", p.dim.Sprint("│"), strings.Repeat(" ", pad), p.mark.Sprint(strings.Repeat("^", width)))
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// excerptBytes is the longest line quoted whole; excerptContext is how many
// characters around the match a longer line keeps. Captions are often
// written as one long line a paragraph: quoted whole under every finding,
// they buried the findings; a quote fits a terminal line.
const (
	excerptBytes   = 100
	excerptContext = 40
)

// cutLine returns the part of a long line around f's match, marked with
// "…" where it was cut, and the match's columns in it.
func cutLine(fr *lint.FileResult, f lint.Finding, line string) (string, int, int) {
	ls := fr.LineStart(f.Line)
	a, b := f.Span.Start-ls, f.Span.End-ls
	if ls < 0 || a < 0 || a > len(line) {
		a, b = 0, 0
	}
	b = clamp(b, a, len(line))
	if b-a > 4*excerptContext {
		b = a + 4*excerptContext // a huge match: underline its start
		for b < len(line) && !utf8.RuneStart(line[b]) {
			b++
		}
	}
	from, to := a, b
	for n := 0; n < excerptContext && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(line[:from])
		from -= size
	}
	for n := 0; n < excerptContext && to < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[to:])
		to += size
	}
	// Cut between words where the context has a space.
	if from > 0 {
		if i := strings.IndexByte(line[from:a], ' '); i >= 0 {
			from += i + 1
		}
	}
	if to < len(line) {
		if i := strings.LastIndexByte(line[b:to], ' '); i >= 0 {
			to = b + i
		}
	}
	pre, post := "", ""
	if from > 0 {
		pre = "…"
	}
	if to < len(line) {
		post = "…"
	}
	start := utf8.RuneCountInString(pre+line[from:a]) + 1
	end := start + utf8.RuneCountInString(line[a:b])
	return pre + line[from:to] + post, start, end
}

// shownWidth is displayWidth of runes as lint.Visible prints them.
func shownWidth(rs []rune) int {
	n := 0
	for _, r := range rs {
		if w := lint.EscapeWidth(r); w > 1 {
			n += w
		} else {
			n += displayWidth([]rune{r})
		}
	}
	return n
}

// displayWidth is how many terminal cells runes take: wide East Asian
// characters and emoji take two, joiners and marks none.
func displayWidth(rs []rune) int {
	n := 0
	for _, r := range rs {
		switch {
		case r == 0x200D || r == 0xFE0F || r == 0xFE0E || unicode.Is(unicode.Mn, r) || (r >= 0x1F3FB && r <= 0x1F3FF):
		case r >= 0x1F000 || (r >= 0x2600 && r <= 0x27BF) || (r >= 0x1100 && r <= 0x115F) || (r >= 0x2E80 && r <= 0xA4CF) || (r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFF00 && r <= 0xFF60):
			n += 2
		default:
			n++
		}
	}
	return n
}

// shownPath quotes a path holding control characters (a newline in a file
// name would otherwise print as a fake line of output).
func shownPath(p string) string {
	if strings.IndexFunc(p, unicode.IsControl) >= 0 {
		return strconv.Quote(p)
	}
	return p
}
