package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/baseline"
	"github.com/selaras/selaras/rules"
)

func init() {
	register("baseline", command{
		summary: lang2{id: "catat temuan hari ini (baseline write), agar check hanya melaporkan temuan baru",
			en: "record today's findings (baseline write), so that check reports only new ones"},
		run: runBaseline,
	})
}

func runBaseline(e *env, args []string) int {
	lang := defaultLang(e)
	if len(args) == 0 || args[0] != "write" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			args = []string{"write", "--help"}
		} else {
			fmt.Fprintf(e.stderr, "selaras baseline: %s\n", lang2{
				id: "pakai: selaras baseline write [--baseline BERKAS] [PATH ...]",
				en: "usage: selaras baseline write [--baseline FILE] [PATH ...]"}.in(lang))
			return exitError
		}
	}
	f := newFlags(e, "baseline write", lang2{
		id: "mencatat temuan saat ini di " + baseline.FileName + "; selaras check lalu hanya melaporkan temuan baru",
		en: "records the current findings in " + baseline.FileName + "; selaras check then reports only new ones"})
	var kit, path string
	var jobs int
	f.stringVar(&path, "baseline", baseline.FileName, lang2{
		id: "`BERKAS` baseline yang ditulis",
		en: "the baseline `FILE` to write"}, baseline.FileName)
	f.stringVar(&kit, "kit", "", lang2{
		id: "pakai kit `BERKAS` untuk setiap berkas yang diperiksa (tanpa opsi ini: selaras.toml terdekat, atau kit bawaan)",
		en: "use the kit `FILE` for every checked file (without it: the nearest selaras.toml, else the embedded kit)"}, "selaras.toml")
	f.intVar(&jobs, "jobs", 0, lang2{
		id: "periksa `N` berkas sekaligus (bawaan: satu per CPU)",
		en: "check `N` files at once (default: one per CPU)"}, "4")
	paths, code, ok := f.parse(args[1:])
	if !ok {
		return code
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		if p == "-" {
			f.fail("%s", lang2{id: "baseline mencatat berkas, bukan stdin (-)", en: "a baseline records files, not stdin (-)"}.in(f.lang))
			return exitError
		}
	}
	inputs, notes, err := lint.CollectNotes(paths)
	if err != nil {
		f.fail("%s", brandkit.Message(err, f.lang))
		return exitError
	}
	for _, n := range notes {
		fmt.Fprintf(e.stderr, "selaras: %s\n", n.In(f.lang))
	}
	loader := newLoader(kit)
	if kit != "" {
		if _, err := loader.Load(kit); err != nil {
			return kitFailed(e, f.lang, err)
		}
	}
	eng := &lint.Engine{Rules: rules.Checks(), Kits: loader, Jobs: jobs}
	res := eng.Run(inputs)
	if len(res.Errors) > 0 {
		return kitFailed(e, f.lang, res.Errors...)
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		f.fail("%v", err)
		return exitError
	}
	rel := baseline.RelTo(dir, absLookup(inputs))
	b := baseline.New(res, rel)
	old, err := baseline.Read(path)
	if err == nil {
		b = baseline.Merge(old, b, baseline.Checked(res, rel))
	} else if !isNotExist(err) {
		f.fail("%s: %s", path, plainErr(err))
		return exitError
	}
	if err := b.Write(path); err != nil {
		f.fail("%s: %s", path, lint.ErrorText(err).In(f.lang))
		return exitError
	}
	n := 0
	for _, fr := range res.Files {
		n += len(fr.Findings)
	}
	fmt.Fprintln(e.stdout, lint.Tf("%d temuan dari %d berkas dicatat di %s; selaras check kini hanya melaporkan temuan baru",
		"%d findings of %d files recorded in %s; selaras check now reports only new findings", n, len(res.Files), path).In(f.lang))
	return exitOK
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
