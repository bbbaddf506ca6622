package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// A draft whose jargon follows emoji (two code points, four UTF-16 units)
// and other non-ASCII text, for every output format.
const emojiDraft = "+++\nplatform = \"instagram\"\n+++\nHalo 👋🏽 warga Banten — dalam rangka HUT, kami mengundang Anda. #BantenMaju\n"

func emojiCase(t *testing.T) (dir string, line, cp, u16 int) {
	t.Helper()
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "selaras.toml"), []byte("[kit]\nname = \"uji\"\n[hashtags]\nrequired = [\"#BantenMaju\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "draf.md"), []byte(emojiDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Split(emojiDraft, "\n")[3]
	prefix := []rune(text[:strings.Index(text, "dalam rangka")])
	return dir, 4, len(prefix) + 1, len(utf16.Encode(prefix)) + 1
}

func TestFormatLineEndToEnd(t *testing.T) {
	dir, line, cp, _ := emojiCase(t)
	r := runBin(t, dir, nil, nil, "check", "--format", "line", "draf.md")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	want := "draf.md:" + strconv.Itoa(line) + ":" + strconv.Itoa(cp) + ": warning jargon: "
	if !strings.Contains(r.stdout, want) {
		t.Errorf("want %q in:\n%s", want, r.stdout)
	}
	re := regexp.MustCompile(`^[^:]+:\d+:\d+: (error|warning|info) [a-z0-9-]+: .+$`)
	for _, l := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		if !re.MatchString(l) {
			t.Errorf("not path:line:col: severity rule: message: %q", l)
		}
	}
	// The exit status follows --fail-on whatever the format.
	if r := runBin(t, dir, nil, nil, "check", "--format", "line", "--fail-on", "warning", "draf.md"); r.code != 1 {
		t.Errorf("--fail-on warning with a jargon warning: exit %d, want 1", r.code)
	}
}

func TestFormatGitHubEndToEnd(t *testing.T) {
	dir, line, _, u16 := emojiCase(t)
	r := runBin(t, dir, nil, nil, "check", "--format", "github", "draf.md")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	end := u16 + len("dalam rangka") - 1
	want := "::warning file=draf.md,line=" + strconv.Itoa(line) + ",endLine=" + strconv.Itoa(line) + ",col=" + strconv.Itoa(u16) + ",endColumn=" + strconv.Itoa(end) + ",title=selaras jargon::"
	if !strings.Contains(r.stdout, want) {
		t.Errorf("want %q in:\n%s", want, r.stdout)
	}
	for _, l := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		if !strings.HasPrefix(l, "::error ") && !strings.HasPrefix(l, "::warning ") && !strings.HasPrefix(l, "::notice ") {
			t.Errorf("not a workflow command: %q", l)
		}
	}
}

func TestFormatGitLabEndToEnd(t *testing.T) {
	dir, line, _, _ := emojiCase(t)
	r := runBin(t, dir, nil, nil, "check", "--format", "gitlab", "--lang", "en", "draf.md")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var issues []struct {
		Description, CheckName, Fingerprint, Severity string
		Location                                      struct {
			Path  string
			Lines struct{ Begin int }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &issues); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	ok := false
	for _, is := range issues {
		if is.Fingerprint == "" || is.Description == "" || is.Location.Path != "draf.md" || is.Location.Lines.Begin < 1 {
			t.Errorf("incomplete issue %+v", is)
		}
		if is.Location.Lines.Begin == line && strings.Contains(is.Description, "dalam rangka") && is.Severity == "minor" {
			ok = true
		}
	}
	if !ok {
		t.Errorf("no minor issue for the jargon on line %d:\n%s", line, r.stdout)
	}
	// Same input, same fingerprints.
	again := runBin(t, dir, nil, nil, "check", "--format", "gitlab", "--lang", "en", "draf.md")
	if again.stdout != r.stdout {
		t.Errorf("two runs differ")
	}
}

func TestFormatCheckstyleEndToEnd(t *testing.T) {
	dir, line, _, u16 := emojiCase(t)
	r := runBin(t, dir, nil, nil, "check", "--format", "checkstyle", "draf.md")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var cs struct {
		XMLName xml.Name `xml:"checkstyle"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line    int    `xml:"line,attr"`
				Column  int    `xml:"column,attr"`
				Source  string `xml:"source,attr"`
				Message string `xml:"message,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(r.stdout), &cs); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	ok := false
	for _, f := range cs.Files {
		for _, e := range f.Errors {
			if f.Name == "draf.md" && e.Source == "selaras.jargon" && e.Line == line && e.Column == u16 && strings.Contains(e.Message, `"dalam rangka"`) {
				ok = true
			}
		}
	}
	if !ok {
		t.Errorf("no jargon error at %d:%d:\n%s", line, u16, r.stdout)
	}
}

func TestFormatSARIFEndToEnd(t *testing.T) {
	dir, line, _, u16 := emojiCase(t)
	r := runBin(t, dir, nil, nil, "check", "--format", "sarif", "draf.md")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	log := decodeSARIF(t, r.stdout)
	run := log.Runs[0]
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	ok := false
	for _, x := range run.Results {
		reg := x.Locations[0].PhysicalLocation.Region
		if x.RuleID == "jargon" && reg.StartLine == line && reg.StartColumn == u16 && reg.EndColumn == u16+len("dalam rangka") {
			ok = true
		}
		if run.Tool.Driver.Rules[x.RuleIndex].ID != x.RuleID {
			t.Errorf("ruleIndex %d is %s, not %s", x.RuleIndex, run.Tool.Driver.Rules[x.RuleIndex].ID, x.RuleID)
		}
	}
	if !ok {
		t.Errorf("no jargon result at %d:%d-%d", line, u16, u16+12)
	}
}

type sarifOut struct {
	Version string
	Runs    []struct {
		ColumnKind string
		Tool       struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID                                string
					ShortDescription, FullDescription struct{ Text string }
					Help                              struct{ Text, Markdown string }
					DefaultConfiguration              struct{ Level string }
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
		}
	}
}

func decodeSARIF(t *testing.T, s string) sarifOut {
	t.Helper()
	var log sarifOut
	if err := json.Unmarshal([]byte(s), &log); err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "selaras" {
		t.Fatalf("not a selaras SARIF 2.1.0 log: %+v", log)
	}
	return log
}

// On the demo folder: every rule selaras has is described (from its docs,
// in both languages), and every result points at a file that exists,
// relative to where selaras ran.
func TestFormatSARIFDemo(t *testing.T) {
	root := repoRoot(t)
	names := runBin(t, root, nil, nil, "rules")
	for _, lang := range []string{"id", "en"} {
		r := runBin(t, root, nil, nil, "check", "--format", "sarif", "--lang", lang, "testdata/demo")
		if r.code != 1 {
			t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
		}
		log := decodeSARIF(t, r.stdout)
		described := map[string]bool{}
		for _, rule := range log.Runs[0].Tool.Driver.Rules {
			described[rule.ID] = true
			if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || rule.Help.Text == "" || rule.Help.Markdown == "" {
				t.Errorf("%s: rule %s lacks a description or help", lang, rule.ID)
			}
		}
		// The rules of check: the list up to its blank line (the audit's
		// own rules follow it).
		checkRules, _, _ := strings.Cut(strings.TrimSpace(names.stdout), "\n\n")
		for _, l := range strings.Split(checkRules, "\n") {
			if n := strings.Fields(l); len(n) > 0 && !described[n[0]] {
				t.Errorf("rule %s not in the SARIF driver's rules", n[0])
			}
		}
		if len(log.Runs[0].Results) == 0 {
			t.Fatal("the demo has findings; the log has none")
		}
		for _, x := range log.Runs[0].Results {
			loc := x.Locations[0].PhysicalLocation
			if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
				t.Errorf("result not relative to the source root: %+v", loc)
			}
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(loc.ArtifactLocation.URI))); err != nil {
				t.Errorf("result points at a missing file: %v", err)
			}
			if loc.Region.StartLine < 1 || x.PartialFingerprints["selarasFinding/v1"] == "" || x.Message.Text == "" {
				t.Errorf("incomplete result %+v", x)
			}
		}
	}
}
