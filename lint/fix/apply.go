// Package fix applies the edits rules attach to findings (Finding.Fix) to a
// draft's text, renders the change as a unified diff, and writes files
// atomically without losing what was on disk.
//
// Fix spans are byte offsets into lint.Draft.Source (the text without its
// byte-order mark); Apply works on that same text, and Restore puts the
// byte-order mark back before anything is written.
package fix

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/selaras/selaras/lint"
)

// Eligible reports whether f carries a fix that is applied: a safe one, or
// any one when unsafe fixes were asked for. Fixes of findings about another
// file (an attached image) are never applied to the draft.
func Eligible(f lint.Finding, unsafe bool) bool {
	return f.Fix != nil && f.Path == "" && (f.Fix.Safe || unsafe)
}

// Reason says why a fix was not applied.
type Reason int

const (
	// Overlap: the fix touches text another applied fix already changed.
	Overlap Reason = iota + 1
	// Invalid: the fix's span lies outside the text or splits a character.
	Invalid
)

// Skip is a fix that was not applied, and why.
type Skip struct {
	Finding lint.Finding
	Reason  Reason
}

// Outcome is what Apply did.
type Outcome struct {
	// Text is the fixed text.
	Text string
	// Applied are the findings whose fixes are in Text (in text order). Two
	// findings with the same edit are both applied by one change.
	Applied []lint.Finding
	// Skipped are the eligible fixes that were not applied.
	Skipped []Skip
}

// Changed reports whether the text changed.
func (o Outcome) Changed(src string) bool { return o.Text != src }

// Apply applies the eligible fixes of findings to src. Fixes are sorted by
// span; a fix that overlaps one already taken (or starts where it starts) is
// skipped, never merged, so the text cannot be corrupted. Replacement text
// gets src's line endings: in a CRLF file no LF-only line break is added.
func Apply(src string, findings []lint.Finding, unsafe bool) Outcome {
	type cand struct {
		f     lint.Finding
		order int
	}
	var cands []cand
	var out Outcome
	for i, f := range findings {
		if !Eligible(f, unsafe) {
			continue
		}
		if !validSpan(src, f.Fix.Span) {
			out.Skipped = append(out.Skipped, Skip{f, Invalid})
			continue
		}
		cands = append(cands, cand{f, i})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i].f.Fix.Span, cands[j].f.Fix.Span
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return cands[i].order < cands[j].order
	})
	nl := lineEnding(src)
	var b strings.Builder
	b.Grow(len(src) + 64)
	pos := 0 // end of the last applied edit
	var last *lint.Fix
	for _, c := range cands {
		fx := c.f.Fix
		repl := withLineEnding(fx.Replacement, nl)
		if last != nil {
			if fx.Span == last.Span && repl == withLineEnding(last.Replacement, nl) {
				out.Applied = append(out.Applied, c.f) // the same edit twice
				continue
			}
			if fx.Span.Start < pos || fx.Span.Start == last.Span.Start {
				out.Skipped = append(out.Skipped, Skip{c.f, Overlap})
				continue
			}
		}
		b.WriteString(src[pos:fx.Span.Start])
		b.WriteString(repl)
		pos = fx.Span.End
		last = fx
		out.Applied = append(out.Applied, c.f)
	}
	b.WriteString(src[pos:])
	out.Text = b.String()
	return out
}

func validSpan(src string, sp lint.Span) bool {
	if sp.Start < 0 || sp.End < sp.Start || sp.End > len(src) {
		return false
	}
	return boundary(src, sp.Start) && boundary(src, sp.End)
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// lineEnding is the file's line break: that of its first line.
func lineEnding(src string) string {
	i := strings.IndexByte(src, '\n')
	if i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// withLineEnding rewrites the line breaks in s to nl.
func withLineEnding(s, nl string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if nl == "\n" {
		return s
	}
	return strings.ReplaceAll(s, "\n", nl)
}

// Restore turns fixed text back into file content: the byte-order mark the
// draft had is put back in front.
func Restore(text string, bom bool) []byte {
	if !bom {
		return []byte(text)
	}
	return append([]byte("\xef\xbb\xbf"), text...)
}
