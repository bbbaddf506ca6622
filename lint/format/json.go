package format

import (
	"encoding/json"
	"io"

	"github.com/selaras/selaras/lint"
)

func init() { Register("json", JSON) }

// The JSON shapes are a stable contract (DESIGN.md): add fields, never
// rename or remove them.
type jsonReport struct {
	Version int         `json:"version"`
	Files   []jsonFile  `json:"files"`
	Summary jsonSummary `json:"summary"`
}

type jsonFile struct {
	Path     string        `json:"path"`
	Findings []jsonFinding `json:"findings"`
}

type jsonFinding struct {
	Rule        string       `json:"rule"`
	Severity    string       `json:"severity"`
	Line        int          `json:"line"`
	Column      int          `json:"column"`
	EndLine     int          `json:"end_line"`
	EndColumn   int          `json:"end_column"`
	Message     string       `json:"message"`
	Match       string       `json:"match"`
	Suggestions []string     `json:"suggestions"`
	Region      *lint.Region `json:"region,omitempty"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// JSON writes the versioned JSON report. Columns count code points,
// end_column is exclusive; a file-level finding has line 0.
func JSON(w io.Writer, res *lint.Result, o Options) error {
	rep := jsonReport{Version: 1, Files: []jsonFile{}}
	for _, fr := range res.Files {
		if len(fr.Findings) == 0 {
			continue
		}
		jf := jsonFile{Path: fr.Path, Findings: []jsonFinding{}}
		for _, f := range fr.Findings {
			sugg := f.Suggestions
			if sugg == nil {
				sugg = []string{}
			}
			jf.Findings = append(jf.Findings, jsonFinding{
				Rule: f.Rule, Severity: string(f.Severity),
				Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
				Message: f.Message.In(o.Lang), Match: f.Match, Suggestions: sugg, Region: f.Region,
			})
		}
		rep.Files = append(rep.Files, jf)
	}
	e, wn, i := res.Counts()
	rep.Summary = jsonSummary{Files: len(res.Files), Errors: e, Warnings: wn, Infos: i}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
