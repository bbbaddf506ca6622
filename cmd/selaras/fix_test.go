package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// fixKit is the kit of the fix, suppression and baseline tests.
const fixKit = `[kit]
name = "Kit uji"
defaults = false

[[jargon]]
phrase  = "dalam rangka"
suggest = ["untuk"]
exact   = true

[[jargon]]
phrase  = "sinergitas"
suggest = ["sinergi", "kerja sama"]

[hashtags]
required = ["#BantenMaju"]
`

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fixRules are the rules these tests are about; other rules' findings are
// left out of the comparisons (rules are added all the time).
var fixRules = map[string]bool{"jargon": true, "hashtag-missing": true, "ignore-reason": true, "ignore-unused": true}

// findings runs check --format json and returns "path rule match" lines
// of fixRules' findings.
func findings(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	r := runBin(t, dir, nil, nil, append([]string{"check", "--format", "json", "--fail-on", "none"}, args...)...)
	if r.code != 0 {
		t.Fatalf("check exit %d: %s", r.code, r.stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	var list []string
	for _, f := range out.Files {
		for _, g := range f.Findings {
			if fixRules[g.Rule] {
				list = append(list, f.Path+" "+g.Rule+" "+g.Match)
			}
		}
	}
	return list
}

func TestFixRoundTrip(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"selaras.toml": fixKit,
		"lf.md":        "Dalam rangka HUT Banten, kami hadir.\nWarga datang dalam rangka merayakan. #BantenMaju\n",
		"crlf.md":      "\xef\xbb\xbfDalam rangka HUT Banten\r\nSinergitas OPD dan warga.\r\n#BantenMaju\r\n",
		"clean.md":     "Untuk HUT Banten, kami hadir. #BantenMaju\n",
	})
	os.Chmod(filepath.Join(dir, "crlf.md"), 0o640)
	cleanInfo, _ := os.Stat(filepath.Join(dir, "clean.md"))

	r := runBin(t, dir, nil, nil, "check", "--lang", "en", "--fix", ".")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{"3 fixes applied in 2 files", "1 unsafe fixes available", "sinergitas"} {
		if !strings.Contains(strings.ToLower(r.stdout), strings.ToLower(want)) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if got := read(t, filepath.Join(dir, "lf.md")); got != "Untuk HUT Banten, kami hadir.\nWarga datang untuk merayakan. #BantenMaju\n" {
		t.Errorf("lf.md = %q", got)
	}
	crlf := read(t, filepath.Join(dir, "crlf.md"))
	if crlf != "\xef\xbb\xbfUntuk HUT Banten\r\nSinergitas OPD dan warga.\r\n#BantenMaju\r\n" {
		t.Errorf("crlf.md = %q (BOM and CRLF must stay)", crlf)
	}
	if info, _ := os.Stat(filepath.Join(dir, "crlf.md")); info.Mode().Perm() != 0o640 {
		t.Errorf("crlf.md mode %v, want 0640", info.Mode().Perm())
	}
	if info, _ := os.Stat(filepath.Join(dir, "clean.md")); !info.ModTime().Equal(cleanInfo.ModTime()) {
		t.Error("a file without fixes was rewritten")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 4 {
		t.Errorf("folder holds %d entries, want 4 (a temporary file left behind?)", len(ents))
	}
	// Fix, then check: no finding with a safe fix is left.
	if got := findings(t, dir, "."); strings.Join(got, "|") != "crlf.md jargon Sinergitas" {
		t.Errorf("after --fix: %v", got)
	}

	// Unsafe fixes only when asked; a choice between suggestions takes the
	// first, with the written capital.
	r = runBin(t, dir, nil, nil, "check", "--fix", "--unsafe-fixes", "crlf.md")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	if got := read(t, filepath.Join(dir, "crlf.md")); got != "\xef\xbb\xbfUntuk HUT Banten\r\nSinergi OPD dan warga.\r\n#BantenMaju\r\n" {
		t.Errorf("after --unsafe-fixes: %q", got)
	}
}

func TestFixInsertsMissingHashtagInCRLF(t *testing.T) {
	dir := writeTree(t, map[string]string{"selaras.toml": fixKit, "a.md": "Selamat pagi, warga.\r\nSampai jumpa.\r\n"})
	if r := runBin(t, dir, nil, nil, "check", "--fix", "a.md"); r.code != 1 || read(t, filepath.Join(dir, "a.md")) != "Selamat pagi, warga.\r\nSampai jumpa.\r\n" {
		t.Fatalf("a safe-only run inserted the hashtag or passed: exit %d %q", r.code, read(t, filepath.Join(dir, "a.md")))
	}
	r := runBin(t, dir, nil, nil, "check", "--fix", "--unsafe-fixes", "a.md")
	if r.code != 0 {
		t.Fatalf("exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	got := read(t, filepath.Join(dir, "a.md"))
	if got != "Selamat pagi, warga.\r\nSampai jumpa.\r\n\r\n#BantenMaju\r\n" {
		t.Errorf("got %q", got)
	}
	if strings.Contains(strings.ReplaceAll(got, "\r\n", ""), "\n") {
		t.Error("an LF-only line break in a CRLF file")
	}
}

func TestFixDiffWritesNothingAndApplies(t *testing.T) {
	files := map[string]string{
		"selaras.toml":  fixKit,
		"posts/a.md":    "Baris 1\nBaris 2\nBaris 3\nBaris 4\nDalam rangka HUT.\nBaris 6\nBaris 7\nBaris 8\nBaris 9\nBaris 10\nBaris 11\nBaris 12\nWarga hadir dalam rangka acara. #BantenMaju",
		"posts/crlf.md": "\xef\xbb\xbfDalam rangka HUT\r\n#BantenMaju\r\n",
	}
	dir := writeTree(t, files)
	before := treeHash(t, dir)
	r := runBin(t, dir, nil, nil, "check", "--fix", "--diff", "--lang", "en", "posts")
	if after := treeHash(t, dir); after != before {
		t.Fatal("--diff changed files")
	}
	if r.code != 0 || !strings.Contains(r.stderr, "3 fixes in 2 files (not written: --diff)") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if strings.Count(r.stdout, "\n@@ ") != 3 || !strings.HasPrefix(r.stdout, "--- posts/a.md\n+++ posts/a.md\n") {
		t.Errorf("diff:\n%s", r.stdout)
	}
	// The diff does what --fix does: apply it with patch and git apply to
	// copies, and compare with a --fix run.
	fixed := writeTree(t, files)
	if r := runBin(t, fixed, nil, nil, "check", "--fix", "posts"); r.code != 0 {
		t.Fatalf("--fix: %d %s", r.code, r.stderr)
	}
	for _, tool := range [][]string{{"patch", "-p0", "--quiet"}, {"git", "apply", "-p0"}} {
		if _, err := exec.LookPath(tool[0]); err != nil {
			t.Logf("%s not installed", tool[0])
			continue
		}
		cp := writeTree(t, files)
		cmd := exec.Command(tool[0], tool[1:]...)
		cmd.Dir = cp
		cmd.Stdin = strings.NewReader(r.stdout)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", tool, err, out)
		}
		for _, name := range []string{"posts/a.md", "posts/crlf.md"} {
			if a, b := read(t, filepath.Join(cp, name)), read(t, filepath.Join(fixed, name)); a != b {
				t.Errorf("%v: %s is %q, --fix wrote %q", tool, name, a, b)
			}
		}
	}
}

func TestFixStdin(t *testing.T) {
	dir := writeTree(t, map[string]string{"selaras.toml": fixKit})
	r := runBin(t, dir, []byte("Dalam rangka HUT. #BantenMaju\n"), nil, "check", "--fix", "-", "--stdin-filename", "x.md")
	if r.code != 0 || r.stdout != "Untuk HUT. #BantenMaju\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "1 perbaikan diterapkan") {
		t.Errorf("the report should go to stderr: %q", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.md")); err == nil {
		t.Error("--fix on stdin wrote a file")
	}
}

func TestFixFlagErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.md": "Halo.\n"})
	for _, args := range [][]string{
		{"check", "--unsafe-fixes", "a.md"},
		{"check", "--fix", "--staged"},
		{"check", "--max-findings", "-1", "a.md"},
		{"check", "--baseline", "missing.json", "a.md"},
		{"check", "--baseline", "x.json", "--no-baseline", "a.md"},
	} {
		r := runBin(t, dir, nil, nil, args...)
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestSuppressionEndToEnd(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"selaras.toml": fixKit,
		"quote.md": "+++\nignore = [{ rule = \"jargon\", match = \"dalam rangka\", reason = \"kutipan langsung\" }]\n+++\n" +
			"\"Dalam rangka HUT ini kita bersatu,\" kata Gubernur. Sinergitas OPD. #BantenMaju\n",
		"noreason.md": "+++\nignore = [{ rule = \"jargon\", match = \"dalam rangka\" }]\n+++\nDalam rangka HUT. #BantenMaju\n",
		"unused.md":   "+++\nignore = [{ rule = \"hashtag-missing\", reason = \"unggahan pribadi\" }]\n+++\nSelamat pagi. #BantenMaju\n",
	})
	got := strings.Join(findings(t, dir, "."), "|")
	if got != "noreason.md ignore-reason jargon|quote.md jargon Sinergitas" {
		t.Errorf("findings: %s", got)
	}
	got = strings.Join(findings(t, dir, "--report-unused-ignores", "."), "|")
	if got != "noreason.md ignore-reason jargon|quote.md jargon Sinergitas|unused.md ignore-unused hashtag-missing" {
		t.Errorf("with --report-unused-ignores: %s", got)
	}
	// A suppressed finding is not fixed either.
	runBin(t, dir, nil, nil, "check", "--fix", "quote.md")
	if !strings.Contains(read(t, filepath.Join(dir, "quote.md")), "\"Dalam rangka HUT") {
		t.Error("--fix changed an ignored quote")
	}
}

func TestBaselineEndToEnd(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"selaras.toml": fixKit,
		"a.md":         "Dalam rangka HUT.\nSinergitas OPD. #BantenMaju\n",
		"b.md":         "Halo warga. #BantenMaju\n",
	})
	r := runBin(t, dir, nil, nil, "baseline", "write", "--lang", "en")
	if r.code != 0 || !strings.Contains(r.stdout, "findings of 2 files recorded in .selaras-baseline.json") {
		t.Fatalf("baseline write: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	base := read(t, filepath.Join(dir, ".selaras-baseline.json"))
	if strings.Contains(base, "\"line\"") || !regexp.MustCompile(`\{"path":"a.md","rule":"jargon","match":"dalam rangka","text":"[0-9a-f]{16}","context":"[0-9a-f]{16}","occurrence":0\}`).MatchString(base) {
		t.Errorf("baseline:\n%s", base)
	}

	// Lines inserted above the findings: nothing new.
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("Selamat pagi.\n\nAcara besok:\nDalam rangka HUT.\nSinergitas OPD. #BantenMaju\n"), 0o644)
	r = runBin(t, dir, nil, nil, "check", "--lang", "en", "--fail-on", "warning", ".")
	if r.code != 0 || !strings.Contains(r.stdout, "known findings not shown: recorded in the baseline .selaras-baseline.json") || strings.Contains(r.stdout, "jargon") {
		t.Fatalf("after inserting lines: exit %d\n%s", r.code, r.stdout)
	}
	// A new finding is reported, in a subfolder run too (--baseline).
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("Halo warga, dalam rangka HUT. #BantenMaju\n"), 0o644)
	if got := strings.Join(findings(t, dir, "."), "|"); got != "b.md jargon dalam rangka" {
		t.Errorf("new finding: %s", got)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if got := strings.Join(findings(t, filepath.Join(dir, "sub"), "--baseline", "../.selaras-baseline.json", ".."), "|"); got != "../b.md jargon dalam rangka" {
		t.Errorf("from a subfolder: %s", got)
	}
	if got := findings(t, dir, "--no-baseline", "."); len(got) != 3 {
		t.Errorf("--no-baseline: %v", got)
	}
	// Recording one file keeps the other's entries.
	runBin(t, dir, nil, nil, "baseline", "write", "b.md")
	if got := findings(t, dir, "."); len(got) != 0 {
		t.Errorf("after recording b.md: %v", got)
	}
}

func TestBaselineNeverOverwritesForeignFile(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.md": "Dalam rangka HUT.\n", "other.json": "{\"mine\": true}\n"})
	r := runBin(t, dir, nil, nil, "baseline", "write", "--baseline", "other.json", ".")
	if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || read(t, filepath.Join(dir, "other.json")) != "{\"mine\": true}\n" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestMaxFindings(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"selaras.toml": fixKit,
		"a.md":         "Dalam rangka HUT.\nSinergitas OPD.\nWarga datang dalam rangka merayakan.\n",
	})
	var all jsonOut
	json.Unmarshal([]byte(runBin(t, dir, nil, nil, "check", "--format", "json", ".").stdout), &all)
	total := len(all.Files[0].Findings)
	if total < 4 {
		t.Fatalf("%d findings, want at least 4", total)
	}
	r := runBin(t, dir, nil, nil, "check", "--lang", "en", "--max-findings", "1", "--fail-on", "error", ".")
	if r.code != 1 {
		t.Errorf("exit %d: the hidden error (hashtag-missing) must still count", r.code)
	}
	if n := len(regexp.MustCompile(`(?m)^  (\d+:\d+|-) +(error|warning|info) `).FindAllString(r.stdout, -1)); n != 1 {
		t.Errorf("%d findings shown, want 1:\n%s", n, r.stdout)
	}
	if !strings.Contains(r.stdout, fmt.Sprintf("%d more findings not shown (--max-findings 1)", total-1)) {
		t.Errorf("no note about the rest:\n%s", r.stdout)
	}
	var buf bytes.Buffer
	r = runBin(t, dir, nil, nil, "check", "--format", "json", "--max-findings", "2", ".")
	buf.WriteString(r.stdout)
	var out jsonOut
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil || len(out.Files) != 1 || len(out.Files[0].Findings) != 2 {
		t.Errorf("json with --max-findings 2: %v\n%s", err, r.stdout)
	}
	if !strings.Contains(r.stderr, fmt.Sprintf("%d temuan lain tidak ditampilkan", total-2)) {
		t.Errorf("the note goes to stderr for json: %q", r.stderr)
	}
}

// TestFixOverlapAndEndlessFixesReported runs the fix rounds in process with
// rules made to misbehave: two different fixes of the same word (one must
// be left and said so), and a fix that changes the text every time (the
// rounds must end, and say so).
func TestFixOverlapAndEndlessFixesReported(t *testing.T) {
	firstWord := func(p *lint.Pass) (lint.Token, bool) {
		for _, tk := range p.Draft.Tokens {
			if tk.Kind == lint.TokWord {
				return tk, true
			}
		}
		return lint.Token{}, false
	}
	twice := &lint.Rule{Name: "twice", Check: func(p *lint.Pass) error {
		if tk, ok := firstWord(p); ok {
			for _, r := range []string{"Satu", "Dua"} {
				sp := lint.Span{Start: tk.Start, End: tk.End}
				p.Report(lint.Finding{Span: sp, Match: tk.Text, Message: lint.Text{ID: "x", EN: "x"}, Fix: &lint.Fix{Span: sp, Replacement: r, Safe: true}})
			}
		}
		return nil
	}}
	grow := &lint.Rule{Name: "grow", Check: func(p *lint.Pass) error {
		if tk, ok := firstWord(p); ok && strings.HasPrefix(tk.Text, "tumbuh") {
			sp := lint.Span{Start: tk.Start, End: tk.End}
			p.Report(lint.Finding{Span: sp, Match: tk.Text, Message: lint.Text{ID: "x", EN: "x"}, Fix: &lint.Fix{Span: sp, Replacement: tk.Text + "x", Safe: true}})
		}
		return nil
	}}
	dir := writeTree(t, map[string]string{"selaras.toml": fixKit, "a.md": "awal kata.\n", "b.md": "tumbuh terus.\n"})
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }, isTerminal: func() bool { return false }}
	f := newFlags(e, "check", lang2{})
	f.lang = "en"
	inputs, err := lint.Collect([]string{filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")})
	if err != nil {
		t.Fatal(err)
	}
	eng := &lint.Engine{Rules: []*lint.Rule{twice, grow}, Kits: &brandkit.Loader{}, Jobs: 1}
	x := &checkExtras{fix: true, noBaseline: true}
	x.configure(eng) // as check does: fixing keeps the drafts' text
	post := x.after(e, f, eng, inputs, eng.Run(inputs), 3, "text")
	if post.done || post.failed {
		t.Fatalf("post %+v, stderr %s", post, stderr.String())
	}
	var notes []string
	for _, n := range post.notes {
		notes = append(notes, n.EN)
	}
	all := strings.Join(notes, "\n")
	if !strings.Contains(all, "a.md:1:1 twice: fix not applied, it overlaps another fix") {
		t.Errorf("no overlap note:\n%s", all)
	}
	if !strings.Contains(all, "b.md: fixes kept changing the text after 10 rounds") {
		t.Errorf("no note about endless fixes:\n%s", all)
	}
	if got := read(t, filepath.Join(dir, "a.md")); got != "Satu kata.\n" {
		t.Errorf("a.md = %q", got)
	}
	if got := read(t, filepath.Join(dir, "b.md")); got != "tumbuh"+strings.Repeat("x", maxFixRounds)+" terus.\n" {
		t.Errorf("b.md = %q", got)
	}
}
