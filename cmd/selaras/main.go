// Command selaras checks social-media drafts of Indonesian regional
// governments against the campaign's brand kit: wording, tone, hashtags and
// images. See README.md for the commands and the kit format.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
)

// version is selaras's version; release builds may set it with -ldflags.
var version = "0.1.0"

// Exit statuses (DESIGN.md): 0 nothing at or above the fail level, 1 such
// findings, 2 usage, kit or runtime error.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// env is what a command may touch of the outside world; tests pass their
// own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// isTerminal reports whether stdout is a terminal.
	isTerminal func() bool
}

type command struct {
	summary lang2
	run     func(e *env, args []string) int
}

// lang2 is a short text in both languages (help texts).
type lang2 struct{ id, en string }

func (l lang2) in(lang string) string {
	if lang == "en" {
		return l.en
	}
	return l.id
}

var commands = map[string]command{}

func register(name string, c command) { commands[name] = c }

// memoryLimit is the soft memory limit selaras sets unless GOMEMLIMIT says
// otherwise: half the machine's memory (1 GiB when that is unknown). Near
// it the garbage collector works harder, so a hostile draft with hundreds
// of thousands of findings stays within the machine instead of swapping; a
// limit far below what a large run legitimately holds would instead make
// the collector run without pause (an archive of 100,000 drafts took 1.5x
// the time per draft under a fixed 1 GiB limit). A soft limit: a run that
// needs more still gets it.
func memoryLimit() int64 {
	const fallback = 1 << 30
	raw, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return fallback
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil && kb > 0 {
					return max(kb<<10/2, fallback)
				}
			}
		}
	}
	return fallback
}

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit())
	}
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, isTerminal: stdoutIsTerminal}
	os.Exit(run(e, os.Args[1:]))
}

func run(e *env, args []string) int {
	e, args, ok := leadingLang(e, args)
	if !ok {
		return exitError
	}
	if len(args) == 0 {
		usage(e, e.stderr)
		return exitError
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help", "help":
		// selaras help [--lang id|en] [COMMAND ...]: the command's --help.
		if e, args, ok = leadingLang(e, args[1:]); !ok {
			return exitError
		}
		if len(args) == 0 {
			usage(e, e.stdout)
			return exitOK
		}
		if _, known := commands[args[0]]; known {
			return commands[args[0]].run(e, append(args[1:len(args):len(args)], "--help"))
		}
		name = args[0]
	case "--version", "-version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		if near := nearestCommand(name); near != "" {
			fmt.Fprintf(e.stderr, "selaras: %s\n", lang2{
				id: fmt.Sprintf("perintah %q tidak dikenal; maksudnya `%s`? Lihat `selaras help`", name, near),
				en: fmt.Sprintf("unknown command %q; did you mean `%s`? See `selaras help`", name, near)}.in(defaultLang(e)))
			return exitError
		}
		fmt.Fprintf(e.stderr, "selaras: %s\n", lang2{
			id: fmt.Sprintf("perintah %q tidak dikenal; lihat `selaras help`", name),
			en: fmt.Sprintf("unknown command %q; see `selaras help`", name)}.in(defaultLang(e)))
		return exitError
	}
	return c.run(e, args[1:])
}

// leadingLang takes a --lang before the command (selaras --lang en check
// ...): it becomes the default language of the run, as SELARAS_LANG would.
func leadingLang(e *env, args []string) (*env, []string, bool) {
	for len(args) > 0 {
		var l string
		switch a := args[0]; {
		case a == "--lang" || a == "-lang":
			if len(args) < 2 {
				fmt.Fprintf(e.stderr, "selaras: %s\n", lang2{id: "--lang perlu nilai, misalnya --lang en", en: "--lang needs a value, for example --lang en"}.in(defaultLang(e)))
				return e, nil, false
			}
			l, args = args[1], args[2:]
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			l, args = a[strings.IndexByte(a, '=')+1:], args[1:]
		default:
			return e, args, true
		}
		if l != "id" && l != "en" {
			fmt.Fprintf(e.stderr, "selaras: %s\n", badLang(l).in(defaultLang(e)))
			return e, nil, false
		}
		outer := e.getenv
		e2 := *e
		e2.getenv = func(k string) string {
			if k == "SELARAS_LANG" {
				return l
			}
			return outer(k)
		}
		e = &e2
	}
	return e, args, true
}

func defaultLang(e *env) string {
	if l := e.getenv("SELARAS_LANG"); l == "en" || l == "id" {
		return l
	}
	return "id"
}

func usage(e *env, w io.Writer) {
	lang := defaultLang(e)
	fmt.Fprintln(w, lang2{
		id: "selaras — pemeriksa konsistensi merek untuk draf unggahan media sosial pemerintah daerah",
		en: "selaras — a brand-consistency linter for social-media drafts of regional governments"}.in(lang))
	fmt.Fprintln(w)
	fmt.Fprintln(w, lang2{id: "Pemakaian:", en: "Usage:"}.in(lang))
	fmt.Fprintln(w, lang2{id: "  selaras <perintah> [opsi] [PATH ...]", en: "  selaras <command> [flags] [PATH ...]"}.in(lang))
	fmt.Fprintln(w)
	fmt.Fprintln(w, lang2{id: "Perintah:", en: "Commands:"}.in(lang))
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary.in(lang))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, lang2{
		id: "`selaras <perintah> --help` (atau `selaras help <perintah>`) menjelaskan opsi tiap perintah. Pesan dalam bahasa Inggris: --lang en (atau SELARAS_LANG=en).",
		en: "`selaras <command> --help` (or `selaras help <command>`) explains each command's flags. Messages in Indonesian: --lang id (the default)."}.in(lang))
}

// flags is a flag set that also accepts flags after positional arguments
// (`selaras check posts/ --format json`), as users type them. Its flags are
// defined with usage texts in both languages (flags.go).
type flags struct {
	*flag.FlagSet
	lang  string
	e     *env
	help  lang2               // the heading of --help
	texts map[string]flagText // by flag name
}

func newFlags(e *env, name string, help lang2) *flags {
	f := &flags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), e: e, help: help}
	f.SetOutput(io.Discard)
	// The flag package calls Usage on every error too: help is printed by
	// parse, only when asked for.
	f.Usage = func() {}
	f.stringVar(&f.lang, "lang", defaultLang(e), lang2{id: "bahasa pesan: `id|en`", en: "message language: `id|en`"}, "en")
	return f
}

// parse returns the positional arguments, or an exit status when parsing
// ended the command (help shown, or a usage error printed).
func (f *flags) parse(args []string) ([]string, int, bool) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.printHelp(f.e.stdout, f.msgLang())
				return nil, exitOK, false
			}
			f.fail("%s", f.flagError(err).in(f.msgLang()))
			return nil, exitError, false
		}
		rest := f.Args()
		if len(rest) == 0 {
			break
		}
		if rest[0] == "--" {
			pos = append(pos, rest[1:]...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if f.lang != "id" && f.lang != "en" {
		// --lang itself is wrong: say it in the default language.
		f.fail("%s", badLang(f.lang).in(defaultLang(f.e)))
		return nil, exitError, false
	}
	return pos, 0, true
}

func badLang(l string) lang2 {
	return lang2{id: fmt.Sprintf("--lang %q: pakai id atau en", l), en: fmt.Sprintf("--lang %q: use id or en", l)}
}

// fail prints a one-line error.
func (f *flags) fail(format string, args ...any) {
	fmt.Fprintf(f.e.stderr, "selaras %s: %s\n", f.Name(), fmt.Sprintf(format, args...))
}

func stdoutIsTerminal() bool { return isTerminal(os.Stdout) }
