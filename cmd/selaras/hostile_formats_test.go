//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The CI formats on the hostile corpus's one-line drafts: each column is
// converted to UTF-16 without rescanning its line (SARIF took 43 s on the
// 1 MB line of jargon, 63 s on 100,000 hashtags). Each run must end well
// within the corpus deadline and memory budget; the times are logged (the
// README's "Hostile input" table lists them).
func TestHostileFormats(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and checks 1 MB drafts")
	}
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "line.md"), []byte(strings.Repeat("Dalam rangka ", 80000)+"\n"))
	var b strings.Builder
	for i := 0; i < 100000; i++ {
		b.WriteString("#Tagar ") // each repeat is a hashtag-count finding
	}
	writeBytes(t, filepath.Join(dir, "tags", "tags.md"), []byte(b.String()+"\n"))

	for _, c := range []struct{ file, format, want string }{
		{"line.md", "sarif", `"ruleId": "jargon"`},
		{"line.md", "github", "::warning file=line.md"},
		{"line.md", "checkstyle", `source="selaras.jargon"`},
		{"tags/tags.md", "sarif", `"ruleId": "hashtag-count"`},
		{"tags/tags.md", "github", "file=tags/tags.md"},
	} {
		t.Run(c.file+" "+c.format, func(t *testing.T) {
			r := runBounded(t, dir, hostileTimeout, "check", "--format", c.format, c.file)
			t.Logf("exit %d in %v, peak %d MB, %d bytes of output", r.code, r.elapsed.Round(time.Millisecond), r.peakKB>>10, len(r.stdout))
			if r.code != 0 && r.code != 1 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, c.want) {
				t.Errorf("no %q in the output: %.300s", c.want, r.stdout)
			}
			if r.peakKB>>10 > hostileRSSMB {
				t.Errorf("peak memory %d MB, over %d MB", r.peakKB>>10, hostileRSSMB)
			}
		})
	}
}

// A 6 MB draft of 1,000,000 hashtags (each repeat a hashtag-count
// finding) stays within the memory budget: the kit's cap per rule and
// file ([rules] max_per_file) keeps 200 findings and a count, not a
// million findings (2.2 GB before). Checked in text, JSON and SARIF. The
// count finding stands for itself and its "more": 200 + 1 + 999,798.
func TestHostileMillionHashtags(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and checks a 6 MB draft")
	}
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "tags.md"), []byte(strings.Repeat("#Tag1 ", 1000000)+"\n"))
	for _, f := range []string{"json", "text", "sarif"} {
		r := runBounded(t, dir, hostileTimeout, "check", "--format", f, "tags.md")
		t.Logf("%s: exit %d in %v, peak %d MB, %d bytes of output", f, r.code, r.elapsed.Round(time.Millisecond), r.peakKB>>10, len(r.stdout))
		if r.code != 0 && r.code != 1 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if r.peakKB>>10 > hostileRSSMB {
			t.Errorf("%s: peak memory %d MB, over %d MB", f, r.peakKB>>10, hostileRSSMB)
		}
		if f == "json" && (!strings.Contains(r.stdout, `"more": 999798`) || !strings.Contains(r.stdout, `"warnings": 999999`)) {
			t.Errorf("json: no count of the findings past the cap, or wrong totals: %.400s", r.stdout[max(0, len(r.stdout)-400):])
		}
	}
}
