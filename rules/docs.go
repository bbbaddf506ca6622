package rules

import (
	"fmt"
	"strings"

	"github.com/selaras/selaras/lint"
)

// Explain renders a rule's documentation as `selaras explain` prints it.
func Explain(r *lint.Rule, lang string) string { return r.Explain(lang) }

// MarkdownTable is the README's rule table, generated from the rules' docs
// so that it cannot drift; a test compares it with the README.
func MarkdownTable(lang string) string {
	var b strings.Builder
	b.WriteString("| rule | default | what it checks | fix |\n|---|---|---|---|\n")
	for _, r := range All() {
		fix := "—"
		if r.Doc.FixSafety != "" {
			fix = r.Doc.FixSafety
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.Name, r.Doc.Severity, r.Doc.Title.In(lang), fix)
	}
	return b.String()
}
