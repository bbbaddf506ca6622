package linttest

import (
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
)

// wordRule reports "dalam rangka" with a safe fix that keeps the capital.
var wordRule = &lint.Rule{
	Name: "word-test",
	Check: func(p *lint.Pass) error {
		src := p.Draft.Source
		low := strings.ToLower(src)
		for i := 0; ; {
			j := strings.Index(low[i:], "dalam rangka")
			if j < 0 {
				return nil
			}
			s, e := i+j, i+j+len("dalam rangka")
			repl := "untuk"
			if src[s] == 'D' {
				repl = "Untuk"
			}
			p.Report(lint.Finding{Span: lint.Span{Start: s, End: e}, Match: src[s:e], Message: lint.Text{ID: "uji", EN: "test"},
				Fix: &lint.Fix{Span: lint.Span{Start: s, End: e}, Replacement: repl, Safe: true}})
			i = e
		}
	},
}

// TestRunWithGolden runs testdata/, whose drafts have golden files.
func TestRunWithGolden(t *testing.T) { Run(t, "testdata", wordRule) }

// TestFixSafe applies fixes in rounds and only with findings.
func TestFixSafe(t *testing.T) {
	got, err := FixSafe("testdata/fix.md", "Dalam rangka HUT.\n", nil, []*lint.Rule{wordRule})
	if err != nil || got != "Dalam rangka HUT.\n" {
		t.Fatalf("without findings nothing is fixed: %q %v", got, err)
	}
	fs, _ := Findings("testdata/fix.md", []byte("Dalam rangka HUT.\n"), []*lint.Rule{wordRule})
	got, err = FixSafe("testdata/fix.md", "Dalam rangka HUT.\n", fs, []*lint.Rule{wordRule})
	if err != nil || got != "Untuk HUT.\n" {
		t.Fatalf("got %q %v", got, err)
	}
}
