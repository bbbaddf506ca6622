package main

import (
	"encoding"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
)

const kitProvince = `[kit]
name = "Provinsi Uji"

[hashtags]
required = ["#ProvinsiMaju"]

[accounts.dinkes]
name  = "Dinas Kesehatan"
paths = ["dinkes/**"]

[[campaigns]]
name     = "HUT"
hashtags = ["#HUTProvinsi"]
from     = 2025-09-25
until    = 2025-10-10

[platforms.instagram]
image_sizes = ["4:5", "1080x1080"]

[palette]
colors = ["#0B4EA2", "#fff"]
`

const kitRegency = `[kit]
name = "Kabupaten Uji"
extends = "../selaras.toml"

[hashtags]
required = ["#KabupatenBerkah"]
`

func kitTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "kab", "dinas"), 0o755)
	os.WriteFile(filepath.Join(dir, "selaras.toml"), []byte(kitProvince), 0o644)
	os.WriteFile(filepath.Join(dir, "kab", "selaras.toml"), []byte(kitRegency), 0o644)
	return dir
}

func TestKitCheckChain(t *testing.T) {
	dir := kitTree(t)
	// From a folder below the regency's kit: the nearest kit, and its chain
	// parents first.
	r := runBin(t, filepath.Join(dir, "kab", "dinas"), nil, nil, "kit", "check", "--lang", "en")
	want := "ok: ../selaras.toml (Kabupaten Uji)\nkit chain (parents first):\n  (selaras's embedded kit)\n  ../../selaras.toml\n  ../selaras.toml\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("exit %d\n--- got\n%s--- want\n%s%s", r.code, r.stdout, want, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "kit", "check", "kab")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "ok: kab/selaras.toml (Kabupaten Uji)\nrantai kit") {
		t.Errorf("a folder names its kit: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// No kit anywhere up: the embedded one.
	empty := t.TempDir()
	if above := kitAbove(empty); above != "" {
		t.Logf("skipping the no-kit case: %s lies above the temporary folder", above)
		return
	}
	r = runBin(t, empty, nil, nil, "kit", "check")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "ok: (kit bawaan selaras)") {
		t.Errorf("no kit: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// kitAbove is a selaras.toml in dir or a folder above it, if any: tests of
// "no kit" cannot run under one (a shared /tmp may hold one).
func kitAbove(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "selaras.toml")); err == nil {
			return filepath.Join(d, "selaras.toml")
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

func TestKitCheckProblems(t *testing.T) {
	dir := kitTree(t)
	bad := "[kit]\nname = \"Rusak\"\nextends = \"../selaras.toml\"\nwarna = 1\n\n[[jargon]]\nsuggest = [\"untuk\"]\n\n[rules]\ndisable = [\"tidak-ada\"]\n"
	os.WriteFile(filepath.Join(dir, "kab", "selaras.toml"), []byte(bad), 0o644)
	r := runBin(t, filepath.Join(dir, "kab"), nil, nil, "kit", "check")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\n%s%s", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 3 {
		t.Errorf("want the 3 problems, one a line:\n%s", r.stdout)
	}
	for _, want := range []string{"selaras.toml:4: kit.warna: kunci tidak dikenal", "selaras.toml:6: jargon[0].phrase", "rules.disable"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("problems lack %q:\n%s", want, r.stdout)
		}
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "3 masalah") {
		t.Errorf("stderr should be one summary line: %q", r.stderr)
	}
	// A parent's problem is reported under the parent's name.
	os.WriteFile(filepath.Join(dir, "selaras.toml"), []byte("[hashtags]\nrequired = [\"tanpa pagar\"]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "kab", "selaras.toml"), []byte(kitRegency), 0o644)
	r = runBin(t, filepath.Join(dir, "kab"), nil, nil, "kit", "check")
	if r.code != 2 || !strings.HasPrefix(r.stdout, "../selaras.toml:2: hashtags.required") {
		t.Errorf("parent problem: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, args := range [][]string{{"kit"}, {"kit", "periksa"}, {"kit", "check", "a.toml", "b.toml"}, {"kit", "check", "tidak-ada.toml"}, {"kit", "check", "--cetak"}} {
		r := runBin(t, dir, nil, nil, args...)
		if r.code != 2 || strings.Contains(r.stderr, "goroutine") || r.stderr == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	if r := runBin(t, dir, nil, nil, "kit", "--help"); r.code != 0 || !strings.Contains(r.stdout, "kit check") {
		t.Errorf("kit --help: exit %d %q", r.code, r.stdout)
	}
}

// --print shows the effective kit as a standalone TOML file: inherited
// entries spelled out, value types written back in their TOML form, paths
// relative to the kit's folder; loading what it prints gives the same kit.
func TestKitPrint(t *testing.T) {
	dir := kitTree(t)
	kab := filepath.Join(dir, "kab")
	r := runBin(t, kab, nil, nil, "kit", "check", "--print", "--lang", "en")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	out := r.stdout
	for _, want := range []string{
		"# Effective kit: (selaras's embedded kit) -> ../selaras.toml -> selaras.toml\n",
		"name = \"Kabupaten Uji\"",
		"defaults = false",
		"required = [\"#ProvinsiMaju\", \"#KabupatenBerkah\"]",
		"paths = [\"../dinkes/**\"]",
		"from = 2025-09-25\n",
		"until = 2025-10-10\n",
		"\"4:5\"",
		"colors = [\"#0B4EA2\", \"#FFFFFF\"]",
		"phrase = \"dalam rangka\"", // from the embedded kit
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--print lacks %q", want)
		}
	}
	for _, unwanted := range []string{"extends =", "exact = false", "case_sensitive = false", "enable"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("--print shows %q, an unset key", unwanted)
		}
	}
	// Saved next to the kit, the printed kit is a valid kit that prints the
	// same (apart from the chain line).
	os.WriteFile(filepath.Join(kab, "printed.toml"), []byte(out), 0o644)
	again := runBin(t, kab, nil, nil, "kit", "check", "--print", "--lang", "en", "printed.toml")
	if again.code != 0 {
		t.Fatalf("the printed kit does not load: %s%s", again.stdout, again.stderr)
	}
	body := func(s string) string { return s[strings.Index(s, "\n")+1:] }
	if body(again.stdout) != body(out) {
		t.Errorf("printing the printed kit differs:\n--- first\n%s\n--- second\n%s", out, again.stdout)
	}
}

// Every kit value type that reads itself from text must write itself back
// (string kinds are written as they are), or --print would show a
// struct's fields instead of "#0B4EA2" or "4:5".
func TestKitValueTypesMarshalBack(t *testing.T) {
	unmarshaler := reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	seen := map[reflect.Type]bool{}
	var walk func(ty reflect.Type)
	walk = func(ty reflect.Type) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		if reflect.PointerTo(ty).Implements(unmarshaler) {
			if ty.Kind() != reflect.String && !ty.Implements(textMarshaler) && ty != timeType {
				t.Errorf("%s reads itself from kit text but has no MarshalText: kit check --print cannot write it back", ty)
			}
			return
		}
		switch ty.Kind() {
		case reflect.Struct:
			for i := 0; i < ty.NumField(); i++ {
				if ty.Field(i).IsExported() {
					walk(ty.Field(i).Type)
				}
			}
		case reflect.Slice, reflect.Pointer, reflect.Map:
			walk(ty.Elem())
		}
	}
	walk(reflect.TypeOf(brandkit.Kit{}))
	if !seen[reflect.TypeOf(brandkit.HexColor{})] || !seen[reflect.TypeOf(brandkit.ImageSize{})] {
		t.Error("the walk missed the kit's value types")
	}
}

// The embedded kit and the demo kit print and read back to the same kit.
func TestKitPrintRoundTrips(t *testing.T) {
	for name, src := range map[string][]byte{"default": nil, "default as a file": brandkit.DefaultSource(), "demo": brandkit.DemoSource()} {
		dir := t.TempDir()
		if src != nil {
			os.WriteFile(filepath.Join(dir, "selaras.toml"), src, 0o644)
			os.WriteFile(filepath.Join(dir, brandkit.DemoLogoName), brandkit.DemoLogo(), 0o644) // the demo kit's logo
		} else if above := kitAbove(dir); above != "" {
			t.Logf("skipping the embedded kit: %s lies above the temporary folder", above)
			continue
		}
		first := runBin(t, dir, nil, nil, "kit", "check", "--print")
		if first.code != 0 {
			t.Fatalf("%s: exit %d %s", name, first.code, first.stderr)
		}
		os.WriteFile(filepath.Join(dir, "printed.toml"), []byte(first.stdout), 0o644)
		second := runBin(t, dir, nil, nil, "kit", "check", "--print", "printed.toml")
		body := func(s string) string { return s[strings.Index(s, "\n")+1:] }
		if second.code != 0 || body(second.stdout) != body(first.stdout) {
			t.Errorf("%s: the printed kit does not read back the same (exit %d, %s)", name, second.code, second.stderr)
		}
	}
}

// TestKitCheckRejectsKitsThatCannotWork: a logo file that does not exist
// and a phrase the words of a draft can never spell (the tokenizer reads
// it as a web address or a hashtag) are problems of `kit check`, told with
// their lines in both languages; phrases with punctuation inside ("s/d",
// "s.d.", "Prov. Banten") are found, so they pass.
func TestKitCheckRejectsKitsThatCannotWork(t *testing.T) {
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "logo-ada.png"), encodePNG(t, poster(20, 20)))
	kit := "[[logos]]\nfile = \"logo-ada.png\"\n[[logos]]\nfile = \"logo-hilang.png\"\n" +
		"[[jargon]]\nphrase = \"s/d\"\nexact = true\n[[jargon]]\nphrase = \"s.d.\"\n[[jargon]]\nphrase = \"bantenprov.go.id\"\n[[jargon]]\nphrase = \"bahu-membahu\"\n" +
		"[[terms]]\nuse = \"Kabupaten Serang\"\navoid = [\"Kab. Serang\", \"#KabSerang\"]\n"
	writeBytes(t, filepath.Join(dir, "selaras.toml"), []byte(kit))
	r := runBin(t, dir, nil, nil, "kit", "check")
	wantID := []string{
		`selaras.toml:4: logos[1].file: berkas logo logo-hilang.png tidak ada`,
		`selaras.toml:11: jargon[2].phrase: frasa "bantenprov.go.id" tidak akan pernah ditemukan: selaras membaca "bantenprov.go.id" sebagai alamat web, bukan kata`,
		`selaras.toml:16: terms[0].avoid: frasa "#KabSerang" tidak akan pernah ditemukan: selaras membaca "#KabSerang" sebagai tagar, bukan kata`,
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 2 || len(lines) != len(wantID) || !strings.Contains(r.stderr, "3 masalah dalam kit") {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for i, w := range wantID {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d:\n got %s\nwant %s", i, lines[i], w)
		}
	}
	r = runBin(t, dir, nil, nil, "kit", "check", "--lang", "en")
	if !strings.Contains(r.stdout, `selaras.toml:4: logos[1].file: logo file logo-hilang.png does not exist`) ||
		!strings.Contains(r.stdout, `jargon[2].phrase: phrase "bantenprov.go.id" can never be found: selaras reads "bantenprov.go.id" as a web address, not words`) {
		t.Errorf("English:\n%s", r.stdout)
	}
	// Fixed, the kit passes; its phrases with punctuation are found.
	writeBytes(t, filepath.Join(dir, "logo-hilang.png"), encodePNG(t, poster(20, 20)))
	kit = strings.NewReplacer("[[jargon]]\nphrase = \"bantenprov.go.id\"\n", "", `, "#KabSerang"`, "").Replace(kit)
	writeBytes(t, filepath.Join(dir, "selaras.toml"), []byte(kit))
	if r := runBin(t, dir, nil, nil, "kit", "check"); r.code != 0 {
		t.Fatalf("fixed kit: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	writeBytes(t, filepath.Join(dir, "a.md"), []byte("Buka 08.00 s/d 12.00, libur s.d. Senin, di Kab. Serang.\n"))
	r = runBin(t, dir, nil, nil, "check", "--format", "json", "a.md")
	for _, m := range []string{`"match": "s/d"`, `"match": "s.d."`, `"match": "Kab. Serang"`} {
		if !strings.Contains(r.stdout, m) {
			t.Errorf("no finding with %s:\n%s", m, r.stdout)
		}
	}
}

// TestKitCheckPrintIsAccepted: what `kit check --print` writes, `kit check`
// accepts, also when a regency bans a tag its province lists as known or
// required.
func TestKitCheckPrintIsAccepted(t *testing.T) {
	dir := kitTree(t)
	prov := strings.Replace(kitProvince, `required = ["#ProvinsiMaju"]`, "required = [\"#ProvinsiMaju\", \"#Lama\"]\nknown = [\"#Lawas\", \"#Tetap\"]", 1)
	writeBytes(t, filepath.Join(dir, "selaras.toml"), []byte(prov))
	writeBytes(t, filepath.Join(dir, "kab", "selaras.toml"), []byte(kitRegency+"banned = [\"#lama\", \"#Lawas\"]\n"))
	r := runBin(t, filepath.Join(dir, "kab"), nil, nil, "kit", "check", "--print")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "\nknown = [\"#Tetap\"]\n") || !strings.Contains(r.stdout, "\nrequired = [\"#ProvinsiMaju\", \"#KabupatenBerkah\"]\n") {
		t.Errorf("a banned tag is still asked for:\n%s", r.stdout)
	}
	writeBytes(t, filepath.Join(dir, "kab", "cetak", "selaras.toml"), []byte(r.stdout))
	r2 := runBin(t, filepath.Join(dir, "kab"), nil, nil, "kit", "check", "cetak/selaras.toml")
	if r2.code != 0 {
		t.Errorf("kit check of the printed kit: exit %d\n%s%s\nprinted:\n%s", r2.code, r2.stdout, r2.stderr, r.stdout)
	}
	// The province's own kit still asks for the tags it listed.
	r3 := runBin(t, dir, nil, nil, "kit", "check", "--print")
	if !strings.Contains(r3.stdout, "\nknown = [\"#Lawas\", \"#Tetap\"]\n") || !strings.Contains(r3.stdout, `"#Lama"`) {
		t.Errorf("the parent kit changed:\n%s", r3.stdout)
	}
}
