package fix

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".a.md.selaras-123":          true,
		".a b.md.selaras-9":          true,
		".a.md.selaras-":             false,
		".a.md.selaras-12x":          false,
		"a.md.selaras-123":           false,
		".selaras-123":               false,
		".a.md.selaras-catatan":      false,
		".x.selaras-1.selaras-22":    true,
		".selaras-baseline.json":     false,
		"pre-commit.selaras-chained": false,
	} {
		if IsTemp(name) != want {
			t.Errorf("IsTemp(%q) = %v", name, !want)
		}
	}
}

// TestCleanStale: only old files of the temporary pattern go; links and
// folders of that name, fresh temporaries and other files stay.
func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for _, n := range []string{".a.md.selaras-1", ".b.md.selaras-2", "c.md", ".d.md.selaras-x"} {
		p := filepath.Join(dir, n)
		os.WriteFile(p, []byte("x"), 0o644)
		if n != ".b.md.selaras-2" {
			os.Chtimes(p, old, old)
		}
	}
	os.Mkdir(filepath.Join(dir, ".e.md.selaras-3"), 0o755)
	os.Chtimes(filepath.Join(dir, ".e.md.selaras-3"), old, old)
	os.Symlink("c.md", filepath.Join(dir, ".f.md.selaras-4"))
	CleanStale(dir)
	var left []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		left = append(left, e.Name())
	}
	want := []string{".b.md.selaras-2", ".d.md.selaras-x", ".e.md.selaras-3", ".f.md.selaras-4", "c.md"}
	if len(left) != len(want) {
		t.Fatalf("left %v, want %v", left, want)
	}
	for i := range want {
		if left[i] != want[i] {
			t.Fatalf("left %v, want %v", left, want)
		}
	}
}
