package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
)

// commit runs `git commit` (hooks enabled) and reports whether it went
// through, with git's and the hook's output.
func (g *gitTest) commit(dir, msg string) (bool, string) {
	g.t.Helper()
	before, _ := g.gitTry(dir, "rev-parse", "-q", "--verify", "HEAD")
	out, err := g.gitTry(dir, "commit", "-q", "-m", msg)
	after, _ := g.gitTry(dir, "rev-parse", "-q", "--verify", "HEAD")
	made := err == nil && after != before
	if err == nil && !made {
		g.t.Fatalf("git commit succeeded without a new commit:\n%s", out)
	}
	return made, out
}

func (g *gitTest) hookPath(rel string) string {
	return filepath.Join(g.dir, ".git", "hooks", rel)
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHookBlocksAndAllowsCommit(t *testing.T) {
	g := newGitTest(t)
	r := g.selaras("", "hook", "install")
	if r.code != 0 {
		t.Fatalf("install: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	hook := g.hookPath("pre-commit")
	info, err := os.Stat(hook)
	if err != nil || info.Mode()&0o111 == 0 {
		t.Fatalf("hook missing or not executable: %v %v", info, err)
	}
	if s := readFile(t, hook); !strings.Contains(s, selarasBin) || !strings.Contains(s, hookMarker) {
		t.Errorf("hook does not run the installed binary or lacks the marker:\n%s", s)
	}

	g.write("selaras.toml", provinceKit)
	g.write("dinas kesehatan/pos baru.md", badDraft)
	g.git("add", ".")
	made, out := g.commit(g.dir, "draf baru")
	if made {
		t.Fatalf("a draft with an error finding was committed:\n%s", out)
	}
	for _, w := range []string{"pos baru.md", "hashtag-missing", "Commit ditolak. Penjelasan aturan: selaras explain hashtag-missing", "git commit --no-verify"} {
		if !strings.Contains(out, w) {
			t.Errorf("hook output lacks %q:\n%s", w, out)
		}
	}
	// Fixing the working tree alone is not enough: the staged draft is bad.
	g.write("dinas kesehatan/pos baru.md", goodDraft)
	if made, out := g.commit(g.dir, "draf baru"); made {
		t.Fatalf("committed although the staged version is still bad:\n%s", out)
	}
	// `git commit -a` commits the working tree: the hook sees that.
	if out, err := g.gitTry(g.dir, "commit", "-q", "-a", "-m", "draf baru"); err != nil {
		t.Fatalf("commit -a of the fixed draft refused:\n%s", out)
	}
	// And the other way round: a clean index, a broken file committed by
	// path (git uses a temporary index the hook must read).
	g.write("dinas kesehatan/pos baru.md", badDraft)
	if out, err := g.gitTry(g.dir, "commit", "-q", "-m", "rusak", "--", "dinas kesehatan/pos baru.md"); err == nil {
		t.Fatalf("git commit PATH of a broken draft went through:\n%s", out)
	}
	// Stage the fix: the commit goes through.
	g.write("dinas kesehatan/pos baru.md", goodDraft+"Sampai jumpa.\n")
	g.git("add", ".")
	if made, out := g.commit(g.dir, "perbaikan"); !made {
		t.Fatalf("clean commit refused:\n%s", out)
	}
	// Bypass is git's own.
	g.write("lain.md", badDraft)
	g.git("add", ".")
	if out, err := g.gitTry(g.dir, "commit", "-q", "--no-verify", "-m", "lewati"); err != nil {
		t.Fatalf("--no-verify: %v\n%s", err, out)
	}
}

func TestHookInstallAgainIsAnUpdate(t *testing.T) {
	g := newGitTest(t)
	for i := 0; i < 2; i++ {
		if r := g.selaras("", "hook", "install"); r.code != 0 {
			t.Fatalf("install #%d: exit %d\n%s", i+1, r.code, r.stderr)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(g.hookPath("pre-commit")))
	for _, e := range entries {
		if strings.Contains(e.Name(), "selaras") {
			t.Errorf("a second install left %s", e.Name())
		}
	}
}

func TestHookCoreHooksPath(t *testing.T) {
	g := newGitTest(t)
	g.git("config", "core.hooksPath", "alat/hooks git") // relative, and not there yet
	g.write("selaras.toml", provinceKit)
	g.write("sub/pos.md", badDraft)
	// Install from a subfolder: the path is still relative to the top.
	if r := g.selaras("sub", "hook", "install"); r.code != 0 {
		t.Fatalf("install: exit %d\n%s", r.code, r.stderr)
	}
	hook := filepath.Join(g.dir, "alat", "hooks git", "pre-commit")
	if s := readFile(t, hook); !strings.Contains(s, hookMarker) {
		t.Fatalf("no hook at core.hooksPath:\n%s", s)
	}
	if _, err := os.Stat(g.hookPath("pre-commit")); err == nil {
		t.Errorf("a hook was written to .git/hooks although core.hooksPath is set")
	}
	g.git("add", "selaras.toml", "sub/pos.md")
	if made, out := g.commit(g.dir, "x"); made {
		t.Fatalf("commit not blocked through core.hooksPath:\n%s", out)
	}
	if r := g.selaras("", "hook", "uninstall"); r.code != 0 {
		t.Fatalf("uninstall: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(hook); err == nil {
		t.Errorf("hook still there after uninstall")
	}
}

const foreignHook = "#!/bin/sh\n# someone else's hook\necho hook-lama-jalan >> \"$(git rev-parse --show-toplevel)/.git/jejak\"\nexit ${HOOK_LAMA_EXIT:-0}\n"

func TestHookExistingRefuseChainUninstall(t *testing.T) {
	g := newGitTest(t)
	hook := g.hookPath("pre-commit")
	if err := os.MkdirAll(filepath.Dir(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hook, []byte(foreignHook), 0o755); err != nil {
		t.Fatal(err)
	}
	// Refuse.
	r := g.selaras("", "hook", "install", "--lang", "en")
	if r.code != 2 || !strings.Contains(r.stderr, "--chain") || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("install over a foreign hook: exit %d, stderr %q", r.code, r.stderr)
	}
	if readFile(t, hook) != foreignHook {
		t.Fatal("the foreign hook was changed")
	}
	// Uninstall leaves a foreign hook alone.
	if r := g.selaras("", "hook", "uninstall"); r.code != 2 || readFile(t, hook) != foreignHook {
		t.Fatalf("uninstall of a foreign hook: exit %d, %s", r.code, r.stderr)
	}
	// A file already named like the chained hook is not clobbered.
	taken := g.hookPath("pre-commit.selaras-chained")
	if err := os.WriteFile(taken, []byte("milik orang lain\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Chain.
	if r := g.selaras("", "hook", "install", "--chain"); r.code != 0 {
		t.Fatalf("install --chain: exit %d\n%s", r.code, r.stderr)
	}
	if readFile(t, taken) != "milik orang lain\n" {
		t.Error("install --chain clobbered pre-commit.selaras-chained")
	}
	kept := g.hookPath("pre-commit.selaras-chained-2")
	if readFile(t, kept) != foreignHook {
		t.Fatalf("the old hook was not kept as %s", kept)
	}
	if info, _ := os.Stat(kept); info.Mode()&0o111 == 0 {
		t.Error("the kept hook lost its executable bit")
	}
	// Both run: the old one first; a failing old hook stops the commit.
	g.write("selaras.toml", provinceKit)
	g.write("pos.md", goodDraft)
	g.git("add", ".")
	trace := filepath.Join(g.dir, ".git", "jejak")
	t.Setenv("HOOK_LAMA_EXIT", "1")
	if made, out := g.commit(g.dir, "x"); made {
		t.Fatalf("the chained hook failed but the commit went through:\n%s", out)
	}
	if !strings.Contains(readFile(t, trace), "hook-lama-jalan") {
		t.Fatal("the chained hook did not run")
	}
	t.Setenv("HOOK_LAMA_EXIT", "0")
	g.write("pos.md", badDraft)
	g.git("add", ".")
	if made, out := g.commit(g.dir, "x"); made || !strings.Contains(out, "hashtag-missing") {
		t.Fatalf("selaras did not run after the chained hook:\n%s", out)
	}
	g.write("pos.md", goodDraft)
	g.git("add", ".")
	if made, out := g.commit(g.dir, "x"); !made {
		t.Fatalf("clean commit refused:\n%s", out)
	}
	// Installing again keeps the chain.
	if r := g.selaras("", "hook", "install"); r.code != 0 || !strings.Contains(readFile(t, hook), "pre-commit.selaras-chained-2") {
		t.Fatalf("reinstall lost the chain: exit %d\n%s", r.code, readFile(t, hook))
	}
	// Uninstall restores the old hook, executable, and leaves the other file.
	if r := g.selaras("", "hook", "uninstall"); r.code != 0 {
		t.Fatalf("uninstall: exit %d\n%s", r.code, r.stderr)
	}
	if readFile(t, hook) != foreignHook {
		t.Fatalf("uninstall did not restore the old hook:\n%s", readFile(t, hook))
	}
	if info, _ := os.Stat(hook); info.Mode()&0o111 == 0 {
		t.Error("the restored hook is not executable")
	}
	if _, err := os.Stat(kept); err == nil {
		t.Error("the chained copy is still there")
	}
	if readFile(t, taken) != "milik orang lain\n" {
		t.Error("uninstall touched pre-commit.selaras-chained")
	}
	// Nothing of ours left: uninstall again says so, exit 0.
	if r := g.selaras("", "hook", "uninstall"); r.code != 2 {
		t.Errorf("second uninstall (foreign hook in place): exit %d", r.code)
	}
	os.Remove(hook)
	if r := g.selaras("", "hook", "uninstall"); r.code != 0 {
		t.Errorf("uninstall with no hook: exit %d\n%s", r.code, r.stderr)
	}
}

func TestHookInWorktree(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("pos.md", goodDraft)
	g.git("add", ".")
	g.git("commit", "-q", "-m", "awal")
	wt := filepath.Join(filepath.Dir(g.dir), "pohon kedua")
	g.git("worktree", "add", "-q", "-b", "fitur", wt)
	r := runBin(t, wt, nil, []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"}, "hook", "install")
	if r.code != 0 {
		t.Fatalf("install in a worktree: exit %d\n%s", r.code, r.stderr)
	}
	// Hooks of linked worktrees live in the common folder.
	if s := readFile(t, g.hookPath("pre-commit")); !strings.Contains(s, hookMarker) {
		t.Fatal("hook not in the common hooks folder")
	}
	if err := os.WriteFile(filepath.Join(wt, "baru.md"), []byte(badDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	g.gitIn(wt, "add", "baru.md")
	if made, out := g.commit(wt, "x"); made || !strings.Contains(out, "baru.md") {
		t.Fatalf("worktree commit not blocked:\n%s", out)
	}
}

func TestHookUsageAndNotARepo(t *testing.T) {
	dir := t.TempDir()
	env := []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_CEILING_DIRECTORIES=" + filepath.Dir(dir)}
	if r := runBin(t, dir, nil, env, "hook"); r.code != 2 || !strings.Contains(r.stderr, "install") {
		t.Errorf("bare `hook`: exit %d %q", r.code, r.stderr)
	}
	if r := runBin(t, dir, nil, env, "hook", "pasang"); r.code != 2 {
		t.Errorf("unknown subcommand: exit %d", r.code)
	}
	r := runBin(t, dir, nil, env, "hook", "install", "--lang", "en")
	if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "not a git repository") {
		t.Errorf("outside a repository: exit %d %q", r.code, r.stderr)
	}
}

func TestHookScript(t *testing.T) {
	s := hookScript("/opt/alat kami/it's/selaras", "pre-commit.selaras-chained", "id")
	for _, w := range []string{hookMarker, "'/opt/alat kami/it'\\''s/selaras'", chainedPrefix + "pre-commit.selaras-chained", "check --staged"} {
		if !strings.Contains(s, w) {
			t.Errorf("script lacks %q:\n%s", w, s)
		}
	}
	if !goRunBinary("/tmp/go-build123456/b001/exe/selaras") || goRunBinary("/home/ani/go/bin/selaras") {
		t.Error("goRunBinary misjudges")
	}
	for name, ok := range map[string]bool{
		"pre-commit.selaras-chained": true, "pre-commit.selaras-chained-12": true,
		"pre-commit.selaras-chained-": false, "../pre-commit": false, "pre-commit.selaras-chained/../x": false, "pre-commit": false,
	} {
		if validChained(name) != ok {
			t.Errorf("validChained(%q) = %v", name, !ok)
		}
	}
}

// TestPreCommitHooksYAML keeps .pre-commit-hooks.yaml in step with the file
// endings selaras checks.
func TestPreCommitHooksYAML(t *testing.T) {
	src := readFile(t, filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	var files string
	for _, line := range strings.Split(src, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "files:"); ok {
			files = strings.Trim(strings.TrimSpace(v), "'")
		}
	}
	re, err := regexp.Compile(files)
	if err != nil || files == "" {
		t.Fatalf("files regex %q: %v", files, err)
	}
	for _, ext := range append(append([]string{}, lint.DraftExts...), lint.ImageExts...) {
		for _, name := range []string{"a/pos" + ext, "a/POS" + strings.ToUpper(ext)} {
			if !re.MatchString(name) {
				t.Errorf("%s is not matched by %q", name, files)
			}
		}
	}
	for _, name := range []string{"selaras.toml", "a/pos.md.bak", "logo.svg"} {
		if re.MatchString(name) {
			t.Errorf("%s matched by %q", name, files)
		}
	}
	for _, want := range []string{"language: golang", "entry: selaras check", "id: selaras"} {
		if !strings.Contains(src, want) {
			t.Errorf(".pre-commit-hooks.yaml lacks %q", want)
		}
	}
}

// TestHookFromGoRun: a binary in a go-build* folder (go run) is temporary;
// the hook calls selaras from PATH instead, and install says so.
func TestHookFromGoRun(t *testing.T) {
	g := newGitTest(t)
	tmpBin := filepath.Join(t.TempDir(), "go-build123456", "b001", "exe", "selaras")
	if err := os.MkdirAll(filepath.Dir(tmpBin), 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(selarasBin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmpBin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tmpBin, "hook", "install", "--lang", "en")
	cmd.Dir = g.dir
	cmd.Env = gitEnvForTests()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("install: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "go run") || !strings.Contains(string(out), "PATH") {
		t.Errorf("install did not say the hook uses selaras from PATH:\n%s", out)
	}
	hook := readFile(t, g.hookPath("pre-commit"))
	if !strings.Contains(hook, "selaras='selaras'") || strings.Contains(hook, "go-build") {
		t.Errorf("hook refers to the temporary binary:\n%s", hook)
	}
	// With selaras on PATH the hook works; without it, it refuses clearly.
	g.write("selaras.toml", provinceKit)
	g.write("pos.md", badDraft)
	g.git("add", ".")
	commit := func(path string) (string, error) {
		c := exec.Command("git", "commit", "-q", "-m", "x")
		c.Dir = g.dir
		c.Env = append(gitEnvForTests(), "PATH="+path)
		b, err := c.CombinedOutput()
		return string(b), err
	}
	gitDir := filepath.Dir(mustLookPath(t, "git"))
	if out, err := commit(filepath.Dir(selarasBin) + string(os.PathListSeparator) + gitDir); err == nil || !strings.Contains(out, "hashtag-missing") {
		t.Errorf("selaras on PATH: %v\n%s", err, out)
	}
	dirs := []string{gitDir, "/usr/bin", "/bin"}
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "selaras")); err == nil {
			t.Skip("a selaras is installed in " + d)
		}
	}
	if out, err := commit(strings.Join(dirs, string(os.PathListSeparator))); err == nil || !strings.Contains(out, "not found") || !strings.Contains(out, "--no-verify") {
		t.Errorf("selaras missing: %v\n%s", err, out)
	}
}

func mustLookPath(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skip(name + " not found")
	}
	return p
}
