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
	"time"
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

// TestFixKeepsOwnerRefusesReadOnlyAndLinks: --fix keeps a file's owner
// and group (run as root, it made another user's file root's); refuses a
// read-only file unless --fix-readonly; and refuses a file with a second
// hard link, whose other name would keep the old text (issue #19 item 11).
func TestFixKeepsOwnerRefusesReadOnlyAndLinks(t *testing.T) {
	const bad = "Dalam rangka HUT Banten, kami hadir. #BantenMaju\n"
	const good = "Untuk HUT Banten, kami hadir. #BantenMaju\n"
	dir := writeTree(t, map[string]string{
		"selaras.toml":  fixKit,
		"milik-lain.md": bad,
		"hanya-baca.md": bad,
		"bertaut.md":    bad,
	})
	other := filepath.Join(dir, "milik-lain.md")
	if os.Geteuid() == 0 {
		if err := os.Chown(other, 4321, 8765); err != nil {
			t.Fatal(err)
		}
	}
	ro := filepath.Join(dir, "hanya-baca.md")
	os.Chmod(ro, 0o444)
	linked := filepath.Join(dir, "bertaut.md")
	if err := os.Link(linked, filepath.Join(t.TempDir(), "nama-lain.md")); err != nil {
		t.Fatal(err)
	}
	r := runBin(t, dir, nil, nil, "check", "--fix", ".")
	if r.code != 2 {
		t.Errorf("exit %d, want 2 (files left unfixed)\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := read(t, other); got != good {
		t.Errorf("milik-lain.md = %q", got)
	}
	if os.Geteuid() == 0 {
		info, _ := os.Stat(other)
		st := info.Sys().(*syscall.Stat_t)
		if st.Uid != 4321 || st.Gid != 8765 {
			t.Errorf("owner after --fix: %d:%d, want 4321:8765", st.Uid, st.Gid)
		}
	}
	if read(t, ro) != bad || !strings.Contains(r.stderr, "hanya-baca.md: berkas hanya-baca (tanpa izin tulis); tidak ditulis. Untuk tetap memperbaikinya: --fix-readonly") {
		t.Errorf("read-only file: %q, stderr %q", read(t, ro), r.stderr)
	}
	if read(t, linked) != bad || !strings.Contains(r.stderr, "bertaut.md: berkas ini punya 2 nama (hard link)") {
		t.Errorf("hard-linked file: %q, stderr %q", read(t, linked), r.stderr)
	}
	// Asked for, the read-only file is fixed and stays read-only.
	r = runBin(t, dir, nil, nil, "check", "--lang", "en", "--fix", "--fix-readonly", "hanya-baca.md")
	if r.code != 0 || read(t, ro) != good {
		t.Errorf("--fix-readonly: exit %d %q %q", r.code, read(t, ro), r.stderr)
	}
	if info, _ := os.Stat(ro); info.Mode().Perm() != 0o444 {
		t.Errorf("mode after --fix-readonly: %v", info.Mode().Perm())
	}
	if r := runBin(t, dir, nil, nil, "check", "--lang", "en", "--fix-readonly", "."); r.code != 2 || !strings.Contains(r.stderr, "--fix-readonly only applies together with --fix") {
		t.Errorf("--fix-readonly alone: exit %d %q", r.code, r.stderr)
	}
}

// TestFixOtherUsersFileAsThatUser: run as a user who may not give the
// file its owner back, --fix refuses, saying why, instead of taking the
// file over.
func TestFixOwnerCannotBeKept(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run the binary as another user")
	}
	dir := writeTree(t, map[string]string{"selaras.toml": fixKit, "a.md": "Dalam rangka HUT Banten. #BantenMaju\n"})
	for _, p := range []string{filepath.Dir(selarasBin), dir, filepath.Dir(dir)} {
		os.Chmod(p, 0o777)
	}
	a := filepath.Join(dir, "a.md")
	os.Chmod(a, 0o666) // anyone may write it, but it stays root's
	cmd := exec.Command(selarasBin, "check", "--lang", "en", "--fix", "a.md")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=/nonexistent"}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); !ok && err != nil {
		t.Skipf("cannot run as uid 65534: %v", err)
	}
	if !strings.Contains(string(out), "a.md: the file's owner and group (uid 0, gid 0) cannot be kept, so it was not written") {
		t.Errorf("output %q", out)
	}
	info, _ := os.Stat(a)
	if st := info.Sys().(*syscall.Stat_t); st.Uid != 0 || read(t, a) != "Dalam rangka HUT Banten. #BantenMaju\n" {
		t.Errorf("file taken over or changed: uid %d, %q", st.Uid, read(t, a))
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("%d entries: a temporary left behind?", len(ents))
	}
}

// TestStaleTemporaries: a temporary a killed --fix left (.NAME.selaras-N)
// is not checked, and the next run that writes in that folder removes it;
// a fresh one (another run's, in flight) and look-alikes stay (issue #19
// item 12).
func TestStaleTemporaries(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"selaras.toml":              fixKit,
		"a.md":                      "Dalam rangka HUT Banten. #BantenMaju\n",
		".a.md.selaras-12345":       "Dalam rangka setengah",
		".b.md.selaras-777":         "baru",
		".c.md.selaras-catatan":     "bukan milik selaras",
		"sub/.d.md.selaras-4242":    "lain folder",
		"cadangan.md.selaras-99999": "tanpa titik di depan",
	})
	old := time.Now().Add(-time.Hour)
	for _, n := range []string{".a.md.selaras-12345", ".c.md.selaras-catatan", "sub/.d.md.selaras-4242", "cadangan.md.selaras-99999"} {
		os.Chtimes(filepath.Join(dir, n), old, old)
	}
	if got := findings(t, dir, "."); strings.Join(got, "|") != "a.md jargon Dalam rangka" {
		t.Errorf("check saw %v; the temporaries must stay out of the walk", got)
	}
	if _, err := os.Stat(filepath.Join(dir, ".a.md.selaras-12345")); err != nil {
		t.Fatal("check (which never writes) removed a temporary")
	}
	if r := runBin(t, dir, nil, nil, "check", "--fix", "a.md"); r.code != 0 {
		t.Fatalf("--fix: exit %d %s", r.code, r.stderr)
	}
	var left []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			left = append(left, filepath.ToSlash(rel))
		}
		return nil
	})
	want := ".b.md.selaras-777 .c.md.selaras-catatan a.md cadangan.md.selaras-99999 selaras.toml sub/.d.md.selaras-4242"
	if got := strings.Join(left, " "); got != want {
		t.Errorf("after --fix the tree holds\n%s\nwant\n%s", got, want)
	}
}

// TestBaselineWriteKeepsLink: a baseline that is a symbolic link stays a
// link; the file it points to gets the new baseline (issue #19 item 13).
func TestBaselineWriteKeepsLink(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"selaras.toml":          fixKit,
		"a.md":                  "Dalam rangka HUT Banten. #BantenMaju\n",
		"bersama/baseline.json": "",
	})
	os.Remove(filepath.Join(dir, "bersama/baseline.json"))
	link := filepath.Join(dir, ".selaras-baseline.json")
	if err := os.Symlink("bersama/baseline.json", link); err != nil {
		t.Skip(err)
	}
	for i := 0; i < 2; i++ { // a dangling link first, then a link to the file
		r := runBin(t, dir, nil, nil, "baseline", "write", "a.md")
		if i == 0 {
			if r.code != 2 || !strings.Contains(r.stderr, "tautan ke berkas yang tidak ada") {
				t.Fatalf("dangling link: exit %d %q", r.code, r.stderr)
			}
			// An empty baseline, written to the link's target directly.
			os.WriteFile(filepath.Join(dir, "kosong.md"), []byte("Untuk warga. #BantenMaju\n"), 0o644)
			if r := runBin(t, dir, nil, nil, "baseline", "write", "--baseline", "bersama/baseline.json", "kosong.md"); r.code != 0 {
				t.Fatalf("baseline write: exit %d %s", r.code, r.stderr)
			}
			os.Chmod(filepath.Join(dir, "bersama/baseline.json"), 0o600)
			continue
		}
		if r.code != 0 {
			t.Fatalf("baseline write: exit %d %s", r.code, r.stderr)
		}
	}
	info, err := os.Lstat(link)
	if err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the baseline link was replaced by a file (%v)", err)
	}
	if got := read(t, filepath.Join(dir, "bersama/baseline.json")); !strings.Contains(got, "jargon") {
		t.Errorf("the linked file did not get the baseline: %q", got)
	}
	if info, _ := os.Stat(filepath.Join(dir, "bersama/baseline.json")); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", info.Mode().Perm())
	}
	if got := findings(t, dir, "a.md"); len(got) != 0 {
		t.Errorf("check through the linked baseline still reports %v", got)
	}
}

// TestStagedImageNamedLikeAStage: an unchanged attached image whose name
// starts like a git stage ("0:a.png") is read as itself, not as stage 0
// of "a.png" (issue #19 item 17: a false "too small" refused the commit).
func TestStagedImageNamedLikeAStage(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", provinceKit)
	g.write("0:a.png", string(pngBytes(t, 1080, 1080)))
	g.write("a.png", string(pngBytes(t, 10, 10)))
	g.write("2:b.png", string(pngBytes(t, 1080, 1080)))
	g.git("add", ".")
	g.git("commit", "-q", "--no-verify", "-m", "gambar")
	g.write("pos.md", "+++\nplatform = \"instagram\"\nimages = [\"0:a.png\", \"2:b.png\"]\n+++\n"+goodDraft)
	g.git("add", "pos.md")
	r := g.selaras("", "check", "--format", "json", "--staged")
	if got := parseReport(t, r).rulesFound("image-unreadable", "image-missing", "image-size"); len(got) != 0 {
		t.Errorf("the unchanged images were misread: %v\n%s", got, r.stderr)
	}
}

// TestHookSum: a hook is known as selaras's by the sum of its text, so a
// hook another version of selaras wrote (another script) is still its
// own, and any edit makes it the user's.
func TestHookSum(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pre-commit")
	write := func(s string) {
		if err := os.WriteFile(p, []byte(s), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	script := hookScript("/usr/local/bin/selaras", "", "id")
	if !strings.Contains(script, sumPrefix) {
		t.Fatalf("no sum line:\n%s", script)
	}
	// Another version's script: different words, its own sum.
	body := "#!/bin/sh\n" + hookMarker + "\necho versi lain\nexec selaras check --staged\n"
	other := strings.Replace(body, hookMarker+"\n", hookMarker+"\n"+sumPrefix+hookSum(body)+"\n", 1)
	for _, c := range []struct {
		name, text string
		want       hookState
	}{
		{"this version", script, hookOwn},
		{"another version", other, hookOwn},
		{"a line added", script + "./scripts/team-lint.sh\n", hookEdited},
		{"a line changed", strings.Replace(script, "check --staged", "check --staged --fail-on none", 1), hookEdited},
		{"another version, edited", strings.Replace(other, "versi lain", "versi saya", 1), hookEdited},
		{"no marker", "#!/bin/sh\nexit 0\n", hookForeign},
	} {
		write(c.text)
		if got, _, err := readOwnHook(p); err != nil || got != c.want {
			t.Errorf("%s: state %v (%v), want %v", c.name, got, err, c.want)
		}
	}
}
