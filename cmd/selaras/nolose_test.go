//go:build unix

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Nothing written, nothing lost: selaras reads content folders it does
// not own, so apart from `check --fix` (which replaces drafts atomically)
// it writes nothing there, and a --fix killed at any moment leaves every
// draft whole: the original or the fully fixed text, never a mix.

// entry is what a snapshot records of one path (symbolic links are not
// followed).
type entry struct {
	mode fs.FileMode
	sum  string // content hash of a regular file; target of a link
}

// snapshot records every path under dir with its mode and content hash.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	out := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		e := entry{mode: info.Mode()}
		switch {
		case info.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h := sha256.Sum256(b)
			e.sum = hex.EncodeToString(h[:])
		case info.Mode()&fs.ModeSymlink != 0:
			e.sum, _ = os.Readlink(p)
		}
		out[rel] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffSnapshots(before, after map[string]entry) []string {
	var out []string
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			out = append(out, "removed: "+p)
		case a != b:
			out = append(out, fmt.Sprintf("changed: %s (%v %.12s -> %v %.12s)", p, b.mode, b.sum, a.mode, a.sum))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, "new: "+p)
		}
	}
	sort.Strings(out)
	return out
}

// copyDir copies the regular files and folders of src into dst, with
// their modes.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNothingWritten runs check, audit and check --fix --diff over a copy
// of the demo folder with hostile files added, and proves that no file
// changed (content and mode), none appeared and none went away.
func TestNothingWritten(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "konten")
	copyDir(t, filepath.Join("..", "..", "testdata", "demo"), dir)
	writeBytes(t, filepath.Join(dir, "hostile", "latin1.md"), []byte("Caf\xe9 dalam rangka HUT\n"))
	writeBytes(t, filepath.Join(dir, "hostile", "utf16.md"), []byte("\xff\xfeH\x00i\x00"))
	writeBytes(t, filepath.Join(dir, "hostile", "crlf.md"), []byte("\xef\xbb\xbfDalam rangka HUT, kami mengundang warga.\r\nAda pertanyaan?\r\n"))
	writeBytes(t, filepath.Join(dir, "hostile", "unclosed.md"), []byte("+++\nplatform = \"x\"\nDalam rangka HUT\n"))
	writeBytes(t, filepath.Join(dir, "hostile", "bomb.png"), pngClaiming(40000, 40000))
	writeBytes(t, filepath.Join(dir, "hostile", "text.jpg"), []byte("bukan gambar"))
	writeBytes(t, filepath.Join(dir, "hostile", "ro.md"), []byte("Dalam rangka HUT, kami mengundang warga.\n"))
	os.Chmod(filepath.Join(dir, "hostile", "ro.md"), 0o444)
	os.Chmod(filepath.Join(dir, "dinkes", "2025-10-21-posyandu.md"), 0o600)
	os.Symlink("..", filepath.Join(dir, "hostile", "up"))
	if err := syscall.Mkfifo(filepath.Join(dir, "hostile", "pipe.md"), 0o644); err != nil {
		t.Logf("no named pipe in the tree: %v", err)
	}
	// Caches go outside the tree, as they do for a user (never into it).
	env := []string{"XDG_CACHE_HOME=" + t.TempDir(), "HOME=" + t.TempDir()}
	before := snapshot(t, dir)

	runs := [][]string{
		{"check", "."},
		{"check", "--format", "json", "--report-unused-ignores", "."},
		{"check", "--format", "sarif", "."},
		{"check", "--fix", "--diff", "."},
		{"check", "--fix", "--diff", "--unsafe-fixes", "hostile/crlf.md", "dinkes"},
		{"audit", "--month", "2025-10", "."},
		{"audit", "--month", "2025-10", "--format", "json", "."},
		{"audit", "--month", "2025-10", "--format", "html", "."},
	}
	sawDiff := false
	for _, args := range runs {
		r := runBin(t, dir, nil, env, args...)
		if r.code > 1 {
			t.Errorf("selaras %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		if strings.Contains(r.stderr, "goroutine ") {
			t.Fatalf("selaras %s crashed: %s", strings.Join(args, " "), r.stderr)
		}
		if args[1] == "--fix" && strings.Contains(r.stdout, "+++ hostile/crlf.md") {
			sawDiff = true
		}
		if d := diffSnapshots(before, snapshot(t, dir)); len(d) > 0 {
			t.Fatalf("selaras %s changed the tree:\n%s", strings.Join(args, " "), strings.Join(d, "\n"))
		}
	}
	if !sawDiff {
		t.Error("--fix --diff showed no change: the test has nothing to prove")
	}
}

// TestFixKilledLeavesWholeFiles starts `check --fix` on 300 drafts with
// safe fixes and kills it (SIGKILL) at points spread from the start to the
// end of its work. Afterwards every draft is either its original or its
// fully fixed text, with its mode, and the only other files are hidden
// temporary files, which a check of the folder does not pick up.
func TestFixKilledLeavesWholeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs selaras --fix seven times on 300 drafts")
	}
	const n = 300
	orig := map[string][]byte{}
	for i := 0; i < n; i++ {
		var text string
		switch i % 3 {
		case 0:
			text = fmt.Sprintf("Dalam rangka HUT ke-%d, kami mengundang warga. Ada pertanyaan?\n\nDalam rangka hari jadi, ada lomba.\n", i)
		case 1: // CRLF with a byte-order mark
			text = fmt.Sprintf("\xef\xbb\xbfDalam rangka HUT ke-%d, kami mengundang warga.\r\nAda pertanyaan?\r\n", i)
		default: // a long draft: writing takes a while
			text = strings.Repeat(fmt.Sprintf("Dalam rangka pekan ke-%d, warga diajak hadir. ", i), 60) + "\nAda pertanyaan?\n"
		}
		orig[filepath.Join(fmt.Sprintf("opd%d", i%7), fmt.Sprintf("draf-%03d.md", i))] = []byte(text)
	}
	makeTree := func() string {
		dir := t.TempDir()
		writeBytes(t, filepath.Join(dir, "selaras.toml"), []byte("[kit]\nname = \"Uji\"\n"))
		for p, b := range orig {
			writeBytes(t, filepath.Join(dir, p), b)
			if strings.HasSuffix(p, "5.md") {
				os.Chmod(filepath.Join(dir, p), 0o600)
			}
		}
		return dir
	}
	// The fully fixed text, from an uninterrupted run.
	ref := makeTree()
	start := time.Now()
	if r := runBin(t, ref, nil, nil, "check", "--fix", "--fail-on", "none", "."); r.code != 0 {
		t.Fatalf("reference --fix run: exit %d: %s", r.code, r.stderr)
	}
	full := time.Since(start)
	fixed := map[string][]byte{}
	for p, b := range orig {
		got, err := os.ReadFile(filepath.Join(ref, p))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) == string(b) {
			t.Fatalf("%s was not fixed by the reference run: the test needs a fix in every draft", p)
		}
		fixed[p] = got
	}
	t.Logf("an uninterrupted --fix of %d drafts takes %v", n, full)

	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("kill points from seed %d", seed)
	const kills = 6
	var partialRuns, temps int
	for k := 0; k < kills; k++ {
		dir := makeTree()
		// Spread over the run, with jitter: early (still reading), middle
		// (writing), late (most files written).
		at := time.Duration((float64(k) + rng.Float64()) / kills * float64(full))
		cmd := exec.Command(selarasBin, "check", "--fix", ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(at)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		nOrig, nFixed := 0, 0
		for p, b := range orig {
			full := filepath.Join(dir, p)
			got, err := os.ReadFile(full)
			if err != nil {
				t.Fatalf("kill at %v: %s: %v", at, p, err)
			}
			switch string(got) {
			case string(b):
				nOrig++
			case string(fixed[p]):
				nFixed++
			default:
				t.Fatalf("kill at %v: %s is neither the original nor the fixed text:\n%q", at, p, got)
			}
			info, _ := os.Stat(full)
			want := os.FileMode(0o644)
			if strings.HasSuffix(p, "5.md") {
				want = 0o600
			}
			if info.Mode().Perm() != want {
				t.Fatalf("kill at %v: %s has mode %v, want %v", at, p, info.Mode().Perm(), want)
			}
		}
		if nOrig > 0 && nFixed > 0 {
			partialRuns++
		}
		// Anything else in the tree must be a hidden temporary file.
		var extra []string
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(dir, p)
			if err != nil || d.IsDir() || rel == "selaras.toml" {
				return nil
			}
			if _, ok := orig[rel]; !ok {
				extra = append(extra, rel)
			}
			return nil
		})
		for _, e := range extra {
			if base := filepath.Base(e); !strings.HasPrefix(base, ".") || !strings.Contains(base, ".selaras-") {
				t.Fatalf("kill at %v left a visible file: %s", at, e)
			}
		}
		temps += len(extra)
		if len(extra) > 0 {
			// A later check does not take them for drafts.
			r := runBin(t, dir, nil, nil, "check", "--format", "json", "--fail-on", "none", ".")
			_, rep := rulesOf(t, r.stdout)
			if rep.Summary.Files != n {
				t.Fatalf("kill at %v: a check of the folder counted %d files, want %d (temporary files picked up?)", at, rep.Summary.Files, n)
			}
		}
		t.Logf("kill at %v: %d original, %d fixed, %d temporary files left", at.Round(time.Millisecond), nOrig, nFixed, len(extra))
	}
	if partialRuns == 0 {
		t.Logf("no kill landed while files were being written (the machine may be slow or fast); nothing partial was seen either way")
	}
	t.Logf("%d of %d kills stopped the run half way; %d temporary files left in all", partialRuns, kills, temps)
}
