package audit

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Options configure an audit.
type Options struct {
	Period Period
	// Shard, when set, limits the audit to its share of the posts.
	Shard Shard
	// Engine checks the posts: the same rules and kit loader as `check`.
	Engine *lint.Engine
	// Columns maps CSV fields (text, date, account, url, platform) to
	// header names; unmapped fields use DefaultColumns.
	Columns map[string]string
	// Cache, when not nil, keeps results between runs.
	Cache *Cache
	// Version is selaras's version, shown in the report; Build identifies
	// the binary in cache keys (version plus build id).
	Version, Build string
	// Lang is the language of the messages in the report.
	Lang string
	// Progress, when set, is told how many posts are done of how many are
	// known so far; it is called from several goroutines.
	Progress func(done, total int)
	// GitEnv is added to git's environment.
	GitEnv []string
	// InMemory keeps the findings in memory instead of a temporary file
	// (selaras serve writes nothing to disk); with Cache nil, the audit
	// writes no file at all.
	InMemory bool
}

// chunkSize bounds how many posts are held (with their text) at once.
const chunkSize = 256

// task is one candidate post.
type task struct {
	in        lint.Input
	date      time.Time
	src       string
	account   string
	kit       *brandkit.Kit
	key       string
	lineShift int
	url       string
	skip      *Skipped
	out       bool // outside the period
	other     bool // another shard's: counted nowhere
	kitFailed bool // reported among the errors
}

type auditor struct {
	o    Options
	git  *gitDates
	jobs int

	mu      sync.Mutex
	rep     *Report
	errs    []error
	errSeen map[string]bool
	kits    map[*brandkit.Kit]bool

	done, total int
	progMu      sync.Mutex

	imgMu sync.Mutex
	imgs  map[string]*imgMemo
}

type imgMemo struct {
	once sync.Once
	dep  dep
}

// Run audits the drafts and CSV exports under paths. It returns the report
// (finalized), problems that spoil a clean answer (a kit that does not
// load, a rule that broke: exit 2 as in `check`), and an error when the
// audit could not run at all (a path that does not exist, a CSV export
// without a text column).
func Run(paths []string, o Options) (*Report, []error, error) {
	a := &auditor{o: o, git: &gitDates{Env: o.GitEnv}, errSeen: map[string]bool{}, kits: map[*brandkit.Kit]bool{}, imgs: map[string]*imgMemo{}}
	defer o.Cache.Close()
	if o.Cache != nil && o.Cache.Build == "" {
		o.Cache.Build = o.Build
	}
	a.jobs = o.Engine.Jobs
	if a.jobs <= 0 {
		a.jobs = runtime.GOMAXPROCS(0)
	}
	a.rep = &Report{
		Version: ReportVersion, Selaras: o.Version, AccountNames: map[string]string{},
		Period: PeriodJSON{Since: o.Period.SinceDay(), Until: o.Period.UntilDay(), TZ: o.Period.Loc.String()},
	}
	if o.Shard.N > 0 {
		sh := o.Shard
		a.rep.Shard = &sh
	}
	drafts, csvs, err := collect(paths)
	if err != nil {
		return nil, nil, err
	}
	spillDir := ""
	if o.Cache != nil {
		spillDir = o.Cache.Dir
	}
	if !o.InMemory {
		a.rep.spill = newSpill(spillDir)
	}
	a.total = len(drafts)
	for start := 0; start < len(drafts); start += chunkSize {
		batch := drafts[start:min(start+chunkSize, len(drafts))]
		tasks := make([]*task, len(batch))
		a.parallel(len(batch), func(i int) { tasks[i] = a.prepareFile(batch[i]) })
		a.runChunk(tasks)
	}
	for _, c := range csvs {
		if err := a.auditCSV(c.name); err != nil {
			if c.named {
				a.rep.Close()
				return nil, nil, err
			}
			// A CSV file found in a folder may be data rather than an
			// export of posts: it is listed as skipped, the audit goes on.
			if !o.Shard.On(c.name, c.name) {
				continue // another shard lists it
			}
			a.rep.Skipped = append(a.rep.Skipped, Skipped{File: c.name, Text: lint.Text{
				ID: "bukan ekspor unggahan (tidak ada kolom teks atau tanggal); sebutkan kolomnya dengan --csv-columns bila memang ekspor",
				EN: "not an export of posts (no text or date column); name its columns with --csv-columns if it is one"}})
		}
	}
	if len(a.kits) == 0 {
		// No post in the period: the report still names the kit that
		// would have applied, that of each path given.
		for _, p := range paths {
			abs, err := filepath.Abs(p)
			if err != nil {
				continue
			}
			if info, err := os.Stat(abs); err == nil && info.IsDir() {
				abs = filepath.Join(abs, "_")
			}
			if k, err := o.Engine.Kits.ForFile(abs); err == nil && k != nil {
				a.kits[k] = true
			}
		}
	}
	kits := make([]*brandkit.Kit, 0, len(a.kits))
	for k := range a.kits {
		kits = append(kits, k)
	}
	// In a stable order: the first kit to define a pillar names it.
	sort.Slice(kits, func(i, j int) bool { return kits[i].Path < kits[j].Path })
	for _, k := range kits {
		a.rep.addKitCoverage(k)
	}
	for k := range a.kits {
		a.rep.Kits = append(a.rep.Kits, kitName(k))
		for slug, acc := range k.Accounts {
			if acc.Name != "" {
				a.rep.AccountNames[slug] = acc.Name
			}
		}
	}
	a.rep.Finalize(o.Lang)
	sort.Slice(a.errs, func(i, j int) bool { return a.errs[i].Error() < a.errs[j].Error() })
	return a.rep, a.errs, nil
}

func kitName(k *brandkit.Kit) string {
	if k.Kit.Name != "" {
		return k.Kit.Name
	}
	if k.Path != "" {
		return k.Path
	}
	return "selaras"
}

// collect finds the drafts (as `check` does) and the CSV exports (named,
// or found in folders).
// csvFile is an export to read; named when given on the command line.
type csvFile struct {
	name  string
	named bool
}

func collect(paths []string) (drafts []lint.Input, csvs []csvFile, err error) {
	var rest []string
	seen := map[string]bool{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, errf("%s: tidak ditemukan", "%s: no such file or folder", p)
		}
		if !info.IsDir() {
			if strings.EqualFold(filepath.Ext(p), ".csv") {
				if abs, _ := filepath.Abs(p); !seen[abs] {
					seen[abs] = true
					csvs = append(csvs, csvFile{p, true})
				}
				continue
			}
		} else {
			filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if path != p && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.Type().IsRegular() && strings.EqualFold(filepath.Ext(path), ".csv") {
					if abs, _ := filepath.Abs(path); !seen[abs] {
						seen[abs] = true
						csvs = append(csvs, csvFile{path, false})
					}
				}
				return nil
			})
		}
		rest = append(rest, p)
	}
	ins, err := lint.Collect(rest)
	if err != nil {
		return nil, nil, err
	}
	for _, in := range ins {
		// Images count as part of the post that attaches them.
		if in.Kind == lint.KindText {
			drafts = append(drafts, in)
		}
	}
	sort.SliceStable(csvs, func(i, j int) bool { return csvs[i].name < csvs[j].name })
	return drafts, csvs, nil
}

func (a *auditor) parallel(n int, do func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(a.jobs, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// prepareFile reads a draft, dates it, finds its kit and account and its
// cache key. Its text is kept only until the chunk is checked.
func (a *auditor) prepareFile(in lint.Input) *task {
	t := &task{in: in}
	info, statErr := os.Stat(in.Abs)
	var data []byte
	if statErr == nil && info.Mode().IsRegular() && info.Size() <= lint.MaxDraftBytes {
		data, _ = os.ReadFile(in.Abs)
	}
	fm := readFront(data)
	if a.o.Shard.N > 1 && !a.o.Shard.On(a.shardAccount(fm.Account, in.Abs), in.Path) {
		t.other = true
		return t
	}
	switch {
	case fm.hasDate:
		t.date, t.src = inLoc(fm.Date, fm.local, a.o.Period.Loc), SourceFront
	default:
		if gt, ok := a.git.Date(in.Abs); ok {
			t.date, t.src = gt.In(a.o.Period.Loc), SourceGit
		} else if statErr == nil {
			t.date, t.src = info.ModTime().In(a.o.Period.Loc), SourceMtime
		} else {
			t.skip = &Skipped{File: in.Path, Text: lint.Text{ID: "tidak bisa dibaca", EN: "cannot be read"}}
			return t
		}
	}
	if !a.o.Period.Contains(t.date) {
		t.out = true
		return t
	}
	kit, err := a.o.Engine.Kits.ForFile(in.Abs)
	if err != nil {
		a.addErr(err)
		t.kitFailed = true
		return t
	}
	t.kit = kit
	t.account = fm.Account
	if t.account == "" {
		t.account = lint.AccountByPath(kit, in.Abs)
	}
	if data != nil {
		t.in.Data = data
		t.key = a.key(kit, in, data)
	}
	return t
}

// shardAccount is a post's account for choosing its shard: the front
// matter's, else the kit's path globs. A post whose kit cannot be read
// goes by the empty account here; its kit's error is reported by the
// shard that audits it.
func (a *auditor) shardAccount(front, abs string) string {
	if front != "" || a.o.Shard.By != "account" {
		return front
	}
	kit, err := a.o.Engine.Kits.ForFile(abs)
	if err != nil {
		return ""
	}
	return lint.AccountByPath(kit, abs)
}

func (a *auditor) key(kit *brandkit.Kit, in lint.Input, data []byte) string {
	if a.o.Cache == nil {
		return ""
	}
	return sum([]byte(a.o.Build), []byte(kit.Hash), []byte(kitAssets(kit)), []byte(in.Abs), []byte(in.Path), []byte(in.Root), data)
}

type assetsKey struct{}

// kitAssets identifies the files a kit names besides itself (logos), so a
// new logo file re-checks the images.
func kitAssets(kit *brandkit.Kit) string {
	return kit.Memo(assetsKey{}, func() any {
		var parts []string
		for _, l := range kit.Logos {
			p := l.File
			if !filepath.IsAbs(p) {
				p = filepath.Join(kit.Dir(), p)
			}
			parts = append(parts, p+"="+fileSum(p))
		}
		return strings.Join(parts, "\n")
	}).(string)
}

func (a *auditor) addErr(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, e := range splitJoined(err) {
		if !a.errSeen[e.Error()] {
			a.errSeen[e.Error()] = true
			a.errs = append(a.errs, e)
		}
	}
}

func splitJoined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// runChunk takes cached results where they hold and checks the rest.
func (a *auditor) runChunk(tasks []*task) {
	byPath := map[string]*task{}
	var misses []lint.Input
	cached := make([]*entry, len(tasks))
	if a.o.Cache != nil {
		// Looking up is reading and hashing (the attached images): in
		// parallel, as checking is.
		a.parallel(len(tasks), func(i int) {
			if t := tasks[i]; !t.kitFailed && t.skip == nil && !t.out && !t.other {
				cached[i], _ = a.o.Cache.get(t.key)
			}
		})
	}
	for i, t := range tasks {
		switch {
		case t.other:
			a.progress(1)
		case t.kitFailed:
			a.progress(1)
		case t.skip != nil:
			a.mu.Lock()
			a.rep.Skipped = append(a.rep.Skipped, *t.skip)
			a.mu.Unlock()
			a.progress(1)
		case t.out:
			a.mu.Lock()
			a.rep.OutOfPeriod++
			a.mu.Unlock()
			a.progress(1)
		case cached[i] != nil:
			a.o.Cache.hits.Add(1)
			a.emit(t, cached[i])
		default:
			if a.o.Cache != nil {
				a.o.Cache.misses.Add(1)
			}
			byPath[t.in.Path] = t
			misses = append(misses, t.in)
		}
	}
	if len(misses) == 0 {
		return
	}
	a.o.Engine.RunEach(misses, func(in lint.Input, frs []*lint.FileResult, errs []error) {
		t := byPath[in.Path]
		for _, err := range errs {
			a.addErr(err)
		}
		e := a.entryOf(t, frs)
		if len(errs) == 0 {
			// A post whose check broke is not cached: the next run must
			// report the problem again.
			a.o.Cache.put(t.key, t.kit.Hash, e)
		}
		a.emit(t, e)
	})
	a.o.Cache.flush()
}

// entryOf turns the engine's results for one post into what is cached.
func (a *auditor) entryOf(t *task, frs []*lint.FileResult) *entry {
	e := &entry{}
	var fs []Finding
	defer func() {
		// On every return: the findings as JSON, with their tally
		// (marshalling a []Finding cannot fail).
		e.Findings, _ = json.Marshal(fs)
		e.Tally = addTally(nil, fs)
	}()
	if len(frs) == 0 {
		return e
	}
	own := frs[0]
	for i, fr := range frs {
		for _, f := range fr.Findings {
			x := Finding{Path: fr.Path, Rule: f.Rule, Severity: string(f.Severity),
				Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
				Messages: f.Message, Match: f.Match, Suggestions: f.Suggestions, Region: f.Region}
			if i == 0 && t.lineShift > 0 && x.Line > 0 {
				if x.Line <= t.lineShift {
					x.Line, x.Column, x.EndLine, x.EndColumn = 0, 0, 0, 0
				} else {
					x.Line -= t.lineShift
					x.EndLine = max(x.EndLine-t.lineShift, x.Line)
				}
			}
			fs = append(fs, x)
		}
	}
	if d := own.Draft; d != nil {
		e.Caption = captionSig(d)
		e.Excerpt = excerpt(d.BodyText())
		e.Platform = d.Front.Platform
		e.Pillars, e.Tags = postCoverage(d, t.kit)
		for _, im := range d.Images {
			if im.Escapes {
				continue
			}
			var grey *lint.GreyImage // the image rules' copy, when they ran
			if v, ok := d.Peek(lint.GreyImageKey{Path: im.Path}); ok {
				grey, _ = v.(*lint.GreyImage)
			}
			e.Deps = append(e.Deps, a.imageDep(im.Path, imageShown(d, im), grey))
		}
		own.Draft = nil // the text is not kept
	}
	return e
}

// imageShown is an attached image's path as the user sees it: relative to
// where the draft's shown path starts.
func imageShown(d *lint.Draft, im lint.ImageRef) string {
	return filepath.ToSlash(filepath.Join(filepath.Dir(d.Path), filepath.FromSlash(im.Ref)))
}

func (a *auditor) imageDep(abs, shown string, grey *lint.GreyImage) dep {
	a.imgMu.Lock()
	m := a.imgs[abs]
	if m == nil {
		m = &imgMemo{}
		a.imgs[abs] = m
	}
	a.imgMu.Unlock()
	m.once.Do(func() {
		m.dep = dep{Abs: abs, Path: shown}
		data, err := lint.ReadRegular(abs, lint.MaxAssetBytes)
		if err != nil {
			return
		}
		m.dep.Sum = sumBytes(data)
		if grey != nil {
			h, l := greySig(grey)
			m.dep.Sig = &ImageSig{Path: shown, DHash: h, Luma: l}
		} else if h, l, err := imageSig(data); err == nil {
			m.dep.Sig = &ImageSig{Path: shown, DHash: h, Luma: l}
		}
	})
	d := m.dep
	d.Path = shown
	if d.Sig != nil {
		sig := *d.Sig
		sig.Path = shown
		d.Sig = &sig
	}
	return d
}

// emit adds one audited post to the report.
func (a *auditor) emit(t *task, e *entry) {
	p := Post{Path: t.in.Path, Account: t.account, Date: t.date.Format(dayLayout), DateSource: t.src,
		Platform: e.Platform, URL: t.url, Excerpt: e.Excerpt, Caption: e.Caption, DupRules: dupRulesOf(t.kit),
		Pillars: e.Pillars, Hashtags: e.Tags}
	for _, d := range e.Deps {
		if d.Sig != nil {
			p.Images = append(p.Images, *d.Sig)
		}
	}
	a.mu.Lock()
	a.kits[t.kit] = true
	a.rep.DateSources.add(t.src, 1)
	err := a.rep.addPost(p, e.Findings, e.Tally)
	a.mu.Unlock()
	if err != nil {
		a.addErr(errf("%s: hasil pemeriksaan tidak terbaca: %v", "%s: the results of its check cannot be read: %v", p.Path, err))
	}
	a.progress(1)
}

func (a *auditor) progress(n int) {
	if a.o.Progress == nil {
		return
	}
	a.progMu.Lock()
	a.done += n
	d, t := a.done, a.total
	a.progMu.Unlock()
	a.o.Progress(d, t)
}

func (a *auditor) grow(n int) {
	a.progMu.Lock()
	a.total += n
	a.progMu.Unlock()
}

// auditCSV reads an export row by row; each row is a post checked as a
// draft whose front matter carries the row's account, date and platform.
func (a *auditor) auditCSV(name string) error {
	cr, closer, err := openCSV(name, a.o.Columns, a.o.Period.Loc)
	if err != nil {
		return err
	}
	defer closer.Close()
	abs, _ := filepath.Abs(name)
	kit, kerr := a.o.Engine.Kits.ForFile(abs)
	if kerr != nil {
		a.addErr(kerr)
		return nil
	}
	var batch []*task
	for {
		row, skip, err := cr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return errf("%s: tidak bisa dibaca: %v", "%s: cannot be read: %v", name, err)
		}
		a.grow(1)
		t := &task{skip: skip}
		switch {
		case skip != nil:
			shown := fmt.Sprintf("%s#row%d", name, skip.Row)
			t.other = !a.o.Shard.On(shown, shown)
		case !a.o.Shard.On(accountFor(kit, row.account), fmt.Sprintf("%s#row%d", name, row.row)):
			t.other = true
		default:
			t = a.prepareRow(name, abs, kit, row)
		}
		batch = append(batch, t)
		if len(batch) == chunkSize {
			a.runChunk(batch)
			batch = nil
		}
	}
	a.runChunk(batch)
	return nil
}

func (a *auditor) prepareRow(name, abs string, kit *brandkit.Kit, row csvRow) *task {
	shown := fmt.Sprintf("%s#row%d", name, row.row)
	t := &task{date: row.date.In(a.o.Period.Loc), src: SourceCSV, url: row.url, kit: kit}
	if !a.o.Period.Contains(t.date) {
		t.out = true
		return t
	}
	t.account = accountFor(kit, row.account)
	plt := row.plt
	if plt == "" {
		plt = platformOf(row.url)
	}
	var b strings.Builder
	b.WriteString("+++\n")
	lines := 2
	if _, known := kit.Accounts[t.account]; known {
		// A page name the kit does not know stays the post's account in
		// the report, but is not the draft's: it is no mistake of the post.
		fmt.Fprintf(&b, "account = %s\n", lint.TOMLString(t.account))
		lines++
	}
	fmt.Fprintf(&b, "date = %s\n", t.date.Format(time.RFC3339))
	lines++
	if plt != "" {
		fmt.Fprintf(&b, "platform = %s\n", lint.TOMLString(plt))
		lines++
	}
	b.WriteString("+++\n")
	b.WriteString(row.text)
	t.lineShift = lines
	t.in = lint.Input{Path: shown, Abs: abs + "#row" + fmt.Sprint(row.row), Root: filepath.Dir(abs), Kind: lint.KindText, Data: []byte(b.String())}
	t.key = a.key(kit, t.in, t.in.Data)
	return t
}

// accountFor maps an export's account column (a page name, a handle) to
// the kit's account slug by slug, display name or handle ([accounts.SLUG]
// handles); otherwise it stays as
// written.
func accountFor(kit *brandkit.Kit, s string) string {
	if slug, ok := kit.AccountByHandle(s); ok {
		return slug
	}
	return strings.TrimSpace(s)
}

// platformOf guesses the platform from a post's address.
func platformOf(url string) string {
	u := strings.ToLower(url)
	for _, p := range []struct{ host, name string }{
		{"instagram.com", "instagram"}, {"facebook.com", "facebook"}, {"fb.com", "facebook"},
		{"twitter.com", "x"}, {"x.com/", "x"}, {"tiktok.com", "tiktok"}, {"threads.net", "threads"},
		{"youtube.com", "youtube"}, {"youtu.be", "youtube"}, {"linkedin.com", "linkedin"},
	} {
		if strings.Contains(u, "://"+p.host) || strings.Contains(u, "."+p.host) {
			return p.name
		}
	}
	return ""
}

// excerpt is the start of a caption, on one line.
func excerpt(s string) string {
	const maxRunes = 140
	var b strings.Builder
	n, space := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		if n >= maxRunes {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
