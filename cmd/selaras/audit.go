package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/audit"
	"github.com/selaras/selaras/rules"
)

func init() {
	register("audit", command{
		summary: lang2{id: "audit arsip unggahan satu periode: kepatuhan per akun, masalah terbanyak, tren mingguan", en: "audit an archive of posts for a period: compliance by account, top problems, weekly trend"},
		run:     runAudit,
	})
}

type auditOptions struct {
	month, since, until, period, tz string
	format, kit, columns, cacheDir  string
	csvTable                        string
	shard, shardBy, shardEnv        string
	output                          string
	noCache                         bool
	jobs                            int
}

func runAudit(e *env, args []string) int {
	if len(args) > 0 && args[0] == "merge" {
		return runAuditMerge(e, args[1:])
	}
	var o auditOptions
	f := newFlags(e, "audit", lang2{
		id: "memeriksa arsip unggahan (draf dan ekspor CSV) satu periode dan meringkasnya per akun, aturan dan minggu; `selaras audit merge a.json b.json` menggabungkan laporan JSON beberapa bagian",
		en: "checks an archive of posts (drafts and CSV exports) for one period and sums it up by account, rule and week; `selaras audit merge a.json b.json` combines the JSON reports of parts"})
	f.stringVar(&o.month, "month", "", lang2{
		id: "bulan kalender `YYYY-MM`, misalnya 2025-10",
		en: "calendar month `YYYY-MM`, e.g. 2025-10"}, "2025-10")
	f.stringVar(&o.since, "since", "", lang2{
		id: "hari pertama `YYYY-MM-DD`",
		en: "first day `YYYY-MM-DD`"}, "2025-10-01")
	f.stringVar(&o.until, "until", "", lang2{
		id: "hari sesudah hari terakhir `YYYY-MM-DD` (tidak termasuk)",
		en: "the day after the last `YYYY-MM-DD` (exclusive)"}, "2025-11-01")
	f.stringVar(&o.period, "period", "", lang2{
		id: "periode `last-month|this-month|last-week` (bawaan: last-month)",
		en: "period `last-month|this-month|last-week` (default: last-month)"}, "last-week")
	f.stringVar(&o.tz, "tz", "", lang2{
		id: "zona waktu kalender `ZONA`, misalnya Asia/Jakarta (bawaan: zona waktu komputer ini)",
		en: "time zone `ZONE` of the calendar, e.g. Asia/Jakarta (default: local)"}, "Asia/Jakarta")
	f.stringVar(&o.format, "format", "table", lang2{
		id: "format keluaran `FORMAT`: " + strings.Join(audit.Formats, " | "),
		en: "output format `FORMAT`: " + strings.Join(audit.Formats, " | ")}, "html")
	f.stringVar(&o.kit, "kit", "", lang2{
		id: "pakai kit `BERKAS` untuk setiap unggahan (tanpa opsi ini: selaras.toml terdekat, atau kit bawaan)",
		en: "use the kit `FILE` for every post (without it: the nearest selaras.toml, else the embedded kit)"}, "selaras.toml")
	f.stringVar(&o.columns, "csv-columns", "", lang2{
		id: "`PEMETAAN` kolom CSV, misalnya text=Message,date=Publish time,account=Page name,url=Permalink",
		en: "CSV header `MAPPING`, e.g. text=Message,date=Publish time,account=Page name,url=Permalink"}, "text=Message,date=Created")
	f.stringVar(&o.cacheDir, "cache-dir", "", lang2{
		id: "`FOLDER` tempat hasil pemeriksaan disimpan (bawaan: folder cache pengguna + /selaras)",
		en: "the folder `DIR` where results are cached (default: the user cache folder + /selaras)"}, "/tmp/selaras-cache")
	f.boolVar(&o.noCache, "no-cache", false, lang2{
		id: "periksa ulang setiap unggahan, tanpa membaca atau menulis cache",
		en: "check every post again, neither reading nor writing the cache"})
	f.intVar(&o.jobs, "jobs", 0, lang2{
		id: "periksa `N` unggahan sekaligus (bawaan: satu per CPU)",
		en: "check `N` posts at once (default: one per CPU)"}, "4")
	csvTableFlag(f, &o.csvTable)
	f.stringVar(&o.shard, "shard", "", lang2{
		id: "audit hanya bagian `K/N` dari unggahan (1 ≤ K ≤ N), dipilih menurut akun (atau --shard-by path); gabungkan N laporan JSON dengan selaras audit merge",
		en: "audit only share `K/N` of the posts (1 ≤ K ≤ N), chosen by account (or --shard-by path); combine the N JSON reports with selaras audit merge"}, "3/16")
	f.stringVar(&o.shardBy, "shard-by", "account", lang2{
		id: "bagi unggahan menurut `KUNCI`: account (satu akun utuh di satu bagian) | path",
		en: "split posts by `KEY`: account (each account whole in one shard) | path"}, "path")
	f.stringVar(&o.shardEnv, "shard-index-env", "", lang2{
		id: "ambil nomor bagian dari `VARIABEL` lingkungan (berbasis nol, mis. JOB_COMPLETION_INDEX); --shard lalu cukup N",
		en: "take the shard number from environment `VARIABLE` (zero-based, e.g. JOB_COMPLETION_INDEX); --shard is then just N"}, "JOB_COMPLETION_INDEX")
	outputFlag(f, &o.output)
	paths, code, ok := f.parse(args)
	if !ok {
		return code
	}
	lang := f.lang
	if !validAuditFormat(o.format) {
		f.fail("--format %q: %s", o.format, lang2{id: "pakai ", en: "use "}.in(lang)+strings.Join(audit.Formats, ", "))
		return exitError
	}
	if !validCSVTable(f, o.csvTable, o.format, lang) {
		return exitError
	}
	shard, err := audit.ParseShard(o.shard, o.shardBy, o.shardEnv)
	if err != nil {
		f.fail("%s", audit.Message(err, lang))
		return exitError
	}
	if o.output != "" {
		// Refused before the audit runs, not after minutes of it.
		if err := checkReportTarget(o.output); err != nil {
			f.fail("%s", err.In(lang))
			return exitError
		}
	}
	if len(paths) == 0 {
		f.fail("%s", lang2{id: "sebutkan folder arsip atau ekspor CSV, misalnya: selaras audit --month 2025-10 konten/",
			en: "name the archive folders or CSV exports, for example: selaras audit --month 2025-10 content/"}.in(lang))
		return exitError
	}
	period, err := audit.Resolve(audit.PeriodSpec{Month: o.month, Since: o.since, Until: o.until, Period: o.period, TZ: o.tz}, time.Now())
	if err != nil {
		f.fail("%s", audit.Message(err, lang))
		return exitError
	}
	cols, err := audit.ParseColumns(o.columns)
	if err != nil {
		f.fail("%s", audit.Message(err, lang))
		return exitError
	}
	loader := newLoader(o.kit)
	if o.kit != "" {
		if _, err := loader.Load(o.kit); err != nil {
			return kitFailed(e, lang, err)
		}
	}
	var cache *audit.Cache
	if !o.noCache {
		dir := o.cacheDir
		if dir == "" {
			if base, err := os.UserCacheDir(); err == nil {
				dir = filepath.Join(base, "selaras")
			}
		}
		if dir != "" {
			cache = &audit.Cache{Dir: dir, Warn: func(err error) {
				fmt.Fprintf(e.stderr, "selaras audit: %s: %v\n", lang2{id: "cache tidak bisa ditulis", en: "cannot write the cache"}.in(lang), err)
			}}
		}
	}
	machine := o.format != "table"
	rangeLine := fmt.Sprintf("selaras audit: %s %s .. %s (%s, %s)\n", lang2{id: "periode", en: "period"}.in(lang),
		period.SinceDay(), period.UntilDay(), lang2{id: "tanggal akhir tidak termasuk", en: "until exclusive"}.in(lang), period.Loc)
	if machine {
		io.WriteString(e.stderr, rangeLine)
	}
	opts := audit.Options{
		Period: period, Shard: shard, Columns: cols, Cache: cache, Version: version, Build: buildID(), Lang: lang,
		Engine: &lint.Engine{Rules: rules.Checks(), Kits: loader, Jobs: o.jobs},
	}
	var bar *audit.Bar
	if stderrIsTerminal(e) {
		bar = &audit.Bar{W: e.stderr, Lang: lang}
		opts.Progress = bar.Update
	}
	rep, errs, err := audit.Run(paths, opts)
	if bar != nil {
		bar.Done()
	}
	if err != nil {
		f.fail("%s", audit.Message(err, lang))
		return exitError
	}
	defer rep.Close() // its temporary file of findings
	if len(errs) > 0 {
		return kitFailed(e, lang, errs...)
	}
	if cache != nil {
		hits, misses := cache.Stats()
		fmt.Fprintf(e.stderr, "selaras audit: cache: %d %s, %d %s\n", hits, lang2{id: "dari cache", en: "reused"}.in(lang),
			misses, lang2{id: "diperiksa", en: "checked"}.in(lang))
	}
	return writeAudit(e, f, rep, o.format, o.csvTable, o.output, lang)
}

// csvTableFlag adds --csv-table: which table --format csv prints.
func csvTableFlag(f *flags, v *string) {
	f.stringVar(v, "csv-table", "findings", lang2{
		id: "tabel `TABEL` untuk --format csv: findings (satu baris per temuan) | coverage (pilar narasi per akun dan minggu, keikutsertaan kampanye)",
		en: "the `TABLE` --format csv prints: findings (one row per finding) | coverage (narrative pillars by account and week, campaign participation)"}, "coverage")
}

// validCSVTable checks --csv-table; a usage error names the choices.
func validCSVTable(f *flags, table, format, lang string) bool {
	ok := false
	for _, t := range audit.CSVTables {
		ok = ok || t == table
	}
	if !ok {
		f.fail("--csv-table %q: %s", table, lang2{id: "pakai ", en: "use "}.in(lang)+strings.Join(audit.CSVTables, ", "))
		return false
	}
	if table != "findings" && format != "csv" {
		f.fail("%s", lang2{id: "--csv-table hanya berlaku dengan --format csv", en: "--csv-table applies to --format csv only"}.in(lang))
		return false
	}
	return true
}

// ruleTitles are every rule's title, for reports that name rules by what
// they check.
func ruleTitles() map[string]lint.Text {
	m := map[string]lint.Text{}
	for _, r := range append(rules.All(), audit.Rules...) {
		m[r.Name] = r.Doc.Title
	}
	return m
}

func writeAudit(e *env, f *flags, rep *audit.Report, format, csvTable, output, lang string) int {
	rep.SetRuleTitles(ruleTitles())
	write := func(w io.Writer) error {
		if format == "csv" && csvTable == "coverage" {
			return audit.WriteCoverageCSV(w, rep)
		}
		// Written as it goes: a month's report in JSON is tens of
		// megabytes, and holding a copy doubled the audit's peak memory.
		return audit.Write(w, rep, format, lang)
	}
	if output != "" {
		if err := writeReportFile(output, write); err != nil {
			f.fail("%s", err.In(lang))
			return exitError
		}
		return exitOK
	}
	// The format was checked before the audit ran, so only a failing
	// stdout can stop it half-way.
	if err := write(e.stdout); err != nil {
		var msg *audit.Error
		if errors.As(err, &msg) {
			f.fail("%s", audit.Message(err, lang))
		}
		// A closed stdout (the reader went away) is not worth a message.
		return exitError
	}
	return exitOK
}

// outputFlag adds --output: the report goes to a file, for batch engines
// that run selaras without a shell to redirect its output.
func outputFlag(f *flags, v *string) {
	f.stringVar(v, "output", "", lang2{
		id: "tulis laporan ke `BERKAS` (atomik; hanya menimpa laporan selaras sebelumnya), bukan ke keluaran standar",
		en: "write the report to `FILE` (atomically; only over an earlier selaras report) instead of standard output"}, "shard-3.json")
}

// checkReportTarget refuses an --output path that holds something other
// than a selaras report: selaras replaces only what it wrote.
func checkReportTarget(path string) *lint.TextError {
	info, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil || !info.Mode().IsRegular() {
		return &lint.TextError{Text: lint.Tf("--output %s: bukan berkas biasa; sebutkan berkas laporan", "--output %s: not a regular file; name a report file", path)}
	}
	fh, err := os.Open(path)
	if err != nil {
		return &lint.TextError{Text: lint.Tf("--output %s: tidak bisa dibaca: %v", "--output %s: cannot be read: %v", path, lint.PlainError(err))}
	}
	defer fh.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(fh, head)
	if !isSelarasReport(head[:n]) {
		return &lint.TextError{Text: lint.Tf("--output %s: berkas itu sudah ada dan bukan laporan selaras; selaras tidak menimpanya",
			"--output %s: the file exists and is not a selaras report; selaras does not overwrite it", path)}
	}
	return nil
}

// isSelarasReport recognises the start of a report in any audit format.
func isSelarasReport(b []byte) bool {
	s := string(b)
	return len(b) == 0 ||
		strings.HasPrefix(s, "{\n  \"version\": ") ||
		strings.Contains(s, `<meta name="generator" content="selaras`) ||
		strings.HasPrefix(s, "post,path,account,date,week,rule") ||
		strings.HasPrefix(s, "table,key,item,posts") ||
		strings.HasPrefix(s, "Audit ")
}

// writeReportFile streams a report into a temporary file beside path and
// renames it into place, so that a reader (or a retried job) sees the old
// report or the new one, never half of one.
func writeReportFile(path string, write func(io.Writer) error) *lint.TextError {
	if err := checkReportTarget(path); err != nil {
		return err
	}
	fail := func(err error) *lint.TextError {
		return &lint.TextError{Text: lint.Tf("--output %s: tidak bisa ditulis: %v", "--output %s: cannot be written: %v", path, lint.PlainError(err))}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".selaras-*")
	if err != nil {
		return fail(err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		var msg *audit.Error
		if errors.As(err, &msg) {
			return &lint.TextError{Text: lint.Text{ID: audit.Message(err, "id"), EN: audit.Message(err, "en")}}
		}
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	done = true
	return nil
}

func validAuditFormat(s string) bool {
	for _, f := range audit.Formats {
		if f == s {
			return true
		}
	}
	return false
}

func runAuditMerge(e *env, args []string) int {
	var format string
	f := newFlags(e, "audit merge", lang2{
		id: "menggabungkan laporan JSON audit beberapa bagian arsip (periode sama) menjadi laporan keseluruhan",
		en: "combines JSON audit reports of parts of an archive (same period) into the report of the whole"})
	f.stringVar(&format, "format", "json", lang2{
		id: "format keluaran `FORMAT`: " + strings.Join(audit.Formats, " | "),
		en: "output format `FORMAT`: " + strings.Join(audit.Formats, " | ")}, "table")
	var csvTable string
	csvTableFlag(f, &csvTable)
	var partial bool
	var output string
	outputFlag(f, &output)
	f.boolVar(&partial, "partial", false, lang2{
		id: "gabungkan juga bila ada bagian --shard yang hilang atau campuran; laporan lalu ditandai sebagian (partial, missing_shards)",
		en: "merge even when --shard shards are missing or mixed; the report is then marked partial (partial, missing_shards)"})
	names, code, ok := f.parse(args)
	if !ok {
		return code
	}
	lang := f.lang
	if !validAuditFormat(format) {
		f.fail("--format %q: %s", format, lang2{id: "pakai ", en: "use "}.in(lang)+strings.Join(audit.Formats, ", "))
		return exitError
	}
	if !validCSVTable(f, csvTable, format, lang) {
		return exitError
	}
	if len(names) == 0 {
		f.fail("%s", lang2{id: "sebutkan laporan JSON yang digabung, misalnya: selaras audit merge a.json b.json",
			en: "name the JSON reports to merge, for example: selaras audit merge a.json b.json"}.in(lang))
		return exitError
	}
	var reps []*audit.Report
	for _, n := range names {
		r, err := audit.ReadReport(n)
		if err != nil {
			f.fail("%s", audit.Message(err, lang))
			return exitError
		}
		reps = append(reps, r)
	}
	merged, err := audit.Merge(reps, names, lang, partial)
	if err != nil {
		f.fail("%s", audit.Message(err, lang))
		return exitError
	}
	return writeAudit(e, f, merged, format, csvTable, output, lang)
}

func stderrIsTerminal(e *env) bool {
	if f, ok := e.stderr.(*os.File); ok {
		return isTerminal(f)
	}
	return false
}

var (
	buildOnce sync.Once
	buildHash string
)

// buildID identifies this binary for cache keys: the version and a hash of
// the executable, so a rebuilt selaras with changed rules never reuses
// results of the old one.
func buildID() string {
	buildOnce.Do(func() {
		buildHash = version
		exe, err := os.Executable()
		if err != nil {
			return
		}
		fh, err := os.Open(exe)
		if err != nil {
			return
		}
		defer fh.Close()
		h := sha256.New()
		if _, err := io.Copy(h, fh); err == nil {
			buildHash = version + "+" + hex.EncodeToString(h.Sum(nil)[:8])
		}
	})
	return buildHash
}
