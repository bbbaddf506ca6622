package fix

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/selaras/selaras/lint"
)

// fuzzReplacements are the texts fuzzed edits put in: empty, ASCII, a
// two-byte and a four-byte character, line breaks of both kinds.
var fuzzReplacements = []string{"", "untuk", "é", "👋🏽", "a\nb", "\r\n", "Untuk\r\nwarga"}

// FuzzApply applies any set of edits (overlapping, duplicated, out of
// range, splitting characters) built from the fuzzer's bytes to any text,
// and holds Apply to its invariants: every eligible edit is applied or
// skipped with a reason, applied edits never overlap, the text outside them
// is kept byte for byte, valid UTF-8 stays valid, a CRLF file gets no bare
// line feed, a byte-order mark is put back, and the diff of the change,
// applied to the original, gives the fixed text.
func FuzzApply(f *testing.F) {
	f.Add("Dalam rangka HUT, dalam rangka lagi.\n", []byte{0, 12, 1, 1, 20, 30, 1, 0, 0, 12, 0})
	f.Add("Baris satu\r\nbaris dua\r\n", []byte{0, 5, 4, 11, 13, 3, 2, 2, 5})
	f.Add("é👋🏽x", []byte{1, 2, 1, 0, 3, 2, 6, 11, 0})
	f.Add("", []byte{0, 0, 1, 0, 9, 2})
	f.Add("a\r\nb", []byte{1, 2, 0, 2, 3, 1})
	f.Fuzz(func(t *testing.T, src string, ops []byte) {
		bom := len(ops) > 0 && ops[0]&1 == 1
		var findings []lint.Finding
		for i := 1; i+2 < len(ops) && len(findings) < 64; i += 3 {
			n := len(src) + 1
			a, b := int(ops[i])%(n+2)-1, int(ops[i+1])%(n+2)-1 // -1 and len+1: out of range on purpose
			if ops[i+2]&0x40 != 0 && a >= 0 && b >= 0 && b < a {
				a, b = b, a
			}
			r := fuzzReplacements[int(ops[i+2]&0x0f)%len(fuzzReplacements)]
			findings = append(findings, lint.Finding{
				Rule: "fuzz", Span: lint.Span{Start: a, End: b},
				Fix: &lint.Fix{Span: lint.Span{Start: a, End: b}, Replacement: r, Safe: ops[i+2]&0x80 == 0},
			})
		}
		unsafe := len(ops) > 0 && ops[0]&2 == 2
		out := Apply(src, findings, unsafe)

		eligible := 0
		for _, fd := range findings {
			if Eligible(fd, unsafe) {
				eligible++
			}
		}
		if got := len(out.Applied) + len(out.Skipped); got != eligible {
			t.Fatalf("%d eligible fixes, %d applied + %d skipped", eligible, len(out.Applied), len(out.Skipped))
		}
		// Rebuild the text from the applied edits (distinct, in order).
		applied := make([]*lint.Fix, 0, len(out.Applied))
		for _, fd := range out.Applied {
			if !validSpan(src, fd.Fix.Span) {
				t.Fatalf("applied an edit with an invalid span %v on %d bytes", fd.Fix.Span, len(src))
			}
			applied = append(applied, fd.Fix)
		}
		sort.SliceStable(applied, func(i, j int) bool { return applied[i].Span.Start < applied[j].Span.Start })
		nl := lineEnding(src)
		var want strings.Builder
		pos := -1
		var last *lint.Fix
		for _, fx := range applied {
			if last != nil && fx.Span == last.Span {
				continue // the same edit twice is one change
			}
			if pos >= 0 && (fx.Span.Start < pos || (last != nil && fx.Span.Start == last.Span.Start)) {
				t.Fatalf("applied edits overlap: %v after %v", fx.Span, last.Span)
			}
			want.WriteString(src[max(pos, 0):fx.Span.Start])
			want.WriteString(withLineEnding(fx.Replacement, nl))
			pos, last = fx.Span.End, fx
		}
		want.WriteString(src[max(pos, 0):])
		if out.Text != want.String() {
			t.Fatalf("text outside the edits changed:\n got %q\nwant %q", out.Text, want.String())
		}
		if utf8.ValidString(src) && !utf8.ValidString(out.Text) {
			t.Fatalf("valid UTF-8 became invalid: %q", out.Text)
		}
		if nl == "\r\n" && !strings.Contains(strings.ReplaceAll(src, "\r\n", ""), "\n") && !splitsCRLF(src, applied) {
			if strings.Contains(strings.ReplaceAll(out.Text, "\r\n", ""), "\n") {
				t.Fatalf("a CRLF file got a bare line feed: %q", out.Text)
			}
		}
		file := Restore(out.Text, bom)
		if bom != strings.HasPrefix(string(file), "\xef\xbb\xbf") || string(file[len(file)-len(out.Text):]) != out.Text {
			t.Fatalf("Restore(bom=%v) = %q", bom, file)
		}
		if got := applyUnified(t, src, Unified("f.md", "f.md", src, out.Text)); got != out.Text {
			t.Fatalf("the diff does not lead to the fixed text:\n got %q\nwant %q", got, out.Text)
		}
	})
}

// splitsCRLF reports whether an edit starts or ends between a CR and its LF
// (then a bare line feed is the edit's doing, not Apply's).
func splitsCRLF(src string, fixes []*lint.Fix) bool {
	for _, fx := range fixes {
		for _, i := range []int{fx.Span.Start, fx.Span.End} {
			if i > 0 && i < len(src) && src[i-1] == '\r' && src[i] == '\n' {
				return true
			}
		}
	}
	return false
}
