package format

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/selaras/selaras/lint"
)

func init() { Register("sarif", SARIF) }

// SARIF 2.1.0, the subset GitHub code scanning reads. The shapes are
// written by hand (as most linters do) so that the output stays small and
// exactly what we test.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// sarifFingerprintKey names selaras's partial fingerprint; the "/v1"
	// changes if the way it is computed ever does.
	sarifFingerprintKey = "selarasFinding/v1"
	infoURI             = "https://github.com/selaras/selaras"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning. Columns count
// UTF-16 code units (declared in columnKind), endColumn is exclusive. A
// finding about a whole file (or an image) points at line 1 without
// columns, since GitHub needs a start line; an image region is added to the
// message and to the result's properties.
func SARIF(w io.Writer, res *lint.Result, o Options) error {
	lang := o.Lang
	driver := sarifDriver{Name: "selaras", Version: o.Version, InformationURI: infoURI, Rules: []sarifRule{}}
	if isSemver(o.Version) {
		driver.SemanticVersion = o.Version
	}
	index := map[string]int{}
	addRule := func(r *lint.Rule) {
		if _, ok := index[r.Name]; ok {
			return
		}
		index[r.Name] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleFor(r, lang))
	}
	for _, r := range o.Rules {
		addRule(r)
	}
	results := []sarifResult{}
	for _, fr := range res.Files {
		fps := fingerprints(fr)
		cols := newUTF16Cols(fr)
		for i, f := range fr.Findings {
			if _, ok := index[f.Rule]; !ok {
				// A finding of a rule not in the list (should not happen):
				// still a valid log, with a minimal descriptor.
				addRule(&lint.Rule{Name: f.Rule, Doc: lint.Doc{Title: lint.Text{ID: f.Rule, EN: f.Rule}, Why: lint.Text{ID: f.Rule, EN: f.Rule}, Severity: f.Severity}})
			}
			loc := sarifPhysical{ArtifactLocation: sarifArtifactFor(fr.Path)}
			if hasPosition(f) {
				loc.Region = &sarifRegion{
					StartLine:   f.Line,
					StartColumn: cols.col(f.Line, f.Column),
					EndLine:     f.EndLine,
					EndColumn:   cols.col(f.EndLine, f.EndColumn),
				}
			} else {
				loc.Region = &sarifRegion{StartLine: 1}
			}
			props := map[string]any{}
			if f.Match != "" {
				props["match"] = f.Match
			}
			if len(f.Suggestions) > 0 {
				props["suggestions"] = f.Suggestions
			}
			if f.Region != nil {
				props["imageRegion"] = f.Region
			}
			if len(props) == 0 {
				props = nil
			}
			results = append(results, sarifResult{
				RuleID:              f.Rule,
				RuleIndex:           index[f.Rule],
				Level:               sarifLevel(f.Severity),
				Message:             sarifText{Text: plainMessage(f, lang)},
				Locations:           []sarifLocation{{PhysicalLocation: loc}},
				PartialFingerprints: map[string]string{sarifFingerprintKey: fps[i]},
				Properties:          props,
			})
		}
	}
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{{
		Tool: sarifTool{Driver: driver}, Results: results, ColumnKind: "utf16CodeUnits",
	}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifArtifactFor turns a result path into an artifact location: a
// relative URI against the source root, or a file URI for an absolute
// path.
func sarifArtifactFor(p string) sarifArtifact {
	sp := slashPath(p)
	if path.IsAbs(sp) || (len(sp) > 2 && sp[1] == ':' && sp[2] == '/') {
		if !strings.HasPrefix(sp, "/") {
			sp = "/" + sp
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: sp}).String()}
	}
	return sarifArtifact{URI: (&url.URL{Path: sp}).EscapedPath(), URIBaseID: "%SRCROOT%"}
}

func sarifRuleFor(r *lint.Rule, lang string) sarifRule {
	d := r.Doc
	sev := d.Severity
	if sev == "" {
		sev = lint.Warning
	}
	short := d.Title.In(lang)
	full := d.Why.In(lang)
	if full == "" {
		full = short
	}
	return sarifRule{
		ID:                   r.Name,
		Name:                 ruleCamel(r.Name),
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifHelp{Text: helpText(r, lang), Markdown: helpMarkdown(r, lang)},
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(sev)},
		Properties:           map[string]any{"tags": []string{"selaras", "brand"}},
	}
}

// ruleCamel is the rule's name in the CamelCase SARIF suggests for
// reportingDescriptor.name: "hashtag-missing" -> "HashtagMissing".
func ruleCamel(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// moreHelp points from an alert to the full documentation.
var moreHelp = lint.Text{ID: "Selengkapnya: selaras explain %s", EN: "More: selaras explain %s"}

func heading(key, lang string) string { return lint.DocHeadings[key].In(lang) }

func fixLine(d lint.Doc, lang string) string {
	fix := d.Fix.In(lang)
	if fix == "" {
		return ""
	}
	if _, ok := lint.DocHeadings[d.FixSafety]; ok {
		fix += " (" + heading(d.FixSafety, lang) + ")"
	}
	return fix
}

// helpText is the rule's documentation as `selaras explain` prints it,
// with a pointer to that command.
func helpText(r *lint.Rule, lang string) string {
	return r.Explain(lang) + "\n" + fmt.Sprintf(moreHelp.In(lang), r.Name) + "\n"
}

// helpMarkdown is the same documentation as Markdown (GitHub shows it in
// the alert).
func helpMarkdown(r *lint.Rule, lang string) string {
	d := r.Doc
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** — %s\n\n### %s\n\n%s\n", r.Name, d.Title.In(lang), heading("why", lang), d.Why.In(lang))
	if d.Bad != "" {
		fmt.Fprintf(&b, "\n### %s\n\n%s", heading("bad", lang), fence(printableExample(d.Bad)))
	}
	if d.Good != "" {
		fmt.Fprintf(&b, "\n### %s\n\n%s", heading("good", lang), fence(printableExample(d.Good)))
	}
	if fix := fixLine(d, lang); fix != "" {
		fmt.Fprintf(&b, "\n### %s\n\n%s\n", heading("fix", lang), fix)
	}
	if len(d.KitKeys) > 0 {
		keys := make([]string, len(d.KitKeys))
		for i, k := range d.KitKeys {
			keys[i] = "`" + k + "`"
		}
		fmt.Fprintf(&b, "\n%s: %s\n", heading("keys", lang), strings.Join(keys, ", "))
	}
	if d.Kit != "" {
		fmt.Fprintf(&b, "\n### %s\n\n%s", heading("kit", lang), strings.Replace(fence(d.Kit), "```text", "```toml", 1))
	}
	return b.String()
}

// printableExample shows the invalid bytes of an example (draft-encoding)
// as escapes, so the log stays valid UTF-8 text.
func printableExample(s string) string { return strings.ToValidUTF8(s, `\xFF`) }

// fence puts text in a Markdown code block whose fence the text cannot
// close.
func fence(s string) string {
	f := "```"
	for strings.Contains(s, f) {
		f += "`"
	}
	return f + "text\n" + strings.TrimRight(s, "\n") + "\n" + f + "\n"
}

// isSemver reports whether v looks like MAJOR.MINOR.PATCH (SARIF's
// semanticVersion must be one).
func isSemver(v string) bool {
	core, _, _ := strings.Cut(v, "-")
	core, _, _ = strings.Cut(core, "+")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}
