package brandkit

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestMessageSourcesBilingual reads brandkit's Go source: every message
// is written through problemf, errorf or a validation's add, each with an
// Indonesian and an English format that both say something, differ, and
// take the same arguments; no error for the user is made in one language
// (fmt.Errorf, errors.New) or as a Problem without its Indonesian text.
func TestMessageSourcesBilingual(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		probs, n := scanMessages(fset, f)
		calls += n
		for _, p := range probs {
			t.Error(p)
		}
	}
	if calls < 60 {
		t.Errorf("found only %d bilingual messages: has the scan lost them?", calls)
	}
}

// The scan must catch what it claims to.
func TestMessageScanCatches(t *testing.T) {
	src := `package x
func f() {
	add(1, "k", "", "empty id")
	add(1, "k", "%q sama", "%q and %d")
	_ = errorf("sama", "sama")
	_ = problemf("f", 1, "k", "ada %s", "there is %s", x)
	_ = fmt.Errorf("english only %s", x)
	_ = errors.New("english only")
	_ = Problem{File: "f", Msg: "english only"}
	_ = Problem{File: "f", Msg: m, MsgID: id}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	probs, _ := scanMessages(fset, f)
	var lines []int
	for _, p := range probs {
		l, _ := strconv.Atoi(strings.Split(p, ":")[1])
		lines = append(lines, l)
	}
	if fmt.Sprint(lines) != "[3 4 5 7 8 9]" {
		t.Errorf("problems on lines %v, want [3 4 5 7 8 9]:\n%s", lines, strings.Join(probs, "\n"))
	}
}

var fmtVerb = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z%]`)

func verbs(s string) int {
	n := 0
	for _, v := range fmtVerb.FindAllString(s, -1) {
		if v != "%%" {
			n++
		}
	}
	return n
}

// scanMessages returns the one-language messages in f, and how many
// bilingual ones it checked.
func scanMessages(fset *token.FileSet, f *ast.File) (probs []string, calls int) {
	bad := func(n ast.Node, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s: %s", fset.Position(n.Pos()), fmt.Sprintf(format, args...)))
	}
	// Where the Indonesian format stands in each maker's arguments; the
	// English one follows it.
	idAt := map[string]int{"problemf": 3, "errorf": 0, "add": 2}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			switch fn := n.Fun.(type) {
			case *ast.Ident:
				i, ok := idAt[fn.Name]
				if !ok {
					return true
				}
				if len(n.Args) < i+2 {
					bad(n, "%s needs an Indonesian and an English format", fn.Name)
					return true
				}
				id, idOK := stringLit(n.Args[i])
				en, enOK := stringLit(n.Args[i+1])
				if !idOK || !enOK {
					return true // formats passed through (the makers themselves)
				}
				calls++
				switch {
				case strings.TrimSpace(id) == "" || strings.TrimSpace(en) == "":
					bad(n, "an empty format: %q, %q", id, en)
				case id == en:
					bad(n, "the same text in both languages: %q", id)
				case verbs(id) != verbs(en):
					bad(n, "the formats take different arguments: %q, %q", id, en)
				}
			case *ast.SelectorExpr:
				if x, _ := fn.X.(*ast.Ident); x != nil && (x.Name == "fmt" && fn.Sel.Name == "Errorf" || x.Name == "errors" && fn.Sel.Name == "New") {
					bad(n, "an error in one language: use errorf(idFormat, enFormat, ...)")
				}
			}
		case *ast.CompositeLit:
			if id, _ := n.Type.(*ast.Ident); id == nil || id.Name != "Problem" {
				return true
			}
			keys := map[string]bool{}
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok {
						keys[k.Name] = true
					}
				}
			}
			if keys["Msg"] != keys["MsgID"] {
				bad(n, "a Problem with only one language: set Msg and MsgID, or use problemf")
			}
		}
		return true
	})
	return probs, calls
}

func stringLit(e ast.Expr) (string, bool) {
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(bl.Value)
	return s, err == nil
}
