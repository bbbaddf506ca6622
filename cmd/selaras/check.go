package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/audit"
	"github.com/selaras/selaras/lint/format"
	"github.com/selaras/selaras/rules"
	imagerules "github.com/selaras/selaras/rules/image"
)

func init() {
	register("check", command{
		summary: lang2{id: "periksa draf dan gambar (folder ditelusuri; - membaca stdin)", en: "check drafts and images (folders are walked; - reads stdin)"},
		run:     runCheck,
	})
}

// checkOptions are the flags of `selaras check`.
type checkOptions struct {
	kit           string
	format        string
	color         string
	failOn        string
	stdinFilename string
	jobs          int
	staged        bool
	evidence      string      // --evidence DIR: pictures explaining image findings
	extra         checkExtras // --fix, --baseline, --max-findings ... (fixcmd.go)
}

func runCheck(e *env, args []string) int {
	var o checkOptions
	f := newFlags(e, "check", lang2{id: "memeriksa draf dan gambar terhadap kit merek", en: "checks drafts and images against the brand kit"})
	f.stringVar(&o.kit, "kit", "", lang2{
		id: "pakai kit `BERKAS` untuk setiap berkas yang diperiksa (tanpa opsi ini: selaras.toml terdekat, atau kit bawaan)",
		en: "use the kit `FILE` for every checked file (without it: the nearest selaras.toml, else the embedded kit)"}, "selaras.toml")
	f.stringVar(&o.format, "format", "text", lang2{
		id: "format keluaran `FORMAT`: " + strings.Join(format.Names(), " | "),
		en: "output format `FORMAT`: " + strings.Join(format.Names(), " | ")}, "json")
	f.stringVar(&o.color, "color", "auto", lang2{
		id: "pewarnaan `auto|always|never`; auto: hanya di terminal, dan mati bila NO_COLOR diisi",
		en: "colouring `auto|always|never`; auto: only on a terminal, and off when NO_COLOR is set"}, "never")
	f.stringVar(&o.failOn, "fail-on", "error", lang2{
		id: "keluar dengan status 1 bila ada temuan setingkat ini atau lebih berat: `error|warning|info|none`",
		en: "exit 1 when a finding is at least: `error|warning|info|none`"}, "warning")
	f.stringVar(&o.stdinFilename, "stdin-filename", "", lang2{
		id: "`NAMA` draf yang dibaca dari stdin (-), untuk keluaran dan pencarian kit",
		en: "the `NAME` of the draft read from stdin (-), for output and kit lookup"}, "draf.md")
	f.intVar(&o.jobs, "jobs", 0, lang2{
		id: "periksa `N` berkas sekaligus (bawaan: satu per CPU)",
		en: "check `N` files at once (default: one per CPU)"}, "4")
	f.boolVar(&o.staged, "staged", false, lang2{
		id: "periksa isi indeks git (hasil git add) dari berkas yang ditambah, disalin, diubah atau diganti namanya; PATH mempersempit daftarnya",
		en: "check the staged version of added, copied, modified or renamed files (read from the git index; PATHs narrow the list)"})
	f.stringVar(&o.evidence, "evidence", "", lang2{
		id: "tulis gambar yang menjelaskan tiap temuan gambar ke `FOLDER` ini (<gambar>.selaras.png)",
		en: "write a picture explaining each image finding into the folder `DIR` (<image>.selaras.png)"}, "bukti")
	o.extra.register(f)
	paths, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if !o.extra.validate(f, o.staged) {
		return exitError
	}
	fmtr, err := format.Get(o.format)
	if err != nil {
		f.fail("--format: %v", err)
		return exitError
	}
	failRank, ok := failLevel(o.failOn)
	if !ok {
		f.fail("%s", lang2{id: fmt.Sprintf("--fail-on %q: pakai error, warning, info atau none", o.failOn), en: fmt.Sprintf("--fail-on %q: use error, warning, info or none", o.failOn)}.in(f.lang))
		return exitError
	}
	useColor, ok := colorChoice(e, o.color)
	if !ok {
		f.fail("%s", lang2{id: fmt.Sprintf("--color %q: pakai auto, always atau never", o.color), en: fmt.Sprintf("--color %q: use auto, always or never", o.color)}.in(f.lang))
		return exitError
	}
	var st *staged
	if o.staged {
		if st, err = stagedInputs(paths); err != nil {
			f.fail("%s", stagedError(err).in(f.lang))
			return exitError
		}
		defer st.index.Close()
	}
	if len(paths) == 0 && st == nil {
		f.fail("%s", lang2{id: "sebutkan draf atau folder yang diperiksa, misalnya: selaras check konten/", en: "name the drafts or folders to check, for example: selaras check content/"}.in(f.lang))
		return exitError
	}
	var inputs []lint.Input
	if st != nil {
		inputs = st.inputs
	} else if inputs, err = gatherInputs(e, f.lang, paths, o.stdinFilename); err != nil {
		f.fail("%s", brandkit.Message(err, f.lang))
		return exitError
	}
	loader := newLoader(o.kit)
	if st != nil {
		loader.Files = st.index
	}
	if o.kit != "" {
		if _, err := loader.Load(o.kit); err != nil {
			return kitFailed(e, f.lang, err)
		}
	}
	eng := &lint.Engine{Rules: rules.Checks(), Kits: loader, Jobs: o.jobs}
	if st != nil {
		eng.Files = st.index
	}
	o.extra.configure(eng)
	if o.evidence != "" {
		eng.KeepDrafts = true // evidence finds each image through its draft
	}
	res := eng.Run(inputs)
	if len(res.Errors) > 0 {
		return kitFailed(e, f.lang, res.Errors...)
	}
	post := o.extra.after(e, f, eng, inputs, res, failRank, o.format)
	if post.done {
		return post.code
	}
	opts := format.Options{Lang: f.lang, Color: useColor, Rules: rules.All(), Version: version, Summary: true, Notes: post.notes}
	// Written as it is produced: a large run's output is not held whole
	// (the formats write file by file).
	out := bufio.NewWriterSize(post.w, 64<<10)
	err = fmtr(out, post.shown, opts)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		// Only writing can fail here (a closed stdout): nothing to add.
		return exitError
	}
	if post.failed {
		return exitError
	}
	res = post.full
	if o.evidence != "" {
		var read func(string) ([]byte, error)
		if st != nil {
			read = st.index.ReadFile
		}
		if _, errs := imagerules.WriteEvidence(o.evidence, res, f.lang, read); len(errs) > 0 {
			return kitFailed(e, f.lang, errs...)
		}
	}
	if st != nil {
		st.hint(e, o.format, res, f.lang, failRank)
	}
	return exitStatus(res, failRank)
}

// newLoader is the kit loader every command uses: rule names in kits are
// checked against the rules that exist.
func newLoader(override string) *brandkit.Loader {
	return &brandkit.Loader{Override: override, KnownRule: func(n string) bool { return rules.ByName(n) != nil || audit.RuleByName(n) != nil }}
}

// kitFailed prints each problem on a line of its own, in lang, and
// returns exit 2.
func kitFailed(e *env, lang string, errs ...error) int {
	for _, err := range errs {
		text := brandkit.Message(err, lang)
		if _, ok := err.(*audit.Error); ok {
			text = audit.Message(err, lang)
		}
		for _, line := range strings.Split(text, "\n") {
			if line != "" {
				fmt.Fprintf(e.stderr, "selaras: %s\n", line)
			}
		}
	}
	return exitError
}

// gatherInputs turns paths (and "-") into inputs. What the walk skipped
// (links leading outside the folder checked) is said on stderr, in lang.
func gatherInputs(e *env, lang string, paths []string, stdinName string) ([]lint.Input, error) {
	var inputs []lint.Input
	var files []string
	stdinUsed := false
	for _, p := range paths {
		if p != "-" {
			files = append(files, p)
			continue
		}
		if stdinUsed {
			return nil, &lint.TextError{Text: lint.Text{ID: "- (stdin) hanya boleh disebut sekali", EN: "- (stdin) can be named only once"}}
		}
		stdinUsed = true
		data, err := io.ReadAll(io.LimitReader(e.stdin, lint.MaxDraftBytes+1))
		if err != nil {
			why := lint.ErrorText(err)
			return nil, &lint.TextError{Text: lint.Text{ID: "stdin tidak bisa dibaca: " + why.ID, EN: "reading stdin: " + why.EN}}
		}
		if len(data) > lint.MaxDraftBytes {
			return nil, &lint.TextError{Text: lint.Tf("stdin berisi lebih dari %d MiB: bukan draf", "stdin holds more than %d MiB: not a draft", lint.MaxDraftBytes>>20)}
		}
		name := stdinName
		if name == "" {
			name = "<stdin>"
		}
		abs, _ := filepath.Abs(name)
		if stdinName == "" {
			wd, _ := os.Getwd()
			abs = filepath.Join(wd, "stdin.md")
		}
		inputs = append(inputs, lint.Input{Path: name, Abs: abs, Root: filepath.Dir(abs), Data: data})
	}
	if len(files) > 0 {
		more, notes, err := lint.CollectNotes(files)
		if err != nil {
			return nil, err
		}
		for _, n := range notes {
			fmt.Fprintf(e.stderr, "selaras: %s\n", n.In(lang))
		}
		inputs = append(inputs, more...)
	}
	return inputs, nil
}

func failLevel(s string) (int, bool) {
	switch s {
	case "error", "warning", "info":
		return lint.SeverityRank(lint.Severity(s)), true
	case "none":
		return 99, true
	}
	return 0, false
}

func exitStatus(res *lint.Result, failRank int) int {
	for _, fr := range res.Files {
		for _, f := range fr.Findings {
			if lint.SeverityRank(f.Severity) >= failRank {
				return exitFindings
			}
		}
	}
	return exitOK
}

// colorChoice decides colour for stdout: always, never, or auto (a
// terminal, NO_COLOR unset, TERM not dumb).
func colorChoice(e *env, choice string) (bool, bool) {
	switch choice {
	case "always":
		return true, true
	case "never":
		return false, true
	case "auto":
		if _, set := lookupEnv(e, "NO_COLOR"); set || e.getenv("TERM") == "dumb" {
			return false, true
		}
		return e.isTerminal(), true
	}
	return false, false
}

func lookupEnv(e *env, k string) (string, bool) {
	v := e.getenv(k)
	return v, v != ""
}
