package hashtag_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/hashtag"
)

func TestMissing(t *testing.T)        { linttest.Run(t, "testdata/missing", hashtag.Missing) }
func TestCase(t *testing.T)           { linttest.Run(t, "testdata/case", hashtag.Case) }
func TestTypo(t *testing.T)           { linttest.Run(t, "testdata/typo", hashtag.Typo) }
func TestBanned(t *testing.T)         { linttest.Run(t, "testdata/banned", hashtag.Banned) }
func TestCount(t *testing.T)          { linttest.Run(t, "testdata/count", hashtag.Count) }
func TestMentionMissing(t *testing.T) { linttest.Run(t, "testdata/mention", hashtag.MentionMissing) }
func TestMalformed(t *testing.T)      { linttest.Run(t, "testdata/malformed", hashtag.Malformed) }

var all = []*lint.Rule{hashtag.Missing, hashtag.Case, hashtag.Typo, hashtag.Banned, hashtag.Count, hashtag.MentionMissing, hashtag.Malformed}

// TestExamples holds each rule to its documentation: the Bad example is
// reported, the Good one is not.
func TestExamples(t *testing.T) {
	for _, r := range all {
		t.Run(r.Name, func(t *testing.T) {
			bad, err := linttest.Check(r.Doc.Bad, r.Doc.Kit, r)
			if err != nil {
				t.Fatal(err)
			}
			if len(bad) == 0 {
				t.Errorf("Bad example %q: no finding", r.Doc.Bad)
			}
			good, err := linttest.Check(r.Doc.Good, r.Doc.Kit, r)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range good {
				t.Errorf("Good example %q: %s `%s`: %s", r.Doc.Good, f.Rule, f.Match, f.Message.EN)
			}
			if !r.Doc.Title.Complete() || !r.Doc.Why.Complete() || r.Doc.Severity == "" {
				t.Errorf("documentation incomplete")
			}
		})
	}
}

// TestMissingSources checks that the message names every source of a
// requirement, in both languages.
func TestMissingSources(t *testing.T) {
	kit := `[hashtags]
required = ["#BantenMaju"]
[accounts.dinkes]
hashtags = ["#BantenMaju", "#DinkesBanten"]
[platforms.instagram]
hashtags = ["#InfoBanten"]
[[campaigns]]
name = "HUT Banten ke-25"
hashtags = ["#HUTBanten25"]
from = 2025-09-25
until = 2025-10-10
`
	src := "+++\naccount = \"dinkes\"\nplatform = \"instagram\"\ndate = 2025-10-10\n+++\nHalo warga Banten.\n"
	fs, err := linttest.Check(src, kit, hashtag.Missing)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"#BantenMaju":   {"diwajibkan oleh kit dan akun dinkes)", "required by the kit and account dinkes)"},
		"#DinkesBanten": {"diwajibkan oleh akun dinkes)", "required by account dinkes)"},
		"#InfoBanten":   {"diwajibkan oleh platform instagram)", "required by platform instagram)"},
		"#HUTBanten25":  {`diwajibkan oleh kampanye "HUT Banten ke-25" yang berjalan 2025-09-25 s.d. 2025-10-10)`, `required by campaign "HUT Banten ke-25", running 2025-09-25 to 2025-10-10)`},
	}
	if len(fs) != len(want) {
		t.Errorf("%d findings, want %d: %v", len(fs), len(want), fs)
	}
	for _, f := range fs {
		w, ok := want[f.Match]
		if !ok {
			t.Errorf("unexpected finding %s", f.Match)
			continue
		}
		if !strings.HasSuffix(f.Message.ID, w[0]) || !strings.HasSuffix(f.Message.EN, w[1]) {
			t.Errorf("%s: message\n%q\n%q\nwant suffixes\n%q\n%q", f.Match, f.Message.ID, f.Message.EN, w[0], w[1])
		}
		if !f.FileLevel || f.Line != 0 || f.Fix == nil || f.Fix.Safe || !strings.HasSuffix(f.Fix.Replacement, f.Match) {
			t.Errorf("%s: want a file-level finding with an unsafe insert, got %+v", f.Match, f)
		}
	}
}

// TestFixes checks the edits the rules offer.
func TestFixes(t *testing.T) {
	kit := `[hashtags]
required = ["#BantenMaju"]
known = ["#SatuNarasiSeribuAksi"]
banned = ["#KominfoBanten"]
replace = { "#KominfoBanten" = "#DiskominfoBanten" }
`
	src := "Halo Banten#Warga. #bantenmaju #KominfoBanten #SatuNarasiSeribuAski #Satu-Narasi #bantenmaju\n"
	fs, err := linttest.Check(src, kit, all...)
	if err != nil {
		t.Fatal(err)
	}
	type fix struct {
		repl string
		safe bool
	}
	want := map[string]fix{
		"hashtag-malformed #Warga":           {" ", true},
		"hashtag-case #bantenmaju":           {"#BantenMaju", true},
		"hashtag-banned #KominfoBanten":      {"#DiskominfoBanten", true},
		"hashtag-typo #SatuNarasiSeribuAski": {"#SatuNarasiSeribuAksi", false},
		"hashtag-malformed #Satu-Narasi":     {"#SatuNarasi", false},
		"hashtag-count #bantenmaju":          {"", false},
	}
	got := map[string]fix{}
	for _, f := range fs {
		if f.Fix == nil {
			t.Errorf("%s %s: no fix", f.Rule, f.Match)
			continue
		}
		key := f.Rule + " " + f.Match
		if f.Rule == "hashtag-count" {
			if removed := src[f.Fix.Span.Start:f.Fix.Span.End]; removed != " #bantenmaju" || f.Fix.Span.End != len(src)-1 {
				t.Errorf("repeat fix removes %q at %v", removed, f.Fix.Span)
			}
		}
		if _, dup := got[key]; dup && key == "hashtag-case #bantenmaju" {
			continue // both spellings are fixed
		}
		got[key] = fix{f.Fix.Replacement, f.Fix.Safe}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: fix %+v, want %+v", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("fixes %v, want %v", got, want)
	}
}

// TestOddInput runs every rule over drafts with tags in odd places: none
// may panic (the engine turns a panic into an error) and positions stay
// inside the draft.
func TestOddInput(t *testing.T) {
	kitTOML := `[hashtags]
required = ["#BantenMaju"]
known = ["#ΣΑΣ", "#Élégante"]
banned = ["#KominfoBanten"]
replace = { "#KominfoBanten" = "#DiskominfoBanten" }
max = 1
[mentions]
required = ["@bantenprov"]
[[campaigns]]
hashtags = ["#HUTBanten25"]
from = 2025-01-01
until = 2025-12-31
`
	srcs := []string{
		"#", "#-", "##", "#\n", "a#", "a#b#c#d", "#Banten-", "#Banten--Maju", "#Banten-#Maju",
		"#Banten'", "Banten#", "#_", "#_-_", "#0-1", "#١٢٣", "#١٢٣ #BantenMaju",
		"#Bante\u0301n #Ba\u0301nten", "#🙂Banten", "#Banten🙂Maju", "#Banten\u200dMaju",
		"#" + strings.Repeat("a", 5000), "#" + strings.Repeat("é-", 2000),
		"@", "@.", "@bantenprov.", "x@bantenprov", "+++\ndate = 2025-06-01\n+++\n",
		"+++\ndate = 2025-06-01T23:59:59-12:00\n+++\n#hutbanten25 #HUTBanten25 #HUTBanten25",
		"\r\n#BantenMaju\r\n#bantenmaju\r\n", "<!-- #BantenMaju",
	}
	base, err := (&brandkit.Loader{}).Default()
	if err != nil {
		t.Fatal(err)
	}
	kit, err := brandkit.ParseOver(base, "odd.toml", []byte(kitTOML))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var inputs []lint.Input
	byPath := map[string]string{}
	for i, src := range srcs {
		name := fmt.Sprintf("odd%02d.md", i)
		byPath[name] = src
		inputs = append(inputs, lint.Input{Path: name, Abs: filepath.Join(dir, name), Root: dir, Data: []byte(src)})
	}
	res := (&lint.Engine{Rules: all, Kits: &brandkit.Loader{Fixed: kit}, Jobs: 2}).Run(inputs)
	for _, err := range res.Errors {
		t.Error(err)
	}
	n := 0
	for _, fr := range res.Files {
		src := byPath[fr.Path]
		for _, f := range fr.Findings {
			n++
			if f.Span.Start < 0 || f.Span.End > len(src) || f.Span.Start > f.Span.End {
				t.Errorf("%q: %s span %v outside the draft", src, f.Rule, f.Span)
			}
			if !f.Message.Complete() {
				t.Errorf("%q: %s message incomplete: %+v", src, f.Rule, f.Message)
			}
		}
	}
	if n < len(srcs) {
		t.Errorf("only %d findings in %d drafts: were they checked?", n, len(srcs))
	}
}
