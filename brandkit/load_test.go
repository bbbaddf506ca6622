package brandkit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaultKitLoads(t *testing.T) {
	var l Loader
	k, err := l.Default()
	if err != nil {
		t.Fatal(err)
	}
	if k.Path != "" || k.Language() != "id" || len(k.Jargon) == 0 || len(k.Platforms) == 0 {
		t.Fatalf("default kit looks wrong: path %q lang %q jargon %d platforms %d", k.Path, k.Language(), len(k.Jargon), len(k.Platforms))
	}
	if len(k.Hashtags.Required) != 0 || len(k.Palette.Colors) != 0 || len(k.Logos) != 0 {
		t.Error("the default kit must carry no hashtags, palette or logo of its own")
	}
}

func TestNearestKitAndDefault(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "prov/selaras.toml", "[kit]\nname = \"Prov\"\n[hashtags]\nrequired = [\"#Prov\"]\n")
	write(t, dir, "prov/dinkes/a.md", "x")
	write(t, dir, "other/b.md", "x")
	l := &Loader{}
	k, err := l.ForFile(filepath.Join(dir, "prov/dinkes/a.md"))
	if err != nil {
		t.Fatal(err)
	}
	if k.Kit.Name != "Prov" || len(k.Hashtags.Required) != 1 {
		t.Fatalf("nearest kit not used: %+v", k.Kit)
	}
	// A kit without extends builds on the embedded default.
	if len(k.Jargon) == 0 {
		t.Error("a root kit should inherit the default jargon list")
	}
	k2, err := l.ForFile(filepath.Join(dir, "other/b.md"))
	if err != nil {
		t.Fatal(err)
	}
	if k2.Path != "" {
		t.Errorf("outside any kit folder the default kit applies, got %q", k2.Path)
	}
}

func TestDefaultsFalse(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "selaras.toml", "[kit]\ndefaults = false\n[[jargon]]\nphrase = \"guna\"\n")
	k, err := (&Loader{}).Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Jargon) != 1 || len(k.Platforms) != 0 {
		t.Fatalf("defaults = false must not inherit: jargon %d platforms %d", len(k.Jargon), len(k.Platforms))
	}
}

func TestExtendsMerges(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "selaras.toml", `[kit]
name = "Provinsi"
defaults = false
[[jargon]]
phrase = "dalam rangka"
suggest = ["untuk"]
[[jargon]]
phrase = "guna"
suggest = ["untuk"]
[hashtags]
required = ["#BantenMaju"]
max = 5
[accounts.dinkes]
paths = ["dinkes/**"]
hashtags = ["#DinkesBanten"]
[platforms.instagram]
caption_max = 2200
[rules]
disable = ["tone-exclamation", "length"]
severity = { jargon = "error" }
`)
	child := write(t, dir, "kab/selaras.toml", `[kit]
name = "Kabupaten"
extends = "../selaras.toml"
[[jargon]]
phrase = "Dalam  Rangka"
suggest = ["demi"]
[hashtags]
required = ["#Kab"]
[accounts.dinkes]
hashtags = ["#DinkesKab"]
[platforms.instagram]
image_sizes = ["1080x1350"]
[rules]
enable = ["length"]
`)
	k, err := (&Loader{}).Load(child)
	if err != nil {
		t.Fatal(err)
	}
	if k.Kit.Name != "Kabupaten" {
		t.Errorf("name: %q", k.Kit.Name)
	}
	if got := len(k.Jargon); got != 2 {
		t.Fatalf("jargon entries: %d, want 2 (child replaces the parent's same phrase)", got)
	}
	if k.Jargon[0].Suggest[0] != "demi" {
		t.Errorf("child's entry should replace the parent's in place: %+v", k.Jargon[0])
	}
	if got := k.Hashtags.Required; len(got) != 2 || got[0] != "#BantenMaju" || got[1] != "#Kab" {
		t.Errorf("required: %v", got)
	}
	if k.Hashtags.Max != 5 {
		t.Errorf("max inherited: %d", k.Hashtags.Max)
	}
	acc := k.Accounts["dinkes"]
	if len(acc.Paths) != 1 || len(acc.Hashtags) != 2 {
		t.Errorf("account merged key by key: %+v", acc)
	}
	ig := k.Platforms["instagram"]
	if ig.CaptionMax != 2200 || len(ig.ImageSizes) != 1 {
		t.Errorf("platform merged key by key: %+v", ig)
	}
	if !k.RuleEnabled("length") || k.RuleEnabled("tone-exclamation") {
		t.Errorf("disable/enable across extends: %v", k.Rules.Disable)
	}
	if k.Rules.Severity["jargon"] != SeverityError {
		t.Errorf("severity inherited: %v", k.Rules.Severity)
	}
	if len(k.Chain) != 2 {
		t.Errorf("chain: %v", k.Chain)
	}
	// Account globs are relative to the kit that wrote them.
	if want := filepath.ToSlash(filepath.Join(dir, "dinkes/**")); acc.Paths[0] != want {
		t.Errorf("glob %q, want %q", acc.Paths[0], want)
	}
}

func TestKitProblemsAllAtOnce(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "selaras.toml", `[kit]
name = "x"
colour = "blue"

[[jargon]]
phrase = ""

[[terms]]
use = "Provinsi"
avoid = ["Provinsi"]

[hashtags]
required = ["#Maju"]
banned = ["#maju"]

[rules]
disable = ["no-such-rule"]
`)
	l := &Loader{KnownRule: func(n string) bool { return n == "jargon" }}
	_, err := l.Load(p)
	if err == nil {
		t.Fatal("expected problems")
	}
	msg := err.Error()
	for _, want := range []string{
		"selaras.toml:3: kit.colour: unknown key",
		"selaras.toml:5: jargon[0].phrase: a jargon entry needs a phrase",
		"selaras.toml:8: terms[0].avoid",
		"selaras.toml:14: hashtags.banned: #maju is both required and banned",
		"selaras.toml:17: rules.disable: no rule is named \"no-such-rule\"",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	if n := strings.Count(msg, "\n") + 1; n != 5 {
		t.Errorf("want 5 problems, one per line, got %d:\n%s", n, msg)
	}
}

func TestKitBadValuesHaveLines(t *testing.T) {
	cases := map[string]string{
		"[palette]\ncolors = [\"#12345\"]\n":               ":2: palette.colors: colour \"#12345\"",
		"[hashtags]\nrequired = [\"BantenMaju\"]\n":        ":2: hashtags.required: hashtag \"BantenMaju\"",
		"[rules]\nseverity = { jargon = \"loud\" }\n":      ":2: rules.severity.jargon: severity \"loud\"",
		"[platforms.x]\nimage_sizes = [\"big\"]\n":         ":2: platforms.x.image_sizes: image size \"big\"",
		"[kit]\nname = \"a\"\nname = \"b\"\n":              ":3:",
		"[[logos]]\nfile = \"l.png\"\nzone = \"middle\"\n": ":3: logos.zone: zone \"middle\"",
		"[hashtags]\nmax = \"five\"\n":                     ":2: hashtags.max:",
	}
	for src, want := range cases {
		dir := t.TempDir()
		p := write(t, dir, "selaras.toml", src)
		_, err := (&Loader{}).Load(p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}

func TestExtendsMissingAndLoop(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "selaras.toml", "[kit]\nextends = \"nowhere.toml\"\n")
	_, err := (&Loader{}).Load(p)
	if err == nil || !strings.Contains(err.Error(), "selaras.toml:2: kit.extends: extends \"nowhere.toml\": no such kit file") {
		t.Errorf("missing extends: %v", err)
	}
	a := write(t, dir, "a/selaras.toml", "[kit]\nextends = \"../b/selaras.toml\"\n")
	write(t, dir, "b/selaras.toml", "[kit]\nextends = \"../a/selaras.toml\"\n")
	_, err = (&Loader{}).Load(a)
	if err == nil || !strings.Contains(err.Error(), "extends forms a loop") {
		t.Errorf("loop: %v", err)
	}
	var p2 Problem
	if !errors.As(err, &p2) {
		t.Errorf("loop error should be a Problem: %T", err)
	}
}

func TestSyntaxError(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "selaras.toml", "[kit]\nname = \"unterminated\n")
	_, err := (&Loader{}).Load(p)
	if err == nil || !strings.HasPrefix(err.Error(), p+":2:") {
		t.Errorf("syntax error should name file and line: %v", err)
	}
}

func TestMemoBuildsOnce(t *testing.T) {
	var k Kit
	n := 0
	for i := 0; i < 3; i++ {
		k.Memo("x", func() any { n++; return n })
	}
	if n != 1 {
		t.Errorf("built %d times", n)
	}
}

func TestValueTypes(t *testing.T) {
	var c HexColor
	if err := c.UnmarshalText([]byte("#0b4ea2")); err != nil || c.String() != "#0B4EA2" {
		t.Errorf("hex: %v %v", c, err)
	}
	if err := c.UnmarshalText([]byte("#fff")); err != nil || c != (HexColor{255, 255, 255}) {
		t.Errorf("short hex: %v %v", c, err)
	}
	for _, bad := range []string{"0B4EA2", "#0B4EA", "#GGGGGG", ""} {
		if err := c.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for tag, ok := range map[string]bool{"#BantenMaju": true, "#HUTBanten25": true, "#Jawa_Barat": true, "#Sehatécole": true, "#2025": false, "#": false, "#Banten-Maju": false, "BantenMaju": false} {
		if ValidHashtag(tag) != ok {
			t.Errorf("ValidHashtag(%q) != %v", tag, ok)
		}
	}
	var z ImageSize
	if err := z.UnmarshalText([]byte("4:5")); err != nil || !z.Ratio || z.String() != "4:5" {
		t.Errorf("ratio: %+v %v", z, err)
	}
	if err := z.UnmarshalText([]byte("1080x1350")); err != nil || z.Ratio || z.Width != 1080 {
		t.Errorf("size: %+v %v", z, err)
	}
	if err := z.UnmarshalText([]byte("0x10")); err == nil {
		t.Error("0 width accepted")
	}
}

func TestExtendsDoesNotRepeatValues(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "selaras.toml", "[kit]\ndefaults = false\n[platforms.instagram]\nimage_sizes = [\"1080x1080\", \"1080x1350\"]\n")
	child := write(t, dir, "kab/selaras.toml", "[kit]\nextends = \"../selaras.toml\"\n[platforms.instagram]\nimage_sizes = [\"1080x1350\", \"4:5\"]\n")
	k, err := (&Loader{}).Load(child)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, z := range k.Platforms["instagram"].ImageSizes {
		got = append(got, z.String())
	}
	if strings.Join(got, " ") != "1080x1080 1080x1350 4:5" {
		t.Errorf("image sizes: %v", got)
	}
}

// TestGeneratedDefaultKitUpToDate fails when default_kit.go is not what
// the embedded TOML makes: run `go run -tags genkit ./brandkit/internal/genkit`.
func TestGeneratedDefaultKitUpToDate(t *testing.T) {
	want, err := GenerateDefaultKit()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("default_kit.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("brandkit/default_kit.go is stale: run `go run -tags genkit ./brandkit/internal/genkit`")
	}
	var l Loader
	k, _ := l.Default()
	if k.Hash == "" || len(k.Jargon) < 100 || len(k.Terms) < 400 {
		t.Errorf("generated default kit: hash %q, %d jargon entries, %d terms", k.Hash, len(k.Jargon), len(k.Terms))
	}
}

// TestKitAllProblemsAtOnce: a bad value does not stop the unknown-key
// pass, and each unknown key names the nearest known key.
func TestKitAllProblemsAtOnce(t *testing.T) {
	src := "[kit]\nlangauge = \"id\"\n[hashtag]\nrequired = [\"#A\"]\n[hashtags]\nrequried = [\"#B\"]\n[palette]\ncolours = [\"#000000\"]\n" +
		"[accounts.dinkes]\npath = [\"dinkes/**\"]\n[[logos]]\nfile = \"l.png\"\nzone = \"kiri-atas\"\n[[logos]]\nfile = \"m.png\"\nzone = \"tengah\"\nmin_width = \"besar\"\n"
	_, err := Parse("selaras.toml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	want := []struct{ id, en string }{
		{`selaras.toml:2: kit.langauge: kunci tidak dikenal; maksudnya "language"?`, `selaras.toml:2: kit.langauge: unknown key; did you mean "language"?`},
		{`selaras.toml:3: hashtag: kunci tidak dikenal; maksudnya "hashtags"?`, `selaras.toml:3: hashtag: unknown key; did you mean "hashtags"?`},
		{`selaras.toml:6: hashtags.requried: kunci tidak dikenal; maksudnya "required"?`, `selaras.toml:6: hashtags.requried: unknown key; did you mean "required"?`},
		{`selaras.toml:8: palette.colours: kunci tidak dikenal; maksudnya "colors"?`, `selaras.toml:8: palette.colours: unknown key; did you mean "colors"?`},
		{`selaras.toml:10: accounts.dinkes.path: kunci tidak dikenal; maksudnya "paths"?`, `selaras.toml:10: accounts.dinkes.path: unknown key; did you mean "paths"?`},
		{`selaras.toml:13: logos.zone: zona "kiri-atas": pakai top-left`, `selaras.toml:13: logos.zone: zone "kiri-atas": use top-left`},
		{`selaras.toml:16: logos.zone: zona "tengah"`, `selaras.toml:16: logos.zone: zone "tengah"`},
		{`selaras.toml:17: logos.min_width: jenis nilai salah: tertulis teks, seharusnya bilangan`, `selaras.toml:17: logos.min_width: wrong type: TOML value has type string; destination has type float`},
	}
	for _, lang := range []string{"id", "en"} {
		lines := strings.Split(Message(err, lang), "\n")
		if len(lines) != len(want) {
			t.Fatalf("%s: %d problems, want %d:\n%s", lang, len(lines), len(want), strings.Join(lines, "\n"))
		}
		for i, w := range want {
			exp := w.id
			if lang == "en" {
				exp = w.en
			}
			if !strings.HasPrefix(lines[i], exp) {
				t.Errorf("%s line %d:\n got %s\nwant %s", lang, i, lines[i], exp)
			}
		}
	}
	// A kit without a bad value names the nearest key too.
	_, err = Parse("selaras.toml", []byte("[kit]\nnama = \"x\"\nlangauge = \"id\"\nwarna = \"biru\"\n"))
	if got := Message(err, "en"); got != "selaras.toml:2: kit.nama: unknown key; did you mean \"name\"?\n"+
		"selaras.toml:3: kit.langauge: unknown key; did you mean \"language\"?\nselaras.toml:4: kit.warna: unknown key" {
		t.Errorf("got:\n%s", got)
	}
}

// TestKitProblemsLinear: the lines of a kit's problems come from one pass
// over the kit: doubling the unknown keys and tables doubles the lines
// read (each key's line was found by reading the kit again: 10,000 keys
// took 14 s, 10,000 tables 52 s).
func TestKitProblemsLinear(t *testing.T) {
	read := func(n int) int64 {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "k%d = 1\n", i)
		}
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[[t%d]]\na = 1\n[u%d]\nb = 2\n", i, i)
		}
		before := locatorScanned.Load()
		_, err := Parse("selaras.toml", []byte(b.String()))
		if err == nil || strings.Count(err.Error(), "\n") != 3*n-1 {
			t.Fatalf("want %d problems, got %v", 3*n, err)
		}
		return locatorScanned.Load() - before
	}
	// Under maxKitProblems: every problem is located.
	a, b := read(30), read(60)
	if a == 0 || float64(b) > 2.2*float64(a) {
		t.Errorf("lines read: %d for 30 of each, %d for 60: not linear", a, b)
	}
	// Over it: the first are told, the rest counted.
	var src strings.Builder
	for i := 0; i < 40000; i++ {
		fmt.Fprintf(&src, "k%d = 1\n", i)
	}
	_, err := Parse("selaras.toml", []byte(src.String()))
	if msg := Message(err, "id"); strings.Count(msg, "\n") != maxKitProblems || !strings.HasSuffix(msg, "... dan 39800 masalah lain (200 yang pertama ditampilkan)") {
		t.Errorf("40,000 unknown keys: %d lines, ending %q", strings.Count(msg, "\n")+1, msg[max(0, len(msg)-80):])
	}
}

// TestKitQuotedDate: a quoted campaign date is told in plain words, once
// (not also as Go's time-parsing error), in both languages.
func TestKitQuotedDate(t *testing.T) {
	_, err := Parse("selaras.toml", []byte("[[campaigns]]\nhashtags = [\"#A\"]\nfrom = \"2025-09-25\"\nuntil = 2025-10-01\n"))
	for lang, want := range map[string]string{
		"id": "selaras.toml:3: campaigns.from: from adalah tanggal, ditulis tanpa tanda kutip: from = 2025-09-25",
		"en": "selaras.toml:3: campaigns.from: from is a date, written without quotes: from = 2025-09-25",
	} {
		if got := Message(err, lang); got != want {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, want)
		}
	}
}
