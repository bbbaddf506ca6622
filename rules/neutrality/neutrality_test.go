package neutrality_test

import (
	"testing"

	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/neutrality"
)

func TestNeutrality(t *testing.T) {
	linttest.Run(t, "testdata", neutrality.Rule)
}

func TestDocExamples(t *testing.T) {
	r := neutrality.Rule
	bad, err := linttest.Check(r.Doc.Bad, r.Doc.Kit, r)
	if err != nil || len(bad) == 0 {
		t.Errorf("Bad example not reported: %v", err)
	}
	good, err := linttest.Check(r.Doc.Good, r.Doc.Kit, r)
	if err != nil || len(good) != 0 {
		t.Errorf("Good example reported: %v %+v", err, good)
	}
}
