package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/selaras/selaras/rules"
)

// gitTest is a temporary git repository that ignores the developer's git
// configuration, with a committer set in its own config.
type gitTest struct {
	t   testing.TB
	dir string
}

// gitEnvForTests keeps git away from the developer's configuration and
// from any GIT_* variables of an enclosing hook.
func gitEnvForTests() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "NO_COLOR=") || strings.HasPrefix(kv, "SELARAS_LANG=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C")
}

func newGitTest(t testing.TB) *gitTest {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	// Resolve symbolic links (macOS /tmp) so paths compare with git's.
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	g := &gitTest{t: t, dir: filepath.Join(dir, "konten")}
	if err := os.Mkdir(g.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	g.git("-c", "init.defaultBranch=main", "init", "-q")
	g.git("config", "user.name", "Penguji Selaras")
	g.git("config", "user.email", "uji@selaras.example")
	g.git("config", "commit.gpgsign", "false")
	return g
}

// gitIn runs git in dir and returns its output; a failure stops the test.
func (g *gitTest) gitIn(dir string, args ...string) string {
	g.t.Helper()
	out, err := g.gitTry(dir, args...)
	if err != nil {
		g.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (g *gitTest) git(args ...string) string { g.t.Helper(); return g.gitIn(g.dir, args...) }

func (g *gitTest) gitTry(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnvForTests()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// write puts content at the repository path p (slash form), making folders.
func (g *gitTest) write(p, content string) {
	g.t.Helper()
	full := filepath.Join(g.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		g.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		g.t.Fatal(err)
	}
}

// selaras runs the built binary in the repository folder rel ("" for the
// top) with a clean git environment.
func (g *gitTest) selaras(rel string, args ...string) result {
	g.t.Helper()
	return runBin(g.t, filepath.Join(g.dir, filepath.FromSlash(rel)), nil,
		[]string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "NO_COLOR=1"}, args...)
}

// jsonReport is the part of --format json the tests read.
type jsonReport struct {
	Files []struct {
		Path     string `json:"path"`
		Findings []struct {
			Rule  string `json:"rule"`
			Line  int    `json:"line"`
			Match string `json:"match"`
		} `json:"findings"`
	} `json:"files"`
	Summary struct {
		Files  int `json:"files"`
		Errors int `json:"errors"`
	} `json:"summary"`
}

func parseReport(t testing.TB, r result) jsonReport {
	t.Helper()
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("output is not JSON: %v\nstdout: %s\nstderr: %s", err, r.stdout, r.stderr)
	}
	return rep
}

// findings lists "path rule match" for each hashtag-missing finding,
// sorted: the tests' drafts differ by their tags, and other rules (added
// over time) must not make them fail.
func (rep jsonReport) findings() []string {
	var out []string
	for _, f := range rep.Files {
		for _, x := range f.Findings {
			if x.Rule == "hashtag-missing" {
				out = append(out, f.Path+" "+x.Rule+" "+x.Match)
			}
		}
	}
	sort.Strings(out)
	return out
}

const provinceKit = `[kit]
name = "Provinsi Uji"
defaults = false

[hashtags]
required = ["#BantenMaju"]

[accounts.dinkes]
paths    = ["dinkes/**"]
hashtags = ["#DinkesBanten"]
`

const (
	goodDraft = "Vaksin gratis untuk anak di Puskesmas Serang. Ada pertanyaan? Tulis di kolom komentar. #BantenMaju\n"
	badDraft  = "Vaksin gratis untuk anak di Puskesmas Serang. Ada pertanyaan? Tulis di kolom komentar.\n"
)

func TestStagedReadsTheIndexNotTheWorkingTree(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	// Broken in the working tree, staged clean: passes.
	g.write("a.md", goodDraft)
	// Fixed in the working tree, staged broken: fails.
	g.write("b.md", badDraft)
	g.git("add", ".")
	g.write("a.md", badDraft)
	g.write("b.md", goodDraft)

	r := g.selaras("", "check", "--staged", "--format", "json")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	got := strings.Join(parseReport(t, r).findings(), "\n")
	if got != "b.md hashtag-missing #BantenMaju" {
		t.Errorf("staged findings:\n%s\nwant only b.md's missing tag", got)
	}
	// The working tree says the opposite: the plain check sees a.md.
	r = g.selaras("", "check", "--format", "json", ".")
	if got := strings.Join(parseReport(t, r).findings(), "\n"); got != "a.md hashtag-missing #BantenMaju" {
		t.Errorf("check of the working tree:\n%s", got)
	}
	// Staging the fix of b.md and the break of a.md turns it around.
	g.git("add", "a.md", "b.md")
	r = g.selaras("", "check", "--staged", "--format", "json")
	if got := strings.Join(parseReport(t, r).findings(), "\n"); got != "a.md hashtag-missing #BantenMaju" {
		t.Errorf("after staging: %s", got)
	}
}

func TestStagedFirstCommitAndNothingStaged(t *testing.T) {
	g := newGitTest(t)
	// An empty index before the first commit: nothing to check, exit 0.
	r := g.selaras("", "check", "--staged")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("empty index: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	g.write("selaras.toml", provinceKit)
	g.write("pos.md", goodDraft)
	g.write("catatan.csv", "bukan draf\n") // not a draft: ignored
	g.git("add", ".")
	r = g.selaras("", "check", "--staged", "--format", "json")
	if r.code != 0 {
		t.Fatalf("clean first commit: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if rep := parseReport(t, r); rep.Summary.Files != 1 {
		t.Errorf("checked %d files, want 1 (pos.md)", rep.Summary.Files)
	}
}

func TestStagedRenamedAndDeleted(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("lama.md", badDraft)
	g.write("hapus.md", badDraft)
	g.write("tetap.md", badDraft) // unchanged later: never reported
	g.git("add", ".")
	g.git("commit", "-q", "--no-verify", "-m", "awal")

	if err := os.Mkdir(filepath.Join(g.dir, "baru"), 0o755); err != nil {
		t.Fatal(err)
	}
	g.git("mv", "lama.md", "baru/nama baru.md")
	g.git("rm", "-q", "hapus.md")
	r := g.selaras("", "check", "--staged", "--format", "json")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	rep := parseReport(t, r)
	if got := strings.Join(rep.findings(), "\n"); got != "baru/nama baru.md hashtag-missing #BantenMaju" {
		t.Errorf("findings:\n%s\nwant only the renamed file", got)
	}
	if rep.Summary.Files != 1 {
		t.Errorf("checked %d files, want 1", rep.Summary.Files)
	}
	// Only a deletion staged: nothing to check.
	g.git("commit", "-q", "--no-verify", "-m", "pindah")
	g.git("rm", "-q", "tetap.md")
	if r := g.selaras("", "check", "--staged"); r.code != 0 {
		t.Errorf("a deletion alone: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestStagedNonASCIIAndSpaces(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	names := []string{
		"Dinas Pendidikan/ayo sekolah.md",
		"kab-lebak/Über café ç.md",
		"百科/文章.txt",
		"tanda 'kutip' \"ganda\".md",
	}
	for _, n := range names {
		g.write(n, badDraft)
	}
	g.git("add", ".")
	r := g.selaras("", "check", "--staged", "--format", "json")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var want []string
	for _, n := range names {
		want = append(want, filepath.FromSlash(n)+" hashtag-missing #BantenMaju")
	}
	sort.Strings(want)
	if got := parseReport(t, r).findings(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestStagedNewlineInName(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("baris\nbaru.md", badDraft)
	g.git("add", ".")
	r := g.selaras("", "check", "--staged", "--format", "json")
	if r.code != 1 || !strings.Contains(r.stdout, `baris\nbaru.md`) {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestStagedKitsByFolderAndAccounts(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("kab-pandeglang/selaras.toml", "[kit]\nextends = \"../selaras.toml\"\n[hashtags]\nrequired = [\"#PandeglangBerkah\"]\n")
	g.write("kab-pandeglang/festival.md", "Festival Tanjung Lesung dibuka. #BantenMaju\n")
	g.write("dinkes/imunisasi.md", goodDraft)                                                        // account by path: #DinkesBanten
	g.write("dishub/mudik.md", goodDraft)                                                            // no account tags
	g.write("dinkes/sub/dalam/posyandu.md", "Posyandu buka. #BantenMaju #DinkesBanten\n")            // clean
	g.write("lain/akun.md", "+++\naccount = \"dinkes\"\n+++\nPosyandu buka hari ini. #BantenMaju\n") // account by front matter
	g.git("add", ".")

	staged := g.selaras("", "check", "--staged", "--format", "json")
	plain := g.selaras("", "check", "--format", "json", ".")
	if staged.code != 1 || plain.code != 1 {
		t.Fatalf("exit staged %d, plain %d\n%s%s", staged.code, plain.code, staged.stdout, staged.stderr)
	}
	want := []string{
		"dinkes/imunisasi.md hashtag-missing #DinkesBanten",
		"kab-pandeglang/festival.md hashtag-missing #PandeglangBerkah",
		"lain/akun.md hashtag-missing #DinkesBanten",
	}
	for i := range want {
		want[i] = filepath.FromSlash(want[i])
	}
	gotStaged := parseReport(t, staged).findings()
	if strings.Join(gotStaged, "\n") != strings.Join(want, "\n") {
		t.Errorf("staged:\n%s\nwant:\n%s", strings.Join(gotStaged, "\n"), strings.Join(want, "\n"))
	}
	var gotPlain []string
	for _, f := range parseReport(t, plain).findings() {
		gotPlain = append(gotPlain, strings.TrimPrefix(f, "./"))
	}
	if strings.Join(gotPlain, "\n") != strings.Join(gotStaged, "\n") {
		t.Errorf("check and check --staged differ:\ncheck:\n%s\nstaged:\n%s", strings.Join(gotPlain, "\n"), strings.Join(gotStaged, "\n"))
	}
	// The text output is the same too, but for hook mode's last line.
	st := g.selaras("", "check", "--staged")
	pl := g.selaras("", "check", ".")
	lines := strings.Split(strings.TrimSuffix(st.stdout, "\n"), "\n")
	if len(lines) < 2 || strings.Join(lines[:len(lines)-1], "\n")+"\n" != strings.ReplaceAll(pl.stdout, "./", "") {
		t.Errorf("text output differs:\n--- staged\n%s--- check\n%s", st.stdout, pl.stdout)
	}
}

func TestStagedKitIsTheStagedOne(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("sub/selaras.toml", "[kit]\nextends = \"../selaras.toml\"\n")
	g.write("sub/pos.md", goodDraft)
	g.git("add", ".")
	// Unstaged kit edits do not count: a new required tag in the working
	// tree, and a broken kit in the working tree.
	g.write("selaras.toml", strings.Replace(provinceKit, `"#BantenMaju"`, `"#BantenMaju", "#Baru"`, 1))
	g.write("sub/selaras.toml", "[kit\nrusak")
	if r := g.selaras("", "check", "--staged"); r.code != 0 {
		t.Fatalf("staged kits are fine: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := g.selaras("", "check", "sub/pos.md"); r.code != 2 {
		t.Errorf("the working tree's kit is broken: exit %d, want 2", r.code)
	}
	// A kit only in the working tree (never added) is not used either.
	g.git("rm", "-q", "-f", "--cached", "sub/selaras.toml")
	g.write("sub/selaras.toml", "[kit]\nextends = \"../selaras.toml\"\n[hashtags]\nrequired = [\"#HanyaDiDisk\"]\n")
	r := g.selaras("", "check", "--staged", "--format", "json")
	if r.code != 0 {
		t.Errorf("a kit not in the index was used: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A broken staged kit is an error (exit 2) naming the file.
	g.write("sub/selaras.toml", "[kit\nrusak")
	g.git("add", "sub/selaras.toml")
	r = g.selaras("", "check", "--staged")
	if r.code != 2 || !strings.Contains(r.stderr, "selaras.toml") {
		t.Errorf("broken staged kit: exit %d\n%s", r.code, r.stderr)
	}
}

func TestStagedFromSubfolderAndPathspec(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("dishub/a.md", badDraft)
	g.write("dishub/b.md", goodDraft)
	g.write("dinas pu/c.md", badDraft)
	g.git("add", ".")
	// Settings that would change what `git diff` lists must not matter.
	g.git("config", "diff.relative", "true")
	g.git("config", "diff.noprefix", "true")
	// From a subfolder the whole commit is checked; paths are shown
	// relative to where the user is.
	r := g.selaras("dishub", "check", "--staged", "--format", "json")
	want := []string{
		filepath.FromSlash("../dinas pu/c.md") + " hashtag-missing #BantenMaju",
		"a.md hashtag-missing #BantenMaju",
	}
	if got := parseReport(t, r).findings(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("from a subfolder:\n%s", strings.Join(got, "\n"))
	}
	// PATH arguments narrow the list (git pathspecs, relative to here).
	r = g.selaras("dishub", "check", "--staged", "--format", "json", ".")
	if got := parseReport(t, r).findings(); strings.Join(got, "\n") != "a.md hashtag-missing #BantenMaju" {
		t.Errorf("narrowed to dishub: %s", strings.Join(got, "\n"))
	}
}

func TestStagedHookModeLastLine(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("pos.md", badDraft)
	g.git("add", ".")
	for _, lang := range []string{"id", "en"} {
		r := g.selaras("", "check", "--staged", "--lang", lang)
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		last := lines[len(lines)-1]
		want := map[string][]string{
			"id": {"selaras explain hashtag-missing", "git commit --no-verify", "Commit akan ditolak"},
			"en": {"selaras explain hashtag-missing", "git commit --no-verify", "A commit would be refused"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(last, w) {
				t.Errorf("--lang %s: last line %q lacks %q", lang, last, w)
			}
		}
	}
	// With a machine format, stdout stays JSON and the hint goes to stderr.
	r := g.selaras("", "check", "--staged", "--format", "json")
	parseReport(t, r)
	if !strings.Contains(r.stderr, "git commit --no-verify") {
		t.Errorf("json: hint missing on stderr: %q", r.stderr)
	}
	// Warnings below --fail-on do not refuse the commit: no bypass hint.
	r = g.selaras("", "check", "--staged", "--fail-on", "none")
	if r.code != 0 || strings.Contains(r.stdout, "--no-verify") || !strings.Contains(r.stdout, "selaras explain hashtag-missing") {
		t.Errorf("--fail-on none: exit %d\n%s", r.code, r.stdout)
	}
	// Nothing found: no hint.
	g.write("pos.md", goodDraft)
	g.git("add", ".")
	if r := g.selaras("", "check", "--staged"); r.code != 0 || strings.Contains(r.stdout, "explain") {
		t.Errorf("clean: exit %d\n%s", r.code, r.stdout)
	}
}

func TestStagedNotARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	r := runBin(t, dir, nil, []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_CEILING_DIRECTORIES=" + filepath.Dir(dir)}, "check", "--staged", "--lang", "en")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2", r.code)
	}
	if n := strings.Count(r.stderr, "\n"); n != 1 || !strings.Contains(r.stderr, "not a git repository") || !strings.Contains(r.stderr, "--staged") {
		t.Errorf("want one clear line, got %q", r.stderr)
	}
}

func TestStagedInWorktree(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("pos.md", goodDraft)
	g.git("add", ".")
	g.git("commit", "-q", "--no-verify", "-m", "awal")
	wt := filepath.Join(filepath.Dir(g.dir), "cabang kerja")
	g.git("worktree", "add", "-q", "-b", "fitur", wt)
	if err := os.WriteFile(filepath.Join(wt, "baru.md"), []byte(badDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	g.gitIn(wt, "add", "baru.md")
	r := runBin(t, wt, nil, []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"}, "check", "--staged", "--format", "json")
	if got := strings.Join(parseReport(t, r).findings(), "\n"); got != "baru.md hashtag-missing #BantenMaju" {
		t.Errorf("worktree: exit %d, %s\n%s", r.code, got, r.stderr)
	}
	// The main work tree has nothing staged.
	if r := g.selaras("", "check", "--staged"); r.code != 0 {
		t.Errorf("main work tree: exit %d\n%s", r.code, r.stdout)
	}
}

// TestStagedSkipsLinksAndSubmodules: a symbolic link named like a draft is
// not content of its own.
func TestStagedSkipsLinks(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("pos.md", goodDraft)
	if err := os.Symlink("tidak-ada.md", filepath.Join(g.dir, "tautan.md")); err != nil {
		t.Skip("no symbolic links here")
	}
	g.git("add", ".")
	r := g.selaras("", "check", "--staged", "--format", "json")
	if rep := parseReport(t, r); r.code != 0 || rep.Summary.Files != 1 {
		t.Errorf("exit %d, files %d\n%s", r.code, rep.Summary.Files, r.stdout)
	}
}

// BenchmarkStagedOneOf10000 is the hook's budget: a commit touching one
// draft in a repository of 10,000 drafts (50 agency folders, a province kit
// and a kit per regency). Each iteration runs the real binary, as the hook
// does; the repository is built once (sub-benchmarks share it).
func BenchmarkStagedOneOf10000(b *testing.B) {
	g := bigRepo(b)
	b.Run("check-staged", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			r := runBin(b, g.dir, nil, []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"}, "check", "--staged", "--format", "json")
			if r.code != 1 || strings.Count(r.stdout, `"path"`) != 1 {
				b.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		}
	})
	// For scale: starting the binary at all, and checking the whole tree.
	b.Run("version", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			runBin(b, g.dir, nil, nil, "version")
		}
	})
	b.Run("check-all", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			runBin(b, g.dir, nil, nil, "check", "--format", "json", ".")
		}
	})
}

// bigRepo builds the benchmark's repository: 10,000 committed drafts and
// one changed draft staged.
func bigRepo(b *testing.B) *gitTest {
	g := &gitTest{t: b, dir: b.TempDir()}
	g.git("-c", "init.defaultBranch=main", "init", "-q")
	g.git("config", "user.name", "Penguji")
	g.git("config", "user.email", "uji@selaras.example")
	g.write("selaras.toml", provinceKit)
	for a := 0; a < 50; a++ {
		folder := fmt.Sprintf("dinas-%02d", a)
		if a%10 == 0 {
			folder = fmt.Sprintf("kab-%02d", a)
			g.write(folder+"/selaras.toml", "[kit]\nextends = \"../selaras.toml\"\n")
		}
		for d := 0; d < 200; d++ {
			g.write(fmt.Sprintf("%s/2025-%02d/pos-%03d.md", folder, d%12+1, d),
				fmt.Sprintf("Dalam rangka layanan nomor %d, kami membuka pendaftaran. #BantenMaju\n", d))
		}
	}
	g.git("add", ".")
	g.git("commit", "-q", "--no-verify", "-m", "10000 draf")
	g.write("kab-20/2025-03/pos-050.md", badDraft)
	g.git("add", "kab-20/2025-03/pos-050.md")
	return g
}

// TestStagedGitCommands: whatever the number of files, --staged runs four
// git commands (where am I, what is staged, which kits exist, one reader
// of blobs for all contents).
func TestStagedGitCommands(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	for a := 0; a < 4; a++ {
		g.write(fmt.Sprintf("kab-%d/selaras.toml", a), "[kit]\nextends = \"../selaras.toml\"\n")
		for d := 0; d < 25; d++ {
			g.write(fmt.Sprintf("kab-%d/pos-%02d.md", a, d), goodDraft)
		}
	}
	g.git("add", ".")
	g.git("commit", "-q", "--no-verify", "-m", "awal")
	for a := 0; a < 4; a++ {
		g.write(fmt.Sprintf("kab-%d/pos-07.md", a), badDraft)
	}
	g.git("add", ".")
	trace := filepath.Join(t.TempDir(), "trace")
	r := runBin(t, g.dir, nil, []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_TRACE=" + trace}, "check", "--staged", "--format", "json")
	if got := len(parseReport(t, r).findings()); r.code != 1 || got != 4 {
		t.Fatalf("exit %d, %d findings\n%s", r.code, got, r.stderr)
	}
	var cmds []string
	for _, line := range strings.Split(readFile(t, trace), "\n") {
		if _, c, ok := strings.Cut(line, "trace: built-in: git "); ok {
			f := strings.Fields(c)
			cmds = append(cmds, f[0])
		}
	}
	sort.Strings(cmds)
	if got := strings.Join(cmds, " "); got != "cat-file diff ls-files rev-parse" {
		t.Errorf("git commands run: %s", got)
	}
}

// rulesFound lists "path rule" for the findings of the named rules, sorted.
func (rep jsonReport) rulesFound(names ...string) []string {
	var out []string
	for _, f := range rep.Files {
		for _, x := range f.Findings {
			for _, n := range names {
				if x.Rule == n {
					out = append(out, f.Path+" "+x.Rule)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func pngBytes(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestStagedImages: attached images and images on their own are read from
// the index too.
func TestStagedImages(t *testing.T) {
	if rules.ByName("image-missing") == nil || rules.ByName("image-unreadable") == nil {
		t.Skip("the image rules are not in rules.All() yet")
	}
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	good := string(pngBytes(t, 1080, 1080))
	const draft = "+++\nplatform = \"instagram\"\nimages = [\"poster.png\"]\n+++\n"
	g.write("dinkes/pos.md", draft+goodDraft)
	g.write("dinkes/poster.png", good)
	g.git("add", ".")
	g.write("dinkes/poster.png", "bukan gambar") // broken on disk only
	names := []string{"image-unreadable", "image-missing"}
	check := func(args ...string) []string {
		t.Helper()
		return parseReport(t, g.selaras("", append([]string{"check", "--format", "json"}, args...)...)).rulesFound(names...)
	}
	if got := check("--staged"); len(got) != 0 {
		t.Errorf("staged image is fine, got %v", got)
	}
	if got := check("."); strings.Join(got, ",") != filepath.FromSlash("dinkes/poster.png")+" image-unreadable" {
		t.Fatalf("the broken file on disk is not noticed by check: %v", got)
	}
	// Staged broken, fixed on disk: --staged reports it.
	g.git("add", ".")
	g.write("dinkes/poster.png", good)
	if got := check("--staged"); strings.Join(got, ",") != filepath.FromSlash("dinkes/poster.png")+" image-unreadable" {
		t.Errorf("staged broken image: %v", got)
	}
	g.git("add", ".")
	g.git("commit", "-q", "--no-verify", "-m", "gambar")

	// A draft attaching an image that is on disk but not in the index: the
	// commit would publish a post without its image.
	g.write("dinkes/pos.md", strings.Replace(draft, "poster.png", "foto baru.png", 1)+goodDraft)
	g.write("dinkes/foto baru.png", good)
	g.git("add", "dinkes/pos.md")
	if got := check("--staged"); strings.Join(got, ",") != filepath.FromSlash("dinkes/pos.md")+" image-missing" {
		t.Errorf("unstaged attached image: %v", got)
	}
	if got := check("."); len(got) != 0 {
		t.Errorf("check of the working tree: %v", got)
	}
	g.git("add", ".")
	if got := check("--staged"); len(got) != 0 {
		t.Errorf("image staged too: %v", got)
	}
}

func TestStagedWithoutGit(t *testing.T) {
	r := runBin(t, t.TempDir(), nil, []string{"PATH=" + t.TempDir()}, "check", "--staged", "--lang", "en")
	if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "git is not installed") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
