// Package linttest runs rules over testdata drafts that carry their
// expectations inline, in the spirit of golang.org/x/tools' analysistest:
//
//	Dalam rangka HUT, kami mengundang warga. <!-- want jargon `Dalam rangka` -->
//	<!-- want-file hashtag-missing `#BantenMaju` -->
//
// A `want` comment expects a finding of that rule on its line whose matched
// text is the quoted one; `want-file` expects a file-level finding. Several
// expectations may share a comment. Comments are removed before linting
// (line numbers kept). Every finding needs an expectation and every
// expectation a finding, so lines without a comment must stay silent.
// The kit is the nearest selaras.toml (a test folder's own), else the
// embedded default.
//
// When a draft has a golden file beside it (name.md.golden), Run also
// applies the safe fixes of the findings, as `selaras check --fix` does
// (in rounds, until nothing changes), and compares the fixed text (without
// the expectation comments) with the golden file. A test binary that
// defines an -update flag rewrites existing golden files with -update.
package linttest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/fix"
)

var (
	commentRe = regexp.MustCompile("[ \t]*<!--[ \t]*(want|want-file)[ \t]+(.*?)-->")
	itemRe    = regexp.MustCompile("([a-z0-9-]+)[ \t]+`([^`]*)`")
)

// Expectation is one expected finding.
type Expectation struct {
	Line  int // 0 for file-level
	Rule  string
	Match string
}

func (e Expectation) String() string {
	if e.Line == 0 {
		return fmt.Sprintf("file: %s `%s`", e.Rule, e.Match)
	}
	return fmt.Sprintf("line %d: %s `%s`", e.Line, e.Rule, e.Match)
}

// Strip removes the expectation comments from src and returns what is left
// and the expectations, in order.
func Strip(src string) (string, []Expectation, error) {
	lines := strings.Split(src, "\n")
	var wants []Expectation
	for i, line := range lines {
		ms := commentRe.FindAllStringSubmatch(line, -1)
		if ms == nil {
			continue
		}
		for _, m := range ms {
			items := itemRe.FindAllStringSubmatch(m[2], -1)
			if len(items) == 0 {
				return "", nil, fmt.Errorf("line %d: expectation without `rule \\`match\\``: %q", i+1, m[0])
			}
			for _, it := range items {
				e := Expectation{Line: i + 1, Rule: it[1], Match: it[2]}
				if m[1] == "want-file" {
					e.Line = 0
				}
				wants = append(wants, e)
			}
		}
		cr := strings.HasSuffix(line, "\r")
		lines[i] = commentRe.ReplaceAllString(strings.TrimSuffix(line, "\r"), "")
		if cr {
			lines[i] += "\r"
		}
	}
	return strings.Join(lines, "\n"), wants, nil
}

// Run checks every draft under dir with the given rules and compares the
// findings with the inline expectations.
func Run(t *testing.T, dir string, rules ...*lint.Rule) {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if k, ok := lint.KindOf(p); !d.IsDir() && ok && k == lint.KindText {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no drafts in %s", dir)
	}
	for _, f := range files {
		t.Run(filepath.ToSlash(f), func(t *testing.T) { runFile(t, f, rules) })
	}
}

func runFile(t *testing.T, file string, rules []*lint.Rule) {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	src, wants, err := Strip(string(raw))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	got, err := Findings(file, []byte(src), rules)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, r := range rules {
		names[r.Name] = true
	}
	for _, r := range lint.BuiltinRules {
		names[r.Name] = true
	}
	var unexpected []string
	for _, f := range got {
		if !names[f.Rule] {
			continue
		}
		e := Expectation{Line: f.Line, Rule: f.Rule, Match: f.Match}
		if i := indexOf(wants, e); i >= 0 {
			wants = append(wants[:i], wants[i+1:]...)
			continue
		}
		unexpected = append(unexpected, fmt.Sprintf("%s:%d:%d: unexpected %s `%s`: %s", file, f.Line, f.Column, f.Rule, f.Match, f.Message.ID))
	}
	sort.Strings(unexpected)
	for _, u := range unexpected {
		t.Error(u)
	}
	for _, w := range wants {
		t.Errorf("%s: no finding for expected %s", file, w)
	}
	checkGolden(t, file, src, got, rules)
}

// maxFixRounds matches `selaras check --fix`.
const maxFixRounds = 10

// checkGolden compares the draft with its safe fixes applied with
// file.golden, when there is one.
func checkGolden(t *testing.T, file, src string, findings []lint.Finding, rules []*lint.Rule) {
	t.Helper()
	golden := file + ".golden"
	want, err := os.ReadFile(golden)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := FixSafe(file, src, findings, rules)
	if err != nil {
		t.Fatal(err)
	}
	if u := flag.Lookup("update"); u != nil && u.Value.String() == "true" {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != string(want) {
		t.Errorf("%s: the safe fixes give\n%s\n--- but %s holds\n%s", file, got, golden, want)
	}
}

// FixSafe applies the safe fixes of findings (found in src) with rules, in
// rounds as `selaras check --fix` does, and returns the fixed text.
func FixSafe(path, src string, findings []lint.Finding, rules []*lint.Rule) (string, error) {
	text := src
	for round := 0; round < maxFixRounds; round++ {
		out := fix.Apply(text, findings, false)
		if out.Text == text {
			break
		}
		text = out.Text
		var err error
		if findings, err = Findings(path, []byte(text), rules); err != nil {
			return "", err
		}
	}
	return text, nil
}

func indexOf(list []Expectation, e Expectation) int {
	for i, w := range list {
		if w == e {
			return i
		}
	}
	return -1
}

// Findings runs rules over one draft's content (path is used for the kit
// lookup and for attached images) and returns the findings.
func Findings(path string, src []byte, rules []*lint.Rule) ([]lint.Finding, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	eng := &lint.Engine{Rules: rules, Kits: &brandkit.Loader{}, Jobs: 1}
	res := eng.Run([]lint.Input{{Path: path, Abs: abs, Root: filepath.Dir(abs), Data: src}})
	if len(res.Errors) > 0 {
		return nil, fmt.Errorf("%v", res.Errors)
	}
	var out []lint.Finding
	for _, fr := range res.Files {
		out = append(out, fr.Findings...)
	}
	return out, nil
}

// Check runs rules over src with kit laid over the default kit (TOML, may
// be empty), as the rule documentation examples are checked.
func Check(src string, kitTOML string, rules ...*lint.Rule) ([]lint.Finding, error) {
	loader := &brandkit.Loader{}
	base, err := loader.Default()
	if err != nil {
		return nil, err
	}
	kit := base
	if kitTOML != "" {
		kit, err = brandkit.ParseOver(base, "(example kit)", []byte(kitTOML))
		if err != nil {
			return nil, err
		}
	}
	dir, err := os.MkdirTemp("", "selaras-example")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	eng := &lint.Engine{Rules: rules, Kits: &brandkit.Loader{Fixed: kit}, Jobs: 1}
	res := eng.Run([]lint.Input{{Path: "example.md", Abs: filepath.Join(dir, "example.md"), Root: dir, Data: []byte(src)}})
	if len(res.Errors) > 0 {
		return nil, fmt.Errorf("%v", res.Errors)
	}
	var out []lint.Finding
	for _, fr := range res.Files {
		out = append(out, fr.Findings...)
	}
	return out, nil
}
