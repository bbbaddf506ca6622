package rules

import (
	"fmt"
	"strings"

	"github.com/selaras/selaras/lint"
)

var headings = map[string]lint.Text{
	"why":      {ID: "Mengapa", EN: "Why"},
	"bad":      {ID: "Contoh yang ditandai", EN: "Flagged example"},
	"good":     {ID: "Lebih baik", EN: "Better"},
	"fix":      {ID: "Perbaikan", EN: "Fix"},
	"severity": {ID: "Tingkat bawaan", EN: "Default severity"},
	"keys":     {ID: "Kunci kit", EN: "Kit keys"},
	"kit":      {ID: "Kit untuk contoh", EN: "Kit for the examples"},
	"safe":     {ID: "aman: diterapkan oleh --fix", EN: "safe: applied by --fix"},
	"unsafe":   {ID: "tidak aman: hanya dengan --unsafe-fixes", EN: "unsafe: only with --unsafe-fixes"},
}

var severityNames = map[lint.Severity]lint.Text{
	lint.Error: {ID: "galat", EN: "error"}, lint.Warning: {ID: "peringatan", EN: "warning"}, lint.Info: {ID: "info", EN: "info"},
}

// Explain renders a rule's documentation as `selaras explain` prints it.
func Explain(r *lint.Rule, lang string) string {
	d := r.Doc
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n", r.Name, d.Title.In(lang))
	fmt.Fprintf(&b, "%s: %s\n", headings["severity"].In(lang), severityNames[d.Severity].In(lang))
	if len(d.KitKeys) > 0 {
		fmt.Fprintf(&b, "%s: %s\n", headings["keys"].In(lang), strings.Join(d.KitKeys, ", "))
	}
	fmt.Fprintf(&b, "\n%s\n  %s\n", headings["why"].In(lang), wrap(d.Why.In(lang), 76, "  "))
	if d.Bad != "" {
		fmt.Fprintf(&b, "\n%s\n%s", headings["bad"].In(lang), indent(printable(d.Bad)))
	}
	if d.Good != "" {
		fmt.Fprintf(&b, "\n%s\n%s", headings["good"].In(lang), indent(printable(d.Good)))
	}
	if d.Fix.In(lang) != "" {
		fix := d.Fix.In(lang)
		if s, ok := headings[d.FixSafety]; ok {
			fix += " (" + s.In(lang) + ")"
		}
		fmt.Fprintf(&b, "\n%s\n  %s\n", headings["fix"].In(lang), wrap(fix, 76, "  "))
	}
	if d.Kit != "" {
		fmt.Fprintf(&b, "\n%s\n%s", headings["kit"].In(lang), indent(d.Kit))
	}
	return b.String()
}

// printable shows invalid bytes in examples (draft-encoding) as escapes.
func printable(s string) string {
	if strings.ToValidUTF8(s, "\x00") == s {
		return s
	}
	return strings.ToValidUTF8(s, `\xFF`)
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("    ")
		b.WriteString(l)
		b.WriteString("\n")
	}
	return b.String()
}

func wrap(s string, width int, prefix string) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if col+1+len([]rune(w)) > width {
				b.WriteString("\n" + prefix)
				col = 0
			} else {
				b.WriteString(" ")
				col++
			}
		}
		b.WriteString(w)
		col += len([]rune(w))
	}
	return b.String()
}

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
