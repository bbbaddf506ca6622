package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint/stem"
)

// MaxDraftBytes bounds a draft: a caption is a few kilobytes, so anything
// far larger is not a draft and is reported instead of read.
const MaxDraftBytes = 8 << 20

// Input is one file to check.
type Input struct {
	// Path is shown to the user.
	Path string
	// Abs is used for kit lookup, account globs and resolving images; when
	// empty, the engine uses the absolute form of Path.
	Abs string
	// Root is the content root attached images must stay inside.
	Root string
	Kind Kind
	// Data, when not nil, is the file's content (stdin, the git index);
	// otherwise the engine reads Abs through Engine.Files.
	Data []byte
}

// Engine runs rules over inputs.
type Engine struct {
	Rules []*Rule
	Kits  *brandkit.Loader
	// Files reads inputs and attached images; nil means the OS.
	Files brandkit.Source
	// Jobs is how many files are checked at once; 0 means one per CPU.
	Jobs int
	// ReportUnusedIgnores reports front matter ignores that silenced
	// nothing (rule ignore-unused; see suppress.go).
	ReportUnusedIgnores bool
	// KeepDrafts keeps each FileResult's whole Draft after Run (fixing
	// needs the text). Otherwise Run keeps only the lines findings point
	// at, so that a run over a whole archive stays small in memory.
	KeepDrafts bool
}

// FileResult is what was found in one file.
type FileResult struct {
	Path     string
	Kind     Kind
	Findings []Finding
	// Draft is the parsed draft (nil for images, and after Run unless the
	// engine keeps drafts): use Line and LineStart to quote it.
	Draft *Draft
	// Kit is the kit that applied.
	Kit *brandkit.Kit

	lines map[int]quotedLine // what Run kept of the draft

	// Edits are the fixes of findings past the kit's cap ([rules]
	// max_per_file), kept only when the engine keeps drafts (fixing):
	// not listed, but --fix applies them with the listed findings' fixes.
	Edits []Finding
}

type quotedLine struct {
	text  string
	start int
}

// Line returns line n of the file's text, as far as it was kept: every
// line a finding starts or ends on. "" when unknown.
func (fr *FileResult) Line(n int) string {
	if fr.Draft != nil {
		return fr.Draft.Line(n)
	}
	return fr.lines[n].text
}

// LineStart returns the byte offset (in Draft.Source) where line n starts,
// or -1 when unknown.
func (fr *FileResult) LineStart(n int) int {
	if fr.Draft != nil {
		return fr.Draft.Offset(n, 1)
	}
	if q, ok := fr.lines[n]; ok {
		return q.start
	}
	return -1
}

// forgetDerived drops what rules derived from the draft (decoded images
// above all): not needed once the rules ran and the caller looked.
func (fr *FileResult) forgetDerived() {
	if fr.Draft != nil {
		fr.Draft.memo.Clear()
	}
}

// dropDraft keeps the lines the findings point at and lets the draft go.
func (fr *FileResult) dropDraft() {
	d := fr.Draft
	if d == nil {
		return
	}
	// What is kept is copied: a substring of the draft's text would keep
	// the whole text alive.
	for i := range fr.Findings {
		f := &fr.Findings[i]
		f.Match = strings.Clone(f.Match)
		if f.Line == 0 {
			continue
		}
		// The lines around the start too: the baseline matches a finding
		// by its line and its neighbours.
		for _, n := range []int{f.Line - 1, f.Line, f.Line + 1, f.EndLine} {
			if _, ok := fr.lines[n]; n > 0 && !ok {
				if fr.lines == nil {
					fr.lines = map[int]quotedLine{}
				}
				fr.lines[n] = quotedLine{text: strings.Clone(d.Line(n)), start: d.Offset(n, 1)}
			}
		}
	}
	fr.Draft = nil
}

// Result is the outcome of a run.
type Result struct {
	Files []*FileResult
	// Errors are problems that stop a clean answer: a kit that does not
	// load, a rule that broke. They make the exit status 2.
	Errors []error
}

// Counts returns the number of findings of each severity.
func (r *Result) Counts() (errs, warns, infos int) {
	for _, f := range r.Files {
		for _, x := range f.Findings {
			n := 1 + x.More
			switch x.Severity {
			case Error:
				errs += n
			case Warning:
				warns += n
			default:
				infos += n
			}
		}
	}
	return
}

func (e *Engine) files() brandkit.Source {
	if e.Files == nil {
		return brandkit.OSFiles{}
	}
	return e.Files
}

func (e *Engine) rule(name string) *Rule {
	for _, r := range e.Rules {
		if r.Name == name {
			return r
		}
	}
	for _, r := range BuiltinRules {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Run checks every input, in parallel, and returns the results sorted by
// path (findings by position), whatever the scheduling.
func (e *Engine) Run(inputs []Input) *Result {
	jobs := e.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var (
		mu       sync.Mutex
		res      = &Result{}
		byPath   = map[string]*FileResult{}
		kitErrs  = map[string]bool{}
		attached = map[string]bool{}
	)
	merge := func(frs []*FileResult, errs []error) {
		mu.Lock()
		defer mu.Unlock()
		for _, err := range errs {
			if !kitErrs[err.Error()] {
				kitErrs[err.Error()] = true
				res.Errors = append(res.Errors, err)
			}
		}
		for _, fr := range frs {
			old, ok := byPath[fr.Path]
			if !ok {
				byPath[fr.Path] = fr
				continue
			}
			// An image attached to two drafts is reported once.
			for _, f := range fr.Findings {
				if !hasFinding(old.Findings, f) {
					old.Findings = append(old.Findings, f)
				}
			}
		}
	}
	var texts, images []Input
	for _, in := range inputs {
		if in.Kind == KindImage {
			images = append(images, in)
		} else {
			texts = append(texts, in)
		}
	}
	e.parallel(texts, jobs, func(in Input) {
		frs, errs, att := e.checkOne(in)
		for _, fr := range frs {
			fr.forgetDerived()
			if !e.KeepDrafts {
				fr.dropDraft()
			}
		}
		merge(frs, errs)
		mu.Lock()
		for _, a := range att {
			attached[a] = true
		}
		mu.Unlock()
	})
	// Images already checked as a draft's attachment (in the context of
	// the draft's platform) are not checked again on their own.
	var alone []Input
	for _, in := range images {
		if !attached[e.absOf(in)] {
			alone = append(alone, in)
		}
	}
	e.parallel(alone, jobs, func(in Input) {
		frs, errs, _ := e.checkOne(in)
		for _, fr := range frs {
			fr.forgetDerived()
		}
		merge(frs, errs)
	})
	for _, fr := range byPath {
		sortFindings(fr.Findings)
		res.Files = append(res.Files, fr)
	}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
	sort.Slice(res.Errors, func(i, j int) bool { return res.Errors[i].Error() < res.Errors[j].Error() })
	return res
}

func (e *Engine) parallel(inputs []Input, jobs int, do func(Input)) {
	ch := make(chan Input)
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, len(inputs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range ch {
				do(in)
			}
		}()
	}
	for _, in := range inputs {
		ch <- in
	}
	close(ch)
	wg.Wait()
}

func (e *Engine) absOf(in Input) string {
	if in.Abs != "" {
		return in.Abs
	}
	if a, err := filepath.Abs(in.Path); err == nil {
		return a
	}
	return in.Path
}

func hasFinding(list []Finding, f Finding) bool {
	for _, g := range list {
		if g.Rule == f.Rule && g.Line == f.Line && g.Column == f.Column && g.Message == f.Message && g.Match == f.Match {
			return true
		}
	}
	return false
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message.ID < b.Message.ID
	})
}

// checkOne reads, parses and checks one input. It returns the file results
// (the draft's, and one per attached image with findings), kit errors, and
// the absolute paths of attached images.
func (e *Engine) checkOne(in Input) (frs []*FileResult, errs []error, attached []string) {
	abs := e.absOf(in)
	in.Abs = abs
	kit, err := e.Kits.ForFile(abs)
	if err != nil {
		return nil, []error{err}, nil
	}
	in.Root = contentRoot(in.Root, abs, kit)
	fr := &FileResult{Path: in.Path, Kind: in.Kind, Kit: kit}
	frs = []*FileResult{fr}
	data := in.Data
	if data == nil {
		data, err = e.read(abs, in.Kind)
		if err != nil {
			fr.Findings = append(fr.Findings, e.finish(kit, nil, Finding{Rule: "draft-unreadable", FileLevel: true,
				Message: unreadable(err)})...)
			return frs, nil, nil
		}
	}
	var d *Draft
	if in.Kind == KindImage {
		d = &Draft{Path: in.Path, Abs: abs, Root: in.Root, Kind: KindImage, Size: int64(len(data))}
		d.index()
		d.Images = []ImageRef{{Ref: in.Path, Path: abs}}
	} else {
		var probs []problem
		d, probs = ParseDraft(in.Path, abs, in.Root, data)
		fr.Draft = d
		stopped := false
		for _, p := range probs {
			f := Finding{Rule: p.rule, Span: Span{p.start, p.end}, FileLevel: p.file, Message: p.msg, Suggestions: p.sugg, Fix: p.fix}
			if p.rule != "draft-front-matter" {
				stopped = true
			}
			fr.Findings = append(fr.Findings, e.finish(kit, d, f)...)
		}
		if stopped {
			return frs, nil, nil
		}
		if f, ok := unknownPlatform(d, kit); ok {
			fr.Findings = append(fr.Findings, e.finish(kit, d, f)...)
		}
		if f, ok := unknownAccount(d, kit); ok {
			fr.Findings = append(fr.Findings, e.finish(kit, d, f)...)
		}
		e.stem(d, kit)
		for _, im := range d.Images {
			attached = append(attached, im.Path)
		}
	}
	images := map[string]*FileResult{}
	pass := &Pass{Draft: d, Kit: kit, ReadFile: e.readAsset}
	limit := kit.MaxPerFile()
	for _, r := range e.Rules {
		if r.Check == nil || !kit.RuleEnabled(r.Name) || (in.Kind == KindImage && !r.OnImages) {
			continue
		}
		kept := map[*FileResult]int{} // findings of this rule kept, per file
		// Past the cap: one counting finding per file and severity (a
		// rule's entries may differ in severity), in the order met.
		type overKey struct {
			fr  *FileResult
			sev Severity
		}
		over := map[overKey]*Finding{}
		var overOrder []overKey
		pass.report = func(f Finding) {
			f.Rule = r.Name
			target := fr
			if f.Path != "" && f.Path != in.Path {
				target = images[f.Path]
				if target == nil {
					target = &FileResult{Path: f.Path, Kind: KindImage, Kit: kit}
					images[f.Path] = target
					frs = append(frs, target)
				}
				f.FileLevel = f.Region == nil && f.FileLevel
			}
			if kept[target] >= limit {
				// Past the cap only a count is kept: a draft of a million
				// hashtags must not hold a million findings. When fixing,
				// the fix is kept too, as an edit: --fix still fixes
				// everything in one round.
				if e.KeepDrafts && f.Fix != nil && target == fr {
					edit := Finding{Rule: r.Name, Severity: f.Severity, Span: f.Span, Match: f.Match, Fix: f.Fix}
					fr.Edits = append(fr.Edits, e.finish(kit, d, edit)...)
				}
				k := overKey{target, f.Severity}
				o := over[k]
				if o == nil {
					o = &Finding{Rule: r.Name, Severity: f.Severity, FileLevel: true, Path: f.Path}
					over[k] = o
					overOrder = append(overOrder, k)
				}
				o.More++
				return
			}
			kept[target]++
			dd := d
			if target != fr {
				dd = nil
			}
			target.Findings = append(target.Findings, e.finish(kit, dd, f)...)
		}
		if err := runRule(r, pass); err != nil {
			errs = append(errs, fmt.Errorf("%s: rule %s failed: %v", in.Path, r.Name, err))
		}
		for _, k := range overOrder {
			o := over[k]
			o.Message = cappedMessage(o.More, limit)
			for _, f := range e.finish(kit, nil, *o) {
				f.More-- // the finding itself counts as one
				k.fr.Findings = append(k.fr.Findings, f)
			}
		}
	}
	if in.Kind == KindText {
		e.suppress(d, kit, frs)
		fr.Edits = withoutIgnored(d, fr.Edits)
	}
	return frs, errs, attached
}

// withoutIgnored drops the edits the draft's front matter ignores.
func withoutIgnored(d *Draft, edits []Finding) []Finding {
	if len(edits) == 0 || len(d.Front.Ignore) == 0 {
		return edits
	}
	kept := edits[:0]
	for _, f := range edits {
		hit := false
		for _, ig := range d.Front.Ignore {
			hit = hit || IgnoreMatches(ig, f)
		}
		if !hit {
			kept = append(kept, f)
		}
	}
	return kept
}

// cappedMessage says how many findings of a rule a file had past the
// kit's cap ([rules] max_per_file).
func cappedMessage(n, limit int) Text {
	return Tf("%d temuan lain dari aturan ini di berkas ini tidak dicantumkan satu per satu (batas [rules] max_per_file = %d)",
		"%d more findings of this rule in this file are not listed one by one (the limit [rules] max_per_file = %d)", n, limit)
}

// runRule calls a rule, turning a panic into an error: one broken rule must
// not take the whole run down, nor print a stack trace at the user.
func runRule(r *Rule, p *Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error: %v", v)
		}
	}()
	return r.Check(p)
}

// finish sets the severity and positions of a finding; it returns nothing
// when the kit disabled the rule.
func (e *Engine) finish(kit *brandkit.Kit, d *Draft, f Finding) []Finding {
	if kit != nil && !kit.RuleEnabled(f.Rule) {
		return nil
	}
	if f.Severity == "" {
		if r := e.rule(f.Rule); r != nil {
			f.Severity = r.Doc.Severity
		}
		if f.Severity == "" {
			f.Severity = Warning
		}
	}
	if kit != nil {
		if s, ok := kit.Rules.Severity[f.Rule]; ok {
			f.Severity = s
		}
	}
	if d != nil && !f.FileLevel && d.Kind == KindText {
		f.Line, f.Column = d.Position(f.Span.Start)
		f.EndLine, f.EndColumn = d.Position(f.Span.End)
	}
	return []Finding{f}
}

// stem fills each word's stem once per draft, in the kit's language;
// protected words keep their surface form. Stems come from the kit's cache
// (most words of an archive repeat), and each word gets the hashes that
// let a Matcher skip it without a map look-up.
func (e *Engine) stem(d *Draft, kit *brandkit.Kit) {
	st := cachedStemmerFor(kit)
	if st == nil {
		return
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind == TokWord {
			t.Stem = st(t.Lower)
			t.hashWord()
		}
	}
}

type stemCacheKey struct{}

// stemCacheMax bounds the stems a kit's cache keeps: an archive's
// vocabulary is a few hundred thousand words at most; past the bound,
// words are stemmed without being kept.
const stemCacheMax = 1 << 18

// cachedStemmerFor is stemmerFor with a per-kit cache of the stems it
// gave, shared by every draft checked with the kit.
func cachedStemmerFor(kit *brandkit.Kit) stem.Stemmer {
	v := kit.Memo(stemCacheKey{}, func() any {
		st := stemmerFor(kit)
		if st == nil {
			return stem.Stemmer(nil)
		}
		var cache sync.Map
		var n atomic.Int64
		return stem.Stemmer(func(w string) string {
			if s, ok := cache.Load(w); ok {
				return s.(string)
			}
			s := st(w)
			if n.Add(1) <= stemCacheMax {
				cache.Store(strings.Clone(w), s)
			}
			return s
		})
	})
	return v.(stem.Stemmer)
}

type stemmerKey struct{}

// stemmerFor returns the kit's stemmer with its protected words, built
// once per kit.
func stemmerFor(kit *brandkit.Kit) stem.Stemmer {
	v := kit.Memo(stemmerKey{}, func() any {
		base, err := stem.For(kit.Language())
		if err != nil {
			return stem.Stemmer(nil)
		}
		return Protected(base, kit.Stemming.Protect)
	})
	return v.(stem.Stemmer)
}

// Protected wraps a stemmer so that the listed words are never stemmed.
func Protected(base stem.Stemmer, protect []string) stem.Stemmer {
	if len(protect) == 0 {
		return base
	}
	keep := make(map[string]bool, len(protect))
	for _, w := range protect {
		keep[strings.ToLower(w)] = true
	}
	return func(w string) string {
		if keep[w] {
			return w
		}
		return base(w)
	}
}

// StemmerFor is the stemmer the engine uses for a kit (protected words
// included), for rules that stem kit phrases.
func StemmerFor(kit *brandkit.Kit) stem.Stemmer { return stemmerFor(kit) }

// MaxAssetBytes bounds an image or a kit logo read for the rules: far
// above any platform's upload limit, far below what would strain memory.
const MaxAssetBytes = 64 << 20

// readAsset reads an attached image or a kit asset (a logo) for the rules:
// on disk with its own bound (brandkit.OSFiles stops at a kit's 4 MiB),
// otherwise through Files (the git index in staged mode).
func (e *Engine) readAsset(path string) ([]byte, error) {
	if _, isOS := e.files().(brandkit.OSFiles); !isOS {
		return e.files().ReadFile(path)
	}
	return ReadRegular(path, MaxAssetBytes)
}

func (e *Engine) read(path string, kind Kind) ([]byte, error) {
	if kind == KindImage {
		return e.readAsset(path)
	}
	if _, isOS := e.files().(brandkit.OSFiles); isOS {
		if err := folderInput(path); err != nil {
			return nil, err
		}
		// Not through OSFiles: its 4 MiB bound is a kit's, not a draft's.
		b, err := ReadRegular(path, MaxDraftBytes)
		if errors.Is(err, ErrTooLarge) {
			return nil, errTooLarge
		}
		return b, err
	}
	return e.files().ReadFile(path)
}

// folderInput explains a folder given as a file to read (a walk hands over
// the folders it could not list): why it cannot be listed, permission
// denied most often, rather than "not a regular file". nil for anything
// but a folder.
func folderInput(path string) error {
	info, err := os.Stat(path)
	if err != nil || !info.IsDir() {
		return nil
	}
	f, err := os.Open(path)
	if err == nil {
		_, err = f.Readdirnames(1)
		f.Close()
		if err == nil || errors.Is(err, io.EOF) {
			return &TextError{Text{ID: "folder, bukan berkas", EN: "a folder, not a file"}}
		}
	}
	why := ErrorText(err)
	return &TextError{Text{ID: "folder yang tidak bisa dibuka (" + why.ID + ")", EN: "a folder that cannot be opened (" + why.EN + ")"}}
}

var errTooLarge = fmt.Errorf("larger than %d MiB, not a draft", MaxDraftBytes>>20)

// TextError is an error told in both languages (In(lang) gives either);
// Error is the English.
type TextError struct{ Text }

func (e *TextError) Error() string { return e.EN }

// unreadable says in both languages why a file could not be read.
func unreadable(err error) Text {
	if errors.Is(err, errTooLarge) {
		return Tf("tidak bisa dibaca: lebih besar dari %d MiB, bukan draf", "cannot be read: larger than %d MiB, not a draft", MaxDraftBytes>>20)
	}
	t := ErrorText(err)
	return Text{ID: "tidak bisa dibaca: " + t.ID, EN: "cannot be read: " + t.EN}
}

// ErrorText is PlainError in both languages: a TextError's own words, the
// common causes in the same words, else the error as it is.
func ErrorText(err error) Text {
	var te *TextError
	switch {
	case errors.As(err, &te):
		return te.Text
	case errors.Is(err, fs.ErrPermission):
		return Text{ID: "izin ditolak", EN: "permission denied"}
	case errors.Is(err, fs.ErrNotExist):
		return Text{ID: "berkas tidak ada", EN: "no such file"}
	}
	return Tf("%s", "%s", PlainError(err))
}

// PlainError is an error for users: without Go's wrapping of paths and
// system calls, and in the same words for the common causes.
func PlainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	}
	return strings.TrimSpace(err.Error())
}

// contentRoot widens root to the folder of the outermost kit (in the
// extends chain) that holds the file: a draft checked on its own may still
// use images shared higher up in its content folder, but nothing outside it.
func contentRoot(root, abs string, kit *brandkit.Kit) string {
	for _, kp := range kit.Chain {
		if kp == "" || strings.HasPrefix(kp, "(") {
			continue
		}
		dir, err := filepath.Abs(filepath.Dir(kp))
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(dir, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return dir
		}
	}
	if root == "" {
		return filepath.Dir(abs)
	}
	return root
}

// unknownAccount reports a front matter account the kit does not know,
// when the kit lists accounts: a misspelt account would otherwise quietly
// lose that account's required hashtags and mentions.
func unknownAccount(d *Draft, kit *brandkit.Kit) (Finding, bool) {
	return unknownFrontValue(d, d.Front.Account, kit.Accounts, func(name string, known Text) Text {
		return Text{
			ID: fmt.Sprintf("akun %q tidak dikenal kit, jadi tagar dan mention wajib akun itu tidak diperiksa; pakai salah satu dari: %s", name, known.ID),
			EN: fmt.Sprintf("the kit knows no account %q, so that account's required hashtags and mentions go unchecked; use one of: %s", name, known.EN)}
	})
}

// unknownPlatform reports a front matter platform the kit does not
// describe: a misspelt platform would otherwise silently switch off every
// platform-specific check.
func unknownPlatform(d *Draft, kit *brandkit.Kit) (Finding, bool) {
	return unknownFrontValue(d, d.Front.Platform, kit.Platforms, func(name string, known Text) Text {
		return Text{
			ID: fmt.Sprintf("platform %q tidak dikenal kit; pakai salah satu dari: %s", name, known.ID),
			EN: fmt.Sprintf("the kit knows no platform %q; use one of: %s", name, known.EN)}
	})
}

// unknownFrontValue is a draft-front-matter finding at a front matter
// value that is not a key of the kit's table; a kit without the table
// takes any value. The message names the kit's keys, the first dozen of
// a long list.
func unknownFrontValue[V any](d *Draft, name string, table map[string]V, msg func(name string, known Text) Text) (Finding, bool) {
	if name == "" || len(table) == 0 {
		return Finding{}, false
	}
	if _, ok := table[name]; ok {
		return Finding{}, false
	}
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	known := Tf("%s", "%s", strings.Join(keys, ", "))
	const most = 12
	if len(keys) > most {
		known = Tf("%s dan %d lainnya (lihat kit)", "%s and %d more (see the kit)", strings.Join(keys[:most], ", "), len(keys)-most)
	}
	sp := Span{}
	if i := strings.Index(d.Source[:d.Body], `"`+name+`"`); i >= 0 {
		sp = Span{i + 1, i + 1 + len(name)}
	}
	return Finding{Rule: "draft-front-matter", Span: sp, Match: name, Message: msg(name, known)}, true
}
