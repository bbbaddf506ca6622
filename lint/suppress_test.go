package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/linttest"
)

// wordRule reports the words "sinergitas" and "rangka", as a stand-in for
// a real rule (the engine never depends on one).
var wordRule = &lint.Rule{
	Name: "word-test",
	Check: func(p *lint.Pass) error {
		for _, t := range p.Draft.Tokens {
			if t.Kind == lint.TokWord && (t.Lower == "sinergitas" || t.Lower == "rangka") {
				p.ReportSpan(t.Start, t.End, lint.Text{ID: "kata uji", EN: "test word"})
			}
		}
		return nil
	},
}

// TestSuppress checks lint/testdata/suppress/*.md, whose inline
// expectations say what is left after the ignores; unused*.md run with
// --report-unused-ignores.
func TestSuppress(t *testing.T) {
	files, _ := filepath.Glob("testdata/suppress/*.md")
	if len(files) == 0 {
		t.Fatal("no test drafts")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src, wants, err := linttest.Strip(string(raw))
			if err != nil {
				t.Fatal(err)
			}
			abs, _ := filepath.Abs(file)
			eng := &lint.Engine{Rules: []*lint.Rule{wordRule}, Kits: &brandkit.Loader{}, Jobs: 1,
				ReportUnusedIgnores: strings.HasPrefix(filepath.Base(file), "unused")}
			res := eng.Run([]lint.Input{{Path: file, Abs: abs, Root: filepath.Dir(abs), Data: []byte(src)}})
			if len(res.Errors) > 0 {
				t.Fatal(res.Errors)
			}
			var got, want []string
			for _, fr := range res.Files {
				for _, f := range fr.Findings {
					got = append(got, fmt.Sprintf("%d %s `%s`", f.Line, f.Rule, f.Match))
				}
			}
			for _, w := range wants {
				want = append(want, fmt.Sprintf("%d %s `%s`", w.Line, w.Rule, w.Match))
			}
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestIgnoreMatches(t *testing.T) {
	f := lint.Finding{Rule: "jargon", Match: "Dalam  rangka"}
	for _, tc := range []struct {
		ig   lint.Ignore
		want bool
	}{
		{lint.Ignore{Rule: "jargon"}, true},
		{lint.Ignore{Rule: "jargon", Match: "dalam rangka"}, true},
		{lint.Ignore{Rule: "jargon", Match: "dalam"}, false},
		{lint.Ignore{Rule: "term", Match: "dalam rangka"}, false},
	} {
		if got := lint.IgnoreMatches(tc.ig, f); got != tc.want {
			t.Errorf("%+v: %v, want %v", tc.ig, got, tc.want)
		}
	}
	if lint.IgnoreMatches(lint.Ignore{Rule: "ignore-reason"}, lint.Finding{Rule: "ignore-reason"}) {
		t.Error("an ignore silenced a finding about ignores")
	}
}
