package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func repoRoot(t testing.TB) string {
	t.Helper()
	abs, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// golden compares got with testdata/e2e/golden/name, or rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join(repoRoot(t), "testdata/e2e/golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run `go test ./cmd/selaras -update` if the change is intended)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestCheckTextGolden(t *testing.T) {
	r := runBin(t, repoRoot(t), nil, nil, "check", "testdata/e2e/basic")
	if r.code != 1 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	golden(t, "basic.txt", r.stdout)
	en := runBin(t, repoRoot(t), nil, nil, "check", "--lang", "en", "testdata/e2e/basic")
	golden(t, "basic.en.txt", en.stdout)
}

type jsonOut struct {
	Version int `json:"version"`
	Files   []struct {
		Path     string `json:"path"`
		Findings []struct {
			Rule, Severity, Message, Match string
			Line, Column                   int
			EndLine                        int `json:"end_line"`
			EndColumn                      int `json:"end_column"`
			Suggestions                    []string
		} `json:"findings"`
	} `json:"files"`
	Summary struct{ Files, Errors, Warnings, Infos int } `json:"summary"`
}

func TestCheckJSON(t *testing.T) {
	r := runBin(t, repoRoot(t), nil, nil, "check", "--format", "json", "testdata/e2e/basic")
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden(t, "basic.json", r.stdout)
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Version != 1 || out.Summary.Files != 3 || out.Summary.Errors != 1 || out.Summary.Warnings != 2 {
		t.Fatalf("summary: %+v", out.Summary)
	}
	f := out.Files[0].Findings[0]
	// "Dalam rangka" on line 4: columns in code points, end exclusive.
	if f.Rule != "jargon" || f.Line != 4 || f.Column != 1 || f.EndColumn != 13 || f.Match != "Dalam rangka" || f.Suggestions[0] != "untuk" {
		t.Errorf("first finding: %+v", f)
	}
	// The phrase broken over two lines is one finding spanning both.
	g := out.Files[0].Findings[1]
	if g.Line != 5 || g.EndLine != 6 || g.Column != 12 || g.EndColumn != 7 {
		t.Errorf("phrase across a line break: %+v", g)
	}
	enc := out.Files[1].Findings[0]
	if out.Files[1].Path != filepath.FromSlash("testdata/e2e/basic/dinkes/rusak.md") || enc.Rule != "draft-encoding" || enc.Line != 1 || enc.Column != 20 {
		t.Errorf("invalid UTF-8: %s %+v", out.Files[1].Path, enc)
	}
}

func TestFailOn(t *testing.T) {
	dir := repoRoot(t)
	clean := "testdata/e2e/basic/dinkes/clean.md"
	jargon := "testdata/e2e/basic/dinkes/jargon.md"
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"check", clean}, 0},
		{[]string{"check", jargon}, 0}, // warnings only
		{[]string{"check", "--fail-on", "warning", jargon}, 1},
		{[]string{"check", "--fail-on", "info", jargon}, 1},
		{[]string{"check", "--fail-on", "none", "testdata/e2e/basic"}, 0},
		{[]string{"check", "--fail-on", "loud", clean}, 2},
	} {
		if r := runBin(t, dir, nil, nil, c.args...); r.code != c.code {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, r.code, c.code, r.stderr)
		}
	}
}

func TestStdin(t *testing.T) {
	dir := repoRoot(t)
	src := []byte("Dalam rangka HUT, kami mengundang warga.\n")
	// The name places the draft in the kit's folder: its kit applies.
	r := runBin(t, dir, src, nil, "check", "--format", "json", "--stdin-filename", "testdata/e2e/basic/dinkes/baru.md", "-")
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s %s", err, r.stdout, r.stderr)
	}
	if r.code != 1 || len(out.Files) != 1 || out.Files[0].Path != "testdata/e2e/basic/dinkes/baru.md" || len(out.Files[0].Findings) != 2 {
		t.Fatalf("exit %d: %+v", r.code, out)
	}
	// Without a name, the default kit of the working folder applies.
	r = runBin(t, t.TempDir(), src, nil, "check", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "<stdin>") || !strings.Contains(r.stdout, "dalam rangka") && !strings.Contains(r.stdout, "Dalam rangka") {
		t.Errorf("stdin with the default kit: exit %d\n%s", r.code, r.stdout)
	}
}

func TestKitOverrideAndBadKit(t *testing.T) {
	dir := repoRoot(t)
	r := runBin(t, dir, nil, nil, "check", "testdata/e2e/badkit/a.md")
	if r.code != 2 || r.stdout != "" {
		t.Fatalf("bad kit: exit %d, stdout %q", r.code, r.stdout)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "badkit/selaras.toml:3: kit.warna: kunci tidak dikenal") ||
		!strings.Contains(lines[1], "badkit/selaras.toml:6: hashtags.required: tagar \"BantenMaju\"") {
		// A bad value does not hide the unknown keys: every problem at once.
		t.Errorf("stderr: %q", r.stderr)
	}
	// --kit replaces the lookup: the good kit is used for the bad kit's folder.
	r = runBin(t, dir, nil, nil, "check", "--kit", "testdata/e2e/basic/selaras.toml", "testdata/e2e/badkit/a.md")
	if r.code != 1 || !strings.Contains(r.stdout, "#BantenMaju") {
		t.Errorf("--kit: exit %d %s %s", r.code, r.stdout, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "check", "--kit", "nope.toml", "testdata/e2e/basic")
	if r.code != 2 || !strings.Contains(r.stderr, "nope.toml: berkas kit tidak ditemukan") {
		t.Errorf("--kit missing: exit %d %q", r.code, r.stderr)
	}
}

func TestBadKitReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "selaras.toml"), []byte("[kit]\nwarna = \"biru\"\n[[jargon]]\nphrase = \"\"\n[rules]\ndisable = [\"tidak-ada\"]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("Halo."), 0o644)
	r := runBin(t, dir, nil, nil, "check", "a.md")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != 2 || len(lines) != 3 {
		t.Fatalf("exit %d, want 3 lines:\n%s", r.code, r.stderr)
	}
	for i, want := range []string{"selaras.toml:2: kit.warna: kunci tidak dikenal", "selaras.toml:3: jargon[0].phrase", "selaras.toml:6: rules.disable: tidak ada aturan bernama \"tidak-ada\""} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d: %q lacks %q", i, lines[i], want)
		}
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "kosong.md"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "biner.md"), []byte("PK\x03\x04\x00\x00binary"), 0o644)
	os.WriteFile(filepath.Join(dir, "rahasia.md"), []byte("Halo"), 0o000)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Symlink(dir, filepath.Join(dir, "sub", "loop"))
	big, _ := os.Create(filepath.Join(dir, "besar.md"))
	big.Truncate(50 << 20)
	big.Close()
	r := runBin(t, dir, nil, nil, "check", "--format", "json", ".")
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s\n%s", err, r.stdout, r.stderr)
	}
	got := map[string]string{}
	for _, f := range out.Files {
		got[f.Path] = f.Findings[0].Rule
	}
	want := map[string]string{"kosong.md": "draft-empty", "biner.md": "draft-encoding", "besar.md": "draft-unreadable"}
	if os.Getuid() != 0 { // root reads any file
		want["rahasia.md"] = "draft-unreadable"
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
		t.Errorf("stack trace on stderr: %s", r.stderr)
	}
	m := runBin(t, dir, nil, nil, "check", "tidak-ada.md")
	if m.code != 2 || strings.TrimSpace(m.stderr) != "selaras check: tidak-ada.md: berkas tidak ada" {
		t.Errorf("missing path: exit %d %q", m.code, m.stderr)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	root := repoRoot(t)
	before := treeHash(t, filepath.Join(root, "testdata"))
	runBin(t, root, nil, nil, "check", "testdata")
	runBin(t, root, nil, nil, "check", "--format", "json", "testdata/demo")
	if after := treeHash(t, filepath.Join(root, "testdata")); after != before {
		t.Error("check changed files under testdata")
	}
}

func treeHash(t *testing.T, dir string) string {
	h := sha256.New()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		info, _ := d.Info()
		fmt.Fprintf(h, "%s %v %d\n", p, info.Mode(), info.Size())
		if d.Type().IsRegular() {
			b, _ := os.ReadFile(p)
			h.Write(b)
		}
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestColor(t *testing.T) {
	dir := repoRoot(t)
	path := "testdata/e2e/basic/dinkes/jargon.md"
	if r := runBin(t, dir, nil, nil, "check", "--color", "always", path); !strings.Contains(r.stdout, "\x1b[") {
		t.Error("--color always gives no colour")
	}
	if r := runBin(t, dir, nil, []string{"NO_COLOR=1"}, "check", path); strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour with NO_COLOR and no terminal")
	}
	if r := runBin(t, dir, nil, nil, "check", "--color", "sometimes", path); r.code != 2 {
		t.Error("bad --color accepted")
	}
}

func TestRulesExplainVersion(t *testing.T) {
	dir := repoRoot(t)
	r := runBin(t, dir, nil, nil, "rules")
	if r.code != 0 || !strings.Contains(r.stdout, "jargon") || !strings.Contains(r.stdout, "hashtag-missing") {
		t.Errorf("rules: %d %s", r.code, r.stdout)
	}
	r = runBin(t, dir, nil, nil, "explain", "jargon")
	if r.code != 0 || !strings.Contains(r.stdout, "jargon — Hindari jargon birokrasi") || !strings.Contains(r.stdout, "Mengapa") {
		t.Errorf("explain: %d %s", r.code, r.stdout)
	}
	r = runBin(t, dir, nil, nil, "explain", "--lang", "en", "jargon")
	if !strings.Contains(r.stdout, "Avoid bureaucratic jargon") || !strings.Contains(r.stdout, "Why") {
		t.Errorf("explain en: %s", r.stdout)
	}
	if r := runBin(t, dir, nil, nil, "explain", "tidak-ada"); r.code != 2 || !strings.Contains(r.stderr, "tidak ada aturan bernama") {
		t.Errorf("explain unknown: %d %s", r.code, r.stderr)
	}
	if r := runBin(t, dir, nil, nil, "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "selaras ") {
		t.Errorf("version: %s", r.stdout)
	}
	if r := runBin(t, dir, nil, nil, "periksa"); r.code != 2 || !strings.Contains(r.stderr, "tidak dikenal") {
		t.Errorf("unknown command: %d %s", r.code, r.stderr)
	}
	if r := runBin(t, dir, nil, nil, "check", "--help"); r.code != 0 || !strings.Contains(r.stdout, "-fail-on") {
		t.Errorf("help: %d %s", r.code, r.stdout)
	}
}

func TestStemCommand(t *testing.T) {
	r := runBin(t, t.TempDir(), []byte("mengimplementasikan\ndilaksanakan\n\nbuku-buku\n"), nil, "stem")
	if r.code != 0 || r.stdout != "implementasi\nlaksana\n\nbuku\n" {
		t.Errorf("stem stdin: %d %q", r.code, r.stdout)
	}
	r = runBin(t, t.TempDir(), nil, nil, "stem", "--lang", "en", "running", "studies")
	if r.stdout != "run\nstudi\n" {
		t.Errorf("stem en: %q", r.stdout)
	}
}
