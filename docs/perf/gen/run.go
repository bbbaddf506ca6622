package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

type options struct {
	selaras, vale, work, out, repo, note string
	sizes, images                        []int
	repeat, repeatLarge, startupRuns     int
	valeMax                              int
	auditBudget, hook, gobench           bool
	seed                                 int64
	textMemMB                            int64
	budgetDrafts, budgetImages           int
}

// result is a measured command on a corpus: the median and all samples.
type result struct {
	med     sample
	samples []sample
	files   int // drafts (or posts) in the corpus
	err     error
}

// budget is one row of the issues' budgets table.
type budget struct {
	issue, what, limit, measured, how string
	state                             string // "pass", "FAIL", "not measured", "info"
}

type report struct {
	o        *options
	started  time.Time
	machine  []string
	budgets  []*budget
	sections []string
	skipped  []string
	textHead bool
	later    []string // sections placed after the text corpora
}

func (r *report) budget(issue, what, limit, how string) *budget {
	b := &budget{issue: issue, what: what, limit: limit, how: how, measured: "–", state: "not measured"}
	r.budgets = append(r.budgets, b)
	return b
}

func (b *budget) set(measured string, pass bool) {
	b.measured = measured
	if pass {
		b.state = "pass"
	} else {
		b.state = "**FAIL**"
	}
}

func (b *budget) info(measured string) { b.measured, b.state = measured, "(no limit)" }

func (r *report) add(s string) {
	r.sections = append(r.sections, s)
	r.write()
}

func (r *report) skip(s string) {
	r.skipped = append(r.skipped, s)
	fmt.Fprintln(os.Stderr, "gen: skipped:", s)
	r.write()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
func secs(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
func mb(b int64) string { return thousands(int(float64(b)/1e6+0.5)) + " MB" }
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
func rate(n int, d time.Duration) string {
	if d <= 0 {
		return "–"
	}
	return thousands(int(float64(n)/d.Seconds() + 0.5))
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func progress(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "gen %s: %s\n", time.Now().UTC().Format("15:04:05"), fmt.Sprintf(format, a...))
}

// measureN runs a command n times; prepare (optional) runs before each.
func (r *report) measureN(n, files int, dir string, env []string, prepare func(int) error, bin string, args func(int) []string) result {
	res := result{files: files}
	for i := 0; i < n; i++ {
		if prepare != nil {
			if err := prepare(i); err != nil {
				res.err = err
				return res
			}
		}
		s, _, err := runOnce(dir, env, false, []int{0, 1}, bin, args(i)...)
		if err != nil {
			res.err = err
			return res
		}
		res.samples = append(res.samples, s)
	}
	res.med = median(res.samples)
	return res
}

func (r *report) reps(files int) int {
	if files > 10000 {
		return r.o.repeatLarge
	}
	return r.o.repeat
}

func fixed(args ...string) func(int) []string { return func(int) []string { return args } }

var checkArgs = []string{"check", "--format", "json", "--fail-on", "none", "--color", "never"}

func auditArgs(cache string) []string {
	return []string{"audit", "--format", "json", "--month", "2025-10", "--tz", "UTC", "--cache-dir", cache, "."}
}

// row renders one measured command as a table row.
func row(label string, res result, unit string) string {
	if res.err != nil {
		return fmt.Sprintf("| %s | failed: %s | | | | |\n", label, oneLine(res.err.Error()))
	}
	lo, hi := spread(res.samples)
	rng := ""
	if len(res.samples) > 1 {
		rng = fmt.Sprintf(" (%s–%s, %d runs)", secs(lo), secs(hi), len(res.samples))
	}
	return fmt.Sprintf("| %s | %s%s | %s | %s | %s | %s |\n", label, secs(res.med.Wall), rng, secs(res.med.CPU), mb(res.med.RSS),
		rate(res.files, res.med.Wall), rate(res.files, res.med.CPU))
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	s = strings.ReplaceAll(s, "|", "/")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

const tableHead = "| command | wall (median) | CPU (user+sys) | peak memory | %s/s (wall) | %s per CPU-second |\n|---|---|---|---|---|---|\n"

func run(o *options) error {
	r := &report{o: o, started: time.Now().UTC()}
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return err
	}
	r.machineInfo()
	bStart := r.budget("2", "`selaras check` on one draft, start-up included", "< 30 ms wall", "median of the start-up runs below")
	bPipe := r.budget("2", "text pipeline throughput (read, tokenize, `jargon`, `hashtag-missing`)", "report drafts/s per core", "`go test ./lint -bench Pipeline -cpu 1`")
	bStem := r.budget("3", "Indonesian stemmer", "≥ 1,000,000 words/s on one core", "`go test ./lint/stem/indonesian -bench Stem -cpu 1`")
	bDict := r.budget("3", "pipeline with a 10,000-entry jargon dictionary vs 100 entries", "≤ 1.5x", "`BenchmarkPipeline` jargon=10000 / jargon=100 (ns/op)")
	bText := r.budget("4", "all text rules, default kit, ~150-word drafts", "≥ 5,000 drafts/s per core", "`go test ./rules -bench TextRules -cpu 1` (drafts per CPU-second)")
	bTextE2E := r.budget("4", "the same, end to end: `selaras check --jobs 1` on the 10,000-draft corpus (all rules, process and I/O included)", "≥ 5,000 drafts/s per core", "drafts per CPU-second of the real binary")
	bImg := r.budget("6", "all image rules on a 1080x1350 JPEG vs decoding it alone", "≤ 1.5x", "`go test ./rules/image -bench 'BudgetRatio|DecodeOnly|AllImageRules' -cpu 1`")
	bLogo := r.budget("6", "logo search per image on one core", "< 20 ms", "`go test ./rules/image -bench LogoSearch -cpu 1`")
	bImgMem := r.budget("6", "peak memory does not grow with the number of images", "< 1 MB more per additional poster (one decoded 1080x1350 poster is 5.8 MB)", "peak RSS of `selaras check` on the image corpora")
	bHook := r.budget("7", "pre-commit: one staged draft in a repository of 10,000 drafts", "< 100 ms", "median wall of `selaras check --staged`")
	bCold := r.budget("8", "cold audit of 10,000 drafts + 2,000 images vs `check` on the same files", "≤ 1.2x", "wall time ratio (CPU ratio alongside)")
	bWarm := r.budget("8", "warm (cached) audit re-run, same corpus", "< 2 s", "wall time")
	bAuditMem := r.budget("8", "audit peak memory, same corpus", "< 300 MB", "peak RSS, cold and warm")
	bLinear := r.budget("10", "cost grows linearly with corpus size", "CPU per draft at every size within 1.25x of the smallest", "text corpora, `check` and cold `audit`")
	r.write()

	r.startup(bStart)
	var valeRows []valeRow
	var linear []linRow
	for _, n := range o.sizes {
		lr, vr, err := r.textCorpus(n, bTextE2E, bHook)
		if err != nil {
			return err
		}
		linear = append(linear, lr)
		valeRows = append(valeRows, vr...)
	}
	r.linearity(linear, bLinear)
	for _, l := range r.later {
		r.add(l)
	}
	r.later = nil
	r.imageCorpora(bImgMem)
	if o.auditBudget {
		r.auditBudget(bCold, bWarm, bAuditMem)
	} else {
		r.skip("the audit budget corpus (10,000 drafts + 2,000 posters): -audit-budget=false")
	}
	if o.gobench {
		r.goBenchmarks(bPipe, bStem, bDict, bText, bImg, bLogo)
	} else {
		r.skip("the Go benchmarks: -gobench=false")
	}
	r.valeSection(valeRows)
	r.write()
	progress("done: %s", o.out)
	return nil
}

func peakHow() string {
	if timeBin != "" {
		return "peak memory: the maximum resident set of each run as GNU time reports it (`" + timeBin + " -f %M`); wall time measured around it, CPU time from the run's rusage"
	}
	return "peak memory: from Go's rusage of the child, which on Linux also counts this measuring program's own peak (GNU time was not found): treat memory figures as upper bounds"
}

func (r *report) machineInfo() {
	model := "?"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	mem := "?"
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "MemTotal:") {
				f := strings.Fields(l)
				if len(f) > 1 {
					kb, _ := strconv.Atoi(f[1])
					mem = fmt.Sprintf("%.0f GB", float64(kb)/1e6)
				}
			}
		}
	}
	kernel := "?"
	if b, err := exec.Command("uname", "-sr").Output(); err == nil {
		kernel = strings.TrimSpace(string(b))
	}
	version := "?"
	if b, err := exec.Command(r.o.selaras, "version").Output(); err == nil {
		version = strings.TrimSpace(string(b))
	}
	commit := "?"
	if b, err := exec.Command("git", "-C", r.o.repo, "log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M UTC").Output(); err == nil {
		commit = strings.TrimSpace(string(b))
	}
	if b, err := exec.Command("git", "-C", r.o.repo, "status", "--porcelain", "--untracked-files=no").Output(); err == nil {
		if n := len(strings.Fields(strings.TrimSpace(string(b)))) / 2; n > 0 {
			commit += fmt.Sprintf(" (the working tree had %d files with changes not yet committed: others' work in progress)", n)
		}
	}
	valeV := "not installed: the side-by-side is skipped"
	if r.o.vale != "" {
		if b, err := exec.Command(r.o.vale, "--version").Output(); err == nil {
			valeV = strings.TrimSpace(string(b))
		}
		// A binary from `go install` calls itself "master": the module
		// version is in its build information.
		if b, err := exec.Command("go", "version", "-m", r.o.vale).Output(); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if f := strings.Fields(l); len(f) >= 3 && f[0] == "mod" && strings.HasPrefix(f[1], "github.com/vale-cli/vale") {
					valeV += " (module " + f[1] + " " + f[2] + ", " + strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]) + ")"
				}
			}
		}
	}
	r.machine = []string{
		fmt.Sprintf("CPU: %s, %d logical cores (`GOMAXPROCS` %d)", model, runtime.NumCPU(), runtime.GOMAXPROCS(0)),
		"memory: " + mem + "; " + kernel,
		"Go: " + runtime.Version() + "; selaras: " + version + ", built from commit " + commit,
		"Vale: " + valeV,
		peakHow(),
		"started " + r.started.Format("2006-01-02 15:04 UTC") + "; load average at start " + loadavg(),
	}
}

// startup measures one draft (embedded kit, no selaras.toml above it) and
// `selaras version` (the process alone).
func (r *report) startup(b *budget) {
	progress("start-up")
	dir := filepath.Join(r.o.work, "one")
	os.MkdirAll(dir, 0o755)
	draft := filepath.Join(dir, "draf.md")
	rng := newRand(r.o.seed)
	if err := os.WriteFile(draft, []byte(draftText(rng, 0, "")), 0o644); err != nil {
		r.skip("start-up: " + err.Error())
		return
	}
	n := r.o.startupRuns
	one := r.measureN(n, 1, dir, nil, nil, r.o.selaras, fixed(append(append([]string{}, checkArgs...), "draf.md")...))
	text := r.measureN(n, 1, dir, nil, nil, r.o.selaras, fixed("check", "--color", "never", "draf.md"))
	ver := r.measureN(n, 1, dir, nil, nil, r.o.selaras, fixed("version"))
	var s strings.Builder
	s.WriteString("## Start-up: one draft\n\n")
	fmt.Fprintf(&s, "One generated draft of %d words in a folder without a `selaras.toml` (so the embedded default kit is parsed at every run), %d runs each, median and range of the wall time:\n\n", len(strings.Fields(mustRead(draft))), n)
	s.WriteString("| command | wall (median) | range | CPU (median) | peak memory |\n|---|---|---|---|---|\n")
	for _, c := range []struct {
		label string
		res   result
	}{{"`selaras check --format json draf.md`", one}, {"`selaras check draf.md` (text output)", text}, {"`selaras version` (process start alone)", ver}} {
		if c.res.err != nil {
			fmt.Fprintf(&s, "| %s | failed: %s | | | |\n", c.label, oneLine(c.res.err.Error()))
			continue
		}
		lo, hi := spread(c.res.samples)
		fmt.Fprintf(&s, "| %s | %s | %s–%s | %s | %s |\n", c.label, ms(c.res.med.Wall), ms(lo), ms(hi), ms(c.res.med.CPU), mb(c.res.med.RSS))
	}
	s.WriteString("\n")
	if one.err == nil {
		b.set(ms(one.med.Wall)+" median", one.med.Wall < 30*time.Millisecond)
	}
	r.add(s.String())
}

func mustRead(p string) string {
	b, _ := os.ReadFile(p)
	return string(b)
}

type linRow struct {
	n                     int
	check, audit, nolimit result
	largest               bool
}

type valeRow struct {
	n             int
	vale, selaras result
	vFind, sFind  int
	vErr          error
	entries       int
}

// textCorpus writes n drafts, measures check (default jobs and --jobs 1),
// audit cold and warm, the Vale side-by-side and, at 10,000 drafts, the
// pre-commit hook; then removes the corpus.
func (r *report) textCorpus(n int, bE2E, bHook *budget) (linRow, []valeRow, error) {
	dir := filepath.Join(r.o.work, fmt.Sprintf("text-%d", n))
	progress("text corpus of %d drafts: writing", n)
	t0 := time.Now()
	if err := writeCorpus(dir, n, 0, r.o.seed, nil); err != nil {
		return linRow{}, nil, err
	}
	gen := time.Since(t0)
	defer os.RemoveAll(dir)
	words, bytes := corpusStats(dir)
	reps := r.reps(n)
	saved := memLimit
	memLimit = r.o.textMemMB * 1e6
	defer func() { memLimit = saved }()
	load0 := loadavg()
	progress("text corpus of %d drafts: check", n)
	chk := r.measureN(reps, n, dir, nil, nil, r.o.selaras, fixed(append(append([]string{}, checkArgs...), ".")...))
	chk1 := r.measureN(reps, n, dir, nil, nil, r.o.selaras, fixed(append(append([]string{}, checkArgs...), "--jobs", "1", ".")...))
	progress("text corpus of %d drafts: audit", n)
	cache := func(i int) string { return filepath.Join(r.o.work, fmt.Sprintf("cache-text-%d-%d", n, i)) }
	cold := r.measureN(reps, n, dir, nil, func(i int) error { return os.RemoveAll(cache(i)) }, r.o.selaras, func(i int) []string { return auditArgs(cache(i)) })
	warm := r.measureN(reps, n, dir, nil, nil, r.o.selaras, func(i int) []string { return auditArgs(cache(0)) })
	for i := 0; i < reps; i++ {
		os.RemoveAll(cache(i))
	}
	// selaras sets a soft memory limit of its own unless GOMEMLIMIT is
	// set; on the largest corpus, one run without it shows what the limit
	// costs or saves.
	var nolimit result
	largest := n == slices.Max(r.o.sizes)
	if largest {
		progress("text corpus of %d drafts: check with GOMEMLIMIT=off", n)
		nolimit = r.measureN(1, n, dir, append(os.Environ(), "GOMEMLIMIT=off"), nil, r.o.selaras, fixed(append(append([]string{}, checkArgs...), ".")...))
	}
	var s strings.Builder
	if !r.textHead {
		r.textHead = true
		s.WriteString("## Text corpora: `check` and `audit`\n\n")
		s.WriteString("`check` runs as `selaras check --format json --fail-on none --color never .` in the corpus folder (output discarded), `audit` as `selaras audit --format json --month 2025-10 --tz UTC --cache-dir DIR .` (every draft is dated in October 2025, so both see the same posts). The last two columns are the throughput: drafts per second of wall time, and drafts per CPU-second (the per-core figure, independent of how many cores ran).\n\n")
	}
	fmt.Fprintf(&s, "### %s drafts\n\n", thousands(n))
	fmt.Fprintf(&s, "%s drafts in %d account folders, %s words (%d per draft on average), %.1f MB; written in %s. Load average before: %s, after: %s.\n\n",
		thousands(n), len(accounts), thousands(words), words/max(n, 1), float64(bytes)/1e6, secs(gen), load0, loadavg())
	fmt.Fprintf(&s, tableHead, "drafts", "drafts")
	s.WriteString(row("`check` (all cores)", chk, ""))
	s.WriteString(row("`check --jobs 1`", chk1, ""))
	s.WriteString(row("`audit` cold (empty cache)", cold, ""))
	s.WriteString(row("`audit` warm (cached)", warm, ""))
	if largest {
		s.WriteString(row("`check` with `GOMEMLIMIT=off` (without selaras's own soft memory limit)", nolimit, ""))
	}
	s.WriteString("\n")
	r.add(s.String())
	if n == 10000 && chk1.err == nil {
		v := float64(n) / chk1.med.CPU.Seconds()
		bE2E.set(fmt.Sprintf("%s drafts per CPU-second (%s drafts/s wall with `--jobs 1`)", thousands(int(v)), rate(n, chk1.med.Wall)), v >= 5000)
	}
	var vr []valeRow
	if r.o.vale != "" && n <= r.o.valeMax {
		progress("text corpus of %d drafts: vale side-by-side", n)
		vr = append(vr, r.valeRun(dir, n))
	} else if r.o.vale != "" {
		r.skip(fmt.Sprintf("Vale on the %s-draft corpus (larger than -vale-max %s)", thousands(n), thousands(r.o.valeMax)))
	}
	if n == 10000 && r.o.hook {
		r.hookRun(dir, bHook) // its section waits until the text corpora are done
	}
	return linRow{n: n, check: chk, audit: cold, nolimit: nolimit, largest: largest}, vr, nil
}

func corpusStats(dir string) (words int, size int64) {
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		size += int64(len(b))
		body := string(b)
		if i := strings.Index(body[3:], "+++"); strings.HasPrefix(body, "+++") && i >= 0 {
			body = body[i+6:]
		}
		words += len(strings.Fields(body))
		return nil
	})
	return words, size
}

func (r *report) linearity(rows []linRow, b *budget) {
	if len(rows) == 0 {
		return
	}
	var s strings.Builder
	s.WriteString("## How cost grows with the corpus\n\n")
	s.WriteString("CPU time (user + system) per draft is the fairer measure on a shared machine; wall time per draft is given too. The ratio compares each size with the smallest; a linear cost keeps it near 1.0 (the smallest corpus also carries the fixed start-up cost, a few milliseconds in all).\n\n")
	s.WriteString("| drafts | `check` CPU per draft | ratio | `check` wall per draft | `audit` cold CPU per draft | ratio | `audit` wall per draft | peak memory `check` / `audit` |\n|---|---|---|---|---|---|---|---|\n")
	base := rows[0]
	worst := 0.0
	ok := true
	for _, lr := range rows {
		if lr.check.err != nil || lr.audit.err != nil || base.check.err != nil || base.audit.err != nil {
			ok = false
			fmt.Fprintf(&s, "| %s | failed | | | | | | |\n", thousands(lr.n))
			continue
		}
		per := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(lr.n) }
		bper := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(base.n) }
		rc := per(lr.check.med.CPU) / bper(base.check.med.CPU)
		ra := per(lr.audit.med.CPU) / bper(base.audit.med.CPU)
		worst = max(worst, rc, ra)
		fmt.Fprintf(&s, "| %s | %.0f µs | %.2f | %.0f µs | %.0f µs | %.2f | %.0f µs | %s / %s |\n", thousands(lr.n),
			per(lr.check.med.CPU), rc, per(lr.check.med.Wall), per(lr.audit.med.CPU), ra, per(lr.audit.med.Wall), mb(lr.check.med.RSS), mb(lr.audit.med.RSS))
	}
	s.WriteString("\n")
	if last := rows[len(rows)-1]; last.check.err == nil && last.audit.err == nil && last.n > 0 {
		fmt.Fprintf(&s, "Memory grows with the corpus too: at %s drafts the peak is about %.0f KB per draft for `check` and %.0f KB for a cold `audit` (`check` holds every draft's findings until it prints, because it sorts its output; the audit writes each post's findings to a temporary file as it goes and keeps under 2 KB per post: its path, account, date, excerpt, counts, caption signature and image hashes).\n\n",
			thousands(last.n), float64(last.check.med.RSS)/1e3/float64(last.n), float64(last.audit.med.RSS)/1e3/float64(last.n))
	}
	if last := rows[len(rows)-1]; last.largest && last.nolimit.err == nil && last.nolimit.med.CPU > 0 && base.check.err == nil {
		per := float64(last.nolimit.med.CPU.Microseconds()) / float64(last.n)
		bper := float64(base.check.med.CPU.Microseconds()) / float64(base.n)
		fmt.Fprintf(&s, "For comparison, `check` on %s drafts with `GOMEMLIMIT=off` (no soft memory limit; selaras otherwise sets half the machine's memory): %.0f µs CPU per draft (ratio %.2f), %s wall, peak %s.",
			thousands(last.n), per, per/bper, secs(last.nolimit.med.Wall), mb(last.nolimit.med.RSS))
		if with := float64(last.check.med.CPU.Microseconds()) / float64(last.n); last.check.err == nil && per < 0.8*with {
			s.WriteString(" The limit costs CPU here: a run that holds close to the limit makes the garbage collector run far more often.")
		}
		s.WriteString("\n\n")
	}
	if ok && len(rows) > 1 {
		b.set(fmt.Sprintf("worst ratio %.2f (%s to %s drafts)", worst, thousands(rows[0].n), thousands(rows[len(rows)-1].n)), worst <= 1.25)
	}
	r.add(s.String())
}

func (r *report) imageCorpora(bMem *budget) {
	if len(r.o.images) == 0 {
		return
	}
	var s strings.Builder
	s.WriteString("## Images\n\n")
	s.WriteString("Each post attaches one generated 1080x1350 JPEG poster (quality 85, about 100-200 KB: a white ground, a photo, a blue band with text bars, the logo mark at the top left; 1 in 25 without a logo or with it in the wrong corner, 3 in 50 with an off-palette band). Every image rule runs on every poster (size, format, file size, palette, logo search, safe zone, blur, exposure, metadata); the audit also hashes each image for duplicates.\n\n")
	fmt.Fprintf(&s, tableHead, "posts", "posts")
	pool := &posterPool{dir: filepath.Join(r.o.work, "posters")}
	var peaks []int64
	var counts, guarded []int
	for _, n := range r.o.images {
		progress("image corpus of %d posters: rendering", n)
		if err := pool.ensure(n, 2); err != nil {
			r.skip(fmt.Sprintf("image corpus of %d: %v", n, err))
			continue
		}
		dir := filepath.Join(r.o.work, fmt.Sprintf("images-%d", n))
		if err := writeCorpus(dir, n, n, r.o.seed+int64(n), pool); err != nil {
			r.skip(fmt.Sprintf("image corpus of %d: %v", n, err))
			continue
		}
		reps := r.reps(n)
		if n >= 1000 {
			reps = min(reps, 2)
		}
		progress("image corpus of %d posters: check and audit", n)
		chk := r.measureN(reps, n, dir, nil, nil, r.o.selaras, fixed(append(append([]string{}, checkArgs...), ".")...))
		chk1 := r.measureN(1, n, dir, nil, nil, r.o.selaras, fixed(append(append([]string{}, checkArgs...), "--jobs", "1", ".")...))
		cache := filepath.Join(r.o.work, fmt.Sprintf("cache-img-%d", n))
		cold := r.measureN(1, n, dir, nil, func(int) error { return os.RemoveAll(cache) }, r.o.selaras, fixed(auditArgs(cache)...))
		warm := r.measureN(reps, n, dir, nil, nil, r.o.selaras, fixed(auditArgs(cache)...))
		os.RemoveAll(cache)
		os.RemoveAll(dir)
		fmt.Fprintf(&s, "| **%s posts with a poster each** | | | | | |\n", thousands(n))
		s.WriteString(row("`check` (all cores)", chk, ""))
		s.WriteString(row("`check --jobs 1`", chk1, ""))
		s.WriteString(row("`audit` cold", cold, ""))
		s.WriteString(row("`audit` warm", warm, ""))
		if chk.err == nil {
			peaks = append(peaks, chk.med.RSS)
			counts = append(counts, n)
		} else if strings.Contains(chk.err.Error(), "resident memory") {
			guarded = append(guarded, n)
		}
	}
	fmt.Fprintf(&s, "\nLoad average after: %s.\n\n", loadavg())
	switch {
	case len(guarded) > 0 && len(peaks) > 0:
		bMem.set(fmt.Sprintf("%s with %s posters; with %s posters `check` passed %s and was stopped", mb(peaks[0]), thousands(counts[0]), thousands(guarded[0]), mb(memLimit)), false)
	case len(peaks) >= 2 && counts[len(counts)-1] > counts[0]:
		per := float64(peaks[len(peaks)-1]-peaks[0]) / 1e6 / float64(counts[len(counts)-1]-counts[0])
		bMem.set(fmt.Sprintf("%s (%s posters) vs %s (%s posters): %.2f MB per additional poster", mb(peaks[len(peaks)-1]), thousands(counts[len(counts)-1]), mb(peaks[0]), thousands(counts[0]), per), per < 1)
	}
	if len(peaks) > 0 {
		fmt.Fprintf(&s, "Peak memory of `check` with %s posters: %s (%.1f MB per post); `audit`'s peak is in the table. The binary sets a soft memory limit of half the machine's memory (Go's `GOMEMLIMIT`) unless the environment sets one; decoded images are dropped as soon as a draft's rules ran.\n\n", thousands(counts[0]), mb(peaks[0]), float64(peaks[0])/1e6/float64(counts[0]))
	}
	r.add(s.String())
}

// auditBudget is issue 8's corpus: 10,000 drafts, 2,000 of them with a
// poster.
func (r *report) auditBudget(bCold, bWarm, bMem *budget) {
	n, imgs := r.o.budgetDrafts, r.o.budgetImages
	progress("audit budget corpus: rendering posters")
	pool := &posterPool{dir: filepath.Join(r.o.work, "posters")}
	if err := pool.ensure(imgs, 2); err != nil {
		r.skip("audit budget corpus: " + err.Error())
		return
	}
	dir := filepath.Join(r.o.work, "audit-budget")
	if err := writeCorpus(dir, n, imgs, r.o.seed+7, pool); err != nil {
		r.skip("audit budget corpus: " + err.Error())
		return
	}
	defer os.RemoveAll(dir)
	cache := filepath.Join(r.o.work, "cache-budget")
	progress("audit budget corpus: check, audit cold, audit warm")
	chk := r.measureN(r.o.repeatLarge, n, dir, nil, nil, r.o.selaras, fixed(append(append([]string{}, checkArgs...), ".")...))
	cold := r.measureN(r.o.repeatLarge, n, dir, nil, func(int) error { return os.RemoveAll(cache) }, r.o.selaras, fixed(auditArgs(cache)...))
	warm := r.measureN(r.o.repeatLarge, n, dir, nil, nil, r.o.selaras, fixed(auditArgs(cache)...))
	os.RemoveAll(cache)
	var s strings.Builder
	fmt.Fprintf(&s, "## The audit budget: %s drafts and %s posters\n\n", thousands(n), thousands(imgs))
	fmt.Fprintf(&s, "Issue 8's corpus (10,000 drafts and 2,000 images in the issue): %s drafts, %s of them attaching a poster. The three", thousands(n), thousands(imgs))
	s.WriteString(" commands run one after the other on the same files; the cold audit starts from an empty cache folder, the warm one reuses it.\n\n")
	fmt.Fprintf(&s, tableHead, "posts", "posts")
	s.WriteString(row("`check`", chk, ""))
	label := "`check`"
	if chk.err != nil && strings.Contains(chk.err.Error(), "resident memory") {
		// check keeps every poster's data until it prints: check the same
		// files folder by folder instead, and add the times up.
		progress("audit budget corpus: check folder by folder")
		var folders []string
		for _, a := range accounts {
			subs, _ := os.ReadDir(filepath.Join(dir, a.slug))
			for _, sub := range subs {
				if sub.IsDir() {
					folders = append(folders, filepath.Join(a.slug, sub.Name()))
				}
			}
		}
		var sum sample
		var err error
		for _, f := range folders {
			var one sample
			if one, _, err = runOnce(dir, nil, false, []int{0, 1}, r.o.selaras, append(append([]string{}, checkArgs...), f)...); err != nil {
				break
			}
			sum.Wall += one.Wall
			sum.CPU += one.CPU
			sum.RSS = max(sum.RSS, one.RSS)
		}
		chk = result{med: sum, samples: []sample{sum}, files: n, err: err}
		label = fmt.Sprintf("`check`, one run per folder (%d runs; times added up, peak of the largest)", len(folders))
		s.WriteString(row(label, chk, ""))
	}
	s.WriteString(row("`audit` cold", cold, ""))
	s.WriteString(row("`audit` warm", warm, ""))
	c, a, w := chk.med, cold.med, warm.med
	s.WriteString("\n")
	if chk.err == nil && cold.err == nil {
		fmt.Fprintf(&s, "Cold audit / %s: %.2fx wall, %.2fx CPU. ", label, a.Wall.Seconds()/c.Wall.Seconds(), a.CPU.Seconds()/c.CPU.Seconds())
		via := ""
		if label != "`check`" {
			via = ", `check` folder by folder"
		}
		bCold.set(fmt.Sprintf("%.2fx wall (%s vs %s%s), %.2fx CPU", a.Wall.Seconds()/c.Wall.Seconds(), secs(a.Wall), secs(c.Wall), via, a.CPU.Seconds()/c.CPU.Seconds()), a.Wall.Seconds()/c.Wall.Seconds() <= 1.2)
	} else if cold.err == nil {
		bCold.measured = fmt.Sprintf("cold audit %s (%s CPU); no ratio: `check` did not finish (see below)", secs(a.Wall), secs(a.CPU))
		bCold.state = "not measurable"
	}
	fmt.Fprintf(&s, "Load average after: %s.\n\n", loadavg())
	if warm.err == nil {
		bWarm.set(secs(w.Wall), w.Wall < 2*time.Second)
	}
	if cold.err == nil && warm.err == nil {
		bMem.set(fmt.Sprintf("%s cold, %s warm", mb(a.RSS), mb(w.RSS)), a.RSS < 300e6 && w.RSS < 300e6)
	}
	r.add(s.String())
}

// hookRun turns the 10,000-draft corpus into a git repository, stages one
// changed draft and times `selaras check --staged`, as the hook runs it.
func (r *report) hookRun(dir string, b *budget) {
	progress("pre-commit hook on 10,000 drafts")
	env := append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=perf", "GIT_AUTHOR_EMAIL=perf@selaras.example", "GIT_COMMITTER_NAME=perf", "GIT_COMMITTER_EMAIL=perf@selaras.example")
	git := func(args ...string) error {
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, oneLine(string(out)))
		}
		return nil
	}
	target := filepath.Join(dir, accounts[0].slug, "000", "pos-000000.md")
	err := git("-c", "init.defaultBranch=main", "init", "-q")
	if err == nil {
		err = git("add", "-A")
	}
	if err == nil {
		err = git("commit", "-q", "--no-verify", "-m", "10000 drafts")
	}
	if err == nil {
		var f *os.File
		if f, err = os.OpenFile(target, os.O_APPEND|os.O_WRONLY, 0); err == nil {
			_, err = f.WriteString("\nDalam rangka sinergitas, bersama ini kami sampaikan jadwal baru.\n")
			f.Close()
		}
	}
	if err == nil {
		err = git("add", target)
	}
	if err != nil {
		r.skip("pre-commit hook: " + err.Error())
		return
	}
	n := r.o.startupRuns
	staged := r.measureN(n, 1, dir, env, nil, r.o.selaras, fixed("check", "--staged", "--color", "never"))
	ver := r.measureN(n, 1, dir, env, nil, r.o.selaras, fixed("version"))
	var s strings.Builder
	s.WriteString("## Pre-commit hook\n\n")
	fmt.Fprintf(&s, "The 10,000-draft corpus committed to a fresh git repository, one draft changed and staged; `selaras check --staged` as the hook runs it, %d runs:\n\n", n)
	s.WriteString("| command | wall (median) | range | CPU | peak memory |\n|---|---|---|---|---|\n")
	for _, c := range []struct {
		label string
		res   result
	}{{"`selaras check --staged`", staged}, {"`selaras version` (for scale)", ver}} {
		if c.res.err != nil {
			fmt.Fprintf(&s, "| %s | failed: %s | | | |\n", c.label, oneLine(c.res.err.Error()))
			continue
		}
		lo, hi := spread(c.res.samples)
		fmt.Fprintf(&s, "| %s | %s | %s–%s | %s | %s |\n", c.label, ms(c.res.med.Wall), ms(lo), ms(hi), ms(c.res.med.CPU), mb(c.res.med.RSS))
	}
	s.WriteString("\n")
	if staged.err == nil {
		b.set(ms(staged.med.Wall)+" median", staged.med.Wall < 100*time.Millisecond)
	}
	r.later = append(r.later, s.String())
}

// valeRun runs Vale with the converted jargon style and selaras with only
// the jargon rule on the same corpus, and counts their findings.
func (r *report) valeRun(dir string, n int) valeRow {
	vr := valeRow{n: n}
	vdir := filepath.Join(r.o.work, "vale")
	cfg, entries, err := writeValeStyle(vdir)
	if err != nil {
		vr.vErr = err
		return vr
	}
	vr.entries = entries
	names, err := ruleNames(r.o.selaras)
	if err != nil {
		vr.vErr = err
		return vr
	}
	kit := filepath.Join(vdir, "jargon-only.toml")
	if err := os.WriteFile(kit, []byte(jargonOnlyKit(names)), 0o644); err != nil {
		vr.vErr = err
		return vr
	}
	reps := r.reps(n)
	var vs, ss []sample
	for i := 0; i < reps; i++ {
		v, vout, err := runOnce(dir, nil, true, []int{0}, r.o.vale, "--config", cfg, "--output", "JSON", "--no-exit", ".")
		if err != nil {
			vr.vErr = err
			return vr
		}
		sl, sout, err := runOnce(dir, nil, true, []int{0, 1}, r.o.selaras, "check", "--kit", kit, "--format", "json", "--fail-on", "none", ".")
		if err != nil {
			vr.vErr = err
			return vr
		}
		vs, ss = append(vs, v), append(ss, sl)
		if i == 0 {
			vr.vFind = countVale(vout)
			vr.sFind = countSelaras(sout, "jargon")
		}
	}
	vr.vale = result{med: median(vs), samples: vs, files: n}
	vr.selaras = result{med: median(ss), samples: ss, files: n}
	return vr
}

func ruleNames(bin string) ([]string, error) {
	out, err := exec.Command(bin, "rules", "--lang", "en").Output()
	if err != nil {
		return nil, fmt.Errorf("selaras rules: %v", err)
	}
	// The rules of check: the list up to its blank line (the audit's own
	// rules follow it).
	checkRules, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n\n")
	var names []string
	for _, l := range strings.Split(checkRules, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	return names, nil
}

func countVale(out []byte) int {
	var m map[string][]json.RawMessage
	if json.Unmarshal(out, &m) != nil {
		return -1
	}
	n := 0
	for _, a := range m {
		n += len(a)
	}
	return n
}

func countSelaras(out []byte, rule string) int {
	var doc struct {
		Files []struct {
			Findings []struct {
				Rule string `json:"rule"`
			} `json:"findings"`
		} `json:"files"`
	}
	if json.Unmarshal(out, &doc) != nil {
		return -1
	}
	n := 0
	for _, f := range doc.Files {
		for _, x := range f.Findings {
			if x.Rule == rule {
				n++
			}
		}
	}
	return n
}

func (r *report) valeSection(rows []valeRow) {
	var s strings.Builder
	s.WriteString("## Side by side with Vale\n\n")
	if r.o.vale == "" {
		s.WriteString("Vale was not installed on this machine when the report was made, so there is no side-by-side. `docs/perf/run.sh` installs it (`go install github.com/vale-cli/vale/v3/cmd/vale@v3.20.0`) when it can and skips this part otherwise.\n\n")
		r.add(s.String())
		return
	}
	entries := 0
	for _, v := range rows {
		entries = max(entries, v.entries)
	}
	fmt.Fprintf(&s, "The same drafts, on the same machine, in the same run. Vale gets one style made by the script from the embedded default kit's `[[jargon]]` list (%d phrases: a `substitution` rule for the entries with a suggestion, an `existence` rule for the few without; case-insensitive, whole words, any white space between words: `docs/perf/gen/vale.go`), and nothing else (`BasedOnStyles = Selaras`). selaras gets a kit that switches off every rule but `jargon` (same default dictionary). Both print JSON. The difference in findings is expected: Vale matches the listed forms literally, selaras also matches affixed forms through the stemmer (an entry `implementasi` also catches `mengimplementasikan`), and honours per-entry options such as `exact`.\n\n", entries)
	s.WriteString("| drafts | Vale wall | selaras wall | Vale / selaras (wall) | Vale CPU | selaras CPU | Vale / selaras (CPU) | peak memory Vale / selaras | findings Vale / selaras |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, v := range rows {
		if v.vErr != nil {
			fmt.Fprintf(&s, "| %s | failed: %s | | | | | | | |\n", thousands(v.n), oneLine(v.vErr.Error()))
			continue
		}
		a, b := v.vale.med, v.selaras.med
		fmt.Fprintf(&s, "| %s | %s | %s | **%.1fx** | %s | %s | %.1fx | %s / %s | %s / %s |\n", thousands(v.n), secs(a.Wall), secs(b.Wall), a.Wall.Seconds()/b.Wall.Seconds(),
			secs(a.CPU), secs(b.CPU), a.CPU.Seconds()/b.CPU.Seconds(), mb(a.RSS), mb(b.RSS), thousands(v.vFind), thousands(v.sFind))
	}
	s.WriteString("\nMedians of the runs (the runs alternate Vale and selaras, so both see the same load).")
	for _, v := range rows {
		if v.n > 10000 && v.vErr == nil {
			s.WriteString(" On the largest corpus both programs hold every result in memory (several GB);")
			break
		}
	}
	s.WriteString("\n\n")
	r.add(s.String())
}

// goBenchmarks runs the repository's benchmarks behind the budgets.
func (r *report) goBenchmarks(bPipe, bStem, bDict, bText, bImg, bLogo *budget) {
	var s strings.Builder
	s.WriteString("## Go benchmarks behind the budgets\n\n")
	s.WriteString("Run by the script with `-cpu 1 -count 3` (median of the three):\n\n")
	s.WriteString("| benchmark | ns/op | other |\n|---|---|---|\n")
	type spec struct{ pkg, bench, benchtime string }
	all := map[string]map[string]float64{}
	for _, sp := range []spec{
		{"./lint/stem/indonesian", "^BenchmarkStem$", "300ms"},
		{"./lint", "^BenchmarkPipeline$", "300ms"},
		{"./rules", "^BenchmarkTextRules$", "2000x"},
		{"./rules/image", "^Benchmark(DecodeOnly|AllImageRules|LogoSearch|BudgetRatio)$", "20x"},
	} {
		progress("go test %s -bench %s", sp.pkg, sp.bench)
		cmd := exec.Command("go", "test", "-run", "^$", "-bench", sp.bench, "-benchtime", sp.benchtime, "-count", "3", "-cpu", "1", sp.pkg)
		cmd.Dir = r.o.repo
		out, err := cmd.CombinedOutput()
		res := parseBench(string(out))
		if err != nil {
			fmt.Fprintf(&s, "| `%s` %s | failed: %s | |\n", sp.pkg, sp.bench, oneLine(lastLines(string(out), 2)))
		}
		names := make([]string, 0, len(res))
		for k := range res {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, name := range names {
			all[name] = res[name]
			var other []string
			units := make([]string, 0)
			for u := range res[name] {
				if u != "ns/op" && !strings.HasSuffix(u, "B/op") && u != "allocs/op" {
					units = append(units, u)
				}
			}
			sort.Strings(units)
			for _, u := range units {
				v := res[name][u]
				if v < 100 {
					other = append(other, fmt.Sprintf("%.2f %s", v, u))
				} else {
					other = append(other, fmt.Sprintf("%s %s", thousands(int(v+0.5)), u))
				}
			}
			fmt.Fprintf(&s, "| `%s` | %s | %s |\n", name, thousands(int(res[name]["ns/op"]+0.5)), strings.Join(other, ", "))
		}
	}
	s.WriteString("\n")
	get := func(name, unit string) (float64, bool) {
		v, ok := all[name][unit]
		return v, ok
	}
	if v, ok := get("BenchmarkPipeline/jargon=100", "drafts/s"); ok {
		bPipe.info(thousands(int(v)) + " drafts/s on one core")
	}
	if v, ok := get("BenchmarkStem", "words/s"); ok {
		bStem.set(thousands(int(v))+" words/s", v >= 1e6)
	}
	a, ok1 := get("BenchmarkPipeline/jargon=100", "ns/op")
	b, ok2 := get("BenchmarkPipeline/jargon=10000", "ns/op")
	if ok1 && ok2 {
		bDict.set(fmt.Sprintf("%.2fx", b/a), b/a <= 1.5)
	}
	if v, ok := get("BenchmarkTextRules/all-text-rules", "drafts/cpu-s"); ok {
		bText.set(thousands(int(v))+" drafts per CPU-second", v >= 5000)
	} else if v, ok := get("BenchmarkTextRules/all-text-rules", "drafts/s"); ok {
		bText.set(thousands(int(v))+" drafts/s", v >= 5000)
	}
	dec, ok1 := get("BenchmarkDecodeOnly", "ns/op")
	if x, ok := get("BenchmarkBudgetRatio", "x-decode"); ok {
		// The package's own measure: decoding and checking alternate in
		// one loop, so both see the same load.
		extra := ""
		if v, ok := get("BenchmarkAllImageRules/logo-missing", "ns/op"); ok && ok1 {
			extra = fmt.Sprintf("; a poster without its logo (the search covers the whole image): %.2fx from `AllImageRules/logo-missing` / `DecodeOnly`", v/dec)
		}
		bImg.set(fmt.Sprintf("%.2fx (`BenchmarkBudgetRatio`, on-brand poster)%s", x, extra), x <= 1.5)
	} else if ok1 {
		var parts []string
		pass := true
		for _, c := range []string{"logo-in-zone", "logo-missing"} {
			if v, ok := get("BenchmarkAllImageRules/"+c, "ns/op"); ok {
				parts = append(parts, fmt.Sprintf("%s %.2fx", c, v/dec))
				pass = pass && v/dec <= 1.5
			}
		}
		if len(parts) > 0 {
			bImg.set(strings.Join(parts, ", ")+fmt.Sprintf(" (decode %s)", ms(time.Duration(dec))), pass)
		}
	}
	var parts []string
	pass := true
	for _, c := range []string{"in-zone", "missing"} {
		if v, ok := get("BenchmarkLogoSearch/"+c, "ns/op"); ok {
			parts = append(parts, fmt.Sprintf("%s %s", c, ms(time.Duration(v))))
			pass = pass && v < 20e6
		}
	}
	if len(parts) > 0 {
		bLogo.set(strings.Join(parts, ", "), pass)
	}
	r.add(s.String())
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, " ")
}

// parseBench reads `go test -bench` output into medians per benchmark and
// unit.
func parseBench(out string) map[string]map[string]float64 {
	vals := map[string]map[string][]float64{}
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		if vals[name] == nil {
			vals[name] = map[string][]float64{}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				break
			}
			vals[name][f[i+1]] = append(vals[name][f[i+1]], v)
		}
	}
	res := map[string]map[string]float64{}
	for name, units := range vals {
		res[name] = map[string]float64{}
		for u, vs := range units {
			sort.Float64s(vs)
			m := vs[len(vs)/2]
			if len(vs)%2 == 0 {
				m = (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
			}
			res[name][u] = m
		}
	}
	return res
}
