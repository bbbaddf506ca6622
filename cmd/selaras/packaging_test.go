package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The project carries its licence and changelog, and the README's
// pre-commit example names a rev that exists: a tag of this repository,
// or a placeholder the README tells the user to replace.
func TestPackaging(t *testing.T) {
	root := filepath.Join("..", "..")
	lic, err := os.ReadFile(filepath.Join(root, "LICENSE"))
	if err != nil || !strings.Contains(string(lic), "MIT License") || !strings.Contains(string(lic), "the selaras authors") {
		t.Errorf("LICENSE: %v %.80q", err, lic)
	}
	if _, err := os.Stat(filepath.Join(root, "CHANGELOG.md")); err != nil {
		t.Error(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s+rev:\s*(\S+)(.*)$`).FindSubmatch(readme)
	if m == nil {
		t.Fatal("no rev in the README's pre-commit example")
	}
	rev, note := string(m[1]), string(m[2])
	if strings.Trim(rev, "0") == "" && strings.Contains(note, "REPLACE") {
		return // a placeholder, said plainly
	}
	out, err := exec.Command("git", "-C", root, "tag", "--list", rev).Output()
	if err != nil {
		t.Skipf("git tag: %v", err)
	}
	if strings.TrimSpace(string(out)) != rev {
		t.Errorf("the README's pre-commit example names rev %s, which is not a tag of this repository", rev)
	}
}
