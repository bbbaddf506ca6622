package main

// Flags in both languages: every flag is defined with its usage text in
// Indonesian and English (the flag package keeps the English one), --help
// prints the run's language, and the flag package's English parse errors
// are said again in the run's language.

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/selaras/selaras/brandkit"
)

// flagText is what --help and flag errors say about one flag.
type flagText struct {
	usage lang2
	// example is a value to show in errors ("--jobs 4"); empty for
	// booleans.
	example string
}

func (f *flags) define(name string, usage lang2, example string) {
	if f.texts == nil {
		f.texts = map[string]flagText{}
	}
	f.texts[name] = flagText{usage: usage, example: example}
}

// Usage texts may name the flag's value in backquotes, as the flag package
// does: lang2{id: "pakai kit `BERKAS` ...", en: "use the kit `FILE` ..."}
// prints "--kit BERKAS" or "--kit FILE". The example is a value the
// errors about the flag show ("--format json").

func (f *flags) stringVar(p *string, name, value string, usage lang2, example string) {
	f.StringVar(p, name, value, usage.en)
	f.define(name, usage, example)
}

func (f *flags) string(name, value string, usage lang2, example string) *string {
	p := new(string)
	f.stringVar(p, name, value, usage, example)
	return p
}

func (f *flags) intVar(p *int, name string, value int, usage lang2, example string) {
	f.IntVar(p, name, value, usage.en)
	f.define(name, usage, example)
}

func (f *flags) boolVar(p *bool, name string, value bool, usage lang2) {
	f.BoolVar(p, name, value, usage.en)
	f.define(name, usage, "")
}

func (f *flags) bool(name string, value bool, usage lang2) *bool {
	p := new(bool)
	f.boolVar(p, name, value, usage)
	return p
}

// setUsage replaces the usage text of a flag already defined (--lang of
// selaras stem, which also chooses the words' language).
func (f *flags) setUsage(name string, usage lang2) {
	if fl := f.Lookup(name); fl != nil {
		fl.Usage = usage.en
		f.define(name, usage, f.texts[name].example)
	}
}

// msgLang is the language of the command's own messages: --lang once it
// is read and valid, else the default.
func (f *flags) msgLang() string {
	if f.lang == "id" || f.lang == "en" {
		return f.lang
	}
	return defaultLang(f.e)
}

// printHelp prints the command's heading and flags in lang, laid out as
// the flag package's PrintDefaults does (two dashes, as the docs write
// flags).
func (f *flags) printHelp(w io.Writer, lang string) {
	fmt.Fprintf(w, "selaras %s — %s\n\n", f.Name(), f.help.in(lang))
	f.VisitAll(func(fl *flag.Flag) {
		usage := fl.Usage // a flag defined without both languages
		if t, ok := f.texts[fl.Name]; ok {
			usage = t.usage.in(lang)
		}
		value, usage := unquoteUsage(usage)
		kind := flagKind(fl)
		if value == "" {
			switch kind {
			case "string":
				value = lang2{id: "TEKS", en: "TEXT"}.in(lang)
			case "int":
				value = "N"
			}
		}
		var b strings.Builder
		b.WriteString("  --" + fl.Name)
		if value != "" {
			b.WriteString(" " + value)
		}
		b.WriteString("\n    \t")
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if def := fl.DefValue; !(def == "" || kind == "int" && def == "0" || kind == "bool" && def == "false") {
			if kind == "string" {
				def = strconv.Quote(def)
			}
			fmt.Fprintf(&b, " (%s %s)", lang2{id: "bawaan", en: "default"}.in(lang), def)
		}
		fmt.Fprintln(w, b.String())
	})
}

// unquoteUsage takes the first `name` in backquotes out of a usage text,
// as flag.UnquoteUsage does.
func unquoteUsage(usage string) (name, text string) {
	if i := strings.IndexByte(usage, '`'); i >= 0 {
		if j := strings.IndexByte(usage[i+1:], '`'); j >= 0 {
			j += i + 1
			return usage[i+1 : j], usage[:i] + usage[i+1:j] + usage[j+1:]
		}
	}
	return "", usage
}

// flagKind is "bool", "int", "string" or "" (another type).
func flagKind(fl *flag.Flag) string {
	g, ok := fl.Value.(flag.Getter)
	if !ok {
		return ""
	}
	switch g.Get().(type) {
	case bool:
		return "bool"
	case int:
		return "int"
	case string:
		return "string"
	}
	return ""
}

var (
	reBadBool  = regexp.MustCompile(`^invalid boolean value ("(?:[^"\\]|\\.)*") for -(\S+): `)
	reBadValue = regexp.MustCompile(`^invalid value ("(?:[^"\\]|\\.)*") for flag -(\S+): (.*)$`)
)

// flagError says a parse error of the flag package in both languages. The
// flag package's errors are plain text; the forms matched here are those
// of its parseOne (a test runs each one through the real binary).
func (f *flags) flagError(err error) lang2 {
	msg := err.Error()
	see := "selaras " + f.Name() + " --help"
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		if near := f.nearest(name); near != "" {
			return lang2{
				id: fmt.Sprintf("opsi --%s tidak dikenal; maksudnya --%s? Lihat %s", name, near, see),
				en: fmt.Sprintf("unknown option --%s; did you mean --%s? See %s", name, near, see)}
		}
		return lang2{
			id: fmt.Sprintf("opsi --%s tidak dikenal; lihat %s", name, see),
			en: fmt.Sprintf("unknown option --%s; see %s", name, see)}
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		eg := f.example(name)
		return lang2{
			id: fmt.Sprintf("--%s perlu nilai, misalnya --%s %s", name, name, eg),
			en: fmt.Sprintf("--%s needs a value, for example --%s %s", name, name, eg)}
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return lang2{
			id: fmt.Sprintf("%q bukan bentuk opsi yang sah; tulis --nama atau --nama=nilai", arg),
			en: fmt.Sprintf("%q is not a valid option; write --name or --name=value", arg)}
	}
	if m := reBadBool.FindStringSubmatch(msg); m != nil {
		value, name := unquote(m[1]), m[2]
		return lang2{
			id: fmt.Sprintf("--%s %q: tulis --%s saja, atau --%s=false", name, value, name, name),
			en: fmt.Sprintf("--%s %q: write just --%s, or --%s=false", name, value, name, name)}
	}
	if m := reBadValue.FindStringSubmatch(msg); m != nil {
		value, name, why := unquote(m[1]), m[2], m[3]
		eg := f.example(name)
		if fl := f.Lookup(name); fl != nil && flagKind(fl) == "int" {
			if strings.Contains(why, "out of range") {
				return lang2{
					id: fmt.Sprintf("--%s %q: angka di luar batas; tulis misalnya --%s %s", name, value, name, eg),
					en: fmt.Sprintf("--%s %q: number out of range; write for example --%s %s", name, value, name, eg)}
			}
			return lang2{
				id: fmt.Sprintf("--%s %q: tulis bilangan bulat, misalnya --%s %s", name, value, name, eg),
				en: fmt.Sprintf("--%s %q: write a whole number, for example --%s %s", name, value, name, eg)}
		}
		return lang2{
			id: fmt.Sprintf("--%s %q: nilai tidak sah; tulis misalnya --%s %s", name, value, name, eg),
			en: fmt.Sprintf("--%s %q: not a valid value; write for example --%s %s", name, value, name, eg)}
	}
	// Not a form the flag package had when this was written.
	return lang2{
		id: fmt.Sprintf("opsi tidak terbaca (%s); lihat %s", msg, see),
		en: fmt.Sprintf("cannot read the options (%s); see %s", msg, see)}
}

func unquote(q string) string {
	if s, err := strconv.Unquote(q); err == nil {
		return s
	}
	return q
}

// example is a value to show for flag name in errors.
func (f *flags) example(name string) string {
	if t, ok := f.texts[name]; ok && t.example != "" {
		return t.example
	}
	if fl := f.Lookup(name); fl != nil && flagKind(fl) == "int" {
		return "4"
	}
	return "…"
}

// nearest is the defined flag closest to a mistyped name (at most two
// letters off, and fewer than half of it), or "".
func (f *flags) nearest(name string) string {
	best, bestD := "", 3
	f.VisitAll(func(fl *flag.Flag) {
		if d := editDistance(strings.ToLower(name), fl.Name); d < bestD && 2*d < len(fl.Name) {
			best, bestD = fl.Name, d
		}
	})
	return best
}

// editDistance is the Levenshtein distance of a and b, shared with the
// kit's "did you mean" for unknown keys (brandkit.EditDistance).
func editDistance(a, b string) int { return brandkit.EditDistance(a, b) }
