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

// TestSenseEdges: an abbreviation at the very start or end of a post, or
// alone, is judged without panicking.
func TestSenseEdges(t *testing.T) {
	cases := map[string]int{
		"PKS":                        1,
		"#PKS":                       1,
		"PKS sawit":                  0,
		"naskah PKS":                 0,
		"naskah. PKS":                1,
		"Perjanjian Kerja Sama":      0,
		"PKS\nPerjanjian Kerja Sama": 0,
	}
	for src, want := range cases {
		got, err := linttest.Check(src, "", neutrality.Rule)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != want {
			t.Errorf("%q: %d findings, want %d: %v", src, len(got), want, got)
		}
	}
}
