package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A kit that does not load stops every command with exit 2 and its
// problems, one a line, in the language of the run: Indonesian by
// default, English with --lang en or SELARAS_LANG=en.

// brokenKit has three problems, reported together.
const brokenKit = "[kit]\nwarna = \"biru\"\n[[jargon]]\nsuggest = [\"untuk\"]\n[rules]\ndisable = [\"tidak-ada\"]\n"

// brokenKitLines are its problems: where, then the text in each language.
var brokenKitLines = []struct{ where, id, en string }{
	{"selaras.toml:2: kit.warna: ", "kunci tidak dikenal", "unknown key"},
	{"selaras.toml:3: jargon[0].phrase: ", "entri jargon perlu frasa", "a jargon entry needs a phrase"},
	{"selaras.toml:6: rules.disable: ", `tidak ada aturan bernama "tidak-ada" (lihat ` + "`selaras rules`)", `no rule is named "tidak-ada" (see ` + "`selaras rules`)"},
}

const datedDraft = "+++\ndate = 2025-10-14\n+++\nHalo warga, ayo datang ke posyandu.\n"

// problemLines returns the lines of out that report a kit problem (they
// name selaras.toml), without the "selaras: " in front.
func problemLines(out string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.Contains(l, "selaras.toml") {
			lines = append(lines, strings.TrimPrefix(l, "selaras: "))
		}
	}
	return lines
}

// wantProblems checks that out holds exactly the broken kit's problems,
// in lang, one a line.
func wantProblems(t *testing.T, what, out, lang string) {
	t.Helper()
	lines := problemLines(out)
	if len(lines) != len(brokenKitLines) {
		t.Errorf("%s: want %d problem lines, got %d:\n%s", what, len(brokenKitLines), len(lines), out)
		return
	}
	for i, w := range brokenKitLines {
		want, other := w.id, w.en
		if lang == "en" {
			want, other = w.en, w.id
		}
		if !strings.HasSuffix(lines[i], w.where+want) || strings.Contains(lines[i], other) {
			t.Errorf("%s: line %d is %q, want it to end in %q", what, i+1, lines[i], w.where+want)
		}
	}
}

func TestKitProblemsInTheRunsLanguage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "selaras.toml"), brokenKit)
	writeFile(t, filepath.Join(dir, "a.md"), datedDraft)
	commands := []struct {
		name   string
		args   []string
		stdout bool // problems go to stdout (kit check), else stderr
	}{
		{"check", []string{"check", "a.md"}, false},
		{"check --kit", []string{"check", "--kit", "selaras.toml", "a.md"}, false},
		{"audit", []string{"audit", "--month", "2025-10", "--no-cache", "."}, false},
		{"audit --kit", []string{"audit", "--month", "2025-10", "--no-cache", "--kit", "selaras.toml", "."}, false},
		{"baseline write", []string{"baseline", "write", "a.md"}, false},
		{"kit check", []string{"kit", "check"}, true},
		{"kit check FILE", []string{"kit", "check", "selaras.toml"}, true},
	}
	for _, c := range commands {
		for _, run := range []struct {
			lang string
			env  []string
			args []string
		}{
			{"id", nil, nil},
			{"id", nil, []string{"--lang", "id"}},
			{"en", nil, []string{"--lang", "en"}},
			{"en", []string{"SELARAS_LANG=en"}, nil},
		} {
			what := c.name + " " + strings.Join(append(run.args, run.env...), " ")
			r := runBin(t, dir, nil, run.env, append(append([]string{}, c.args...), run.args...)...)
			if r.code != 2 {
				t.Errorf("%s: exit %d, want 2\n%s%s", what, r.code, r.stdout, r.stderr)
				continue
			}
			out := r.stderr
			if c.stdout {
				out = r.stdout
				if n := len(problemLines(r.stderr)); n != 0 {
					t.Errorf("%s: problems on stderr too:\n%s", what, r.stderr)
				}
			}
			wantProblems(t, what, out, run.lang)
			if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
				t.Errorf("%s: crashed:\n%s", what, r.stderr)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".selaras-baseline.json")); err == nil {
		t.Error("baseline write wrote a baseline although the kit does not load")
	}
}

// Each kind of problem reaches the user in both languages: TOML syntax
// (the library's detail kept in an Indonesian frame), a wrong type, a bad
// value, a missing kit, an extends loop, a nesting bomb.
func TestKitProblemKindsEndToEnd(t *testing.T) {
	cases := []struct {
		name   string
		kit    string
		args   []string
		id, en string
	}{
		{name: "syntax", kit: "[kit]\nname = \"tanpa tutup\n",
			id: "selaras.toml:2: kit.name: TOML tidak sah: strings cannot contain newlines",
			en: "selaras.toml:2: kit.name: strings cannot contain newlines"},
		{name: "wrong type", kit: "[hashtags]\nmax = \"lima\"\n",
			id: "selaras.toml:2: hashtags.max: jenis nilai salah: tertulis teks, seharusnya bilangan bulat",
			en: "selaras.toml:2: hashtags.max: wrong type: TOML value has type string; destination has type integer"},
		{name: "hashtag", kit: "[hashtags]\nrequired = [\"BantenMaju\"]\n",
			id: `selaras.toml:2: hashtags.required: tagar "BantenMaju": tulis '#' lalu huruf, angka atau '_' saja, misalnya #BantenMaju`,
			en: `selaras.toml:2: hashtags.required: hashtag "BantenMaju": write '#' then letters, digits or '_' only, for example #BantenMaju`},
		{name: "severity", kit: "[rules]\nseverity = { jargon = \"keras\" }\n",
			id: `selaras.toml:2: rules.severity.jargon: tingkat "keras": pakai error, warning atau info`,
			en: `selaras.toml:2: rules.severity.jargon: severity "keras": use error, warning or info`},
		{name: "missing --kit", args: []string{"--kit", "tidak-ada.toml"},
			id: "tidak-ada.toml: berkas kit tidak ditemukan",
			en: "tidak-ada.toml: kit file not found"},
		{name: "extends loop", kit: "[kit]\nextends = \"selaras.toml\"\n",
			id: "selaras.toml: kit.extends: extends membentuk lingkaran: ",
			en: "selaras.toml: kit.extends: extends forms a loop: "},
		{name: "nesting bomb", kit: "a" + strings.Repeat(".b", 100) + " = 1\n",
			id: "selaras.toml:1: tabel, daftar atau kunci bertitik bersarang lebih dari 64 tingkat: bukan kit",
			en: "selaras.toml:1: tables, arrays or dotted keys nested more than 64 levels deep: not a kit"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		if c.kit != "" {
			writeFile(t, filepath.Join(dir, "selaras.toml"), c.kit)
		}
		writeFile(t, filepath.Join(dir, "a.md"), datedDraft)
		for _, lang := range []string{"id", "en"} {
			args := append(append([]string{"check"}, c.args...), "a.md")
			if lang == "en" {
				args = append(args, "--lang", "en")
			}
			r := runBin(t, dir, nil, nil, args...)
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			want := c.id
			if lang == "en" {
				want = c.en
			}
			if r.code != 2 || len(lines) != 1 || !strings.HasPrefix(lines[0], "selaras: ") || !strings.Contains(lines[0], want) {
				t.Errorf("%s, %s: exit %d, want 2 and one line with %q:\n%s", c.name, lang, r.code, want, r.stderr)
			}
		}
	}
}

// A broken kit staged in git: check --staged and the pre-commit hook
// speak the run's language too.
func TestKitProblemsStagedAndHook(t *testing.T) {
	g := newGitTest(t)
	g.write("selaras.toml", brokenKit)
	g.write("a.md", datedDraft)
	g.git("add", ".")
	for _, lang := range []string{"id", "en"} {
		args := []string{"check", "--staged"}
		if lang == "en" {
			args = append(args, "--lang", "en")
		}
		r := g.selaras("", args...)
		if r.code != 2 {
			t.Errorf("check --staged, %s: exit %d\n%s%s", lang, r.code, r.stdout, r.stderr)
		}
		wantProblems(t, "check --staged "+lang, r.stderr, lang)
	}
	if r := g.selaras("", "hook", "install"); r.code != 0 {
		t.Fatalf("hook install: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, lang := range []string{"id", "en"} {
		cmd := exec.Command("git", "commit", "-q", "-m", "kit rusak")
		cmd.Dir = g.dir
		cmd.Env = gitEnvForTests()
		if lang == "en" {
			cmd.Env = append(cmd.Env, "SELARAS_LANG=en")
		}
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("a commit with a broken kit went through:\n%s", out)
		}
		wantProblems(t, "hook "+lang, string(out), lang)
	}
}

func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
