package fix

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/selaras/selaras/lint"
)

func fnd(rule string, start, end int, repl string, safe bool) lint.Finding {
	return lint.Finding{Rule: rule, Span: lint.Span{Start: start, End: end},
		Fix: &lint.Fix{Span: lint.Span{Start: start, End: end}, Replacement: repl, Safe: safe}}
}

func TestApply(t *testing.T) {
	src := "Dalam rangka HUT, kami hadir.\nSinergitas OPD.\n"
	tests := []struct {
		name     string
		src      string
		findings []lint.Finding
		unsafe   bool
		want     string
		applied  int
		skipped  []Reason
	}{
		{"one safe fix", src, []lint.Finding{fnd("jargon", 0, 12, "Untuk", true)}, false,
			"Untuk HUT, kami hadir.\nSinergitas OPD.\n", 1, nil},
		{"fixes applied whatever their order", src, []lint.Finding{fnd("jargon", 30, 40, "Kerja sama", true), fnd("jargon", 0, 12, "Untuk", true)}, false,
			"Untuk HUT, kami hadir.\nKerja sama OPD.\n", 2, nil},
		{"unsafe fix left out", src, []lint.Finding{fnd("jargon", 0, 12, "Untuk", false)}, false, src, 0, nil},
		{"unsafe fix when asked", src, []lint.Finding{fnd("jargon", 0, 12, "Untuk", false)}, true,
			"Untuk HUT, kami hadir.\nSinergitas OPD.\n", 1, nil},
		{"overlapping fix skipped", src, []lint.Finding{fnd("jargon", 0, 12, "Untuk", true), fnd("term", 6, 12, "RANGKA", true)}, false,
			"Untuk HUT, kami hadir.\nSinergitas OPD.\n", 1, []Reason{Overlap}},
		{"overlap reported whichever comes first in the list", src, []lint.Finding{fnd("term", 6, 12, "RANGKA", true), fnd("jargon", 0, 12, "Untuk", true)}, false,
			"Untuk HUT, kami hadir.\nSinergitas OPD.\n", 1, []Reason{Overlap}},
		{"two inserts at one point conflict", "a b", []lint.Finding{fnd("x", 3, 3, " #A", true), fnd("y", 3, 3, " #B", true)}, false,
			"a b #A", 1, []Reason{Overlap}},
		{"the same edit twice is one change", "a b", []lint.Finding{fnd("x", 0, 1, "A", true), fnd("y", 0, 1, "A", true)}, false,
			"A b", 2, nil},
		{"adjacent edits both applied", "ab", []lint.Finding{fnd("x", 0, 1, "A", true), fnd("y", 1, 2, "B", true)}, false,
			"AB", 2, nil},
		{"span outside the text", "ab", []lint.Finding{fnd("x", 1, 9, "A", true)}, false, "ab", 0, []Reason{Invalid}},
		{"span splitting a character", "é!", []lint.Finding{fnd("x", 1, 2, "e", true)}, false, "é!", 0, []Reason{Invalid}},
		{"CRLF file keeps CRLF", "Salam.\r\nWarga\r\n", []lint.Finding{fnd("hashtag-missing", 13, 13, "\n\n#BantenMaju", false)}, true,
			"Salam.\r\nWarga\r\n\r\n#BantenMaju\r\n", 1, nil},
		{"LF file gets no CR", "Salam.\nWarga\n", []lint.Finding{fnd("hashtag-missing", 12, 12, "\r\n\r\n#BantenMaju", false)}, true,
			"Salam.\nWarga\n\n#BantenMaju\n", 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := Apply(tc.src, tc.findings, tc.unsafe)
			if out.Text != tc.want {
				t.Errorf("text = %q, want %q", out.Text, tc.want)
			}
			if len(out.Applied) != tc.applied {
				t.Errorf("applied %d, want %d", len(out.Applied), tc.applied)
			}
			var got []Reason
			for _, s := range out.Skipped {
				got = append(got, s.Reason)
			}
			if !equalReasons(got, tc.skipped) {
				t.Errorf("skipped %v, want %v", got, tc.skipped)
			}
		})
	}
}

func equalReasons(a, b []Reason) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestApplyIgnoresImageFindings(t *testing.T) {
	f := fnd("image-size", 0, 1, "X", true)
	f.Path = "poster.png"
	if out := Apply("ab", []lint.Finding{f}, true); out.Text != "ab" || len(out.Applied) != 0 {
		t.Fatalf("a fix of an image finding was applied to the draft: %+v", out)
	}
}

func TestRestore(t *testing.T) {
	if got := Restore("x", true); string(got) != "\xef\xbb\xbfx" {
		t.Errorf("BOM not restored: %q", got)
	}
	if got := Restore("x", false); string(got) != "x" {
		t.Errorf("BOM added: %q", got)
	}
}

func TestUnifiedExact(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	b := strings.Replace(strings.Replace(a, "2\n", "two\n", 1), "14\n", "fourteen\n", 1)
	want := `--- f.md
+++ f.md
@@ -1,5 +1,5 @@
 1
-2
+two
 3
 4
 5
@@ -11,5 +11,5 @@
 11
 12
 13
-14
+fourteen
 15
`
	if got := Unified("f.md", "f.md", a, b); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Changes 6 lines apart share one hunk.
	b2 := strings.Replace(strings.Replace(a, "2\n", "two\n", 1), "9\n", "nine\n", 1)
	if got := Unified("f", "f", a, b2); strings.Count(got, "@@ -") != 1 || !strings.Contains(got, "@@ -1,12 +1,12 @@") {
		t.Errorf("close changes not merged into one hunk:\n%s", got)
	}
	if got := Unified("f", "f", "x\n", "x\n"); got != "" {
		t.Errorf("diff of equal texts: %q", got)
	}
	got := Unified("f", "f", "a\nb", "a\nc")
	if !strings.Contains(got, "-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n") {
		t.Errorf("missing no-newline marker:\n%s", got)
	}
	if got := Unified("f", "f", "", "new\n"); !strings.Contains(got, "@@ -0,0 +1 @@\n+new\n") {
		t.Errorf("diff from empty:\n%s", got)
	}
}

// applyUnified is a strict patch applier for the tests: every context and
// deleted line must match.
func applyUnified(t *testing.T, a, diff string) string {
	t.Helper()
	if diff == "" {
		return a
	}
	lines := splitLines(a)
	dl := splitLines(diff)[2:]
	var out []string
	pos := 0
	for i := 0; i < len(dl); {
		var as, al, bs, bl int
		h := strings.TrimSuffix(dl[i], "\n")
		if !parseHunk(h, &as, &al, &bs, &bl) {
			t.Fatalf("bad hunk header %q", h)
		}
		i++
		start := as - 1
		if al == 0 {
			start = as
		}
		out = append(out, lines[pos:start]...)
		pos = start
		for i < len(dl) && !strings.HasPrefix(dl[i], "@@") {
			l := dl[i]
			noNL := i+1 < len(dl) && strings.HasPrefix(dl[i+1], `\ No newline`)
			body := l[1:]
			if noNL {
				body = strings.TrimSuffix(body, "\n")
			}
			switch l[0] {
			case ' ', '-':
				if pos >= len(lines) || lines[pos] != body {
					t.Fatalf("hunk does not match at line %d: %q vs %q", pos+1, body, lines[min(pos, len(lines)-1)])
				}
				if l[0] == ' ' {
					out = append(out, body)
				}
				pos++
			case '+':
				out = append(out, body)
			}
			i++
			if noNL {
				i++
			}
		}
	}
	out = append(out, lines[pos:]...)
	return strings.Join(out, "")
}

func parseHunk(h string, as, al, bs, bl *int) bool {
	var aR, bR string
	if _, err := fmtSscanf(h, "@@ -%s +%s @@", &aR, &bR); err != nil {
		return false
	}
	return parseRange(aR, as, al) && parseRange(bR, bs, bl)
}

func TestUnifiedRandomRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	words := []string{"a\n", "b\n", "c\n", "d\n", "e\r\n", "f"}
	gen := func() string {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			w := words[r.Intn(len(words)-1)]
			b.WriteString(w)
		}
		if r.Intn(4) == 0 {
			b.WriteString("f")
		}
		return b.String()
	}
	for i := 0; i < 2000; i++ {
		a := gen()
		b := a
		if r.Intn(2) == 0 {
			b = gen()
		} else { // a few local edits, as fixes make
			ls := splitLines(a)
			for k := r.Intn(3); k >= 0 && len(ls) > 0; k-- {
				j := r.Intn(len(ls))
				ls[j] = strings.Replace(ls[j], ls[j][:1], "X", 1)
			}
			b = strings.Join(ls, "")
		}
		d := Unified("f", "f", a, b)
		if got := applyUnified(t, a, d); got != b {
			t.Fatalf("round trip %d failed:\na=%q\nb=%q\ndiff:\n%s\ngot=%q", i, a, b, d, got)
		}
	}
}

// TestUnifiedAppliesWithPatch checks the output with the real tools users
// pipe it to: `patch -p0` and `git apply -p0`.
func TestUnifiedAppliesWithPatch(t *testing.T) {
	cases := []struct{ a, b string }{
		{"Dalam rangka HUT.\nBaris dua.\n", "Untuk HUT.\nBaris dua.\n"},
		{"l1\r\nl2\r\nl3\r\nl4\r\nl5\r\nl6\r\nl7\r\nl8\r\nl9\r\n", "L1\r\nl2\r\nl3\r\nl4\r\nl5\r\nl6\r\nl7\r\nl8\r\nL9\r\n\r\n#BantenMaju\r\n"},
		{"tanpa akhir baris", "tanpa akhir baris\n\n#BantenMaju"},
	}
	big, fs := bigDraft() // past maxEdits: the fallback
	cases = append(cases, struct{ a, b string }{big, Apply(big, fs, false).Text})
	for i, c := range cases {
		name := "draft.md"
		if i == 1 {
			name = "draf HUT.md" // a space: the name ends with a tab
		}
		for _, tool := range [][]string{{"patch", "-p0", "--quiet"}, {"git", "apply", "-p0"}} {
			if _, err := exec.LookPath(tool[0]); err != nil {
				t.Skipf("%s not installed", tool[0])
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, name), []byte(c.a), 0o644); err != nil {
				t.Fatal(err)
			}
			d := Unified(name, name, c.a, c.b)
			cmd := exec.Command(tool[0], tool[1:]...)
			cmd.Dir = dir
			cmd.Stdin = strings.NewReader(d)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("case %d: %v failed: %v\n%s\ndiff:\n%s", i, tool, err, out, d)
			}
			got, _ := os.ReadFile(filepath.Join(dir, name))
			if string(got) != c.b {
				t.Errorf("case %d: %v gave %q, want %q", i, tool, got, c.b)
			}
		}
	}
}

func TestWriteFileKeepsModeAndReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	old := []byte("\xef\xbb\xbfDalam rangka\r\n")
	if err := os.WriteFile(p, old, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("\xef\xbb\xbfUntuk\r\n"), old); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "\xef\xbb\xbfUntuk\r\n" {
		t.Errorf("content %q", got)
	}
	info, _ := os.Stat(p)
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	assertOnly(t, dir, "a.md")
}

func TestWriteFileFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	os.WriteFile(target, []byte("x"), 0o644)
	if err := os.Symlink("real.md", link); err != nil {
		t.Skip("no symlinks here")
	}
	if err := WriteFile(link, []byte("y"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "y" {
		t.Errorf("target holds %q", got)
	}
}

func TestWriteFileRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("edited by a colleague"), 0o644)
	err := WriteFile(p, []byte("fixed"), []byte("what was checked"))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err = %v, want ErrChanged", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "edited by a colleague" {
		t.Errorf("file clobbered: %q", got)
	}
	assertOnly(t, dir, "a.md")
}

func TestWriteFileRefusesFileChangedDuringWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("checked"), 0o644)
	beforeRename = func(path string) { os.WriteFile(path, []byte("checkeD"), 0o644) } // same size
	defer func() { beforeRename = nil }()
	err := WriteFile(p, []byte("fixed"), []byte("checked"))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err = %v, want ErrChanged", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "checkeD" {
		t.Errorf("the concurrent edit was lost: %q", got)
	}
	assertOnly(t, dir, "a.md")
}

func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "b.json")
	if err := WriteNew(p, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteNew(p, []byte("{\"v\":1}"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	info, _ := os.Stat(p)
	if !bytes.Equal(got, []byte("{\"v\":1}")) || info.Mode().Perm() != 0o644 {
		t.Errorf("got %q mode %v", got, info.Mode())
	}
	assertOnly(t, dir, "b.json")
}

// assertOnly fails when dir holds anything but names (a temporary file
// left behind).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("folder holds %v, want %v", got, names)
	}
}

// TestUnifiedFallbackRoundTrip forces the fallback used for huge diffs and
// checks that its output still applies.
func TestUnifiedFallbackRoundTrip(t *testing.T) {
	defer func(n int) { maxEdits = n }(maxEdits)
	maxEdits = 2
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 1000; i++ {
		var a, b strings.Builder
		same := r.Intn(2) == 0
		for n := r.Intn(20); n > 0; n-- {
			l := string(rune('a'+r.Intn(4))) + "\n"
			a.WriteString(l)
			if same && r.Intn(3) == 0 {
				l = "X" + l
			}
			if same || r.Intn(2) == 0 {
				b.WriteString(l)
			}
		}
		d := Unified("f", "f", a.String(), b.String())
		if got := applyUnified(t, a.String(), d); got != b.String() {
			t.Fatalf("fallback round trip %d failed:\na=%q\nb=%q\ndiff:\n%s", i, a.String(), b.String(), d)
		}
	}
}

// TestApplyRandom throws random, often overlapping fixes at a text with
// multi-byte characters: the result is always the untouched text with the
// applied edits in place, and every eligible fix is applied or reported.
func TestApplyRandom(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	src := "Dalam rangka HUT 🎉 Provinsi Banten,\r\nwarga é datang.\r\n"
	for i := 0; i < 3000; i++ {
		var fs []lint.Finding
		for n := r.Intn(6); n > 0; n-- {
			s := r.Intn(len(src) + 1)
			e := s + r.Intn(8)
			if e > len(src)+2 {
				e = len(src) + 2
			}
			fs = append(fs, fnd("x", s, e, []string{"", "A", "ü\n", "#Tag"}[r.Intn(4)], r.Intn(3) > 0))
		}
		out := Apply(src, fs, false)
		eligible := 0
		for _, f := range fs {
			if f.Fix.Safe {
				eligible++
			}
		}
		if len(out.Applied)+len(out.Skipped) != eligible {
			t.Fatalf("case %d: %d applied + %d skipped != %d eligible", i, len(out.Applied), len(out.Skipped), eligible)
		}
		if !utf8.ValidString(out.Text) {
			t.Fatalf("case %d: invalid UTF-8 %q", i, out.Text)
		}
		// Rebuild from the applied edits (duplicates once) and compare.
		var b strings.Builder
		pos := 0
		var last *lint.Fix
		for _, f := range out.Applied {
			if last != nil && *last == *f.Fix {
				continue
			}
			if f.Fix.Span.Start < pos {
				t.Fatalf("case %d: applied edits overlap", i)
			}
			b.WriteString(src[pos:f.Fix.Span.Start])
			b.WriteString(strings.ReplaceAll(f.Fix.Replacement, "\n", "\r\n"))
			pos, last = f.Fix.Span.End, f.Fix
		}
		b.WriteString(src[pos:])
		if b.String() != out.Text {
			t.Fatalf("case %d: text %q, want %q", i, out.Text, b.String())
		}
	}
}

// Replace gives the file exactly the mode asked for, over whatever mode
// the old file had, and leaves no temporary file.
func TestReplaceSetsTheMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pre-commit")
	if err := os.WriteFile(p, []byte("lama"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Replace(p, []byte("baru"), 0o755); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	b, _ := os.ReadFile(p)
	if err != nil || info.Mode().Perm() != 0o755 || string(b) != "baru" {
		t.Errorf("after Replace: %v %v %q", err, info.Mode(), b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
}
