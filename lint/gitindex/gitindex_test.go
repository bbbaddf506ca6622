package gitindex

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// repoForTest makes a repository in a temporary folder, away from the
// developer's git configuration, and runs git there.
func repoForTest(t *testing.T) (dir string, git func(args ...string) string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "GIT_") {
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	t.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	dir = t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	git = func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("-c", "init.defaultBranch=main", "init", "-q")
	git("config", "user.name", "Uji")
	git("config", "user.email", "uji@selaras.example")
	return dir, git
}

func write(t *testing.T, dir, p, content string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParseRaw(t *testing.T) {
	out := ":000000 100644 0000 aaaa A\x00baru.md\x00" +
		":100644 100644 bbbb cccc M\x00dua kata/ç.md\x00" +
		":100644 100644 dddd eeee R087\x00lama.md\x00pindah/baris\nbaru.md\x00" +
		":000000 120000 0000 ffff A\x00tautan.md\x00" +
		":000000 160000 0000 1111 A\x00modul\x00"
	got, err := parseRaw([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Path: "baru.md", Mode: "100644", Hash: "aaaa"},
		{Path: "dua kata/ç.md", Mode: "100644", Hash: "cccc"},
		{Path: "pindah/baris\nbaru.md", Mode: "100644", Hash: "eeee"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"garbage\x00", ":100644 100644 a b\x00x\x00", ":000000 100644 0 a R100\x00only-one\x00"} {
		if _, err := parseRaw([]byte(bad)); err == nil {
			t.Errorf("parseRaw(%q): no error", bad)
		}
	}
}

func TestIndexReadsStagedContent(t *testing.T) {
	dir, git := repoForTest(t)
	write(t, dir, "selaras.toml", "[kit]\nname = \"akar\"\n")
	write(t, dir, "a/selaras.toml", "[kit]\nname = \"a\"\n")
	write(t, dir, "a/b/draf satu.md", "staged\n")
	write(t, dir, "a/b/poster.png", "png-staged")
	write(t, dir, "lain/tetap.md", "tidak berubah\n")
	git("add", ".")
	git("commit", "-q", "-m", "awal")
	write(t, dir, "a/b/draf satu.md", "staged v2\n")
	git("add", ".")
	// The working tree moves on; the index must not.
	write(t, dir, "a/b/draf satu.md", "working tree\n")
	write(t, dir, "a/b/poster.png", "png-working")
	write(t, dir, "a/b/selaras.toml", "[kit]\nname = \"hanya di disk\"\n")

	repo, err := Open(filepath.Join(dir, "a"))
	if err != nil {
		t.Fatal(err)
	}
	if repo.Top != dir || repo.Prefix != "a/" {
		t.Fatalf("Top %q Prefix %q", repo.Top, repo.Prefix)
	}
	staged, err := repo.Staged()
	if err != nil {
		t.Fatal(err)
	}
	if len(staged) != 1 || staged[0].Path != "a/b/draf satu.md" {
		t.Fatalf("staged: %+v", staged)
	}
	if got := repo.Rel(staged[0].Path); got != filepath.FromSlash("b/draf satu.md") {
		t.Errorf("Rel = %q", got)
	}
	ix := repo.Index(staged)
	defer ix.Close()

	read := func(p string) string {
		t.Helper()
		b, err := ix.ReadFile(p)
		if err != nil {
			t.Fatalf("ReadFile(%s): %v", p, err)
		}
		return string(b)
	}
	if got := read(repo.Abs("a/b/draf satu.md")); got != "staged v2\n" {
		t.Errorf("staged draft = %q", got)
	}
	if got := read(repo.Abs("a/b/poster.png")); got != "png-staged" {
		t.Errorf("unchanged image = %q (must come from the index)", got)
	}
	if got := read("selaras.toml"); got != "[kit]\nname = \"a\"\n" {
		t.Errorf("relative to the current folder (a/): %q", got)
	}
	for _, missing := range []string{repo.Abs("a/b/selaras.toml"), repo.Abs("tidak/ada.png"), repo.Abs("a")} {
		if _, err := ix.ReadFile(missing); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadFile(%s): %v, want not-exist", missing, err)
		}
	}

	// The nearest kit is found in the index, reading only the kit files
	// asked for (not the unchanged drafts, not every kit).
	ix2 := repo.Index(staged)
	defer ix2.Close()
	l := &brandkit.Loader{Files: ix2}
	kit, err := l.ForFile(repo.Abs("a/b/draf satu.md"))
	if err != nil {
		t.Fatal(err)
	}
	if kit.Kit.Name != "a" {
		t.Errorf("kit %q, want the staged a/selaras.toml", kit.Kit.Name)
	}
	if ix2.Reads != 1 {
		t.Errorf("%d blobs read to find one kit, want 1", ix2.Reads)
	}
}

func TestIndexOutsideTheRepository(t *testing.T) {
	dir, git := repoForTest(t)
	write(t, dir, "x.md", "x\n")
	git("add", ".")
	outside := filepath.Join(t.TempDir(), "selaras.toml")
	if err := os.WriteFile(outside, []byte("di luar\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix := repo.Index(nil)
	defer ix.Close()
	if b, err := ix.ReadFile(outside); err != nil || string(b) != "di luar\n" {
		t.Errorf("outside the work tree: %q %v", b, err)
	}
}

func TestIndexLimits(t *testing.T) {
	dir, git := repoForTest(t)
	big := strings.Repeat("a", maxKit+1)
	write(t, dir, "selaras.toml", big)
	write(t, dir, "sesudah.md", "masih terbaca\n")
	git("add", ".")
	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	staged, _ := repo.Staged()
	ix := repo.Index(staged)
	defer ix.Close()
	_, err = ix.ReadFile(repo.Abs("selaras.toml"))
	var te *lint.TextError
	if err == nil || !strings.Contains(err.Error(), "not a kit") || !errors.As(err, &te) || !strings.Contains(te.ID, "bukan kit") {
		t.Errorf("oversized kit: %v", err)
	}
	// The process is still in step after skipping a large blob.
	if b, err := ix.ReadFile(repo.Abs("sesudah.md")); err != nil || string(b) != "masih terbaca\n" {
		t.Errorf("after a skipped blob: %q %v", b, err)
	}
}

func TestNotARepository(t *testing.T) {
	_, _ = repoForTest(t) // for the environment
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	_, err := Open(dir)
	var ge *Error
	if !errors.As(err, &ge) || !strings.Contains(err.Error(), "not a git repository") || strings.Contains(err.Error(), "\n") {
		t.Errorf("Open outside a repository: %v", err)
	}
}

// TestIndexConcurrentReads: the engine reads from many goroutines through
// one git process.
func TestIndexConcurrentReads(t *testing.T) {
	dir, git := repoForTest(t)
	for i := 0; i < 20; i++ {
		write(t, dir, fmt.Sprintf("d%d/selaras.toml", i%4), "[kit]\n")
		write(t, dir, fmt.Sprintf("d%d/p%02d.md", i%4, i), fmt.Sprintf("isi %d\n", i))
	}
	git("add", ".")
	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	staged, _ := repo.Staged()
	ix := repo.Index(staged)
	defer ix.Close()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				b, err := ix.ReadFile(repo.Abs(fmt.Sprintf("d%d/p%02d.md", i%4, i)))
				if err != nil || string(b) != fmt.Sprintf("isi %d\n", i) {
					t.Errorf("p%02d: %q %v", i, b, err)
				}
				if _, err := ix.ReadFile(repo.Abs(fmt.Sprintf("d%d/selaras.toml", i%4))); err != nil {
					t.Error(err)
				}
				if _, err := ix.ReadFile(repo.Abs(fmt.Sprintf("d%d/x/selaras.toml", i%4))); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("missing kit: %v", err)
				}
			}
		}()
	}
	wg.Wait()
}

// TestIndexGitLFS: an image stored with Git LFS has only a pointer in the
// index; its content is the working tree's file when that matches the
// pointer (git-lfs itself is not needed: the pointer is staged by hand).
func TestIndexGitLFS(t *testing.T) {
	dir, git := repoForTest(t)
	content := "\x89PNG isi gambar sebenarnya"
	sum := sha256.Sum256([]byte(content))
	pointer := fmt.Sprintf("version https://git-lfs.github.com/spec/v1\noid sha256:%x\nsize %d\n", sum, len(content))
	write(t, dir, "pointer.txt", pointer)
	blob := strings.TrimSpace(git("hash-object", "-w", "pointer.txt"))
	os.Remove(filepath.Join(dir, "pointer.txt"))
	git("update-index", "--add", "--cacheinfo", "100644,"+blob+",gambar/poster.png")
	write(t, dir, "gambar/poster.png", content)

	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	staged, _ := repo.Staged()
	for _, via := range []string{"staged", "asked"} {
		list := staged
		if via == "asked" {
			list = nil // read as an unchanged attached image is
		}
		ix := repo.Index(list)
		b, err := ix.ReadFile(repo.Abs("gambar/poster.png"))
		if err != nil || string(b) != content {
			t.Errorf("%s: %q %v, want the file the pointer names", via, b, err)
		}
		ix.Close()
	}
	write(t, dir, "gambar/poster.png", "diubah sesudah git add")
	ix := repo.Index(staged)
	defer ix.Close()
	_, err = ix.ReadFile(repo.Abs("gambar/poster.png"))
	var te *lint.TextError
	if err == nil || !strings.Contains(err.Error(), "Git LFS") || !errors.As(err, &te) || !strings.Contains(te.ID, "git add lagi") {
		t.Errorf("changed after staging: %v", err)
	}
}
