package jargon_test

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"testing"

	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/jargon"
)

// TestJargon runs the rule with the embedded default dictionary (and, in
// testdata/protect, a kit laid over it) on drafts with inline expectations.
func TestJargon(t *testing.T) {
	linttest.Run(t, "testdata", jargon.Rule)
}

func TestFixSafety(t *testing.T) {
	cases := []struct {
		src, match, repl string
		safe             bool
	}{
		{"Dalam rangka HUT, kami mengundang warga.", "Dalam rangka", "Untuk", true},
		{"Petugas melakukan pemeriksaan kendaraan.", "melakukan pemeriksaan", "memeriksa", true},
		// An inflected match takes the suggestion in its own voice; in a
		// phrase of several words the words around may need reordering.
		{"Kendaraan dilakukan pemeriksaan oleh petugas.", "dilakukan pemeriksaan", "diperiksa", false},
		{"Aturan itu diimplementasikan bulan depan.", "diimplementasikan", "dilaksanakan", false}, // two suggestions
		{"Pemda mengakselerasi pembangunan.", "mengakselerasi", "mempercepat", true},
		{"Akselerasinya lambat.", "Akselerasinya", "Percepatannya", true},
		// Two suggestions: the writer chooses.
		{"Program ini adalah merupakan prioritas.", "adalah merupakan", "adalah", false},
	}
	for _, c := range cases {
		got, err := linttest.Check(c.src, "", jargon.Rule)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Errorf("%q: %d findings, want 1", c.src, len(got))
			continue
		}
		f := got[0]
		if f.Match != c.match || f.Fix == nil || f.Fix.Replacement != c.repl || f.Fix.Safe != c.safe {
			t.Errorf("%q: match %q fix %+v; want %q -> %q safe=%v", c.src, f.Match, f.Fix, c.match, c.repl, c.safe)
		}
	}
}

func TestAcrossLines(t *testing.T) {
	cases := []struct {
		src   string
		match string // "" for none
	}{
		{"Kami hadir dalam\nrangka HUT Banten.", "dalam\nrangka"},
		{"Kami hadir dalam\r\nrangka HUT Banten.", "dalam\r\nrangka"},
		{"Kami hadir dalam\n\nrangka HUT Banten.", ""},
		{"Ini di dalam. Rangka atap rusak.", ""},
		{"Ini di dalam! Rangka atap rusak.", ""},
	}
	for _, c := range cases {
		got, err := linttest.Check(c.src, "", jargon.Rule)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case c.match == "" && len(got) != 0:
			t.Errorf("%q: unexpected %q", c.src, got[0].Match)
		case c.match != "" && (len(got) != 1 || got[0].Match != c.match):
			t.Errorf("%q: got %v, want one finding %q", c.src, got, c.match)
		}
	}
}

// TestDefaultDictionary holds the embedded dictionary to its promises:
// enough entries, each with a note, each found when written as listed, and
// no phrase the term rule's standard spellings already report.
func TestDefaultDictionary(t *testing.T) {
	var l brandkit.Loader
	kit, err := l.Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(kit.Jargon); n < 150 {
		t.Errorf("default dictionary has %d entries, want at least 150", n)
	}
	avoid := map[string]string{}
	for _, term := range kit.Terms {
		for _, a := range term.Avoid {
			avoid[lint.Normalize(a)] = term.Use
		}
	}
	inputs := make([]lint.Input, len(kit.Jargon))
	dir := t.TempDir()
	for i, e := range kit.Jargon {
		if strings.TrimSpace(e.Note) == "" || !strings.HasSuffix(e.Note, ".") {
			t.Errorf("jargon[%d] %q: the note must be a sentence ending in a full stop: %q", i, e.Phrase, e.Note)
		}
		if use, dup := avoid[lint.Normalize(e.Phrase)]; dup {
			t.Errorf("jargon[%d] %q is also a term to avoid (use %q): it would be reported twice", i, e.Phrase, use)
		}
		p := filepath.Join(dir, fmt.Sprintf("%03d.md", i))
		text := "Kami menulis " + e.Phrase + " di sini."
		if len(e.NotBefore) > 0 {
			// An entry with context after it: a noun phrase follows.
			text = "Kami menulis " + e.Phrase + " jadwal pelayanan di sini."
		}
		inputs[i] = lint.Input{Path: p, Abs: p, Root: dir, Data: []byte(text)}
	}
	// One engine run over one draft per entry: each must be found as listed.
	eng := &lint.Engine{Rules: []*lint.Rule{jargon.Rule}, Kits: &brandkit.Loader{Fixed: kit}, Jobs: 1}
	res := eng.Run(inputs)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	found := map[string]bool{}
	for _, fr := range res.Files {
		for _, f := range fr.Findings {
			found[fr.Path+"\x00"+lint.Normalize(f.Match)] = true
		}
	}
	for i, e := range kit.Jargon {
		if !found[inputs[i].Path+"\x00"+lint.Normalize(e.Phrase)] {
			t.Errorf("jargon[%d] %q is not found when written as listed", i, e.Phrase)
		}
	}
}
