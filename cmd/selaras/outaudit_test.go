package main

import (
	"strings"
	"testing"
)

// A mistyped command is answered with the nearest one, as a mistyped
// flag is, in both languages.
func TestUnknownCommandSuggests(t *testing.T) {
	dir := t.TempDir()
	r := runBin(t, dir, nil, nil, "chek", "x.md")
	if r.code != 2 || !strings.Contains(r.stderr, "maksudnya `check`?") {
		t.Errorf("chek: code %d, stderr %q", r.code, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "--lang", "en", "audti")
	if r.code != 2 || !strings.Contains(r.stderr, "did you mean `audit`?") {
		t.Errorf("audti: code %d, stderr %q", r.code, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "zzzzzzzz")
	if r.code != 2 || strings.Contains(r.stderr, "maksudnya") {
		t.Errorf("zzzzzzzz: code %d, stderr %q", r.code, r.stderr)
	}
}
