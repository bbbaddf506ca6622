package lint

import (
	"fmt"
	"strings"
)

// DocHeadings are the headings of a rule's rendered documentation, shared
// by `selaras explain` and the formats that embed rule help (SARIF).
var DocHeadings = map[string]Text{
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

var severityNames = map[Severity]Text{
	Error: {ID: "galat", EN: "error"}, Warning: {ID: "peringatan", EN: "warning"}, Info: {ID: "info", EN: "info"},
}

// Explain renders the rule's documentation as `selaras explain` prints it.
func (r *Rule) Explain(lang string) string {
	d := r.Doc
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n", r.Name, d.Title.In(lang))
	fmt.Fprintf(&b, "%s: %s\n", DocHeadings["severity"].In(lang), severityNames[d.Severity].In(lang))
	if len(d.KitKeys) > 0 {
		fmt.Fprintf(&b, "%s: %s\n", DocHeadings["keys"].In(lang), strings.Join(d.KitKeys, ", "))
	}
	fmt.Fprintf(&b, "\n%s\n  %s\n", DocHeadings["why"].In(lang), wrapWords(d.Why.In(lang), 76, "  "))
	if d.Bad != "" {
		fmt.Fprintf(&b, "\n%s\n%s", DocHeadings["bad"].In(lang), indentLines(printableExample(d.Bad)))
	}
	if d.Good != "" {
		fmt.Fprintf(&b, "\n%s\n%s", DocHeadings["good"].In(lang), indentLines(printableExample(d.Good)))
	}
	if d.Fix.In(lang) != "" {
		fix := d.Fix.In(lang)
		if s, ok := DocHeadings[d.FixSafety]; ok {
			fix += " (" + s.In(lang) + ")"
		}
		fmt.Fprintf(&b, "\n%s\n  %s\n", DocHeadings["fix"].In(lang), wrapWords(fix, 76, "  "))
	}
	if d.Kit != "" {
		fmt.Fprintf(&b, "\n%s\n%s", DocHeadings["kit"].In(lang), indentLines(d.Kit))
	}
	return b.String()
}

// printable shows invalid bytes in examples (draft-encoding) as escapes.
func printableExample(s string) string {
	if strings.ToValidUTF8(s, "\x00") == s {
		return s
	}
	return strings.ToValidUTF8(s, `\xFF`)
}

func indentLines(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("    ")
		b.WriteString(l)
		b.WriteString("\n")
	}
	return b.String()
}

func wrapWords(s string, width int, prefix string) string {
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
