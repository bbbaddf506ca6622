package main

// End-to-end tests of files on disk: links, special files, ownership,
// temporaries and evidence names (issue #19 items 4-14, 17-18).

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestHookEditedIsNotReplaced: a hook with selaras's marker plus a line of
// the user's is not selaras's own (issue #19 item 14: install replaced it
// and the user's team-lint line was lost). Install and uninstall refuse,
// saying why; --chain keeps it whole.
func TestHookEditedIsNotReplaced(t *testing.T) {
	g := newGitTest(t)
	if r := g.selaras("", "hook", "install"); r.code != 0 {
		t.Fatalf("install: exit %d\n%s", r.code, r.stderr)
	}
	hook := g.hookPath("pre-commit")
	edited := strings.Replace(readFile(t, hook), "#!/bin/sh\n", "#!/bin/sh\n./scripts/team-lint.sh || exit 1\n", 1)
	if err := os.WriteFile(hook, []byte(edited), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"hook", "install"}, {"hook", "uninstall"}, {"hook", "install", "--lang", "en"}} {
		r := g.selaras("", args...)
		want := "baris lain yang bukan tulisan selaras"
		if len(args) > 2 {
			want = "lines selaras did not write"
		}
		if r.code != 2 || !strings.Contains(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v over an edited hook: exit %d, stderr %q", args, r.code, r.stderr)
		}
		if readFile(t, hook) != edited {
			t.Fatalf("%v changed the edited hook:\n%s", args, readFile(t, hook))
		}
	}
	if r := g.selaras("", "hook", "install", "--chain"); r.code != 0 {
		t.Fatalf("install --chain: exit %d\n%s", r.code, r.stderr)
	}
	if readFile(t, g.hookPath("pre-commit.selaras-chained")) != edited {
		t.Error("--chain did not keep the edited hook whole")
	}
	// The hook selaras wrote, and only it, is replaced and removed.
	if r := g.selaras("", "hook", "install"); r.code != 0 {
		t.Fatalf("reinstall of selaras's own hook: exit %d\n%s", r.code, r.stderr)
	}
	if r := g.selaras("", "hook", "uninstall"); r.code != 0 || readFile(t, hook) != edited {
		t.Fatalf("uninstall: exit %d %s; hook now:\n%s", r.code, r.stderr, readFile(t, hook))
	}
}

// TestHookSpecialFile: a hook name that is a named pipe or a link to
// /dev/zero is refused with a message by install and uninstall (a pipe
// hung both; a device would be read without end).
func TestHookSpecialFile(t *testing.T) {
	for _, kind := range []string{"fifo", "zero"} {
		t.Run(kind, func(t *testing.T) {
			g := newGitTest(t)
			hook := g.hookPath("pre-commit")
			if err := os.MkdirAll(filepath.Dir(hook), 0o755); err != nil {
				t.Fatal(err)
			}
			var err error
			if kind == "fifo" {
				err = syscall.Mkfifo(hook, 0o755)
			} else {
				err = os.Symlink("/dev/zero", hook)
			}
			if err != nil {
				t.Skip(err)
			}
			for _, args := range [][]string{{"hook", "install"}, {"hook", "uninstall"}, {"hook", "install", "--chain"}} {
				r := runBounded(t, g.dir, hostileTimeout, args...)
				if r.code != 2 || !strings.Contains(r.stderr, "bukan berkas biasa") {
					t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
				}
				if info, err := os.Lstat(hook); err != nil || info.Mode().IsRegular() {
					t.Fatalf("%v replaced the special file (%v)", args, err)
				}
			}
		})
	}
}

// TestAuditSpecialFiles: `audit merge` inputs and audit cache packs that
// are named pipes or links to /dev/zero are not read (issue #19 items 7-8:
// a pipe hung the run, /dev/zero ate 3.7 GB).
func TestAuditSpecialFiles(t *testing.T) {
	root := auditArchive(t)
	fifo := filepath.Join(root, "pipa.json")
	mkfifo(t, fifo)
	if err := os.Symlink("/dev/zero", filepath.Join(root, "nol.json")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"pipa.json", "nol.json"} {
		r := runBounded(t, root, hostileTimeout, "audit", "merge", name)
		if r.code != 2 || !strings.Contains(r.stderr, name+": tidak bisa dibaca: bukan berkas biasa") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("merge %s: exit %d, stderr %q", name, r.code, r.stderr)
		}
		if r.peakKB > 300<<10 {
			t.Errorf("merge %s: peak %d MB", name, r.peakKB>>10)
		}
	}
	os.Remove(fifo)
	os.Remove(filepath.Join(root, "nol.json"))

	cache := t.TempDir()
	args := []string{"audit", "--format", "json", "--cache-dir", cache, "--tz", "Asia/Jakarta", "--month", "2025-10", "."}
	first := runBounded(t, root, hostileTimeout, args...)
	if first.code != 0 {
		t.Fatalf("audit: exit %d %s", first.code, first.stderr)
	}
	packs, _ := filepath.Glob(filepath.Join(cache, "*", "*.pack"))
	if len(packs) == 0 {
		t.Fatal("no cache pack written")
	}
	dir := filepath.Dir(packs[0])
	// Named to sort after the real packs: the newest, read first.
	mkfifo(t, filepath.Join(dir, "zzzz-pipa.pack"))
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zzzz-nol.pack")); err != nil {
		t.Fatal(err)
	}
	again := runBounded(t, root, hostileTimeout, args...)
	if again.code != 0 || again.stdout != first.stdout {
		t.Fatalf("audit with special packs: exit %d, stderr %q, same report %v", again.code, again.stderr, again.stdout == first.stdout)
	}
	if again.peakKB > 300<<10 {
		t.Errorf("audit with special packs: peak %d MB", again.peakKB>>10)
	}
}

// TestWalkLinkOutsideRoot: a folder link inside a content folder that
// leads outside it (ln -s / konten/root) is not followed; it is named once
// on stderr and the run checks only the content folder (issue #19 item 5:
// 48 s and 4.7 GB, quoting any .md on the machine). A link to a folder
// inside it is still followed.
func TestWalkLinkOutsideRoot(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"konten/selaras.toml": fixKit,
		"konten/a.md":         "Dalam rangka HUT Banten, kami hadir. #BantenMaju\n",
		"konten/bersama/b.md": "Dalam rangka HUT Banten. #BantenMaju\n",
		"konten/aset/c.md":    "Dalam rangka aset. #BantenMaju\n",
		"luar/rahasia.md":     "Dalam rangka rahasia. #BantenMaju\n",
	})
	for link, target := range map[string]string{"konten/root": "/", "konten/luar": "../luar", "konten/juga": "bersama", "konten/bersama/aset": "../aset"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip(err)
		}
	}
	r := runBounded(t, dir, hostileTimeout, "check", "--format", "json", "--fail-on", "none", "konten")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	var paths []string
	for _, f := range out.Files {
		paths = append(paths, f.Path)
	}
	if got := strings.Join(paths, " "); got != "konten/a.md konten/aset/c.md konten/bersama/b.md" {
		t.Errorf("checked %s; want only the content folder's two drafts, b.md once", got)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 2 || !strings.Contains(r.stderr, "konten/root dilewati: tautan ke folder di luar folder yang diperiksa") || !strings.Contains(r.stderr, "konten/luar dilewati") {
		t.Errorf("stderr %q: want one line for each of the two links leading out", r.stderr)
	}
	// A link to a folder inside the content root (the kit's folder) is
	// followed from a folder below it.
	if r := runBin(t, dir, nil, nil, "check", "--fail-on", "none", "konten/bersama"); r.stderr != "" || !strings.Contains(r.stdout, "konten/bersama/aset/c.md") {
		t.Errorf("checking konten/bersama: %q %q", r.stdout, r.stderr)
	}
	// Naming the folder the link leads to checks it.
	if r := runBin(t, dir, nil, nil, "check", "--lang", "en", "--fail-on", "none", "luar"); !strings.Contains(r.stdout, "rahasia.md") {
		t.Errorf("checking luar itself: %q %q", r.stdout, r.stderr)
	}
	// In English too.
	r2 := runBin(t, dir, nil, nil, "check", "--lang", "en", "--fail-on", "none", "konten")
	if !strings.Contains(r2.stderr, "konten/root skipped: a link to a folder outside the folder being checked") {
		t.Errorf("English stderr %q", r2.stderr)
	}
}

// TestWalkLinkedDraftOnce: a draft linked next to its target is checked
// once, under its own name, and --fix fixes it (issue #19 item 6: it was
// checked twice and --fix refused with "changed on disk").
func TestWalkLinkedDraftOnce(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"selaras.toml": fixKit,
		"posts/b.md":   "Dalam rangka HUT Banten, kami hadir. #BantenMaju\n",
	})
	if err := os.Symlink("b.md", filepath.Join(dir, "posts", "a.md")); err != nil {
		t.Skip(err)
	}
	if got := findings(t, dir, "posts"); strings.Join(got, "|") != "posts/b.md jargon Dalam rangka" {
		t.Errorf("findings %v, want the jargon once, in posts/b.md", got)
	}
	r := runBin(t, dir, nil, nil, "check", "--lang", "en", "--fix", "posts")
	if r.code != 0 || !strings.Contains(r.stdout, "1 fixes applied in 1 files") && !strings.Contains(r.stdout, "1 fix applied in 1 file") {
		t.Fatalf("--fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := read(t, filepath.Join(dir, "posts", "b.md")); got != "Untuk HUT Banten, kami hadir. #BantenMaju\n" {
		t.Errorf("b.md = %q", got)
	}
	if info, err := os.Lstat(filepath.Join(dir, "posts", "a.md")); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
}

// TestUnreadableFolder: a folder the user cannot list is reported as such,
// not as "not a regular file". Run as another user: root reads anything.
func TestUnreadableFolder(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run the binary as another user")
	}
	dir := writeTree(t, map[string]string{"konten/a.md": "Halo warga. #BantenMaju\n", "konten/tertutup/b.md": "x\n"})
	if err := os.Chmod(filepath.Join(dir, "konten", "tertutup"), 0o700); err != nil {
		t.Fatal(err)
	}
	// The other user must reach the binary and the tree.
	for _, p := range []string{filepath.Dir(selarasBin), dir, filepath.Dir(dir)} {
		os.Chmod(p, 0o755)
	}
	run := func(lang string) result {
		cmd := exec.Command(selarasBin, "check", "--lang", lang, "--format", "json", "--fail-on", "none", "konten")
		cmd.Dir = dir
		cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=/nonexistent"}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Skipf("cannot run as uid 65534: %v", err)
		}
		return result{out.String(), errb.String(), code}
	}
	for lang, want := range map[string]string{
		"id": "tidak bisa dibaca: folder yang tidak bisa dibuka (izin ditolak)",
		"en": "cannot be read: a folder that cannot be opened (permission denied)",
	} {
		r := run(lang)
		if !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, "regular") || strings.Contains(r.stdout, "berkas biasa") {
			t.Errorf("--lang %s: exit %d\n%s%s\nwant %q", lang, r.code, r.stdout, r.stderr, want)
		}
	}
}
