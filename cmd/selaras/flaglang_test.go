package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// Flag errors and --help, in both languages, through the real binary.

// oneLineError checks that a run failed with exit status 2, printed
// nothing on stdout and exactly one line on stderr, and returns the line.
func oneLineError(t *testing.T, r result, args []string) string {
	t.Helper()
	if r.code != exitError {
		t.Errorf("selaras %s: exit %d, want 2", strings.Join(args, " "), r.code)
	}
	if r.stdout != "" {
		t.Errorf("selaras %s: stdout should be empty, got:\n%s", strings.Join(args, " "), r.stdout)
	}
	if !strings.HasSuffix(r.stderr, "\n") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("selaras %s: want exactly one line on stderr, got %q", strings.Join(args, " "), r.stderr)
	}
	return strings.TrimSuffix(r.stderr, "\n")
}

func TestFlagErrorsBilingual(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		cmd    []string // the command (and subcommand)
		bad    []string // the failing flags
		id, en string   // the message after "selaras <cmd>: "
	}{
		{[]string{"check"}, []string{"--x"},
			"opsi --x tidak dikenal; lihat selaras check --help",
			"unknown option --x; see selaras check --help"},
		{[]string{"check"}, []string{"-x", "a.md"},
			"opsi --x tidak dikenal; lihat selaras check --help",
			"unknown option --x; see selaras check --help"},
		{[]string{"check"}, []string{"a.md", "--fromat", "json"},
			"opsi --fromat tidak dikenal; maksudnya --format? Lihat selaras check --help",
			"unknown option --fromat; did you mean --format? See selaras check --help"},
		{[]string{"check"}, []string{"--jobs", "abc"},
			`--jobs "abc": tulis bilangan bulat, misalnya --jobs 4`,
			`--jobs "abc": write a whole number, for example --jobs 4`},
		{[]string{"check"}, []string{"--max-findings=1.5"},
			`--max-findings "1.5": tulis bilangan bulat, misalnya --max-findings 20`,
			`--max-findings "1.5": write a whole number, for example --max-findings 20`},
		{[]string{"check"}, []string{"--jobs", "99999999999999999999999"},
			`--jobs "99999999999999999999999": angka di luar batas; tulis misalnya --jobs 4`,
			`--jobs "99999999999999999999999": number out of range; write for example --jobs 4`},
		{[]string{"check"}, []string{"--format"},
			"--format perlu nilai, misalnya --format json",
			"--format needs a value, for example --format json"},
		{[]string{"check"}, []string{"--fix=maybe"},
			`--fix "maybe": tulis --fix saja, atau --fix=false`,
			`--fix "maybe": write just --fix, or --fix=false`},
		{[]string{"check"}, []string{"---x"},
			`"---x" bukan bentuk opsi yang sah; tulis --nama atau --nama=nilai`,
			`"---x" is not a valid option; write --name or --name=value`},
		{[]string{"check"}, []string{"--lang"},
			"--lang perlu nilai, misalnya --lang en",
			"--lang needs a value, for example --lang en"},
		{[]string{"audit"}, []string{"--month"},
			"--month perlu nilai, misalnya --month 2025-10",
			"--month needs a value, for example --month 2025-10"},
		{[]string{"audit", "merge"}, []string{"--jobs", "2"},
			"opsi --jobs tidak dikenal; lihat selaras audit merge --help",
			"unknown option --jobs; see selaras audit merge --help"},
		{[]string{"baseline", "write"}, []string{"--jobs", "dua"},
			`--jobs "dua": tulis bilangan bulat, misalnya --jobs 4`,
			`--jobs "dua": write a whole number, for example --jobs 4`},
		{[]string{"hook", "install"}, []string{"--chain=2"},
			`--chain "2": tulis --chain saja, atau --chain=false`,
			`--chain "2": write just --chain, or --chain=false`},
		{[]string{"hook", "uninstall"}, []string{"--chain"},
			"opsi --chain tidak dikenal; lihat selaras hook uninstall --help",
			"unknown option --chain; see selaras hook uninstall --help"},
		{[]string{"init"}, []string{"--dir"},
			"--dir perlu nilai, misalnya --dir konten",
			"--dir needs a value, for example --dir konten"},
		{[]string{"kit", "check"}, []string{"--print=ya"},
			`--print "ya": tulis --print saja, atau --print=false`,
			`--print "ya": write just --print, or --print=false`},
		{[]string{"rules"}, []string{"--markdwon"},
			"opsi --markdwon tidak dikenal; maksudnya --markdown? Lihat selaras rules --help",
			"unknown option --markdwon; did you mean --markdown? See selaras rules --help"},
		{[]string{"explain"}, []string{"-=x"},
			`"-=x" bukan bentuk opsi yang sah; tulis --nama atau --nama=nilai`,
			`"-=x" is not a valid option; write --name or --name=value`},
		{[]string{"stem"}, []string{"--x"},
			"opsi --x tidak dikenal; lihat selaras stem --help",
			"unknown option --x; see selaras stem --help"},
		{[]string{"version"}, []string{"--x"},
			"opsi --x tidak dikenal; lihat selaras version --help",
			"unknown option --x; see selaras version --help"},
	}
	for _, c := range cases {
		name := strings.Join(append(append([]string{}, c.cmd...), c.bad...), " ")
		t.Run(name, func(t *testing.T) {
			prefix := "selaras " + strings.Join(c.cmd, " ") + ": "
			args := append(append([]string{}, c.cmd...), c.bad...)
			if got := oneLineError(t, runBin(t, dir, nil, nil, args...), args); got != prefix+c.id {
				t.Errorf("Indonesian (the default):\n got %s\nwant %s", got, prefix+c.id)
			}
			args = append(append(append([]string{}, c.cmd...), "--lang", "en"), c.bad...)
			if got := oneLineError(t, runBin(t, dir, nil, nil, args...), args); got != prefix+c.en {
				t.Errorf("English (--lang en first):\n got %s\nwant %s", got, prefix+c.en)
			}
			args = append(append([]string{}, c.cmd...), c.bad...)
			if got := oneLineError(t, runBin(t, dir, nil, []string{"SELARAS_LANG=en"}, args...), args); got != prefix+c.en {
				t.Errorf("English (SELARAS_LANG=en):\n got %s\nwant %s", got, prefix+c.en)
			}
		})
	}
}

// The language of a flag error when --lang comes too late or is itself
// wrong: the default language.
func TestFlagErrorLanguageFallback(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		env  []string
		args []string
		want string
	}{
		// --lang after the failing flag is never read.
		{nil, []string{"check", "--x", "--lang", "en"}, "selaras check: opsi --x tidak dikenal; lihat selaras check --help"},
		// a wrong --lang: the default language, from the environment.
		{nil, []string{"check", "--lang", "fr", "--x"}, "selaras check: opsi --x tidak dikenal; lihat selaras check --help"},
		{[]string{"SELARAS_LANG=en"}, []string{"check", "--lang", "fr", "--x"}, "selaras check: unknown option --x; see selaras check --help"},
		{nil, []string{"check", "--lang", "fr", "a.md"}, `selaras check: --lang "fr": pakai id atau en`},
		{[]string{"SELARAS_LANG=en"}, []string{"check", "--lang=fr", "a.md"}, `selaras check: --lang "fr": use id or en`},
		// --lang before the command.
		{nil, []string{"--lang", "en", "check", "--x"}, "selaras check: unknown option --x; see selaras check --help"},
		{nil, []string{"--lang=en", "hook", "install", "--x"}, "selaras hook install: unknown option --x; see selaras hook install --help"},
		{[]string{"SELARAS_LANG=en"}, []string{"--lang", "id", "check", "--x"}, "selaras check: opsi --x tidak dikenal; lihat selaras check --help"},
		{nil, []string{"--lang", "fr", "check"}, `selaras: --lang "fr": pakai id atau en`},
		{nil, []string{"--lang"}, "selaras: --lang perlu nilai, misalnya --lang en"},
	}
	for _, c := range cases {
		got := oneLineError(t, runBin(t, dir, nil, c.env, c.args...), c.args)
		if got != c.want {
			t.Errorf("%v selaras %s:\n got %s\nwant %s", c.env, strings.Join(c.args, " "), got, c.want)
		}
	}
}

// helpFlag is one flag in --help: the line naming it and its usage text.
type helpFlag struct{ line, usage string }

// parseHelp reads the output of a command's --help: the heading, then
// each flag as "  --name VALUE" and "    \tusage" lines.
func parseHelp(t *testing.T, path, out string) (heading string, fl map[string]helpFlag) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	heading, ok := strings.CutPrefix(lines[0], "selaras "+path+" — ")
	if !ok || heading == "" || len(lines) < 2 || lines[1] != "" {
		t.Fatalf("%s --help: want the heading \"selaras %s — ...\" and a blank line, got:\n%s", path, path, out)
	}
	fl = map[string]helpFlag{}
	for i := 2; i < len(lines); i += 2 {
		name, ok := strings.CutPrefix(lines[i], "  --")
		if !ok || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "    \t") {
			t.Fatalf("%s --help: line %d is not a flag followed by its usage:\n%s", path, i+1, out)
		}
		name, _, _ = strings.Cut(name, " ")
		fl[name] = helpFlag{line: lines[i], usage: strings.TrimPrefix(lines[i+1], "    \t")}
	}
	return heading, fl
}

// Words that give away a text in the other language.
var (
	englishWords    = wordSet("the of with when every each only instead default and or to for is are not file files")
	indonesianWords = wordSet("yang dan untuk atau tidak dengan di ke dari setiap tiap bawaan pakai tulis berkas ini itu")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// foreignWords lists the words of text found in set.
func foreignWords(text string, set map[string]bool) []string {
	var found []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if set[w] {
			found = append(found, w)
		}
	}
	return found
}

// sameOnPurpose lists usage texts deliberately identical in both
// languages ("command flag"); none so far.
var sameOnPurpose = map[string]bool{}

// commandPaths walks the registered commands and the subcommands their
// help names (selaras hook install, selaras audit merge ...). A path is a
// subcommand when its --help prints its own heading.
func commandPaths(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	for name := range commands {
		paths = append(paths, name)
		r := runBin(t, dir, nil, nil, name, "--help")
		if r.code != 0 {
			t.Fatalf("selaras %s --help: exit %d, stderr %s", name, r.code, r.stderr)
		}
		seen := map[string]bool{}
		for _, m := range regexp.MustCompile(`selaras `+regexp.QuoteMeta(name)+` ([a-z][a-z-]*)`).FindAllStringSubmatch(r.stdout, -1) {
			sub := m[1]
			if seen[sub] {
				continue
			}
			seen[sub] = true
			sr := runBin(t, dir, nil, nil, name, sub, "--help")
			if sr.code == 0 && strings.HasPrefix(sr.stdout, "selaras "+name+" "+sub+" — ") {
				paths = append(paths, name+" "+sub)
			}
		}
	}
	sort.Strings(paths)
	// The walk must find the subcommands there are today.
	for _, want := range []string{"audit merge", "baseline write", "hook install", "hook uninstall", "kit check"} {
		if i := sort.SearchStrings(paths, want); i == len(paths) || paths[i] != want {
			t.Errorf("the walk over the commands missed %q: %v", want, paths)
		}
	}
	return paths
}

// Every command's --help, in both languages: every flag has a usage text
// in the language of the run, and the Indonesian help has no English one.
func TestHelpEveryCommandBilingual(t *testing.T) {
	dir := t.TempDir()
	paths := commandPaths(t, dir)
	flagsSeen := 0
	for _, path := range paths {
		words := strings.Fields(path)
		help := func(env []string, args ...string) string {
			t.Helper()
			r := runBin(t, dir, nil, env, args...)
			if r.code != 0 || r.stderr != "" {
				t.Errorf("selaras %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
			}
			return r.stdout
		}
		id := help(nil, append(words, "--help")...)
		en := help(nil, append([]string{"--lang", "en"}, append(words, "--help")...)...)
		if envEN := help([]string{"SELARAS_LANG=en"}, append(words, "-h")...); envEN != en {
			t.Errorf("%s: SELARAS_LANG=en and --lang en before the command print different help:\n%s\n---\n%s", path, envEN, en)
		}
		if id == en {
			t.Errorf("%s --help: the same in both languages:\n%s", path, id)
		}
		if w := foreignWords(id, englishWords); len(w) > 0 {
			t.Errorf("%s --help in Indonesian has English words %q:\n%s", path, w, id)
		}
		if w := foreignWords(en, indonesianWords); len(w) > 0 {
			t.Errorf("%s --help in English has Indonesian words %q:\n%s", path, w, en)
		}
		if !strings.HasPrefix(id, "selaras "+path+" — ") {
			continue // a parent's own help (hook, kit): no flags of its own
		}
		// --lang en after the command, where the flags are read.
		en2 := help(nil, append(words, "--lang", "en", "--help")...)
		idHead, idFlags := parseHelp(t, path, id)
		enHead, enFlags := parseHelp(t, path, en)
		_, en2Flags := parseHelp(t, path, en2)
		if idHead == enHead {
			t.Errorf("%s: the heading is the same in both languages: %s", path, idHead)
		}
		if _, ok := idFlags["lang"]; !ok {
			t.Errorf("%s --help does not list --lang:\n%s", path, id)
		}
		if len(idFlags) != len(enFlags) || len(idFlags) != len(en2Flags) {
			t.Errorf("%s: %d flags in Indonesian, %d and %d in English", path, len(idFlags), len(enFlags), len(en2Flags))
		}
		for name, fi := range idFlags {
			flagsSeen++
			fe, ok := enFlags[name]
			if !ok {
				t.Errorf("%s: --%s missing from the English help", path, name)
				continue
			}
			if fi.usage == "" || fe.usage == "" {
				t.Errorf("%s --%s: a usage text is empty: id %q, en %q", path, name, fi.usage, fe.usage)
			}
			if fi.usage == fe.usage && !sameOnPurpose[path+" "+name] {
				t.Errorf("%s --%s: no Indonesian usage text (the same in both languages): %q", path, name, fi.usage)
			}
			if strings.Contains(fi.usage, "(default ") {
				t.Errorf("%s --%s: English default in the Indonesian help: %q", path, name, fi.usage)
			}
			if strings.Contains(fe.usage, "(bawaan ") {
				t.Errorf("%s --%s: Indonesian default in the English help: %q", path, name, fe.usage)
			}
			if f2, ok := en2Flags[name]; !ok || f2.line != fe.line {
				t.Errorf("%s --%s: --lang en after the command prints %q, before it %q", path, name, f2.line, fe.line)
			}
		}
	}
	if flagsSeen < 30 {
		t.Errorf("only %d flags seen in all the help: the walk or the parsing is wrong", flagsSeen)
	}
}

// The help shows the defaults, in the language of the run, and the values
// a flag takes.
func TestHelpShowsDefaults(t *testing.T) {
	dir := t.TempDir()
	id := runBin(t, dir, nil, nil, "check", "--help").stdout
	en := runBin(t, dir, nil, nil, "check", "--lang", "en", "--help").stdout
	_, idFlags := parseHelp(t, "check", id)
	_, enFlags := parseHelp(t, "check", en)
	for _, c := range []struct {
		flag, line, idDefault, enDefault string
	}{
		{"format", "  --format FORMAT", `(bawaan "text")`, `(default "text")`},
		{"fail-on", "  --fail-on error|warning|info|none", `(bawaan "error")`, `(default "error")`},
		{"color", "  --color auto|always|never", `(bawaan "auto")`, `(default "auto")`},
		{"lang", "  --lang id|en", `(bawaan "id")`, `(default "id")`},
		{"jobs", "  --jobs N", "", ""},
		{"fix", "  --fix", "", ""},
	} {
		if idFlags[c.flag].line != c.line || enFlags[c.flag].line != c.line {
			t.Errorf("--%s: lines %q and %q, want %q", c.flag, idFlags[c.flag].line, enFlags[c.flag].line, c.line)
		}
		if c.idDefault != "" && !strings.HasSuffix(idFlags[c.flag].usage, " "+c.idDefault) {
			t.Errorf("--%s: Indonesian usage %q does not end with %s", c.flag, idFlags[c.flag].usage, c.idDefault)
		}
		if c.enDefault != "" && !strings.HasSuffix(enFlags[c.flag].usage, " "+c.enDefault) {
			t.Errorf("--%s: English usage %q does not end with %s", c.flag, enFlags[c.flag].usage, c.enDefault)
		}
		if c.idDefault == "" && (strings.Contains(idFlags[c.flag].usage, "(bawaan \"") || strings.Contains(enFlags[c.flag].usage, "(default \"")) {
			t.Errorf("--%s: a zero default is shown: %q / %q", c.flag, idFlags[c.flag].usage, enFlags[c.flag].usage)
		}
	}
	// The language given before the command is the default --lang shows.
	_, fl := parseHelp(t, "init", runBin(t, dir, nil, nil, "--lang", "en", "init", "--help").stdout)
	if !strings.HasSuffix(fl["lang"].usage, `(default "en")`) || !strings.HasSuffix(fl["dir"].usage, `(default ".")`) {
		t.Errorf("selaras --lang en init --help: --lang %q, --dir %q", fl["lang"].usage, fl["dir"].usage)
	}
}

// selaras, selaras --help, selaras help: the top-level usage in the run's
// language; selaras help COMMAND is the command's --help.
func TestTopUsageBilingual(t *testing.T) {
	dir := t.TempDir()
	check := func(r result, out string, code int, lang string, args []string) {
		t.Helper()
		if r.code != code {
			t.Errorf("selaras %s: exit %d, want %d", strings.Join(args, " "), r.code, code)
		}
		want := map[string][]string{
			"id": {"Pemakaian:", "  selaras <perintah> [opsi] [PATH ...]", "Perintah:"},
			"en": {"Usage:", "  selaras <command> [flags] [PATH ...]", "Commands:"},
		}
		for l, lines := range want {
			for _, line := range lines {
				has := strings.Contains(out, "\n"+line+"\n")
				if has != (l == lang) {
					t.Errorf("selaras %s (%s): line %q present %v:\n%s", strings.Join(args, " "), lang, line, has, out)
				}
			}
		}
		for name, c := range commands {
			if !strings.Contains(out, fmt.Sprintf("  %-10s %s\n", name, c.summary.in(lang))) {
				t.Errorf("selaras %s (%s): command %s missing or in the other language:\n%s", strings.Join(args, " "), lang, name, out)
			}
		}
		other := englishWords
		if lang == "en" {
			other = indonesianWords
		}
		// The usage names the other language's flag ("--lang en"), so
		// only the words that give a sentence away count here.
		if w := foreignWords(out, other); len(w) > 0 {
			t.Errorf("selaras %s (%s): words of the other language %q:\n%s", strings.Join(args, " "), lang, w, out)
		}
	}
	for _, c := range []struct {
		env  []string
		args []string
		lang string
	}{
		{nil, []string{"--help"}, "id"},
		{nil, []string{"help"}, "id"},
		{nil, []string{"-h"}, "id"},
		{nil, []string{"help", "--lang", "en"}, "en"},
		{nil, []string{"--lang", "en", "--help"}, "en"},
		{nil, []string{"--lang=en", "help"}, "en"},
		{[]string{"SELARAS_LANG=en"}, []string{"help"}, "en"},
		{[]string{"SELARAS_LANG=en"}, []string{"--help", "--lang", "id"}, "id"},
	} {
		r := runBin(t, dir, nil, c.env, c.args...)
		check(r, r.stdout, 0, c.lang, c.args)
	}
	// No command: the usage on stderr, exit 2.
	r := runBin(t, dir, nil, nil)
	check(r, r.stderr, exitError, "id", nil)
	r = runBin(t, dir, nil, nil, "--lang", "en")
	check(r, r.stderr, exitError, "en", []string{"--lang", "en"})

	// selaras help COMMAND
	for _, c := range [][2][]string{
		{{"help", "check"}, {"check", "--help"}},
		{{"--lang", "en", "help", "audit", "merge"}, {"--lang", "en", "audit", "merge", "--help"}},
		{{"help", "--lang", "en", "hook"}, {"--lang", "en", "hook", "--help"}},
		{{"help", "kit", "check"}, {"kit", "check", "--help"}},
	} {
		a, b := runBin(t, dir, nil, nil, c[0]...), runBin(t, dir, nil, nil, c[1]...)
		if a.code != 0 || a.stdout == "" || a.stdout != b.stdout {
			t.Errorf("selaras %s (exit %d) differs from selaras %s:\n%s\n---\n%s", strings.Join(c[0], " "), a.code, strings.Join(c[1], " "), a.stdout, b.stdout)
		}
	}
	args := []string{"help", "nosuch"}
	if got := oneLineError(t, runBin(t, dir, nil, nil, args...), args); got != "selaras: perintah \"nosuch\" tidak dikenal; lihat `selaras help`" {
		t.Errorf("selaras help nosuch: %s", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"format", "format", 0}, {"fromat", "format", 2}, {"jbos", "jobs", 2},
		{"format", "formats", 1}, {"", "kit", 3}, {"kit", "lang", 4},
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// A parse error in a form the flag package did not have when flags.go was
// written is still said in both languages, with the command's help.
func TestFlagErrorUnknownForm(t *testing.T) {
	f := newFlags(&env{getenv: func(string) string { return "" }}, "check", lang2{id: "x", en: "y"})
	msg := f.flagError(fmt.Errorf("something new: -x"))
	for _, s := range []string{msg.id, msg.en} {
		if !strings.Contains(s, "something new: -x") || !strings.Contains(s, "selaras check --help") {
			t.Errorf("%q", s)
		}
	}
	if msg.id == msg.en {
		t.Errorf("the same in both languages: %q", msg.id)
	}
}
