package tone_test

import (
	"testing"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/tone"
)

func TestTone(t *testing.T) {
	linttest.Run(t, "testdata", tone.Passive, tone.SentenceLength, tone.Shouting, tone.Exclamation, tone.Interaction)
}

// TestDocExamples holds each rule to its documentation: the Bad example
// is reported, the Good one is not.
func TestDocExamples(t *testing.T) {
	for _, r := range []*lint.Rule{tone.Passive, tone.SentenceLength, tone.Shouting, tone.Exclamation, tone.Interaction} {
		bad, err := linttest.Check(r.Doc.Bad, r.Doc.Kit, r)
		if err != nil {
			t.Fatal(err)
		}
		if len(bad) == 0 {
			t.Errorf("%s: the Bad example is not reported", r.Name)
		}
		good, err := linttest.Check(r.Doc.Good, r.Doc.Kit, r)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range good {
			t.Errorf("%s: the Good example is reported: %s", r.Name, f.Message.EN)
		}
	}
}

// TestShoutingEdges: definitions and labels at the edges of a post never
// panic, and a lone label is silent.
func TestShoutingEdges(t *testing.T) {
	cases := map[string]int{
		"(":                     0,
		"PENGUMUMAN":            0,
		"PENGUMUMAN:":           0,
		"(BIAN":                 0, // an opening label
		"BIAN (":                1,
		"Bulan Imunisasi (BIAN": 1,
		"x (BIAN)":              1,
		"Anak Nasional (AN)":    0,
		"📢":                     0,
		"[HOAKS]":               0,
	}
	for src, want := range cases {
		got, err := linttest.Check(src, "", tone.Shouting)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != want {
			t.Errorf("%q: %d findings, want %d: %v", src, len(got), want, got)
		}
	}
}
