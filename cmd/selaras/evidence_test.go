package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvidence runs the real binary on the demo with --evidence: one
// picture per image with findings, nothing else written, and a file the
// user made is never replaced.
func TestEvidence(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "bukti")
	before := treeHash(t, filepath.Join(root, "testdata"))
	r := runBin(t, root, nil, nil, "check", "--format", "json", "--evidence", out, "testdata/demo")
	if r.code != 1 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if after := treeHash(t, filepath.Join(root, "testdata")); after != before {
		t.Error("check --evidence changed files under testdata")
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := "testdata__demo__dishub__poster-mudik.jpg.selaras.png"
	if len(names) != 1 || names[0] != want {
		t.Fatalf("evidence files %v, want [%s] (the on-brand poster has no findings)", names, want)
	}
	data, _ := os.ReadFile(filepath.Join(out, want))
	if !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Fatal("evidence is not a PNG")
	}
	// A file with the same name that selaras did not write stays.
	mine := filepath.Join(out, want)
	os.WriteFile(mine, []byte("catatan saya"), 0o644)
	r = runBin(t, root, nil, nil, "check", "--evidence", out, "testdata/demo/dishub")
	if r.code != 2 || !strings.Contains(r.stderr, "bukan tulisan selaras") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("exit %d, stderr %q: want 2 and one line refusing to overwrite", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(mine); string(got) != "catatan saya" {
		t.Error("the user's file was overwritten")
	}
}
