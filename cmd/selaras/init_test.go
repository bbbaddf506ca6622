package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
)

// brandkit/demo.toml is the copy of the demo kit that `init --from demo`
// writes (go:embed cannot reach testdata/demo); it must not drift.
func TestDemoKitCopyInSync(t *testing.T) {
	root := repoRoot(t)
	src, err := os.ReadFile(filepath.Join(root, "testdata/demo/selaras.toml"))
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(root, "brandkit/demo.toml")
	if *update {
		if err := os.WriteFile(copyPath, src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	cp, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(src, cp) {
		t.Errorf("brandkit/demo.toml differs from testdata/demo/selaras.toml; `go test ./cmd/selaras -run TestDemoKitCopyInSync -update` copies it")
	}
	logo, err := os.ReadFile(filepath.Join(root, "testdata/demo", brandkit.DemoLogoName))
	if err != nil || !bytes.Equal(logo, brandkit.DemoLogo()) {
		t.Errorf("brandkit/demo-logo.png differs from testdata/demo/%s (%v): copy it", brandkit.DemoLogoName, err)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestInitStarter(t *testing.T) {
	dir := t.TempDir()
	r := runBin(t, dir, nil, nil, "init")
	if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "selaras.toml") {
		t.Fatalf("init: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "selaras.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, brandkit.StarterSource()) {
		t.Error("init did not write the starter kit")
	}
	if names := listDir(t, dir); len(names) != 1 {
		t.Errorf("init left other files behind: %v", names)
	}
	info, _ := os.Stat(filepath.Join(dir, "selaras.toml"))
	if info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
	// The written kit is valid and is the one drafts here get.
	if r := runBin(t, dir, nil, nil, "kit", "check"); r.code != 0 || !strings.HasPrefix(r.stdout, "ok: selaras.toml") {
		t.Errorf("kit check after init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("Dalam rangka HUT, ayo datang!\n"), 0o644)
	if r := runBin(t, dir, nil, nil, "check", "--format", "line", "a.md"); r.code == 2 || !strings.Contains(r.stdout, "jargon") {
		t.Errorf("check with the starter kit: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	mine := []byte("# my own kit\n[kit]\nname = \"milik saya\"\n")
	kit := filepath.Join(dir, "selaras.toml")
	os.WriteFile(kit, mine, 0o600)
	for _, args := range [][]string{{"init"}, {"init", "--from", "demo"}, {"init", "--lang", "en"}} {
		r := runBin(t, dir, nil, nil, args...)
		if r.code != 2 || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "selaras.toml") {
			t.Errorf("%v over an existing kit: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	if got, _ := os.ReadFile(kit); !bytes.Equal(got, mine) {
		t.Error("init changed an existing kit")
	}
	if names := listDir(t, dir); len(names) != 1 {
		t.Errorf("init left files behind: %v", names)
	}
	if r := runBin(t, dir, nil, nil, "init", "--lang", "en"); !strings.Contains(r.stderr, "already exists") {
		t.Errorf("English message expected: %q", r.stderr)
	}

	// A symbolic link named selaras.toml, even a dangling one, is not
	// written through.
	dir2 := t.TempDir()
	target := filepath.Join(t.TempDir(), "elsewhere.toml")
	if err := os.Symlink(target, filepath.Join(dir2, "selaras.toml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if r := runBin(t, dir2, nil, nil, "init"); r.code != 2 {
		t.Errorf("init through a dangling symlink: exit %d", r.code)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("init wrote through a symbolic link")
	}
}

func TestInitFromDemoAndDir(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "provinsi"), 0o755)
	r := runBin(t, dir, nil, nil, "init", "--from", "demo", "--dir", "provinsi", "--lang", "en")
	if r.code != 0 || !strings.Contains(r.stdout, "wrote provinsi/selaras.toml") {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "provinsi", "selaras.toml"))
	if !bytes.Equal(got, brandkit.DemoSource()) {
		t.Error("--from demo did not write the demo kit")
	}
	if r := runBin(t, dir, nil, nil, "kit", "check", "provinsi/selaras.toml"); r.code != 0 {
		t.Errorf("the demo kit does not check: %s%s", r.stdout, r.stderr)
	}
	for _, args := range [][]string{
		{"init", "--from", "contoh"},
		{"init", "--dir", "tidak-ada"},
		{"init", "folder"},
		{"init", "--dir", "provinsi/selaras.toml"},
	} {
		r := runBin(t, dir, nil, nil, args...)
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}
