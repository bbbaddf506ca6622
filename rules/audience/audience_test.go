package audience_test

import (
	"testing"

	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/audience"
)

func TestAudience(t *testing.T) {
	linttest.Run(t, "testdata", audience.Rule)
}

func TestDocExamples(t *testing.T) {
	r := audience.Rule
	bad, err := linttest.Check(r.Doc.Bad, r.Doc.Kit, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) == 0 {
		t.Errorf("the Bad example is not reported")
	}
	good, err := linttest.Check(r.Doc.Good, r.Doc.Kit, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(good) != 0 {
		t.Errorf("the Good example is reported: %v", good)
	}
}
