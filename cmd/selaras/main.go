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
	if len(args) == 0 {
		usage(e, e.stderr)
		return exitError
	}
	name := args[0]
	switch name {
	case "-h", "--help", "help":
		usage(e, e.stdout)
		return exitOK
	case "--version", "-version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(e.stderr, "selaras: %s\n", lang2{
			id: fmt.Sprintf("perintah %q tidak dikenal; lihat `selaras help`", name),
			en: fmt.Sprintf("unknown command %q; see `selaras help`", name)}.in(defaultLang(e)))
		return exitError
	}
	return c.run(e, args[1:])
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
	fmt.Fprintln(w, "  selaras <command> [flags] [PATH ...]")
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
		id: "`selaras <command> --help` menjelaskan opsi tiap perintah. Pesan dalam bahasa Inggris: --lang en (atau SELARAS_LANG=en).",
		en: "`selaras <command> --help` explains each command's flags. Messages in Indonesian: --lang id (the default)."}.in(lang))
}

// flags is a flag set that also accepts flags after positional arguments
// (`selaras check posts/ --format json`), as users type them.
type flags struct {
	*flag.FlagSet
	lang string
	e    *env
}

func newFlags(e *env, name string, help lang2) *flags {
	f := &flags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), e: e}
	f.SetOutput(io.Discard)
	f.StringVar(&f.lang, "lang", defaultLang(e), "message language: id | en")
	f.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "selaras %s — %s\n\n", name, help.in(f.lang))
		f.SetOutput(w)
		f.PrintDefaults()
		f.SetOutput(io.Discard)
	}
	return f
}

// parse returns the positional arguments, or an exit status when parsing
// ended the command (help shown, or a usage error printed).
func (f *flags) parse(args []string) ([]string, int, bool) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				// The flag package has already printed the help.
				return nil, exitOK, false
			}
			f.fail("%s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "))
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
		f.fail("%s", lang2{id: fmt.Sprintf("--lang %q: pakai id atau en", f.lang), en: fmt.Sprintf("--lang %q: use id or en", f.lang)}.in(defaultLang(f.e)))
		return nil, exitError, false
	}
	return pos, 0, true
}

// fail prints a one-line error.
func (f *flags) fail(format string, args ...any) {
	fmt.Fprintf(f.e.stderr, "selaras %s: %s\n", f.Name(), fmt.Sprintf(format, args...))
}

func stdoutIsTerminal() bool { return isTerminal(os.Stdout) }
