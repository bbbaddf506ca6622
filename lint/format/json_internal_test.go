package format

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/selaras/selaras/lint"
)

// JSON writes file by file; the bytes must be exactly what encoding/json
// prints for the whole jsonReport (the contract's shape and layout).
func TestJSONStreamedMatchesEncoder(t *testing.T) {
	finding := func(rule string, sev lint.Severity, line int) lint.Finding {
		return lint.Finding{Rule: rule, Severity: sev, Line: line, Column: 2, EndLine: line, EndColumn: 9, Match: "<b>&",
			Message: lint.Text{ID: "pesan \"kutip\" <b> \u2028", EN: "message"}}
	}
	withRegion := finding("image-logo", lint.Info, 0)
	withRegion.Region = &lint.Region{X: 1, Y: 2, Width: 3, Height: 4}
	withRegion.Suggestions = []string{"a", "b"}
	cases := map[string]*lint.Result{
		"nothing": {},
		"clean":   {Files: []*lint.FileResult{{Path: "a.md"}, {Path: "b.md"}}},
		"mixed": {Files: []*lint.FileResult{
			{Path: "a.md"},
			{Path: "b c.md", Findings: []lint.Finding{finding("jargon", lint.Warning, 3), finding("term", lint.Error, 4)}},
			{Path: "c.md"},
			{Path: "poster.png", Kind: lint.KindImage, Findings: []lint.Finding{withRegion}},
		}},
	}
	for name, res := range cases {
		for _, lang := range []string{"id", "en"} {
			rep := jsonReport{Version: 1, Files: []jsonFile{}}
			for _, fr := range res.Files {
				if len(fr.Findings) > 0 {
					rep.Files = append(rep.Files, jsonFileOf(fr, lang))
				}
			}
			e, w, i := res.Counts()
			rep.Summary = jsonSummary{Files: len(res.Files), Errors: e, Warnings: w, Infos: i}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(rep); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := JSON(&got, res, Options{Lang: lang}); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s/%s: streamed JSON differs\n got: %s\nwant: %s", name, lang, got.String(), want.String())
			}
		}
	}
}
