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
