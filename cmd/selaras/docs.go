package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/audit"
	"github.com/selaras/selaras/lint/format"
	"github.com/selaras/selaras/rules"
)

func init() {
	register("rules", command{
		summary: lang2{id: "daftar semua aturan", en: "list every rule"},
		run:     runRules,
	})
	register("explain", command{
		summary: lang2{id: "dokumentasi satu aturan: selaras explain NAMA", en: "one rule's documentation: selaras explain NAME"},
		run:     runExplain,
	})
	register("version", command{
		summary: lang2{id: "versi selaras", en: "selaras's version"},
		run:     runVersion,
	})
}

func runRules(e *env, args []string) int {
	f := newFlags(e, "rules", lang2{id: "mendaftar semua aturan: nama, tingkat bawaan, judul", en: "lists every rule: name, default severity, title"})
	markdown := f.bool("markdown", false, lang2{
		id: "cetak tabel Markdown seperti di README",
		en: "print the README's Markdown table instead"})
	if _, code, ok := f.parse(args); !ok {
		return code
	}
	if *markdown {
		fmt.Fprint(e.stdout, rules.MarkdownTable(f.lang))
		return exitOK
	}
	width := 0
	for _, r := range append(rules.All(), audit.Rules...) {
		width = max(width, len(r.Name))
	}
	for _, r := range rules.All() {
		fmt.Fprintf(e.stdout, "%-*s  %-10s  %s\n", width, r.Name, format.SeverityWord(r.Doc.Severity, f.lang), r.Doc.Title.In(f.lang))
	}
	fmt.Fprintf(e.stdout, "\n%s\n", lang2{id: "Hanya di selaras audit (membandingkan unggahan satu sama lain):", en: "Only in selaras audit (they compare posts with each other):"}.in(f.lang))
	for _, r := range audit.Rules {
		fmt.Fprintf(e.stdout, "%-*s  %-10s  %s\n", width, r.Name, format.SeverityWord(r.Doc.Severity, f.lang), r.Doc.Title.In(f.lang))
	}
	return exitOK
}

func runExplain(e *env, args []string) int {
	f := newFlags(e, "explain", lang2{id: "mencetak dokumentasi aturan", en: "prints a rule's documentation"})
	names, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(names) == 0 {
		f.fail("%s", lang2{id: "sebutkan nama aturan; daftarnya: selaras rules", en: "name a rule; the list: selaras rules"}.in(f.lang))
		return exitError
	}
	for i, n := range names {
		r := rules.ByName(n)
		if r == nil {
			r = audit.RuleByName(n)
		}
		if r == nil {
			f.fail("%s", lang2{id: fmt.Sprintf("tidak ada aturan bernama %q; daftarnya: selaras rules", n), en: fmt.Sprintf("no rule is named %q; the list: selaras rules", n)}.in(f.lang))
			return exitError
		}
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprint(e.stdout, rules.Explain(r, f.lang))
	}
	return exitOK
}

func runVersion(e *env, args []string) int {
	f := newFlags(e, "version", lang2{id: "mencetak versi", en: "prints the version"})
	if _, code, ok := f.parse(args); !ok {
		return code
	}
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	fmt.Fprintf(e.stdout, "selaras %s %s/%s %s\n", v, runtime.GOOS, runtime.GOARCH, runtime.Version())
	return exitOK
}

var _ = strings.TrimSpace
var _ = lint.Error
