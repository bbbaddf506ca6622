package narrative_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/narrative"
)

func TestNarrative(t *testing.T) {
	linttest.Run(t, "testdata", narrative.Rule)
}

func TestDocExamples(t *testing.T) {
	r := narrative.Rule
	bad, err := linttest.Check(r.Doc.Bad, r.Doc.Kit, r)
	if err != nil || len(bad) != 1 {
		t.Errorf("Bad example: %v %+v", err, bad)
	}
	good, err := linttest.Check(r.Doc.Good, r.Doc.Kit, r)
	if err != nil || len(good) != 0 {
		t.Errorf("Good example reported: %v %+v", err, good)
	}
}

// TestNoPillarsSilent: the default kit has no pillars, so the rule says
// nothing about any post.
func TestNoPillarsSilent(t *testing.T) {
	fs, err := linttest.Check("Selamat pagi, warga! Jangan lupa sarapan.", "", narrative.Rule)
	if err != nil || len(fs) != 0 {
		t.Errorf("want silence without pillars, got %v %+v", err, fs)
	}
}

// TestExemplarsMissing: a kit naming a folder that is not there is a clear
// error (exit 2), not a finding and not a crash.
func TestExemplarsMissing(t *testing.T) {
	dir := t.TempDir()
	kit := "[narrative]\npillars = [ { id = \"maju\", keywords = [\"maju\"] } ]\nexemplars = \"contoh\"\n"
	if err := os.WriteFile(filepath.Join(dir, "selaras.toml"), []byte(kit), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := linttest.Findings(filepath.Join(dir, "a.md"), []byte("Banten maju."), []*lint.Rule{narrative.Rule})
	if err == nil || !strings.Contains(err.Error(), `narrative.exemplars: "contoh": no such folder next to the kit`) {
		t.Errorf("want a clear error, got %v", err)
	}
}

// TestExemplarsStayInside: a symbolic link in the exemplars folder that
// points outside the kit's folder is not read.
func TestExemplarsStayInside(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "rahasia.md")
	if err := os.WriteFile(outside, []byte("Banten maju merata sejahtera."), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "kit")
	if err := os.MkdirAll(filepath.Join(dir, ".narasi"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, ".narasi", "tautan.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	kit := "[narrative]\npillars = [ { id = \"maju\", keywords = [\"maju\"] } ]\nexemplars = \".narasi\"\n"
	if err := os.WriteFile(filepath.Join(dir, "selaras.toml"), []byte(kit), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := linttest.Findings(filepath.Join(dir, "a.md"), []byte("Banten maju."), []*lint.Rule{narrative.Rule})
	if err == nil || !strings.Contains(err.Error(), "holds no .md or .txt example posts") {
		t.Errorf("the linked file outside must not count as an exemplar, got %v", err)
	}
}

// TestExemplarsFolderLink: an exemplars folder that is a symbolic link to
// a folder of example posts is read through the link (it was read as
// empty: a walk takes a link for a file).
func TestExemplarsFolderLink(t *testing.T) {
	dir := t.TempDir()
	posts := filepath.Join(dir, "arsip", "contoh")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{"Banten maju, layanan merata untuk warga.", "Warga Banten maju bersama layanan merata."} {
		if err := os.WriteFile(filepath.Join(posts, fmt.Sprintf("%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join("arsip", "contoh"), filepath.Join(dir, "contoh")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	kit := "[narrative]\npillars = [ { id = \"maju\", keywords = [\"maju\"] } ]\nexemplars = \"contoh\"\n"
	if err := os.WriteFile(filepath.Join(dir, "selaras.toml"), []byte(kit), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := linttest.Findings(filepath.Join(dir, "a.md"), []byte("Banten maju."), []*lint.Rule{narrative.Rule}); err != nil {
		t.Errorf("the linked exemplars folder was not read: %v", err)
	}
}
