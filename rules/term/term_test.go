package term_test

import (
	"testing"

	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/term"
)

func TestTerm(t *testing.T) {
	linttest.Run(t, "testdata", term.Rule)
}

func TestFixes(t *testing.T) {
	kit := `
[[terms]]
use = "Provinsi Banten"
avoid = ["Propinsi Banten"]
case_sensitive = true
`
	cases := []struct{ src, match, repl string }{
		{"Praktek baik ini kami bagikan.", "Praktek", "Praktik"},
		{"Ini praktek baik.", "praktek", "praktik"},
		{"PROPINSI terdekat.", "PROPINSI", "PROVINSI"},
		{"Kami bertemu Walikota Serang.", "Walikota", "Wali Kota"},
		{"Walikota Serang hadir.", "Walikota", "Wali kota"},
		{"Warga propinsi Banten hadir.", "propinsi Banten", "Provinsi Banten"},
		{"Warga provinsi banten hadir.", "provinsi banten", "Provinsi Banten"},
		{"Kami ke Kementerian Kominfo.", "Kementerian Kominfo", "Kementerian Komunikasi dan Digital"},
		{"Daftar e-KTP sekarang.", "e-KTP", "KTP-el"},
		{"Resikonya tinggi.", "Resikonya", "Risikonya"},
		{"Kami tahu resikonya.", "resikonya", "risikonya"},
	}
	for _, c := range cases {
		got, err := linttest.Check(c.src, kit, term.Rule)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Errorf("%q: %d findings, want 1: %v", c.src, len(got), got)
			continue
		}
		f := got[0]
		if f.Match != c.match || f.Fix == nil || f.Fix.Replacement != c.repl || !f.Fix.Safe {
			t.Errorf("%q: match %q fix %+v, want %q -> %q (safe)", c.src, f.Match, f.Fix, c.match, c.repl)
		}
		if len(f.Suggestions) != 1 || f.Suggestions[0] != c.repl {
			t.Errorf("%q: suggestions %q, want [%q]", c.src, f.Suggestions, c.repl)
		}
		if f.Message.ID == "" || f.Message.EN == "" {
			t.Errorf("%q: message missing a language: %+v", c.src, f.Message)
		}
	}
}

func TestDocExamples(t *testing.T) {
	bad, err := linttest.Check(term.Rule.Doc.Bad, term.Rule.Doc.Kit, term.Rule)
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) == 0 {
		t.Error("the Bad example is not reported")
	}
	good, err := linttest.Check(term.Rule.Doc.Good, term.Rule.Doc.Kit, term.Rule)
	if err != nil {
		t.Fatal(err)
	}
	if len(good) != 0 {
		t.Errorf("the Good example is reported: %v", good)
	}
}

// TestOddTerms: terms with odd content never panic; punctuation a term
// holds must be written as it is ("Prov. Banten" is found, "Prov Banten"
// and "Prov, Banten" are not), and a term of punctuation only never
// matches.
func TestOddTerms(t *testing.T) {
	kit := `
[[terms]]
use = "x"
avoid = ["!!!", "Prov. Banten"]
`
	got, err := linttest.Check("Ini !!! dan Prov. Banten. Juga Prov Banten, Prov, Banten.", kit, term.Rule)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Match != "Prov. Banten" {
		for _, f := range got {
			t.Errorf("got %q", f.Match)
		}
		t.Errorf("want one finding, Prov. Banten; got %d", len(got))
	}
}

// TestOddText: unusual letters and case folding never break the rule.
func TestOddText(t *testing.T) {
	for _, src := range []string{
		"\u212Aresikonya İSTANBUL ǅ propinsı PROPİNSİ", // Kelvin sign, dotted/dotless i
		"resiko\u0301nya ﬁkir",                         // combining mark, ligature
		"nya ku mu lah kah",
	} {
		if _, err := linttest.Check(src, "", term.Rule); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}
