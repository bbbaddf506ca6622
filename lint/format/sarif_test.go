package format_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
)

// validateSARIF checks a log against what SARIF 2.1.0 requires of the
// objects selaras writes (§3.13 sarifLog, §3.14 run, §3.18 toolComponent,
// §3.49 reportingDescriptor, §3.27 result, §3.28 location, §3.29
// physicalLocation, §3.30 region, §3.4 artifactLocation, §3.11 message)
// and what GitHub code scanning additionally needs (rule short and full
// descriptions and help text, results with locations and a start line,
// partialFingerprints, at most 25,000 results a run). It also refuses
// property names the schema does not define for those objects, since the
// schema forbids additional properties there.
func validateSARIF(data []byte) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	allowed := func(where string, obj map[string]any, keys ...string) {
		ok := map[string]bool{}
		for _, k := range keys {
			ok[k] = true
		}
		for k := range obj {
			if !ok[k] {
				bad("%s: property %q is not defined by SARIF 2.1.0", where, k)
			}
		}
	}
	text := func(where string, v any) string {
		m, _ := v.(map[string]any)
		s, _ := m["text"].(string)
		if s == "" {
			bad("%s: needs a non-empty text", where)
		}
		return s
	}
	num := func(v any) (int, bool) {
		f, ok := v.(float64)
		return int(f), ok && f == float64(int(f))
	}
	allowed("sarifLog", log, "$schema", "version", "runs", "inlineExternalProperties", "properties")
	if log["version"] != "2.1.0" {
		bad("version must be \"2.1.0\", is %v", log["version"])
	}
	runs, ok := log["runs"].([]any)
	if !ok {
		bad("runs must be an array")
	}
	levels := map[string]bool{"none": true, "note": true, "warning": true, "error": true}
	for ri, rv := range runs {
		run, _ := rv.(map[string]any)
		where := fmt.Sprintf("runs[%d]", ri)
		allowed(where, run, "tool", "results", "columnKind", "invocations", "originalUriBaseIds", "artifacts", "automationDetails", "properties")
		if ck, ok := run["columnKind"]; ok && ck != "utf16CodeUnits" && ck != "unicodeCodePoints" {
			bad("%s.columnKind %v: utf16CodeUnits or unicodeCodePoints", where, ck)
		}
		tool, _ := run["tool"].(map[string]any)
		driver, _ := tool["driver"].(map[string]any)
		if driver == nil {
			bad("%s.tool.driver is required", where)
			continue
		}
		allowed(where+".tool.driver", driver, "name", "version", "semanticVersion", "informationUri", "rules", "fullName", "organization", "properties")
		if s, _ := driver["name"].(string); s == "" {
			bad("%s.tool.driver.name is required", where)
		}
		if u, _ := driver["informationUri"].(string); u != "" {
			if pu, err := url.Parse(u); err != nil || !pu.IsAbs() {
				bad("%s.tool.driver.informationUri must be an absolute URI: %q", where, u)
			}
		}
		rules, _ := driver["rules"].([]any)
		ids := map[string]bool{}
		var ruleIDs []string
		for i, rv := range rules {
			r, _ := rv.(map[string]any)
			rw := fmt.Sprintf("%s.tool.driver.rules[%d]", where, i)
			allowed(rw, r, "id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration", "properties")
			id, _ := r["id"].(string)
			if id == "" {
				bad("%s.id is required", rw)
			}
			if ids[id] {
				bad("%s.id %q repeats", rw, id)
			}
			ids[id] = true
			ruleIDs = append(ruleIDs, id)
			text(rw+".shortDescription", r["shortDescription"])
			text(rw+".fullDescription", r["fullDescription"])
			text(rw+".help", r["help"])
			if dc, ok := r["defaultConfiguration"].(map[string]any); ok {
				if l, ok := dc["level"].(string); ok && !levels[l] {
					bad("%s.defaultConfiguration.level %q", rw, l)
				}
			}
		}
		results, ok := run["results"].([]any)
		if !ok {
			bad("%s.results must be an array", where)
		}
		if len(results) > 25000 {
			bad("%s: %d results; GitHub takes at most 25,000 a run", where, len(results))
		}
		for i, xv := range results {
			x, _ := xv.(map[string]any)
			xw := fmt.Sprintf("%s.results[%d]", where, i)
			allowed(xw, x, "ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "properties", "kind", "fingerprints", "rule")
			text(xw+".message", x["message"])
			id, _ := x["ruleId"].(string)
			if id == "" {
				bad("%s.ruleId is required here (GitHub groups alerts by rule)", xw)
			}
			if idx, ok := num(x["ruleIndex"]); ok {
				if idx < 0 || idx >= len(ruleIDs) || ruleIDs[idx] != id {
					bad("%s.ruleIndex %d does not point at rule %q", xw, idx, id)
				}
			} else if x["ruleIndex"] != nil {
				bad("%s.ruleIndex must be an integer", xw)
			}
			if l, ok := x["level"].(string); ok && !levels[l] {
				bad("%s.level %q", xw, l)
			}
			pf, _ := x["partialFingerprints"].(map[string]any)
			if len(pf) == 0 {
				bad("%s.partialFingerprints: GitHub needs them to follow alerts across runs", xw)
			}
			for k, v := range pf {
				if s, _ := v.(string); s == "" {
					bad("%s.partialFingerprints[%q] must be a non-empty string", xw, k)
				}
			}
			locs, _ := x["locations"].([]any)
			if len(locs) == 0 {
				bad("%s.locations: GitHub needs at least one", xw)
			}
			for li, lv := range locs {
				loc, _ := lv.(map[string]any)
				lw := fmt.Sprintf("%s.locations[%d]", xw, li)
				allowed(lw, loc, "physicalLocation", "message", "id", "properties")
				pl, _ := loc["physicalLocation"].(map[string]any)
				if pl == nil {
					bad("%s.physicalLocation is required here", lw)
					continue
				}
				allowed(lw+".physicalLocation", pl, "artifactLocation", "region", "contextRegion", "properties")
				al, _ := pl["artifactLocation"].(map[string]any)
				allowed(lw+".artifactLocation", al, "uri", "uriBaseId", "index", "properties")
				uri, _ := al["uri"].(string)
				if u, err := url.Parse(uri); uri == "" || err != nil || strings.ContainsAny(uri, " \\") {
					bad("%s.artifactLocation.uri %q is not a URI reference", lw, uri)
				} else if u.IsAbs() && al["uriBaseId"] != nil {
					bad("%s: an absolute uri cannot have a uriBaseId", lw)
				}
				reg, _ := pl["region"].(map[string]any)
				if reg == nil {
					bad("%s.region: GitHub needs a start line", lw)
					continue
				}
				allowed(lw+".region", reg, "startLine", "startColumn", "endLine", "endColumn", "snippet", "properties")
				sl, ok := num(reg["startLine"])
				if !ok || sl < 1 {
					bad("%s.region.startLine must be a positive integer", lw)
				}
				sc, hasSC := num(reg["startColumn"])
				el, hasEL := num(reg["endLine"])
				ec, hasEC := num(reg["endColumn"])
				if hasSC && sc < 1 || hasEC && ec < 1 || hasEL && el < sl {
					bad("%s.region: columns start at 1 and endLine cannot be before startLine: %v", lw, reg)
				}
				if (!hasEL || el == sl) && hasSC && hasEC && ec < sc {
					bad("%s.region: endColumn %d before startColumn %d on one line", lw, ec, sc)
				}
			}
		}
	}
	return probs
}

func TestSARIFValid(t *testing.T) {
	res := runFixture(t, draftA, draftB)
	for _, lang := range []string{"id", "en"} {
		out := render(t, "sarif", lang, res)
		for _, p := range validateSARIF(out) {
			t.Error(p)
		}
	}
	// No findings: still a valid log, with an empty results array.
	out := render(t, "sarif", "id", &lint.Result{})
	for _, p := range validateSARIF(out) {
		t.Error(p)
	}
	if !strings.Contains(string(out), `"results": []`) {
		t.Errorf("an empty run needs \"results\": []:\n%s", out)
	}
}

// The validator itself must catch what it claims to: a checker that passes
// everything proves nothing.
func TestSARIFValidatorCatches(t *testing.T) {
	good := string(render(t, "sarif", "id", runFixture(t, draftA, draftB)))
	for _, c := range []struct{ name, from, to string }{
		{"version", `"version": "2.1.0"`, `"version": "2.0.0"`},
		{"columnKind", `"utf16CodeUnits"`, `"utf16"`},
		{"level", `"level": "warning"`, `"level": "warn"`},
		{"ruleIndex", `"ruleIndex": 1,`, `"ruleIndex": 7,`},
		{"startLine", `"startLine": 4,`, `"startLine": 0,`},
		{"uri", `"uri": "posts/b%20c.md"`, `"uri": "posts/b c.md"`},
		{"fullDescription", `"fullDescription"`, `"fullDescriptio"`},
		{"fingerprints", `"partialFingerprints"`, `"partialFingerprint"`},
	} {
		bad := strings.Replace(good, c.from, c.to, 1)
		if bad == good {
			t.Fatalf("%s: fixture text %q not found", c.name, c.from)
		}
		if len(validateSARIF([]byte(bad))) == 0 {
			t.Errorf("%s: the validator accepted a broken log", c.name)
		}
	}
}

func TestSARIFHelpFromDocs(t *testing.T) {
	out := string(render(t, "sarif", "en", runFixture(t, draftA, draftB)))
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string
						ShortDescription     struct{ Text string }
						FullDescription      struct{ Text string }
						Help                 struct{ Text, Markdown string }
						DefaultConfiguration struct{ Level string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0].Tool.Driver.Rules[0]
	if r.ID != "test-phrase" || r.ShortDescription.Text != "Test phrase" || r.FullDescription.Text != "This phrase tests the formats." || r.DefaultConfiguration.Level != "warning" {
		t.Errorf("rule descriptor not from the docs: %+v", r)
	}
	for _, want := range []string{"Why", "This phrase tests the formats.", "Flagged example", "Dalam rangka HUT.", "Better", "Untuk HUT.", "Fix", "Replace with \"untuk\".", "[[jargon]]", "Kit for the examples", "phrase = \"dalam rangka\""} {
		if !strings.Contains(r.Help.Text, want) || !strings.Contains(r.Help.Markdown, want) {
			t.Errorf("help lacks %q:\n%s\n%s", want, r.Help.Text, r.Help.Markdown)
		}
	}
	if lv := log.Runs[0].Tool.Driver.Rules[2].DefaultConfiguration.Level; lv != "note" {
		t.Errorf("info maps to SARIF note, got %q", lv)
	}
}

// An absolute path becomes a file URI without a base; a relative one is
// percent-encoded against %SRCROOT%.
func TestSARIFArtifactURIs(t *testing.T) {
	res := &lint.Result{Files: []*lint.FileResult{
		{Path: "/srv/konten/a b#1.md", Findings: []lint.Finding{{Rule: "test-file", Severity: lint.Error, FileLevel: true, Message: lint.Text{ID: "x", EN: "x"}}}},
		{Path: "konten/ñ 50%.md", Findings: []lint.Finding{{Rule: "test-file", Severity: lint.Error, FileLevel: true, Message: lint.Text{ID: "x", EN: "x"}}}},
	}}
	out := render(t, "sarif", "id", res)
	for _, p := range validateSARIF(out) {
		t.Error(p)
	}
	for _, want := range []string{
		`"uri": "file:///srv/konten/a%20b%231.md"` + "\n",
		`"uri": "konten/%C3%B1%2050%25.md",` + "\n" + `                  "uriBaseId": "%SRCROOT%"`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("want %s in\n%s", want, out)
		}
	}
}
