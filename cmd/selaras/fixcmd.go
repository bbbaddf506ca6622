package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/baseline"
	"github.com/selaras/selaras/lint/fix"
)

// checkExtras are the flags of `selaras check` about what happens after the
// rules ran: autofix, baselines, suppression reports and output limits.
type checkExtras struct {
	fix, diff, unsafe bool
	fixReadOnly       bool
	baseline          string
	noBaseline        bool
	maxFindings       int
	reportUnused      bool

	// bl is the baseline in use (nil for none), read from blPath by validate.
	bl     *baseline.File
	blPath string
}

// maxFixRounds bounds fixing: after each round the fixed files are checked
// again, and fixes that overlapped one already applied get their turn.
const maxFixRounds = 10

func (x *checkExtras) register(f *flags) {
	f.boolVar(&x.fix, "fix", false, lang2{
		id: "terapkan perbaikan yang aman ke berkasnya (ditulis utuh sekaligus; berkas yang berubah selama diperiksa dibiarkan); dengan - cetak teks yang sudah diperbaiki",
		en: "apply the safe fixes to the files (atomically; a file edited meanwhile is left alone); with - print the fixed text"})
	f.boolVar(&x.diff, "diff", false, lang2{
		id: "bersama --fix: cetak perbaikan sebagai unified diff (untuk patch -p0) tanpa menulis apa pun",
		en: "with --fix: print the fixes as a unified diff (for patch -p0) and write nothing"})
	f.boolVar(&x.unsafe, "unsafe-fixes", false, lang2{
		id: "bersama --fix: terapkan juga perbaikan yang tidak aman (memilih salah satu saran, menyisipkan tagar yang kurang)",
		en: "with --fix: also apply unsafe fixes (a choice between suggestions, inserting missing hashtags)"})
	f.boolVar(&x.fixReadOnly, "fix-readonly", false, lang2{
		id: "bersama --fix: tulis juga berkas hanya-baca (tanpa opsi ini berkas itu dilewati dengan pesan)",
		en: "with --fix: also rewrite read-only files (without it they are left alone, with a message)"})
	f.stringVar(&x.baseline, "baseline", "", lang2{
		id: "laporkan hanya temuan yang belum tercatat di baseline `BERKAS` (bawaan: " + baseline.FileName + " di folder ini, bila ada)",
		en: "report only findings not recorded in the baseline `FILE` (default: " + baseline.FileName + " in the current folder, when it exists)"}, baseline.FileName)
	f.boolVar(&x.noBaseline, "no-baseline", false, lang2{
		id: "abaikan baseline apa pun: laporkan semua temuan",
		en: "ignore any baseline: report every finding"})
	f.intVar(&x.maxFindings, "max-findings", 0, lang2{
		id: "tampilkan paling banyak `N` temuan (0: semua); status keluar tetap menghitung semua temuan",
		en: "show at most `N` findings (0: all); the exit status still counts every finding"}, "20")
	f.boolVar(&x.reportUnused, "report-unused-ignores", false, lang2{
		id: "laporkan pengabaian di front matter yang tidak membungkam temuan apa pun (aturan ignore-unused)",
		en: "report front matter ignores that silence no finding (rule ignore-unused)"})
}

// validate checks the flags' combinations; staged is --staged.
func (x *checkExtras) validate(f *flags, staged bool) bool {
	bad := func(id, en string) bool {
		f.fail("%s", lang2{id: id, en: en}.in(f.lang))
		return false
	}
	if x.diff {
		x.fix = true
	}
	switch {
	case x.unsafe && !x.fix:
		return bad("--unsafe-fixes hanya berlaku bersama --fix atau --diff", "--unsafe-fixes only applies together with --fix or --diff")
	case x.fixReadOnly && !x.fix:
		return bad("--fix-readonly hanya berlaku bersama --fix", "--fix-readonly only applies together with --fix")
	case x.fix && staged:
		return bad("--fix tidak bisa dipakai dengan --staged (yang diperiksa isi indeks git, bukan berkasnya); perbaiki berkasnya dengan selaras check --fix, lalu git add lagi",
			"--fix cannot be used with --staged (the git index is checked, not the files); fix the files with selaras check --fix, then git add them again")
	case x.maxFindings < 0:
		return bad("--max-findings harus 0 (semua) atau lebih", "--max-findings must be 0 (all) or more")
	case x.noBaseline && x.baseline != "":
		return bad("--baseline dan --no-baseline tidak bisa dipakai bersamaan", "--baseline and --no-baseline cannot be used together")
	}
	var err error
	if x.bl, x.blPath, err = x.loadBaseline(); err != nil {
		f.fail("%v", err)
		return false
	}
	return true
}

func (x *checkExtras) configure(eng *lint.Engine) {
	eng.ReportUnusedIgnores = x.reportUnused
	eng.KeepDrafts = x.fix // fixing edits each draft's whole text
}

// postRun is what check prints after the extras ran.
type postRun struct {
	// full is every finding that counts for the exit status; shown is what
	// the report lists (--max-findings).
	full, shown *lint.Result
	notes       []lint.Text
	// w receives the report: stdout, or stderr when stdout carries the
	// fixed stdin text.
	w io.Writer
	// failed is set when a file could not be written (exit status 2).
	failed bool
	// done means the command's output is complete (--diff): exit with code.
	done bool
	code int
}

// after runs the fixes, the baseline and the output limit over res.
func (x *checkExtras) after(e *env, f *flags, eng *lint.Engine, inputs []lint.Input, res *lint.Result, failRank int, formatName string) postRun {
	p := postRun{full: res, w: e.stdout}
	bl, blPath := x.bl, x.blPath
	var rel baseline.Rel
	if bl != nil {
		dir, err := filepath.Abs(filepath.Dir(blPath))
		if err != nil {
			f.fail("%v", err)
			return postRun{done: true, code: exitError}
		}
		rel = baseline.RelTo(dir, absLookup(inputs))
	}
	if x.fix {
		fixed, notes, stdinText, failed := x.runFixes(e, f, eng, inputs, res)
		if x.diff {
			full := res
			if bl != nil {
				full, _ = bl.Filter(res, rel)
			}
			return postRun{done: true, code: exitStatus(full, failRank)}
		}
		if stdinText != nil {
			if _, err := e.stdout.Write(stdinText); err != nil {
				return postRun{done: true, code: exitError}
			}
			p.w = e.stderr
		}
		p.full, p.notes, p.failed = fixed, notes, failed
	}
	if bl != nil {
		var st baseline.Stats
		p.full, st = bl.Filter(p.full, rel)
		if st.Baselined > 0 {
			p.notes = append(p.notes, lint.Tf("%d temuan lama tidak ditampilkan: tercatat di baseline %s",
				"%d known findings not shown: recorded in the baseline %s", st.Baselined, blPath))
		}
		if st.Gone > 0 {
			p.notes = append(p.notes, lint.Tf("%d temuan di baseline sudah tidak ada (sudah diperbaiki); selaras baseline write memperbarui baseline",
				"%d findings of the baseline are gone (fixed); selaras baseline write updates the baseline", st.Gone))
		}
	}
	p.shown = p.full
	if x.maxFindings > 0 {
		var more int
		p.shown, more = limit(p.full, x.maxFindings)
		if more > 0 {
			p.notes = append(p.notes, lint.Tf("%d temuan lain tidak ditampilkan (--max-findings %d)",
				"%d more findings not shown (--max-findings %d)", more, x.maxFindings))
		}
	}
	if formatName != "text" {
		// Formats for machines have no room for notes: they go to stderr.
		for _, n := range p.notes {
			fmt.Fprintf(e.stderr, "selaras: %s\n", n.In(f.lang))
		}
		p.notes = nil
	}
	return p
}

// loadBaseline reads --baseline, or the current folder's baseline when
// there is one.
func (x *checkExtras) loadBaseline() (*baseline.File, string, error) {
	if x.noBaseline {
		return nil, "", nil
	}
	path := x.baseline
	if path == "" {
		if _, err := os.Stat(baseline.FileName); err != nil {
			return nil, "", nil
		}
		path = baseline.FileName
	}
	b, err := baseline.Read(path)
	if err != nil {
		return nil, "", fmt.Errorf("baseline %s: %s", path, plainErr(err))
	}
	return b, path, nil
}

// absLookup maps the displayed paths of inputs to their absolute paths.
func absLookup(inputs []lint.Input) func(string) string {
	m := make(map[string]string, len(inputs))
	for _, in := range inputs {
		m[in.Path] = in.Abs
	}
	return func(p string) string { return m[p] }
}

// limit keeps the first n findings (in output order) and says how many
// were left out.
func limit(res *lint.Result, n int) (*lint.Result, int) {
	out := &lint.Result{Errors: res.Errors}
	more := 0
	for _, fr := range res.Files {
		c := *fr
		c.Findings = nil
		for _, f := range fr.Findings {
			if n > 0 {
				c.Findings = append(c.Findings, f)
				n--
			} else {
				more++
			}
		}
		out.Files = append(out.Files, &c)
	}
	return out, more
}

// fixState is one draft being fixed.
type fixState struct {
	in       lint.Input
	orig     *lint.FileResult // the result before any fix
	origText string
	text     string
	bom      bool
	applied  int
	stdin    bool
}

// runFixes applies the fixes in rounds: apply what does not overlap, check
// the changed drafts again, repeat until nothing changes. It then writes
// the files (or prints the diff), and returns the result after fixing,
// notes for the report, the fixed stdin text (nil when stdin was not
// read), and whether a file could not be written.
func (x *checkExtras) runFixes(e *env, f *flags, eng *lint.Engine, inputs []lint.Input, res *lint.Result) (*lint.Result, []lint.Text, []byte, bool) {
	byPath := map[string]*lint.FileResult{}
	for _, fr := range res.Files {
		byPath[fr.Path] = fr
	}
	var states []*fixState
	for _, in := range inputs {
		fr := byPath[in.Path]
		if fr == nil || fr.Draft == nil || in.Kind != lint.KindText {
			continue
		}
		states = append(states, &fixState{in: in, orig: fr, origText: fr.Draft.Source, text: fr.Draft.Source,
			bom: fr.Draft.BOM, stdin: in.Data != nil})
	}
	current := byPath
	for round := 0; round < maxFixRounds; round++ {
		var again []lint.Input
		for _, s := range states {
			out := fix.Apply(s.text, current[s.in.Path].Findings, x.unsafe)
			if out.Text == s.text {
				continue
			}
			s.text = out.Text
			s.applied += len(out.Applied)
			in := s.in
			in.Data = fix.Restore(s.text, s.bom)
			again = append(again, in)
		}
		if len(again) == 0 {
			break
		}
		next := eng.Run(again)
		if len(next.Errors) > 0 {
			break // the kits loaded before; a rule that broke is reported by the first run
		}
		for _, fr := range next.Files {
			current[fr.Path] = fr
		}
	}

	var notes []lint.Text
	var stdinText []byte
	failed := false
	fixes, files := 0, 0
	for _, s := range states {
		if s.stdin {
			stdinText = fix.Restore(s.text, s.bom)
		}
		if s.text == s.origText {
			continue
		}
		switch {
		case x.diff:
			io.WriteString(e.stdout, fix.Unified(s.in.Path, s.in.Path,
				string(fix.Restore(s.origText, s.bom)), string(fix.Restore(s.text, s.bom))))
		case s.stdin:
		default:
			if err := fix.WriteFileWith(s.in.Abs, fix.Restore(s.text, s.bom), fix.Restore(s.origText, s.bom), fix.Options{ReadOnly: x.fixReadOnly}); err != nil {
				msg := lint.ErrorText(err).In(f.lang)
				if errors.Is(err, fix.ErrChanged) {
					msg = lang2{id: "berkas berubah selama diperiksa; tidak ditulis, jalankan selaras lagi",
						en: "the file changed on disk while it was being checked; not written, run selaras again"}.in(f.lang)
				}
				fmt.Fprintf(e.stderr, "selaras check: %s: %s\n", s.in.Path, msg)
				current[s.in.Path] = s.orig
				failed = true
				continue
			}
		}
		fixes += s.applied
		files++
	}

	out := &lint.Result{Errors: res.Errors}
	for _, fr := range res.Files {
		out.Files = append(out.Files, current[fr.Path])
	}
	if fixes > 0 {
		t := lint.Tf("%d perbaikan diterapkan di %d berkas", "%d fixes applied in %d files", fixes, files)
		if x.diff {
			t = lint.Tf("%d perbaikan di %d berkas (tidak ditulis: --diff)", "%d fixes in %d files (not written: --diff)", fixes, files)
		}
		notes = append(notes, t)
	}
	// Fixes still there after the last round were not applied: they
	// overlap one another, or keep changing the text; say so, with places.
	for _, s := range states {
		fr := current[s.in.Path]
		if fr == nil || fr.Draft == nil || fr == s.orig && s.text != s.origText {
			continue // not written: its findings are the original ones
		}
		final := fix.Apply(s.text, fr.Findings, x.unsafe)
		for _, sk := range final.Skipped {
			g := sk.Finding
			t := lint.Tf("%s:%d:%d %s: perbaikan tidak diterapkan, bertumpuk dengan perbaikan lain; perbaiki sendiri",
				"%s:%d:%d %s: fix not applied, it overlaps another fix; fix it by hand", fr.Path, g.Line, g.Column, g.Rule)
			if sk.Reason == fix.Invalid {
				t = lint.Tf("%s:%d:%d %s: perbaikan tidak diterapkan, tempatnya tidak sah (kesalahan aturan; mohon laporkan)",
					"%s:%d:%d %s: fix not applied, its place is invalid (a rule's bug; please report it)", fr.Path, g.Line, g.Column, g.Rule)
			}
			notes = append(notes, t)
		}
		if final.Text != s.text {
			notes = append(notes, lint.Tf("%s: perbaikan terus mengubah teks setelah %d putaran; periksa hasilnya sendiri",
				"%s: fixes kept changing the text after %d rounds; review the result by hand", fr.Path, maxFixRounds))
		}
	}
	unsafe := 0
	for _, fr := range out.Files {
		for _, g := range fr.Findings {
			if g.Fix != nil && !g.Fix.Safe && g.Path == "" && !x.unsafe {
				unsafe++
			}
		}
	}
	if unsafe > 0 {
		notes = append(notes, lint.Tf("%d perbaikan tidak aman tersedia; --unsafe-fixes menerapkannya (periksa hasilnya)",
			"%d unsafe fixes available; --unsafe-fixes applies them (review the result)", unsafe))
	}
	if x.diff {
		for _, n := range notes {
			fmt.Fprintf(e.stderr, "selaras: %s\n", n.In(f.lang))
		}
	}
	return out, notes, stdinText, failed
}

// plainErr is lint.PlainError, which also names a file that is not a
// baseline.
func plainErr(err error) string {
	if errors.Is(err, baseline.ErrNotBaseline) {
		return "not a selaras baseline file (written by selaras baseline write)"
	}
	return lint.PlainError(err)
}
