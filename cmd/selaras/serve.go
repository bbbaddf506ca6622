package main

// selaras serve: the checks of `selaras check` on a local web page and an
// HTTP API. The HTTP side is internal/serve; this file hands it the
// engine as check uses it (kit loader, rules.Checks, fixes, evidence,
// the JSON format), so that nothing of the checking is written twice.

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"image/jpeg"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/cmd/selaras/internal/serve"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/audit"
	"github.com/selaras/selaras/lint/fix"
	"github.com/selaras/selaras/lint/format"
	"github.com/selaras/selaras/rules"
	imagerules "github.com/selaras/selaras/rules/image"
	"github.com/selaras/selaras/rules/length"
)

func init() {
	register("serve", command{
		summary: lang2{id: "halaman web lokal dan API HTTP dengan pemeriksaan yang sama", en: "a local web page and HTTP API with the same checks"},
		run:     runServe,
	})
}

type serveOptions struct {
	kit, addr, allowHosts string
	open                  bool
	maxUpload             int
	timeout               int
}

func runServe(e *env, args []string) int {
	var o serveOptions
	f := newFlags(e, "serve", lang2{
		id: "menyajikan halaman pemeriksa di peramban (dan API HTTP di /api/); FOLDER, bila disebut, menambahkan tab audit folder itu",
		en: "serves the checker as a page in the browser (and an HTTP API under /api/); a FOLDER, when named, adds an audit tab for it"})
	f.stringVar(&o.kit, "kit", "", lang2{
		id: "pakai kit `BERKAS` (tanpa opsi ini: selaras.toml terdekat, atau kit bawaan)",
		en: "use the kit `FILE` (without it: the nearest selaras.toml, else the embedded kit)"}, "selaras.toml")
	f.stringVar(&o.addr, "addr", "127.0.0.1:8787", lang2{
		id: "alamat `HOST:PORT`; selain 127.0.0.1 siapa pun yang bisa menjangkaunya dapat memakai pemeriksa",
		en: "the address `HOST:PORT`; on other than 127.0.0.1 anyone who reaches it can use the checker"}, "127.0.0.1:8787")
	f.stringVar(&o.allowHosts, "allow-host", "", lang2{
		id: "`NAMA` host lain yang boleh dipakai di alamat halaman (dipisah koma), misalnya nama komputer ini di jaringan kantor",
		en: "further host `NAMES` the page may be opened under (comma-separated), e.g. this machine's name on the office network"}, "pc-kominfo.lan")
	f.boolVar(&o.open, "open", false, lang2{id: "buka halaman di peramban", en: "open the page in the browser"})
	f.intVar(&o.maxUpload, "max-upload", 20, lang2{
		id: "batas isi satu permintaan dalam `MB` (teks dan gambar)",
		en: "the largest request body in `MB` (text and images)"}, "20")
	f.intVar(&o.timeout, "timeout", 30, lang2{
		id: "batas waktu satu pemeriksaan dalam `DETIK`",
		en: "time limit of one check in `SECONDS`"}, "30")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	lang := f.lang
	if len(pos) > 1 {
		f.fail("%s", lang2{id: "sebutkan paling banyak satu folder konten", en: "name at most one content folder"}.in(lang))
		return exitError
	}
	if o.maxUpload <= 0 || o.timeout <= 0 {
		f.fail("%s", lang2{id: "--max-upload dan --timeout harus lebih dari 0", en: "--max-upload and --timeout must be more than 0"}.in(lang))
		return exitError
	}
	host, _, err := net.SplitHostPort(o.addr)
	if err != nil || host == "" {
		f.fail("%s", lang2{
			id: fmt.Sprintf("--addr %q: tulis HOST:PORT dengan host yang jelas, misalnya 127.0.0.1:8787", o.addr),
			en: fmt.Sprintf("--addr %q: write HOST:PORT with an explicit host, e.g. 127.0.0.1:8787", o.addr)}.in(lang))
		return exitError
	}
	folder := ""
	base, _ := os.Getwd()
	if len(pos) == 1 {
		info, err := os.Stat(pos[0])
		if err != nil || !info.IsDir() {
			f.fail("%s", lang2{id: fmt.Sprintf("%s bukan folder", pos[0]), en: fmt.Sprintf("%s is not a folder", pos[0])}.in(lang))
			return exitError
		}
		folder = pos[0]
		if base, err = filepath.Abs(folder); err != nil {
			f.fail("%v", err)
			return exitError
		}
	}
	sv := &server{loader: newLoader(o.kit), base: base, folder: folder}
	// The kit is read once, now: a broken kit stops the server before it
	// starts, as it stops check.
	if _, err := sv.loader.ForFile(filepath.Join(base, "draft.md")); err != nil {
		return kitFailed(e, lang, err)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		f.fail("%s", lang2{id: "tidak bisa mendengarkan di " + o.addr + ": " + lint.PlainError(err),
			en: "cannot listen on " + o.addr + ": " + lint.PlainError(err)}.in(lang))
		return exitError
	}
	addr := ln.Addr().String()
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(e.stderr, "selaras serve: %s\n", lang2{
			id: "PERINGATAN: " + addr + " bukan alamat lokal; siapa pun yang bisa menjangkaunya dapat memakai pemeriksa ini",
			en: "WARNING: " + addr + " is not a local address; anyone who can reach it can use this checker"}.in(lang))
	}
	cfg := serve.Config{Addr: addr, MaxBody: int64(o.maxUpload) << 20, Timeout: time.Duration(o.timeout) * time.Second, Workers: runtime.NumCPU()}
	if strings.TrimSpace(o.allowHosts) != "" {
		for _, h := range strings.Split(o.allowHosts, ",") {
			cfg.AllowHosts = append(cfg.AllowHosts, strings.TrimSpace(h))
		}
	}
	srv := serve.HTTPServer(serve.New(sv.backend(), cfg), cfg)
	shown := addr
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil && ip.IsUnspecified() {
		// Every address: the page opens on this machine's loopback.
		_, port, _ := net.SplitHostPort(addr)
		shown = net.JoinHostPort("127.0.0.1", port)
	}
	url := "http://" + shown + "/"
	if lang == "en" {
		url += "?lang=en"
	}
	fmt.Fprintf(e.stdout, "selaras serve: %s\n", url)
	fmt.Fprintln(e.stdout, lang2{id: "Ctrl+C menghentikan server.", en: "Ctrl+C stops the server."}.in(lang))
	if o.open {
		openBrowser(e, url, lang)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		f.fail("%v", err)
		return exitError
	case <-ctx.Done():
	}
	// Graceful: running checks finish, new connections are refused.
	sctx, cancel := context.WithTimeout(context.Background(), cfg.Timeout+5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	fmt.Fprintln(e.stdout, lang2{id: "selaras serve: berhenti", en: "selaras serve: stopped"}.in(lang))
	return exitOK
}

func openBrowser(e *env, url, lang string) {
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name = "rundll32"
	}
	args := []string{url}
	if runtime.GOOS == "windows" {
		args = []string{"url.dll,FileProtocolHandler", url}
	}
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err == nil {
		go cmd.Wait() // reaped, whatever the opener does
		return
	}
	fmt.Fprintf(e.stderr, "selaras serve: %s\n", lang2{id: "peramban tidak bisa dibuka; buka " + url + " sendiri",
		en: "cannot open the browser; open " + url + " yourself"}.in(lang))
}

// server is the engine side of selaras serve.
type server struct {
	loader *brandkit.Loader
	// base is the folder the checked draft is taken to lie in (kit lookup,
	// images); folder is the content folder named on the command line
	// ("" for none: no audit).
	base, folder string
}

func (s *server) backend() serve.Backend {
	b := serve.Backend{
		Check:   s.check,
		Fix:     s.fix,
		Rules:   serveRules,
		Explain: serveExplain,
		Kit:     s.kitTOML,
		Info:    s.info,
	}
	if s.folder != "" {
		b.Audit = s.audit
	}
	return b
}

// memFiles is what the engine may read while serving: the uploaded images
// and the kit's logos, nothing else of the disk (a draft naming
// /etc/passwd as its image gets image-missing, and no evidence picture can
// show a file of the server's disk).
type memFiles struct {
	files map[string][]byte
	logos map[string]bool
}

func (m memFiles) ReadFile(p string) ([]byte, error) {
	if b, ok := m.files[filepath.Clean(p)]; ok {
		return b, nil
	}
	if m.logos[p] {
		return brandkit.OSFiles{}.ReadFile(p)
	}
	return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
}

// draft is a request turned into what check would read from disk.
type draft struct {
	in     lint.Input
	files  memFiles
	kit    *brandkit.Kit
	prefix string // the front matter selaras wrote before the caption
	text   string // the caption as sent
}

var (
	unsafeRun = regexp.MustCompile(`[^A-Za-z0-9._-]+`)
)

// newDraft builds the draft `check` would see: front matter from the
// request's platform, account, date and images, then the caption. A
// caption with its own front matter is taken as it is (then those fields
// must be empty).
func (s *server) newDraft(r serve.Request) (*draft, error) {
	name := r.Filename
	if name == "" {
		name = "draft.md"
	}
	if name != filepath.Base(name) || strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return nil, serve.Errf(http.StatusBadRequest, fmt.Sprintf("filename %q: tulis nama berkas saja, tanpa folder", name),
			fmt.Sprintf("filename %q: give a file name only, without folders", name))
	}
	if k, ok := lint.KindOf(name); !ok || k != lint.KindText {
		return nil, serve.Errf(http.StatusBadRequest, fmt.Sprintf("filename %q: draf berakhiran %s", name, strings.Join(lint.DraftExts, " atau ")),
			fmt.Sprintf("filename %q: a draft ends in %s", name, strings.Join(lint.DraftExts, " or ")))
	}
	d := &draft{text: r.Text, files: memFiles{files: map[string][]byte{}, logos: map[string]bool{}}}
	abs := filepath.Join(s.base, name)
	var images []string
	seen := map[string]bool{}
	for i, up := range r.Images {
		n := strings.Trim(unsafeRun.ReplaceAllString(up.Name, "_"), "._")
		if n == "" {
			n = fmt.Sprintf("image-%d", i+1)
		}
		if seen[n] {
			return nil, serve.Errf(http.StatusBadRequest, fmt.Sprintf("dua gambar bernama %s", n), fmt.Sprintf("two images named %s", n))
		}
		seen[n] = true
		images = append(images, n)
		d.files.files[filepath.Join(s.base, n)] = up.Data
	}
	own := strings.HasPrefix(strings.TrimPrefix(r.Text, "\ufeff"), "+++")
	if own && (r.Platform != "" || r.Account != "" || r.Date != "") {
		return nil, serve.Errf(http.StatusBadRequest, "teks sudah memuat front matter: kosongkan platform, account dan date, atau hapus front matter-nya",
			"the text has its own front matter: leave platform, account and date empty, or remove the front matter")
	}
	var fm strings.Builder
	for _, kv := range [][2]string{{"platform", r.Platform}, {"account", r.Account}} {
		if kv[1] == "" {
			continue
		}
		if !isSlug(kv[1]) {
			return nil, serve.Errf(http.StatusBadRequest, fmt.Sprintf("%s %q tidak sah", kv[0], kv[1]), fmt.Sprintf("%s %q is not valid", kv[0], kv[1]))
		}
		fmt.Fprintf(&fm, "%s = %s\n", kv[0], lint.TOMLString(kv[1]))
	}
	if r.Date != "" {
		if _, err := time.Parse(time.DateOnly, r.Date); err != nil {
			return nil, serve.Errf(http.StatusBadRequest, fmt.Sprintf("date %q: tulis YYYY-MM-DD", r.Date), fmt.Sprintf("date %q: write YYYY-MM-DD", r.Date))
		}
		fmt.Fprintf(&fm, "date = %s\n", r.Date)
	}
	if len(images) > 0 && !own {
		q := make([]string, len(images))
		for i, n := range images {
			q[i] = lint.TOMLString(n)
		}
		fmt.Fprintf(&fm, "images = [%s]\n", strings.Join(q, ", "))
	}
	if fm.Len() > 0 {
		d.prefix = "+++\n" + fm.String() + "+++\n"
	}
	d.in = lint.Input{Path: name, Abs: abs, Root: s.base, Kind: lint.KindText, Data: []byte(d.prefix + r.Text)}
	kit, err := s.loader.ForFile(abs)
	if err != nil {
		return nil, serve.Errf(http.StatusInternalServerError, brandkit.Message(err, "id"), brandkit.Message(err, "en"))
	}
	d.kit = kit
	for _, lg := range kit.Logos {
		d.files.logos[lg.File] = true
	}
	return d, nil
}

func (s *server) engine(d *draft) *lint.Engine {
	return &lint.Engine{Rules: rules.Checks(), Kits: s.loader, Files: d.files, Jobs: 1, KeepDrafts: true}
}

// run checks the draft as check does; a rule that broke is an error, as
// it is check's exit status 2.
func (s *server) run(eng *lint.Engine, d *draft) (*lint.Result, error) {
	res := eng.Run([]lint.Input{d.in})
	if len(res.Errors) > 0 {
		var id, en []string
		for _, err := range res.Errors {
			id = append(id, brandkit.Message(err, "id"))
			en = append(en, brandkit.Message(err, "en"))
		}
		return nil, serve.Errf(http.StatusInternalServerError, strings.Join(id, "\n"), strings.Join(en, "\n"))
	}
	return res, nil
}

func (s *server) check(_ context.Context, r serve.Request, detail bool) (*serve.Checked, error) {
	d, err := s.newDraft(r)
	if err != nil {
		return nil, err
	}
	res, err := s.run(s.engine(d), d)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	opts := format.Options{Lang: r.Lang, Rules: rules.All(), Version: version, Summary: true}
	if err := format.JSON(&buf, res, opts); err != nil {
		return nil, err
	}
	out := &serve.Checked{Report: buf.Bytes()}
	if detail {
		out.Detail = s.detail(d, res, r.Lang)
	}
	return out, nil
}

// pageFinding is a finding as the page shows it: with its rule's title,
// its place in the caption (UTF-16 code units, as JavaScript counts; -1
// when outside the caption or about the whole file) and its fix.
type pageFinding struct {
	File        string       `json:"file"`
	Rule        string       `json:"rule"`
	Severity    string       `json:"severity"`
	Title       string       `json:"title"`
	Message     string       `json:"message"`
	Match       string       `json:"match"`
	Suggestions []string     `json:"suggestions"`
	Line        int          `json:"line"`
	Column      int          `json:"column"`
	Start       int          `json:"start"`
	End         int          `json:"end"`
	Region      *lint.Region `json:"region,omitempty"`
	Fix         *pageFix     `json:"fix,omitempty"`
}

type pageFix struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Safe  bool   `json:"safe"`
}

type pageImage struct {
	Path     string `json:"path"`
	Evidence string `json:"evidence,omitempty"` // a data: URL
	Error    string `json:"error,omitempty"`
}

type pageCounter struct {
	What string `json:"what"` // chars, hashtags
	Unit string `json:"unit"`
	N    int    `json:"n"`
	Max  int    `json:"max"`
}

type pageDetail struct {
	Findings []pageFinding  `json:"findings"`
	Images   []pageImage    `json:"images"`
	Counters []pageCounter  `json:"counters"`
	Summary  map[string]int `json:"summary"`
}

// detail is what the page shows beyond the JSON report.
func (s *server) detail(d *draft, res *lint.Result, lang string) pageDetail {
	out := pageDetail{Findings: []pageFinding{}, Images: []pageImage{}, Counters: []pageCounter{}}
	// Byte offsets in the checked source become offsets in the caption.
	src := string(d.in.Data)
	shift := len(d.prefix)
	if d.prefix == "" && strings.HasPrefix(src, "\ufeff") {
		shift = -3 // Source lost the byte-order mark the caption has
	}
	// at[b] is the UTF-16 offset of byte b of the caption (-1 inside a
	// character).
	at := make([]int32, len(d.text)+1)
	n := int32(0)
	for b, r := range d.text {
		for k := b + 1; k < b+utf8.RuneLen(max(r, 0)) && k < len(at); k++ {
			at[k] = -1
		}
		at[b] = n
		n += int32(utf16.RuneLen(r))
	}
	at[len(d.text)] = n
	u16 := func(off int) int {
		b := off - shift
		if b < 0 || b > len(d.text) {
			return -1
		}
		return int(at[b])
	}
	var draftRes *lint.FileResult
	for _, fr := range res.Files {
		if fr.Draft != nil && fr.Kind == lint.KindText {
			draftRes = fr
		}
		for _, f := range fr.Findings {
			pf := pageFinding{File: fr.Path, Rule: f.Rule, Severity: string(f.Severity), Message: f.Message.In(lang),
				Match: f.Match, Suggestions: f.Suggestions, Line: f.Line, Column: f.Column, Start: -1, End: -1, Region: f.Region}
			if pf.Suggestions == nil {
				pf.Suggestions = []string{}
			}
			if r := rules.ByName(f.Rule); r != nil {
				pf.Title = r.Doc.Title.In(lang)
			}
			if fr.Draft != nil && !f.FileLevel && f.Path == "" {
				if a, b := u16(f.Span.Start), u16(f.Span.End); a >= 0 && b >= a {
					pf.Start, pf.End = a, b
				}
			}
			if f.Fix != nil && f.Path == "" && fr.Draft != nil {
				if a, b := u16(f.Fix.Span.Start), u16(f.Fix.Span.End); a >= 0 && b >= a {
					pf.Fix = &pageFix{Start: a, End: b, Text: f.Fix.Replacement, Safe: f.Fix.Safe}
				}
			}
			out.Findings = append(out.Findings, pf)
		}
	}
	pics, errs := imagerules.DrawEvidence(res, lang, d.files.ReadFile)
	for _, p := range pics {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, p.Image, &jpeg.Options{Quality: 85}); err != nil {
			continue
		}
		out.Images = append(out.Images, pageImage{Path: p.Path, Evidence: "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())})
	}
	for _, err := range errs {
		msg := err.Error()
		var te *lint.TextError
		if errors.As(err, &te) {
			msg = te.In(lang)
		}
		out.Images = append(out.Images, pageImage{Error: msg})
	}
	if draftRes != nil {
		out.Counters = counters(draftRes.Draft, d.kit, lang)
	}
	e, w, i := res.Counts()
	out.Summary = map[string]int{"errors": e, "warnings": w, "infos": i}
	return out
}

// counters measure the caption as the length and hashtag-count rules do.
func counters(d *lint.Draft, kit *brandkit.Kit, lang string) []pageCounter {
	var out []pageCounter
	pl := d.Front.Platform
	p, ok := kit.Platforms[pl]
	if ok && pl != "" && p.CaptionMax > 0 {
		counting := length.CountingFor(pl)
		n, _, _ := length.Count(d, counting, p.CaptionMax)
		unit := lang2{id: "karakter", en: "characters"}
		switch counting {
		case length.Weighted:
			unit = lang2{id: "karakter berbobot", en: "weighted characters"}
		case length.Bytes:
			unit = lang2{id: "byte", en: "bytes"}
		}
		out = append(out, pageCounter{What: "chars", Unit: unit.in(lang), N: n, Max: p.CaptionMax})
	}
	tags := 0
	for _, t := range d.Tokens {
		if t.Kind == lint.TokHashtag {
			tags++
		}
	}
	limit := kit.Hashtags.Max
	if ok && pl != "" && p.HashtagMax > 0 {
		limit = p.HashtagMax
	}
	out = append(out, pageCounter{What: "hashtags", Unit: lang2{id: "tagar", en: "hashtags"}.in(lang), N: tags, Max: limit})
	return out
}

// fixReply is the answer of /api/fix.
type fixReply struct {
	Text    string       `json:"text"`
	Applied []fixApplied `json:"applied"`
	Notes   []string     `json:"notes"`
}

type fixApplied struct {
	Rule        string `json:"rule"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	Match       string `json:"match"`
	Replacement string `json:"replacement"`
	Message     string `json:"message"`
}

// fix applies the safe fixes as `check --fix` does for stdin (the same
// rounds, nothing written), and returns the fixed caption.
func (s *server) fix(_ context.Context, r serve.Request) (any, error) {
	d, err := s.newDraft(r)
	if err != nil {
		return nil, err
	}
	eng := s.engine(d)
	res, err := s.run(eng, d)
	if err != nil {
		return nil, err
	}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }, isTerminal: func() bool { return false }}
	fl := newFlags(e, "serve", lang2{})
	fl.lang = r.Lang
	x := &checkExtras{fix: true}
	fixed, notes, text, _ := x.runFixes(e, fl, eng, []lint.Input{d.in}, res)
	out := fixReply{Text: r.Text, Applied: []fixApplied{}, Notes: []string{}}
	if text != nil {
		t := string(text)
		if c, ok := strings.CutPrefix(t, d.prefix); ok {
			t = c
		}
		out.Text = t
	}
	for _, n := range notes {
		out.Notes = append(out.Notes, n.In(r.Lang))
	}
	// Applied: the safe fixes of the first check whose findings are gone.
	left := map[string]int{}
	key := func(f lint.Finding) string { return f.Rule + "\x00" + f.Match + "\x00" + f.Message.EN }
	for _, fr := range fixed.Files {
		for _, f := range fr.Findings {
			left[key(f)]++
		}
	}
	for _, fr := range res.Files {
		for _, f := range fr.Findings {
			if !fix.Eligible(f, false) {
				continue
			}
			if left[key(f)] > 0 {
				left[key(f)]--
				continue
			}
			out.Applied = append(out.Applied, fixApplied{Rule: f.Rule, Line: f.Line, Column: f.Column, Match: f.Match,
				Replacement: f.Fix.Replacement, Message: f.Message.In(r.Lang)})
		}
	}
	return out, nil
}

type ruleInfo struct {
	Name      string `json:"name"`
	Severity  string `json:"severity"`
	Title     string `json:"title"`
	AuditOnly bool   `json:"audit_only,omitempty"`
}

func serveRules(lang string) any {
	var out []ruleInfo
	for _, r := range rules.All() {
		out = append(out, ruleInfo{Name: r.Name, Severity: string(r.Doc.Severity), Title: r.Doc.Title.In(lang)})
	}
	for _, r := range audit.Rules {
		out = append(out, ruleInfo{Name: r.Name, Severity: string(r.Doc.Severity), Title: r.Doc.Title.In(lang), AuditOnly: true})
	}
	return out
}

func serveExplain(name, lang string) (string, bool) {
	r := rules.ByName(name)
	if r == nil {
		r = audit.RuleByName(name)
	}
	if r == nil {
		return "", false
	}
	return rules.Explain(r, lang), true
}

func (s *server) kitTOML(lang string) ([]byte, error) {
	kit, err := s.loader.ForFile(filepath.Join(s.base, "draft.md"))
	if err != nil {
		return nil, serve.Errf(http.StatusInternalServerError, brandkit.Message(err, "id"), brandkit.Message(err, "en"))
	}
	return effectiveTOML(kit, lang)
}

type pageInfo struct {
	Version   string         `json:"version"`
	Kit       string         `json:"kit"`
	Platforms []platformInfo `json:"platforms"`
	Accounts  []accountInfo  `json:"accounts"`
	Audit     bool           `json:"audit"`
}

type platformInfo struct {
	Name       string `json:"name"`
	CaptionMax int    `json:"caption_max"`
}

type accountInfo struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

func (s *server) info() any {
	out := pageInfo{Version: version, Audit: s.folder != "", Platforms: []platformInfo{}, Accounts: []accountInfo{}}
	kit, err := s.loader.ForFile(filepath.Join(s.base, "draft.md"))
	if err != nil {
		return out
	}
	out.Kit = kit.Kit.Name
	for n, p := range kit.Platforms {
		out.Platforms = append(out.Platforms, platformInfo{Name: n, CaptionMax: p.CaptionMax})
	}
	sort.Slice(out.Platforms, func(i, j int) bool { return out.Platforms[i].Name < out.Platforms[j].Name })
	for slug, a := range kit.Accounts {
		out.Accounts = append(out.Accounts, accountInfo{Slug: slug, Name: a.Name})
	}
	sort.Slice(out.Accounts, func(i, j int) bool { return out.Accounts[i].Slug < out.Accounts[j].Slug })
	return out
}

// audit is `selaras audit --format html FOLDER` for one period, without a
// cache and with the findings kept in memory: nothing is written.
func (s *server) audit(_ context.Context, q serve.AuditQuery) ([]byte, error) {
	period, err := audit.Resolve(audit.PeriodSpec{Month: q.Month, Since: q.Since, Until: q.Until, Period: q.Period, TZ: q.TZ}, time.Now())
	if err != nil {
		return nil, serve.Errf(http.StatusBadRequest, audit.Message(err, "id"), audit.Message(err, "en"))
	}
	cols, _ := audit.ParseColumns("")
	opts := audit.Options{
		Period: period, Columns: cols, Version: version, Build: buildID(), Lang: q.Lang, InMemory: true,
		Engine: &lint.Engine{Rules: rules.Checks(), Kits: s.loader},
	}
	rep, errs, err := audit.Run([]string{s.folder}, opts)
	if err != nil {
		return nil, serve.Errf(http.StatusInternalServerError, audit.Message(err, "id"), audit.Message(err, "en"))
	}
	defer rep.Close()
	if len(errs) > 0 {
		var id, en []string
		for _, e := range errs {
			id = append(id, auditErrText(e, "id"))
			en = append(en, auditErrText(e, "en"))
		}
		return nil, serve.Errf(http.StatusInternalServerError, strings.Join(id, "\n"), strings.Join(en, "\n"))
	}
	rep.SetRuleTitles(ruleTitles()) // as writeAudit does
	var buf bytes.Buffer
	if err := audit.Write(&buf, rep, "html", q.Lang); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func auditErrText(err error, lang string) string {
	var ae *audit.Error
	if errors.As(err, &ae) {
		return audit.Message(err, lang)
	}
	return brandkit.Message(err, lang)
}

// isSlug accepts 1 to 100 letters, digits, '_', '.' or '-'. (A regular
// expression with a Unicode class repeated {1,100} compiled to some 4 MB
// at every start of the binary, serve or not: 70 ms of a one-draft check.)
func isSlug(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.' && r != '-' {
			return false
		}
		n++
	}
	return n >= 1 && n <= 100
}
