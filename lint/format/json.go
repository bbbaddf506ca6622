package format

import (
	"bytes"
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
	// More: how many further findings of the rule in the file this one
	// stands for (the kit's [rules] max_per_file); counted in the summary.
	More int `json:"more,omitempty"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// NotShown is how many of the counted findings the files list leaves
	// out (--max-findings); the counts above are always the totals.
	NotShown int `json:"not_shown,omitempty"`
}

// JSON writes the versioned JSON report. Columns count code points,
// end_column is exclusive; a file-level finding has line 0. Each file is
// encoded and written on its own, so that a large run's output is never
// held whole; the bytes are those encoding/json gives for jsonReport (a
// test holds them equal).
func JSON(w io.Writer, res *lint.Result, o Options) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	if _, err := io.WriteString(w, "{\n  \"version\": 1,\n  \"files\": ["); err != nil {
		return err
	}
	n := 0
	for _, fr := range res.Files {
		if len(fr.Findings) == 0 {
			continue
		}
		buf.Reset()
		if n > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n    ")
		if err := enc.Encode(jsonFileOf(fr, o.Lang)); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // the encoder's newline
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
		n++
	}
	tail := "]"
	if n > 0 {
		tail = "\n  ]"
	}
	e, wn, i := o.totals(res)
	sum, err := json.MarshalIndent(jsonSummary{Files: len(res.Files), Errors: e, Warnings: wn, Infos: i, NotShown: o.notShown(res)}, "  ", "  ")
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, tail+",\n  \"summary\": "+string(sum)+"\n}\n")
	return err
}

func jsonFileOf(fr *lint.FileResult, lang string) jsonFile {
	jf := jsonFile{Path: fr.Path, Findings: []jsonFinding{}}
	for _, f := range fr.Findings {
		sugg := f.Suggestions
		if sugg == nil {
			sugg = []string{}
		}
		jf.Findings = append(jf.Findings, jsonFinding{
			Rule: f.Rule, Severity: string(f.Severity),
			Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			Message: f.Message.In(lang), Match: f.Match, Suggestions: sugg, Region: f.Region, More: f.More,
		})
	}
	return jf
}
