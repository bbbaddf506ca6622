package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCollectLinks: folder links leading out of the walk are skipped and
// noted once; a file reached by a link and by its own name is taken once,
// under its own name, whichever the walk meets first.
func TestCollectLinks(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"root/a/x.md", "root/b/y.md", "luar/z.md"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("halo"), 0o644)
	}
	links := map[string]string{
		"root/a/0-link.md": "x.md",           // sorts before its target
		"root/keluar":      "../luar",        // leaves the root
		"root/juga-keluar": "/",              // so does this
		"root/a/ke-b":      "../b",           // stays inside
		"root/b/naik":      "..",             // a loop, inside
		"root/a/mati":      "tidak-ada/sana", // dangling
	}
	for l, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, l)); err != nil {
			t.Skip("no symlinks:", err)
		}
	}
	root := filepath.Join(dir, "root")
	ins, notes, err := CollectNotes([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range ins {
		rel, _ := filepath.Rel(root, in.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	if strings.Join(got, " ") != "a/x.md b/y.md" {
		t.Errorf("collected %v, want each file once under its own name", got)
	}
	var said []string
	for _, n := range notes {
		said = append(said, n.EN)
	}
	if len(notes) != 2 || !strings.Contains(said[0]+said[1], "juga-keluar skipped") || !strings.Contains(said[0]+said[1], "keluar skipped") {
		t.Errorf("notes %q, want the two links leading out, once each", said)
	}
	for _, n := range notes {
		if !n.Complete() {
			t.Errorf("note %+v lacks a language", n)
		}
	}
}
