package claim_test

import (
	"testing"

	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/claim"
)

func TestClaimSource(t *testing.T) {
	linttest.Run(t, "testdata", claim.Rule)
}

func TestDocExamples(t *testing.T) {
	r := claim.Rule
	bad, err := linttest.Check(r.Doc.Bad, r.Doc.Kit, r)
	if err != nil || len(bad) != 1 || bad[0].Match != "18,2%" || bad[0].Message.EN == bad[0].Message.ID {
		t.Errorf("Bad example: %v %+v", err, bad)
	} else if want := `figure "18,2%" (and 2 more) without a source`; bad[0].Message.EN[:len(want)] != want {
		t.Errorf("English message: %q", bad[0].Message.EN)
	}
	good, err := linttest.Check(r.Doc.Good, r.Doc.Kit, r)
	if err != nil || len(good) != 0 {
		t.Errorf("Good example: %v %+v", err, good)
	}
}
