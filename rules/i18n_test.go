package rules_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules"
)

// Everything selaras shows a user exists in Indonesian and in English.
// These tests fail when one language is missing: in a rule's docs, in a
// message literal anywhere in the code, or in a finding a rule actually
// reports.

func TestRuleDocsBilingual(t *testing.T) {
	for _, r := range rules.All() {
		d := r.Doc
		for _, f := range []struct {
			name     string
			text     lint.Text
			optional bool
		}{{"Title", d.Title, false}, {"Why", d.Why, false}, {"Fix", d.Fix, true}} {
			if f.optional && f.text.ID == "" && f.text.EN == "" {
				continue
			}
			if strings.TrimSpace(f.text.ID) == "" || strings.TrimSpace(f.text.EN) == "" {
				t.Errorf("%s: Doc.%s lacks a language: ID %q, EN %q", r.Name, f.name, f.text.ID, f.text.EN)
			}
		}
	}
}

// Every finding the rules report on their own examples carries both
// languages (messages built at run time are caught here, where the source
// scan below cannot see them).
func TestFindingMessagesBilingual(t *testing.T) {
	checks := rules.Checks()
	for _, r := range rules.All() {
		for _, ex := range []string{r.Doc.Bad, r.Doc.Good} {
			if ex == "" {
				continue
			}
			fs, err := linttest.Check(ex, r.Doc.Kit, checks...)
			if err != nil {
				t.Errorf("%s: %v", r.Name, err)
				continue
			}
			for _, f := range fs {
				if strings.TrimSpace(f.Message.ID) == "" || strings.TrimSpace(f.Message.EN) == "" {
					t.Errorf("%s's example: %s reported a message without both languages: ID %q, EN %q", r.Name, f.Rule, f.Message.ID, f.Message.EN)
				}
			}
		}
	}
}

// TestMessageLiteralsBilingual reads the Go source of lint/, rules/ and
// cmd/ and checks every bilingual text written in it: lint.Text{...},
// Text{...}, lang2{...} (and such literals with the type left out, in maps
// and slices), and lint.Tf(id, en, ...) / Tf(...). A literal that sets one
// language must set the other, with non-empty text, and the two format
// strings of Tf must take the same number of arguments. The command's
// one-line errors (f.fail) must not carry words of one language in their
// format string.
func TestMessageLiteralsBilingual(t *testing.T) {
	var files int
	for _, dir := range []string{"../lint", "../rules", "../cmd"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			files++
			for _, p := range scanBilingual(t, path) {
				t.Error(p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 10 {
		t.Fatalf("scanned only %d files: wrong folder?", files)
	}
}

// The scanner must catch what it claims to.
func TestMessageScannerCatches(t *testing.T) {
	src := `package x
import "github.com/selaras/selaras/lint"
var a = lint.Text{ID: "ada"}
var b = lint.Text{ID: "ada", EN: ""}
var c = Text{"ada", "  "}
var d = lang2{id: "ada"}
var e = lint.Tf("%s ada", "")
var f = Tf("%s dan %d", "%s only")
var g = map[string]lint.Text{"k": {EN: "only english"}}
var ok1 = lint.Text{}
var ok2 = lint.Text{ID: "ada", EN: "there is"}
var ok3 = lang2{id: fmt.Sprintf("%d", 1), en: "x"}
var ok4 = lint.Tf("%q: 100%% %s", "%q: 100%% %s", a, b)
var ok5 = struct{ id, label string }{id: "maju", label: "Maju"}
func h() { f.fail("--warna %q: pakai merah", x); f.fail("%s", lang2{id: "a", en: "b"}.in(l)); f.fail("--format: %v", err); f.fail("stdin: %v", err) }
`
	probs := scanSource(t, "x.go", src)
	if len(probs) != 8 {
		t.Errorf("want 8 problems (a to g, and the first fail in h), got %d:\n%s", len(probs), strings.Join(probs, "\n"))
	}
	if !strings.Contains(strings.Join(probs, "\n"), "x.go:15:12: error message") {
		t.Errorf("the one-language error in h is not reported:\n%s", strings.Join(probs, "\n"))
	}
	for _, p := range probs {
		for line := 10; line <= 14; line++ { // ok1 to ok5
			if strings.HasPrefix(p, fmt.Sprintf("x.go:%d:", line)) {
				t.Errorf("false alarm: %s", p)
			}
		}
	}
}

func scanBilingual(t *testing.T, path string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	return scanFile(fset, f)
}

func scanSource(t *testing.T, name, src string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	return scanFile(fset, f)
}

// textKind tells whether a composite literal is a bilingual text, and
// which field names it uses ("ID"/"EN" for lint.Text, "id"/"en" for the
// command's lang2).
func textKind(cl *ast.CompositeLit) (idKey, enKey string, ok bool) {
	switch ty := cl.Type.(type) {
	case *ast.Ident:
		switch ty.Name {
		case "Text":
			return "ID", "EN", true
		case "lang2":
			return "id", "en", true
		}
		return "", "", false
	case *ast.SelectorExpr:
		if x, _ := ty.X.(*ast.Ident); x != nil && x.Name == "lint" && ty.Sel.Name == "Text" {
			return "ID", "EN", true
		}
		return "", "", false
	case nil:
		// An element of a map or slice literal, type left out: a text when
		// it is keyed and its keys are only ID/EN (or id/en).
		if len(cl.Elts) == 0 {
			return "", "", false
		}
		keys := map[string]bool{}
		for _, e := range cl.Elts {
			kv, isKV := e.(*ast.KeyValueExpr)
			if !isKV {
				return "", "", false
			}
			k, isIdent := kv.Key.(*ast.Ident)
			if !isIdent {
				return "", "", false
			}
			keys[k.Name] = true
		}
		for _, pair := range [][2]string{{"ID", "EN"}, {"id", "en"}} {
			only := true
			for k := range keys {
				if k != pair[0] && k != pair[1] {
					only = false
				}
			}
			if only {
				return pair[0], pair[1], true
			}
		}
	}
	return "", "", false
}

// literal returns a string literal's value; ok is false for anything
// else (a variable, fmt.Sprintf), which the scan cannot judge.
func literal(e ast.Expr) (string, bool) {
	bl, isLit := e.(*ast.BasicLit)
	if !isLit || bl.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(bl.Value)
	return s, err == nil
}

// knownMonolingual lists the English-only error formats that were there
// when this check came; they are to be translated, and the list may only
// shrink: a new one fails the test.
var knownMonolingual = map[string]bool{}

var (
	flagName  = regexp.MustCompile(`--?[a-z][a-z0-9-]*`)
	wordChars = regexp.MustCompile(`[A-Za-z]{2,}`)
)

// hasWords reports whether a format string says something in a language:
// words left once verbs and flag names are taken out ("stdin" and "%s: %v"
// do not count).
func hasWords(format string) bool {
	rest := flagName.ReplaceAllString(verb.ReplaceAllString(format, " "), " ")
	for _, w := range wordChars.FindAllString(rest, -1) {
		if w != "stdin" {
			return true
		}
	}
	return false
}

var verb = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

func countVerbs(s string) int {
	n := 0
	for _, v := range verb.FindAllString(s, -1) {
		if v != "%%" {
			n++
		}
	}
	return n
}

func scanFile(fset *token.FileSet, f *ast.File) []string {
	var probs []string
	bad := func(n ast.Node, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s: %s", fset.Position(n.Pos()), fmt.Sprintf(format, args...)))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			idKey, enKey, ok := textKind(n)
			if !ok || len(n.Elts) == 0 {
				return true
			}
			vals := map[string]ast.Expr{}
			if _, keyed := n.Elts[0].(*ast.KeyValueExpr); keyed {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok {
							vals[k.Name] = kv.Value
						}
					}
				}
			} else if len(n.Elts) == 2 {
				vals[idKey], vals[enKey] = n.Elts[0], n.Elts[1]
			}
			for _, k := range []string{idKey, enKey} {
				v, set := vals[k]
				if !set {
					bad(n, "bilingual text without %s", k)
					continue
				}
				if s, isLit := literal(v); isLit && strings.TrimSpace(s) == "" {
					bad(n, "bilingual text with an empty %s", k)
				}
			}
		case *ast.CallExpr:
			name := ""
			switch fn := n.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				if x, _ := fn.X.(*ast.Ident); x != nil && x.Name == "lint" {
					name = fn.Sel.Name
				}
			}
			if sel, isSel := n.Fun.(*ast.SelectorExpr); isSel && sel.Sel.Name == "fail" && len(n.Args) > 0 {
				// The command's one-line errors: f.fail(format, args...). A
				// format that carries words of its own is in one language
				// only; bilingual ones pass "%s" and a lang2.
				if format, isLit := literal(n.Args[0]); isLit && hasWords(format) && !knownMonolingual[format] {
					bad(n, "error message %q is in one language; pass \"%%s\" and a lang2{id: ..., en: ...}", format)
				}
			}
			if name != "Tf" {
				return true
			}
			if len(n.Args) < 2 {
				bad(n, "Tf needs the Indonesian and the English format")
				return true
			}
			id, idLit := literal(n.Args[0])
			en, enLit := literal(n.Args[1])
			if idLit && strings.TrimSpace(id) == "" {
				bad(n, "Tf with an empty Indonesian format")
			}
			if enLit && strings.TrimSpace(en) == "" {
				bad(n, "Tf with an empty English format")
			}
			if idLit && enLit && strings.TrimSpace(id) != "" && strings.TrimSpace(en) != "" && countVerbs(id) != countVerbs(en) {
				bad(n, "Tf formats take different numbers of arguments: %q and %q", id, en)
			}
		}
		return true
	})
	return probs
}
