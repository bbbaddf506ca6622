package format

import (
	"encoding/json"
	"io"

	"github.com/selaras/selaras/lint"
)

func init() { Register("gitlab", GitLab) }

// GitLab Code Quality report: a JSON array of issues (the Code Climate
// shape GitLab reads from `artifacts: reports: codequality`).
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// gitlabSeverity maps a severity to GitLab's scale (info, minor, major,
// critical, blocker): selaras's error is major, warning minor, info info;
// critical and blocker are left for security tools.
func gitlabSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}

// GitLab writes a GitLab Code Quality report. GitLab shows lines only; a
// finding about a whole file (or an image) is put on line 1. Fingerprints
// are stable across edits elsewhere in the file (rule, path, matched text,
// occurrence), and GitLab collapses issues with the same one.
func GitLab(w io.Writer, res *lint.Result, o Options) error {
	out := []gitlabIssue{}
	for _, fr := range res.Files {
		fps := fingerprints(fr)
		for i, f := range fr.Findings {
			lines := gitlabLines{Begin: 1}
			if hasPosition(f) {
				lines = gitlabLines{Begin: f.Line, End: f.EndLine}
			}
			out = append(out, gitlabIssue{
				Description: plainMessage(f, o.Lang),
				CheckName:   f.Rule,
				Fingerprint: fps[i],
				Severity:    gitlabSeverity(f.Severity),
				Location:    gitlabLocation{Path: slashPath(fr.Path), Lines: lines},
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
