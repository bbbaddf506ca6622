package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
)

// wordRule reports every occurrence of a word, for engine tests.
func wordRule(name, word string, sev Severity) *Rule {
	return &Rule{Name: name, Doc: Doc{Severity: sev}, Check: func(p *Pass) error {
		for _, t := range p.Draft.Tokens {
			if t.Lower == word {
				p.ReportSpan(t.Start, t.End, Text{ID: "x", EN: "x"})
			}
		}
		return nil
	}}
}

func kitFrom(t *testing.T, src string) *brandkit.Kit {
	t.Helper()
	k, err := brandkit.Parse("test.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestEngineOrderIsStable(t *testing.T) {
	var inputs []Input
	for i := 0; i < 200; i++ {
		name := fmt.Sprintf("d%03d.md", (i*37)%200)
		inputs = append(inputs, Input{Path: name, Abs: "/t/" + name, Root: "/t", Data: []byte("halo\nsatu halo dua halo")})
	}
	eng := &Engine{Rules: []*Rule{wordRule("halo-rule", "halo", Warning)}, Kits: &brandkit.Loader{Fixed: kitFrom(t, "")}, Jobs: 8}
	res := eng.Run(inputs)
	if len(res.Files) != 200 {
		t.Fatalf("%d files", len(res.Files))
	}
	for i, fr := range res.Files {
		if want := fmt.Sprintf("d%03d.md", i); fr.Path != want {
			t.Fatalf("file %d is %s, want %s", i, fr.Path, want)
		}
		var pos []string
		for _, f := range fr.Findings {
			pos = append(pos, fmt.Sprintf("%d:%d-%d:%d", f.Line, f.Column, f.EndLine, f.EndColumn))
		}
		if got := strings.Join(pos, " "); got != "1:1-1:5 2:6-2:10 2:15-2:19" {
			t.Fatalf("%s: positions %s", fr.Path, got)
		}
	}
}

func TestSeverityAndDisable(t *testing.T) {
	rules := []*Rule{wordRule("a-rule", "halo", Warning), wordRule("b-rule", "halo", Info)}
	in := []Input{{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte("halo")}}
	kit := kitFrom(t, "[rules]\ndisable = [\"b-rule\"]\nseverity = { a-rule = \"error\" }\n")
	res := (&Engine{Rules: rules, Kits: &brandkit.Loader{Fixed: kit}}).Run(in)
	fs := res.Files[0].Findings
	if len(fs) != 1 || fs[0].Rule != "a-rule" || fs[0].Severity != Error {
		t.Fatalf("findings: %+v", fs)
	}
}

func TestBrokenRuleIsAnErrorNotACrash(t *testing.T) {
	boom := &Rule{Name: "boom", Doc: Doc{Severity: Error}, Check: func(p *Pass) error { panic("index out of range") }}
	res := (&Engine{Rules: []*Rule{boom}, Kits: &brandkit.Loader{Fixed: kitFrom(t, "")}}).Run(
		[]Input{{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte("halo")}})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "a.md: rule boom failed") {
		t.Fatalf("errors: %v", res.Errors)
	}
}

func TestUnreadableAndTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxDraftBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	eng := &Engine{Kits: &brandkit.Loader{Fixed: kitFrom(t, "")}}
	res := eng.Run([]Input{
		{Path: "big.md", Abs: big, Root: dir},
		{Path: "gone.md", Abs: filepath.Join(dir, "gone.md"), Root: dir},
	})
	for _, fr := range res.Files {
		if len(fr.Findings) != 1 || fr.Findings[0].Rule != "draft-unreadable" || fr.Findings[0].Line != 0 {
			t.Errorf("%s: %+v", fr.Path, fr.Findings)
		}
	}
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/x.md", "a/y.txt", "a/z.png", "a/skip.pdf", ".hidden/h.md", "a/.git/g.md", "b/c/d.md"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("halo"), 0o644)
	}
	// A loop: b/c/up points back at b.
	if err := os.Symlink(filepath.Join(dir, "b"), filepath.Join(dir, "b/c/up")); err != nil {
		t.Skip("no symlinks:", err)
	}
	ins, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range ins {
		rel, _ := filepath.Rel(dir, in.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	if strings.Join(got, " ") != "a/x.md a/y.txt a/z.png b/c/d.md" {
		t.Errorf("collected %v", got)
	}
	if _, err := Collect([]string{filepath.Join(dir, "nope")}); err == nil || !strings.Contains(err.Error(), "nope: no such file") {
		t.Errorf("missing path: %v", err)
	}
}

func TestContentRootIsTheKitFolder(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "prov/dinkes"), 0o755)
	os.WriteFile(filepath.Join(dir, "prov/selaras.toml"), []byte("[kit]\nname = \"p\"\n"), 0o644)
	draft := filepath.Join(dir, "prov/dinkes/a.md")
	src := "![a](../aset/logo.png) ![b](../../luar.png)"
	var refs []ImageRef
	spy := &Rule{Name: "spy", Doc: Doc{Severity: Info}, Check: func(p *Pass) error { refs = p.Draft.Images; return nil }}
	(&Engine{Rules: []*Rule{spy}, Kits: &brandkit.Loader{}}).Run([]Input{{Path: "a.md", Abs: draft, Root: filepath.Dir(draft), Data: []byte(src)}})
	if len(refs) != 2 || refs[0].Escapes || !refs[1].Escapes {
		t.Errorf("images: %+v", refs)
	}
}

func TestUnknownPlatform(t *testing.T) {
	kit := kitFrom(t, "[platforms.instagram]\ncaption_max = 2200\n")
	res := (&Engine{Kits: &brandkit.Loader{Fixed: kit}}).Run([]Input{
		{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte("+++\nplatform = \"instagam\"\n+++\nHalo")},
		{Path: "b.md", Abs: "/t/b.md", Root: "/t", Data: []byte("+++\nplatform = \"instagram\"\n+++\nHalo")},
	})
	a := res.Files[0].Findings
	if len(a) != 1 || a[0].Rule != "draft-front-matter" || a[0].Line != 2 || a[0].Column != 13 || a[0].Match != "instagam" {
		t.Errorf("a.md: %+v", a)
	}
	if b := res.Files[1].Findings; len(b) != 0 {
		t.Errorf("b.md: %+v", b)
	}
}

func TestUnknownAccount(t *testing.T) {
	kit := kitFrom(t, "[accounts.dinkes]\nname = \"Dinas Kesehatan\"\n[accounts.dishub]\n")
	res := (&Engine{Kits: &brandkit.Loader{Fixed: kit}}).Run([]Input{
		{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte("+++\naccount = \"dinkess\"\n+++\nHalo")},
		{Path: "b.md", Abs: "/t/b.md", Root: "/t", Data: []byte("+++\naccount = \"dinkes\"\n+++\nHalo")},
		{Path: "c.md", Abs: "/t/c.md", Root: "/t", Data: []byte("Halo tanpa front matter")},
	})
	a := res.Files[0].Findings
	if len(a) != 1 || a[0].Rule != "draft-front-matter" || a[0].Line != 2 || a[0].Column != 12 || a[0].Match != "dinkess" ||
		!strings.Contains(a[0].Message.ID, "dinkes, dishub") || !strings.Contains(a[0].Message.EN, "dinkes, dishub") {
		t.Errorf("a.md: %+v", a)
	}
	if len(res.Files[1].Findings)+len(res.Files[2].Findings) != 0 {
		t.Errorf("known or no account: %+v %+v", res.Files[1].Findings, res.Files[2].Findings)
	}
	// A kit without accounts takes any name.
	free := (&Engine{Kits: &brandkit.Loader{Fixed: kitFrom(t, "")}}).Run([]Input{
		{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte("+++\naccount = \"apa-saja\"\n+++\nHalo")},
	})
	if f := free.Files[0].Findings; len(f) != 0 {
		t.Errorf("kit without accounts: %+v", f)
	}
}

func TestRunKeepsOnlyQuotedLines(t *testing.T) {
	in := []Input{{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte("satu\nhalo dua\ntiga\nempat\nlima\nhalo")}}
	rule := wordRule("halo-rule", "halo", Warning)
	res := (&Engine{Rules: []*Rule{rule}, Kits: &brandkit.Loader{Fixed: kitFrom(t, "")}}).Run(in)
	fr := res.Files[0]
	if fr.Draft != nil {
		t.Fatal("the draft should be dropped after the run")
	}
	if fr.Line(2) != "halo dua" || fr.Line(6) != "halo" || fr.LineStart(2) != 5 {
		t.Errorf("kept lines: %q %q start %d", fr.Line(2), fr.Line(6), fr.LineStart(2))
	}
	// The lines around a finding's line are kept for the baseline.
	if fr.Line(1) != "satu" || fr.Line(3) != "tiga" || fr.Line(5) != "lima" {
		t.Errorf("neighbours: %q %q %q", fr.Line(1), fr.Line(3), fr.Line(5))
	}
	if fr.Line(4) != "" || fr.LineStart(4) != -1 {
		t.Error("lines no finding points at or next to are not kept")
	}
	kept := (&Engine{Rules: []*Rule{rule}, Kits: &brandkit.Loader{Fixed: kitFrom(t, "")}, KeepDrafts: true}).Run(in)
	if kept.Files[0].Draft == nil || kept.Files[0].Line(1) != "satu" {
		t.Error("KeepDrafts keeps the whole draft")
	}
}

// A reason told in both languages (a staged file read through git) keeps
// both in the draft-unreadable finding.
func TestUnreadableKeepsBothLanguages(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", &TextError{Text{ID: "lebih besar dari 8 MiB, bukan draf", EN: "larger than 8 MiB, not a draft"}})
	got := unreadable(err)
	if got.ID != "tidak bisa dibaca: lebih besar dari 8 MiB, bukan draf" || got.EN != "cannot be read: larger than 8 MiB, not a draft" {
		t.Errorf("unreadable: %+v", got)
	}
}
