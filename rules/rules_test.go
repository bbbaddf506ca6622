package rules_test

import (
	"flag"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules"
)

var update = flag.Bool("update", false, "rewrite the README's rule table")

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestEveryRuleIsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules.All() {
		if !kebab.MatchString(r.Name) {
			t.Errorf("%q is not kebab-case", r.Name)
		}
		if seen[r.Name] {
			t.Errorf("%s is listed twice", r.Name)
		}
		seen[r.Name] = true
		d := r.Doc
		if !d.Title.Complete() || !d.Why.Complete() {
			t.Errorf("%s: title and why need both languages", r.Name)
		}
		if strings.HasSuffix(d.Title.ID, ".") || strings.HasSuffix(d.Title.EN, ".") {
			t.Errorf("%s: a title ends without a full stop", r.Name)
		}
		if lint.SeverityRank(d.Severity) == 0 {
			t.Errorf("%s: no default severity", r.Name)
		}
		if (d.Fix.ID == "") != (d.Fix.EN == "") {
			t.Errorf("%s: fix text in one language only", r.Name)
		}
		switch d.FixSafety {
		case "", "safe", "unsafe":
		default:
			t.Errorf("%s: FixSafety %q", r.Name, d.FixSafety)
		}
		if r.Check != nil && (d.Bad == "" || d.Good == "") {
			t.Errorf("%s: needs a bad and a good example", r.Name)
		}
	}
}

// TestExamples holds every rule to its documentation: the bad example is
// reported by the rule, the good one is not.
func TestExamples(t *testing.T) {
	for _, r := range rules.All() {
		if r.Doc.Bad == "" {
			continue
		}
		t.Run(r.Name, func(t *testing.T) {
			var run []*lint.Rule
			if r.Check != nil {
				run = []*lint.Rule{r}
			}
			count := func(src string) int {
				fs, err := linttest.Check(src, r.Doc.Kit, run...)
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, f := range fs {
					if f.Rule == r.Name {
						n++
					}
				}
				return n
			}
			if count(r.Doc.Bad) == 0 {
				t.Errorf("the bad example is not reported:\n%s", r.Doc.Bad)
			}
			if r.Doc.Good != "" && count(r.Doc.Good) != 0 {
				t.Errorf("the good example is reported:\n%s", r.Doc.Good)
			}
		})
	}
}

// TestRulePackagesAreIndependent fails when one rule package imports
// another: rules never know each other.
func TestRulePackagesAreIndependent(t *testing.T) {
	const prefix = "github.com/selaras/selaras/rules/"
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || !strings.Contains(p, string(filepath.Separator)) {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		own := prefix + filepath.ToSlash(filepath.Dir(p))
		family := strings.SplitN(strings.TrimPrefix(own, prefix), "/", 2)[0]
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			if !strings.HasPrefix(path, prefix) {
				continue
			}
			other := strings.SplitN(strings.TrimPrefix(path, prefix), "/", 2)[0]
			if other != family {
				t.Errorf("%s imports %s: rule packages must not import each other", p, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReadmeRuleTable fails when the README's table is not what the rules'
// docs generate; `go test ./rules -update` rewrites it.
func TestReadmeRuleTable(t *testing.T) {
	const readme = "../README.md"
	raw, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
	s := string(raw)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q and %q markers", begin, end)
	}
	want := rules.MarkdownTable("en")
	if got := s[i+len(begin) : j]; got != want {
		if *update {
			s = s[:i+len(begin)] + want + s[j:]
			if err := os.WriteFile(readme, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's rule table is stale: run `go test ./rules -update`")
	}
}
