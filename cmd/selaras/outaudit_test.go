package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A mistyped command is answered with the nearest one, as a mistyped
// flag is, in both languages.
func TestUnknownCommandSuggests(t *testing.T) {
	dir := t.TempDir()
	r := runBin(t, dir, nil, nil, "chek", "x.md")
	if r.code != 2 || !strings.Contains(r.stderr, "maksudnya `check`?") {
		t.Errorf("chek: code %d, stderr %q", r.code, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "--lang", "en", "audti")
	if r.code != 2 || !strings.Contains(r.stderr, "did you mean `audit`?") {
		t.Errorf("audti: code %d, stderr %q", r.code, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "zzzzzzzz")
	if r.code != 2 || strings.Contains(r.stderr, "maksudnya") {
		t.Errorf("zzzzzzzz: code %d, stderr %q", r.code, r.stderr)
	}
}

// An Instagram export names accounts by username; [accounts.SLUG] handles
// ties them to the kit's accounts, and its +0700 offsets are understood.
func TestAuditExportHandles(t *testing.T) {
	root := t.TempDir()
	tag := " #BantenMaju"
	auditWrite(t, root, map[string]string{
		"selaras.toml": `[kit]
name = "Uji Akun"

[hashtags]
required = ["#BantenMaju"]

[accounts.dinkes]
name    = "Dinas Kesehatan"
paths   = ["dinkes/**"]
handles = ["dinkesjateng", "@dinkes.jateng"]
`,
		"dinkes/2025-10-02.md": post("2025-10-02", "", "Imunisasi anak gratis di puskesmas terdekat setiap hari kerja. Ada pertanyaan?"+tag),
		"exports/ig.csv": "Account username,Description,Publish time,Permalink\n" +
			"DinkesJateng,Donor darah bersama di aula kantor dinas pada hari Sabtu pagi. Ada pertanyaan?" + tag + ",2025-10-16T07:15:00+0700,https://www.instagram.com/p/1\n" +
			"@dinkes.jateng,Cek kesehatan gratis bagi warga lanjut usia di puskesmas. Mau ikut?" + tag + ",2025-10-17T00:15:00+0000,https://www.instagram.com/p/2\n",
	})
	r, _ := auditJSON(t, root, nil, "--month", "2025-10", ".")
	if r.Posts != 3 || len(r.Skipped) != 0 {
		t.Fatalf("posts %d, skipped %+v; want 3 posts, none skipped", r.Posts, r.Skipped)
	}
	if len(r.Accounts) != 1 || r.Accounts[0].Account != "dinkes" || r.Accounts[0].Posts != 3 {
		t.Errorf("accounts %+v, want dinkes with 3 posts", r.Accounts)
	}
	for _, d := range r.Details {
		if d.Path == "exports/ig.csv#row3" && d.Date != "2025-10-17" {
			t.Errorf("row 3 dated %s, want 2025-10-17 (Jakarta)", d.Date)
		}
	}
}

// --max-findings shortens the list, never the totals: the summary line and
// the JSON counts are those of every finding.
func TestMaxFindingsKeepsTotals(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.md"), "Dalam rangka HUT. Dalam rangka lagi. Dalam rangka tiga. #A #A #A\n")
	all := runBin(t, dir, nil, nil, "check", "--format", "json", "a.md")
	var full struct {
		Summary struct{ Errors, Warnings, Infos int } `json:"summary"`
	}
	if err := json.Unmarshal([]byte(all.stdout), &full); err != nil || full.Summary.Warnings < 4 {
		t.Fatalf("fixture: %v %+v", err, full.Summary)
	}
	r := runBin(t, dir, nil, nil, "check", "--format", "json", "--max-findings", "2", "a.md")
	var got struct {
		Files []struct {
			Findings []json.RawMessage `json:"findings"`
		} `json:"files"`
		Summary struct {
			Errors, Warnings, Infos int
			NotShown                int `json:"not_shown"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	total := full.Summary.Errors + full.Summary.Warnings + full.Summary.Infos
	if got.Summary.Errors != full.Summary.Errors || got.Summary.Warnings != full.Summary.Warnings || got.Summary.Infos != full.Summary.Infos || got.Summary.NotShown != total-2 {
		t.Errorf("summary with --max-findings 2: %+v, want %+v and %d not shown", got.Summary, full.Summary, total-2)
	}
	if len(got.Files) != 1 || len(got.Files[0].Findings) != 2 {
		t.Errorf("listed: %+v", got.Files)
	}
	text := runBin(t, dir, nil, nil, "check", "--max-findings", "2", "a.md")
	want := fmt.Sprintf("✗ %d temuan (%d galat, %d peringatan, %d info)", total, full.Summary.Errors, full.Summary.Warnings, full.Summary.Infos)
	if !strings.Contains(text.stdout, want) || !strings.Contains(text.stdout, fmt.Sprintf("%d temuan lain tidak ditampilkan", total-2)) {
		t.Errorf("text output lacks %q or the count not shown:\n%s", want, text.stdout)
	}
}

// Escape sequences in a caption or a file name are shown, never sent to
// the terminal: text output's quoted line, the line and github formats'
// file names and messages, and the audit table's excerpts.
func TestFormatControlCharactersEscaped(t *testing.T) {
	dir := t.TempDir()
	caption := "Dalam rangka HUT \x1b]0;PWNED\x07 kami \x1b[2J mengundang \u009b31m warga.\n"
	writeFile(t, filepath.Join(dir, "a.md"), caption)
	writeFile(t, filepath.Join(dir, "b\x1b[31m.md"), "Dalam rangka HUT kami mengundang warga.\n")
	raw := func(name, s string) {
		t.Helper()
		if strings.ContainsAny(s, "\x1b\x07\u009b") {
			t.Errorf("%s: raw control characters reach the terminal:\n%q", name, s)
		}
	}
	r := runBin(t, dir, nil, nil, "check", "--color", "never", "a.md")
	raw("text", r.stdout)
	if !strings.Contains(r.stdout, `\x1b]0;PWNED\x07`) || !strings.Contains(r.stdout, `\u009b31m`) {
		t.Errorf("text: escapes not shown:\n%s", r.stdout)
	}
	// The underline still sits under the match after the escapes.
	lines := strings.Split(r.stdout, "\n")
	for i, l := range lines {
		if strings.Contains(l, "│ ") && strings.Contains(l, "PWNED") && i+1 < len(lines) {
			if q, m := strings.Index(l, "Dalam"), strings.Index(lines[i+1], "^"); q != m {
				t.Errorf("underline at byte %d, match at %d:\n%s\n%s", m, q, l, lines[i+1])
			}
			break
		}
	}
	for _, f := range []string{"line", "github"} {
		r := runBin(t, dir, nil, nil, "check", "--format", f, ".")
		raw(f, r.stdout)
		if !strings.Contains(r.stdout, `b\x1b[31m.md`) {
			t.Errorf("%s: file name not shown escaped:\n%s", f, r.stdout)
		}
	}
	audit := t.TempDir()
	writeFile(t, filepath.Join(audit, "2025-10-02.md"), "+++\ndate = 2025-10-02\n+++\n"+caption)
	r = runBin(t, audit, nil, nil, "audit", "--no-cache", "--month", "2025-10", ".")
	raw("audit table", r.stdout)
	if !strings.Contains(r.stdout, `\x1b`) {
		t.Errorf("audit table: excerpt not shown escaped:\n%s", r.stdout)
	}
}

// A folder without drafts is a warning; when every path given is one,
// nothing was checked and the run is not a success.
func TestCheckEmptyPaths(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "kosong", "catatan.pdf"), "bukan draf")
	writeFile(t, filepath.Join(dir, "konten", "a.md"), "Halo warga, ada pertanyaan? Tulis di kolom komentar.\n")
	r := runBin(t, dir, nil, nil, "check", "kosong")
	if r.code != 2 || !strings.Contains(r.stderr, "kosong tidak berisi draf") || !strings.Contains(r.stderr, "tidak ada berkas yang diperiksa") || strings.Contains(r.stdout, "✓") {
		t.Errorf("empty folder: code %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "--lang", "en", "check", "--fail-on", "none", "kosong")
	if r.code != 2 || !strings.Contains(r.stderr, "nothing was checked") {
		t.Errorf("empty folder, --fail-on none, English: code %d, stderr %q", r.code, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "check", "konten", "kosong")
	if r.code != 0 || !strings.Contains(r.stderr, "kosong tidak berisi draf") || strings.Contains(r.stderr, "konten tidak") {
		t.Errorf("one empty folder of two: code %d, stderr %q", r.code, r.stderr)
	}
}

// An audit of a period without posts still names its kit.
func TestAuditEmptyPeriodNamesKit(t *testing.T) {
	root := t.TempDir()
	auditWrite(t, root, map[string]string{
		"selaras.toml":         "[kit]\nname = \"Uji Kosong\"\n",
		"dinkes/2025-09-02.md": post("2025-09-02", "", "Posyandu keliling hadir di desa Anda minggu ini. Ada pertanyaan?"),
	})
	r, _ := auditJSON(t, root, nil, "--month", "2025-10", ".")
	if r.Posts != 0 || r.Kit != "Uji Kosong" {
		t.Errorf("posts %d, kit %q; want 0 posts of kit Uji Kosong", r.Posts, r.Kit)
	}
	empty := t.TempDir()
	writeFile(t, filepath.Join(empty, "selaras.toml"), "[kit]\nname = \"Uji Kosong\"\n")
	tab := runBin(t, empty, nil, nil, "audit", "--no-cache", "--month", "2025-10", ".")
	if !strings.Contains(tab.stdout, "Kit: Uji Kosong") {
		t.Errorf("table without the kit's name (exit %d):\n%s\n%s", tab.code, tab.stdout, tab.stderr)
	}
}

// audit merge checks every input against the report contract and refuses
// a bad one naming the file and the field.
func TestAuditMergeValidatesInputs(t *testing.T) {
	root := auditArchive(t)
	good := runBin(t, root, nil, nil, "audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10", ".")
	if good.code != 0 {
		t.Fatalf("audit: %d %s", good.code, good.stderr)
	}
	writeFile(t, filepath.Join(root, "good.json"), good.stdout)
	if r := runBin(t, root, nil, nil, "audit", "merge", "good.json"); r.code != 0 {
		t.Fatalf("a real report refused: %d %s", r.code, r.stderr)
	}
	edit := func(change func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal([]byte(good.stdout), &m); err != nil {
			t.Fatal(err)
		}
		change(m)
		b, _ := json.Marshal(m)
		return string(b)
	}
	detail := func(m map[string]any, i int) map[string]any { return m["post_details"].([]any)[i].(map[string]any) }
	for _, c := range []struct {
		name, field string
		change      func(m map[string]any)
	}{
		{"no post_details", "post_details", func(m map[string]any) { delete(m, "post_details") }},
		{"a post of 1999", "post_details[0].date", func(m map[string]any) { detail(m, 0)["date"] = "1999-10-14" }},
		{"negative out_of_period", "out_of_period", func(m map[string]any) { m["out_of_period"] = -1000 }},
		{"posts not the details", "posts", func(m map[string]any) { m["posts"] = 3 }},
		{"counts of a post", "post_details[1].findings", func(m map[string]any) { detail(m, 1)["errors"] = detail(m, 1)["errors"].(float64) + 1 }},
		{"no version", "version", func(m map[string]any) { delete(m, "version") }},
		{"period backwards", "period", func(m map[string]any) { m["period"].(map[string]any)["until"] = "2025-09-01" }},
		{"a finding of no post", "findings[0].post", func(m map[string]any) { m["findings"].([]any)[0].(map[string]any)["post"] = "lain.md" }},
		{"a finding's severity", "findings[0].severity", func(m map[string]any) { m["findings"].([]any)[0].(map[string]any)["severity"] = "fatal" }},
	} {
		writeFile(t, filepath.Join(root, "bad.json"), edit(c.change))
		r := runBin(t, root, nil, nil, "audit", "merge", "good.json", "bad.json")
		if r.code != 2 || !strings.Contains(r.stderr, "bad.json") || !strings.Contains(r.stderr, c.field) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 naming bad.json and %s", c.name, r.code, r.stderr, c.field)
		}
	}
	writeFile(t, filepath.Join(root, "bad.json"), edit(func(m map[string]any) { delete(m, "post_details") }))
	if r := runBin(t, root, nil, nil, "--lang", "en", "audit", "merge", "bad.json"); !strings.Contains(r.stderr, "post_details: missing") {
		t.Errorf("English: %q", r.stderr)
	}
}

// A file with more fixable findings than the kit's cap lists is fixed
// whole in one run: the fixes past the cap are kept as edits.
func TestFixPastTheCap(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "selaras.toml"), "[rules]\nmax_per_file = 10\n")
	writeFile(t, filepath.Join(dir, "a.md"), strings.Repeat("Dalam rangka HUT kota. ", 300)+"\n")
	r := runBin(t, dir, nil, nil, "check", "--fix", "--fail-on", "none", "a.md")
	if r.code != 0 {
		t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.ToLower(string(b)), "dalam rangka"); n != 0 || strings.Count(string(b), "Untuk HUT kota.") != 300 {
		t.Errorf("%d left unfixed after one run:\n%.300s", n, b)
	}
	if !strings.Contains(r.stdout, "300 perbaikan diterapkan") {
		t.Errorf("fix count: %s", r.stdout)
	}
}

// A folder given through a symbolic link is not empty when its target
// holds drafts.
func TestCheckLinkedFolderNotEmpty(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "asli", "a.md"), "Halo warga, ada pertanyaan? Tulis di kolom komentar.\n")
	if err := os.Symlink(filepath.Join(dir, "asli"), filepath.Join(dir, "tautan")); err != nil {
		t.Skip(err)
	}
	r := runBin(t, dir, nil, nil, "check", "tautan")
	if r.code != 0 || strings.Contains(r.stderr, "tidak berisi") {
		t.Errorf("linked folder: exit %d, stderr %q", r.code, r.stderr)
	}
}
