package term_test

import (
	"strings"
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
		// At a sentence start, a name after it makes it a title.
		{"Walikota Serang hadir.", "Walikota", "Wali Kota"},
		{"Walikota adalah kepala daerah.", "Walikota", "Wali kota"},
		{"Tugas walikota banyak.", "walikota", "wali kota"},
		{"Kami bertemu Walikota di balai kota.", "Walikota", "Wali Kota"},
		{"WALIKOTA SERANG hadir.", "WALIKOTA", "WALI KOTA"},
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

// TestSplitNames: an old name that split lists every successor, with the
// kit's own capitals, and its fix is not safe; a renamed one keeps a safe
// fix and says since when.
func TestSplitNames(t *testing.T) {
	got, err := linttest.Check("Kami ke Kementerian PUPR.", "", term.Rule)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d findings, want 1: %v", len(got), got)
	}
	f := got[0]
	want := []string{"Kementerian Pekerjaan Umum", "Kementerian Perumahan dan Kawasan Permukiman"}
	if strings.Join(f.Suggestions, "|") != strings.Join(want, "|") {
		t.Errorf("suggestions %q, want %q", f.Suggestions, want)
	}
	if f.Fix == nil || f.Fix.Safe {
		t.Errorf("fix %+v, want an unsafe fix", f.Fix)
	}
	for _, s := range []string{f.Message.ID, f.Message.EN} {
		if !strings.Contains(s, "Kementerian Perumahan dan Kawasan Permukiman") || !strings.Contains(s, "2024") {
			t.Errorf("message %q does not name the successors and the date", s)
		}
	}
	if !strings.Contains(f.Message.ID, "21 Oktober 2024") || !strings.Contains(f.Message.EN, "21 October 2024") {
		t.Errorf("message %+v: want the date in each language", f.Message)
	}

	got, err = linttest.Check("Kemendikbudristek membuka seleksi.", "", term.Rule)
	if err != nil || len(got) != 1 {
		t.Fatalf("%v %v", got, err)
	}
	if s := got[0].Suggestions; len(s) != 3 || s[1] != "Kementerian Pendidikan Tinggi, Sains, dan Teknologi" || s[0] != "Kementerian Pendidikan Dasar dan Menengah" {
		t.Errorf("suggestions %q", s)
	}

	got, err = linttest.Check("Kami ke Kementerian Kominfo.", "", term.Rule)
	if err != nil || len(got) != 1 {
		t.Fatalf("%v %v", got, err)
	}
	if f := got[0]; f.Fix == nil || !f.Fix.Safe || f.Fix.Replacement != "Kementerian Komunikasi dan Digital" {
		t.Errorf("renamed ministry: fix %+v, want a safe fix", f.Fix)
	}
}

// TestTitleSmallWords: a title-cased fix keeps "dan", "di" ... small, and
// a kit's capitals as written.
func TestTitleSmallWords(t *testing.T) {
	kit := `
[[terms]]
use = "wali kota dan wakil wali kota"
avoid = ["walikota dan wakil walikota"]
`
	got, err := linttest.Check("Kami bertemu Walikota dan Wakil Walikota Serang.", kit, term.Rule)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Fix == nil || got[0].Fix.Replacement != "Wali Kota dan Wakil Wali Kota" {
		t.Errorf("got %v, want one fix to %q", got, "Wali Kota dan Wakil Wali Kota")
	}
}

// TestSinceKit: `since` in a kit's own term, against drafts with and
// without a date.
func TestSinceKit(t *testing.T) {
	kit := `
[[terms]]
use = "Dinas Komunikasi dan Digital"
avoid = ["Diskominfo Serang"]
since = 2025-01-01
`
	cases := []struct {
		src  string
		want int
	}{
		{"Diskominfo Serang membuka layanan.", 1},
		{"+++\ndate = 2024-12-31\n+++\nDiskominfo Serang membuka layanan.", 0},
		{"+++\ndate = 2025-01-01\n+++\nDiskominfo Serang membuka layanan.", 1},
		{"+++\ndate = 2025-03-01T08:00:00+07:00\n+++\nDiskominfo Serang membuka layanan.", 1},
	}
	for _, c := range cases {
		got, err := linttest.Check(c.src, kit, term.Rule)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != c.want {
			t.Errorf("%q: %d findings, want %d: %v", c.src, len(got), c.want, got)
		}
	}
}
