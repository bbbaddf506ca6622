package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFrontMatterYAMLEndToEnd: a draft with YAML front matter gets a
// draft-front-matter finding with the TOML form as its suggestion, its
// images are checked, and --fix --unsafe-fixes writes the TOML block.
func TestFrontMatterYAMLEndToEnd(t *testing.T) {
	dir := t.TempDir()
	draft := "---\nplatform: instagram\ndate: 2025-10-14\nimages: [poster.jpg]\n---\nHalo warga, ada pertanyaan? Tulis di kolom komentar.\n"
	writeBytes(t, filepath.Join(dir, "a.md"), []byte(draft))
	r := runBin(t, dir, nil, nil, "check", "--lang", "en", "a.md")
	for _, want := range []string{
		"1:1", "draft-front-matter", "selaras uses TOML front matter between +++, not YAML between ---",
		`platform = "instagram" | date = 2025-10-14 | images = ["poster.jpg"]`,
		"4:10", "image-missing",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.code != 1 {
		t.Errorf("exit %d", r.code)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(got) != draft {
		t.Fatal("check without --fix wrote the draft")
	}
	r = runBin(t, dir, nil, nil, "check", "--fix", "--unsafe-fixes", "a.md")
	got, _ := os.ReadFile(filepath.Join(dir, "a.md"))
	want := "+++\nplatform = \"instagram\"\ndate = 2025-10-14\nimages = [\"poster.jpg\"]\n+++\nHalo warga, ada pertanyaan? Tulis di kolom komentar.\n"
	if string(got) != want {
		t.Errorf("after --fix --unsafe-fixes:\n%s\nwant\n%s\n(%s%s)", got, want, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "draft-front-matter") || !strings.Contains(r.stdout, "image-missing") {
		t.Errorf("after the fix:\n%s", r.stdout)
	}
}

// TestFrontMatterPlainWordsEndToEnd: the quoted date and unquoted
// platform, told in plain words in the run's language, with the block's
// unknown key.
func TestFrontMatterPlainWordsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "a.md"), []byte("+++\ndate = \"2025-10-14\"\nplatform = instagram\nakun = \"dinkes\"\n+++\nHalo warga.\n"))
	for lang, wants := range map[string][]string{
		"id": {`2:1`, `date adalah tanggal, ditulis tanpa tanda kutip: date = 2025-10-14`, `3:1`, `teks perlu tanda kutip: platform = "instagram"`, `4:1`, `kunci front matter "akun" tidak dikenal`},
		"en": {`date is a date, written without quotes: date = 2025-10-14`, `text needs quotes: platform = "instagram"`, `unknown front matter key "akun"`},
	} {
		r := runBin(t, dir, nil, nil, "check", "--lang", lang, "a.md")
		for _, w := range wants {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s: lacks %q:\n%s", lang, w, r.stdout)
			}
		}
		for _, bad := range []string{"2006-01-02", "expected value", "parsing time"} {
			if strings.Contains(r.stdout, bad) {
				t.Errorf("%s: the library's words leak (%q):\n%s", lang, bad, r.stdout)
			}
		}
	}
}
