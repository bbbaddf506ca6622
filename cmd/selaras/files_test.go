package main

// End-to-end tests of files on disk: links, special files, ownership,
// temporaries and evidence names (issue #19 items 4-14, 17-18).

import (
	"os"
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
