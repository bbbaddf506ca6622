package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
)

// reportOf builds a finalized report of n posts the way the auditor does,
// with findings kept by the given spill (nil: in memory).
func reportOf(t *testing.T, n int, spill *spillFile, breakAfter int) *Report {
	t.Helper()
	r := &Report{spill: spill}
	for i := 0; i < n; i++ {
		if i == breakAfter && spill != nil {
			spill.failed = true // as put leaves it when the disk fails half-way
		}
		p := Post{Path: fmt.Sprintf("p%03d.md", n-i), Account: "dinkes", Date: "2025-10-02"}
		var fs []Finding
		for j := 0; j < i%4; j++ {
			sev := []string{"error", "warning", "info"}[j%3]
			fs = append(fs, Finding{Path: p.Path, Rule: fmt.Sprintf("rule-%d", j%2), Severity: sev, Line: 3 - j, Column: 1,
				Messages: lint.Text{ID: "pesan <b>", EN: "message <b>"}, Match: "x"})
		}
		raw, _ := json.Marshal(fs)
		if err := r.addPost(p, raw, addTally(nil, fs)); err != nil {
			t.Fatal(err)
		}
	}
	r.Finalize("en")
	return r
}

func TestSpilledFindingsPrintAsInMemory(t *testing.T) {
	print := func(r *Report, format string) string {
		var b bytes.Buffer
		if err := Write(&b, r, format, "en"); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		return b.String()
	}
	memory := reportOf(t, 40, nil, -1)
	disk := reportOf(t, 40, newSpill(""), -1)
	defer disk.Close()
	broken := reportOf(t, 40, newSpill(""), 20)
	defer broken.Close()
	spilled := 0
	for _, p := range disk.Details {
		if p.spillLen > 0 {
			spilled++
		}
	}
	if spilled != 30 || memory.FindingCount() != 60 || disk.FindingCount() != 60 {
		t.Fatalf("%d posts spilled (want 30), %d / %d findings (want 60)", spilled, memory.FindingCount(), disk.FindingCount())
	}
	for _, format := range Formats {
		want := print(memory, format)
		if got := print(disk, format); got != want {
			t.Errorf("%s: spilled findings print differently\n got: %s\nwant: %s", format, got, want)
		}
		if got := print(broken, format); got != want {
			t.Errorf("%s: a spill that failed half-way prints differently\n got: %s\nwant: %s", format, got, want)
		}
	}
	// The per-post counts come from the tallies.
	for _, p := range disk.Details {
		if p.Path == "p037.md" && (p.Findings != 3 || p.Errors != 1 || p.Warnings != 1 || p.Infos != 1) {
			t.Errorf("p037.md counts: %+v", p)
		}
	}
}

// A spill file that cannot be read back is an error of the report, not a
// shorter report.
func TestSpillReadError(t *testing.T) {
	r := reportOf(t, 10, newSpill(""), -1)
	r.spill.f.Close()
	var b bytes.Buffer
	if err := Write(&b, r, "json", "en"); err == nil || Message(err, "id") == err.Error() {
		t.Errorf("read error: %v", err)
	}
}

// A finalized report prints what encoding/json prints for the same report
// with its findings listed in r.Findings.
func TestFinalizedJSONMatchesEncoder(t *testing.T) {
	r := reportOf(t, 30, newSpill(""), -1)
	defer r.Close()
	var got bytes.Buffer
	if err := Write(&got, r, "json", "en"); err != nil {
		t.Fatal(err)
	}
	flat := *r
	flat.grouped, flat.Findings = false, []Finding{}
	for f := range r.AllFindings() {
		flat.Findings = append(flat.Findings, *f)
	}
	if len(flat.Findings) != 43 {
		t.Fatalf("%d findings, want 43", len(flat.Findings))
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&flat); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("finalized report's JSON differs from encoding/json's\n got: %s\nwant: %s", got.String(), want.String())
	}
}

// The HTML page lists the first findings and says where the rest are.
func TestHTMLListsTheFirstFindings(t *testing.T) {
	r := reportOf(t, 40, newSpill(""), -1)
	defer r.Close()
	page := func() string {
		var b bytes.Buffer
		if err := Write(&b, r, "html", "en"); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	rows := func(h string) int { return strings.Count(h, `<td class="sev-`) }
	all := page()
	if rows(all) != 60 || strings.Contains(all, "full list") {
		t.Errorf("all 60 findings without a note: %d rows", rows(all))
	}
	defer func(n int) { htmlMaxFindings = n }(htmlMaxFindings)
	htmlMaxFindings = 10
	cut := page()
	if rows(cut) != 10 || !strings.Contains(cut, "The first 10 of 60 findings are shown") {
		t.Errorf("capped at 10: %d rows", rows(cut))
	}
}

// The spill file goes to the folder given (the cache folder, on disk), and
// to the temporary folder when that one cannot be used.
func TestSpillFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	s := newSpill(dir)
	if s == nil || filepath.Dir(s.f.Name()) != dir {
		t.Fatalf("spill not in %s: %+v", dir, s)
	}
	s.close()
	blocked := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(blocked, nil, 0o644)
	s = newSpill(filepath.Join(blocked, "cache"))
	if s == nil || filepath.Dir(s.f.Name()) != filepath.Clean(os.TempDir()) {
		t.Fatalf("no fallback to the temporary folder: %+v", s)
	}
	s.close()
}
