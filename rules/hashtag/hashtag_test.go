package hashtag_test

import (
	"testing"

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
