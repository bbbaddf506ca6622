// Package serve is the HTTP layer of `selaras serve`: the embedded page,
// the JSON API under /api/, and the guards around them (Host and Origin
// checks, body and caption limits, bounded concurrency, time limits). It
// knows nothing of rules, kits or fixes: the command hands it a Backend,
// functions that do the checking the way `selaras check` does, so that the
// handlers can be tested with httptest and the engine never learns HTTP.
package serve

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode/utf8"
)

//go:embed page
var pageFS embed.FS

// MaxCaptionChars bounds a caption: far above any platform's limit (the
// longest, YouTube's, is 5,000), far below what would strain the engine.
const MaxCaptionChars = 100_000

// maxImages bounds how many images one request may carry.
const maxImages = 20

// maxField bounds a multipart text field (a caption of MaxCaptionChars
// characters is at most 4 bytes each).
const maxField = 4*MaxCaptionChars + 1024

// Upload is an image sent with a request; it lives in memory only.
type Upload struct {
	Name string
	Data []byte
}

// Request is a check or fix request: the caption and what front matter
// would say about it.
type Request struct {
	Text     string `json:"text"`
	Platform string `json:"platform"`
	Account  string `json:"account"`
	Date     string `json:"date"`
	Lang     string `json:"lang"`
	Filename string `json:"filename"`
	// Images are the uploaded images (multipart only).
	Images []Upload `json:"-"`
}

// AuditQuery is the period of an audit, as `selaras audit` takes it.
type AuditQuery struct {
	Month, Since, Until, Period, TZ string
	Lang                            string
}

// Checked is the answer to a check: Report is the bytes of `check --format
// json`; Detail is what the page needs beyond it (positions in the
// caption, fixes, evidence pictures, counters).
type Checked struct {
	Report []byte
	Detail any
}

// Backend does the work; every function may be called concurrently.
type Backend struct {
	Check   func(ctx context.Context, r Request, detail bool) (*Checked, error)
	Fix     func(ctx context.Context, r Request) (any, error)
	Rules   func(lang string) any
	Explain func(name, lang string) (string, bool)
	// Kit is the effective kit as TOML (`selaras kit check --print`).
	Kit func(lang string) ([]byte, error)
	// Info is what the page shows in its choices (platforms, accounts).
	Info func() any
	// Audit is the HTML report of the folder the server was started on;
	// nil when it was started without one.
	Audit func(ctx context.Context, q AuditQuery) ([]byte, error)
}

// Config are the server's limits.
type Config struct {
	// Addr is the address served (host:port, the port known): requests
	// must name it (or, on a loopback address, localhost) in Host.
	Addr string
	// AllowHosts are further host names accepted in Host (--allow-host).
	AllowHosts []string
	// MaxBody bounds a request body in bytes (--max-upload).
	MaxBody int64
	// Timeout bounds the work of one request.
	Timeout time.Duration
	// Workers bounds the checks running at once.
	Workers int
}

// Error is an error with its HTTP status, said in both languages.
type Error struct {
	Status int
	ID, EN string
}

func (e *Error) Error() string { return e.EN }

// Errf makes an Error.
func Errf(status int, id, en string) *Error { return &Error{Status: status, ID: id, EN: en} }

// Server serves the page and the API.
type Server struct {
	b   Backend
	c   Config
	sem chan struct{} // checks running
	// bodies bounds the requests whose bodies are held in memory (read,
	// waiting for a worker, or being checked): four per worker.
	bodies chan struct{}
}

// New makes a server.
func New(b Backend, c Config) *Server {
	if c.Workers <= 0 {
		c.Workers = 1
	}
	if c.MaxBody <= 0 {
		c.MaxBody = 20 << 20
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	return &Server{b: b, c: c, sem: make(chan struct{}, c.Workers), bodies: make(chan struct{}, 4*c.Workers)}
}

// HTTPServer wraps h with the timeouts that keep a slow client from
// holding a connection: headers within 5 s (or the time limit when
// shorter), the body within the request's
// time limit, the answer written within ten times it (an audit's limit).
func HTTPServer(h http.Handler, c Config) *http.Server {
	t := c.Timeout
	if t <= 0 {
		t = 30 * time.Second
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(5*time.Second, t),
		ReadTimeout:       t,
		WriteTimeout:      10*t + 10*time.Second, // an audit may take 10 t
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// ServeHTTP routes a request after the guards.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			writeError(w, Errf(http.StatusInternalServerError, fmt.Sprintf("kesalahan internal: %v", v), fmt.Sprintf("internal error: %v", v)))
		}
	}()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	if !s.hostOK(r.Host) {
		writeError(w, Errf(http.StatusForbidden,
			fmt.Sprintf("Host %q bukan alamat server ini; buka %s", r.Host, "http://"+s.c.Addr+"/"),
			fmt.Sprintf("Host %q is not this server's address; open %s", r.Host, "http://"+s.c.Addr+"/")))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.sameOrigin(r) {
		writeError(w, Errf(http.StatusForbidden,
			"permintaan dari situs lain ditolak", "cross-origin request refused"))
		return
	}
	p := r.URL.Path
	switch {
	case p == "/" || p == "/index.html":
		s.asset(w, r, "page/index.html", "text/html; charset=utf-8")
	case p == "/app.js":
		s.asset(w, r, "page/app.js", "text/javascript; charset=utf-8")
	case p == "/app.css":
		s.asset(w, r, "page/app.css", "text/css; charset=utf-8")
	case p == "/api/check":
		s.post(w, r, s.check)
	case p == "/api/fix":
		s.post(w, r, s.fix)
	case p == "/api/rules":
		s.get(w, r, func(w http.ResponseWriter, r *http.Request) {
			lang, ok := langOf(w, r.URL.Query().Get("lang"))
			if ok {
				writeJSON(w, http.StatusOK, s.b.Rules(lang))
			}
		})
	case strings.HasPrefix(p, "/api/explain/"):
		s.get(w, r, s.explain)
	case p == "/api/kit":
		s.get(w, r, s.kit)
	case p == "/api/info":
		s.get(w, r, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, s.b.Info()) })
	case p == "/api/audit":
		s.get(w, r, s.audit)
	default:
		writeError(w, Errf(http.StatusNotFound, "tidak ada halaman "+p, "no page "+p))
	}
}

// hostOK is the DNS-rebinding guard: a page on another name that resolves
// to this machine must not reach the API.
func (s *Server) hostOK(host string) bool {
	want, port, err := net.SplitHostPort(s.c.Addr)
	if err != nil {
		return false
	}
	h, p, err := net.SplitHostPort(host)
	if err != nil {
		h, p = host, "80"
	}
	if p != port {
		return false
	}
	h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
	for _, a := range s.c.AllowHosts {
		if strings.EqualFold(a, h) {
			return true
		}
	}
	if h == strings.ToLower(strings.Trim(want, "[]")) {
		return true
	}
	ip := net.ParseIP(strings.Trim(want, "[]"))
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return h == "localhost" || h == "127.0.0.1" || h == "::1"
	}
	if ip.IsUnspecified() {
		// Bound to every address: any address of the machine, written as
		// an IP (a name could be rebound), or a name allowed above.
		return net.ParseIP(h) != nil || h == "localhost"
	}
	return false
}

// sameOrigin refuses a POST another site's page makes the browser send:
// browsers name the page's origin in Origin and say cross-site in
// Sec-Fetch-Site. Tools that send neither (curl, scripts) are served.
func (s *Server) sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	host, ok := strings.CutPrefix(o, "http://")
	return ok && !strings.ContainsAny(host, "/?#@") && s.hostOK(host) && strings.EqualFold(host, r.Host)
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request, name, ctype string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, "GET")
		return
	}
	data, err := pageFS.ReadFile(name)
	if err != nil {
		writeError(w, Errf(http.StatusNotFound, "tidak ada", "not found"))
		return
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
	h.Set("Content-Length", fmt.Sprint(len(data)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(data)
}

func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, Errf(http.StatusMethodNotAllowed, "pakai metode "+allow, "use the "+allow+" method"))
}

func (s *Server) get(w http.ResponseWriter, r *http.Request, h http.HandlerFunc) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, "GET")
		return
	}
	h(w, r)
}

func (s *Server) post(w http.ResponseWriter, r *http.Request, h http.HandlerFunc) {
	if r.Method != http.MethodPost {
		methodNotAllowed(w, "POST")
		return
	}
	h(w, r)
}

// work runs do in a worker slot within the time limit. A check that runs
// over keeps its slot until it ends (the engine cannot be stopped half-way),
// so the bound on concurrent checks holds even then.
func (s *Server) work(ctx context.Context, timeout time.Duration, do func(ctx context.Context) (any, error)) (any, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, Errf(http.StatusServiceUnavailable, "server sedang sibuk; coba lagi sebentar lagi", "the server is busy; try again in a moment")
	}
	type outcome struct {
		v   any
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() { <-s.sem }()
		defer func() {
			if v := recover(); v != nil {
				done <- outcome{nil, Errf(http.StatusInternalServerError, fmt.Sprintf("kesalahan internal: %v", v), fmt.Sprintf("internal error: %v", v))}
			}
		}()
		v, err := do(ctx)
		done <- outcome{v, err}
	}()
	select {
	case o := <-done:
		return o.v, o.err
	case <-ctx.Done():
		return nil, Errf(http.StatusServiceUnavailable,
			fmt.Sprintf("pemeriksaan melewati batas waktu %s", timeout), fmt.Sprintf("the check took longer than the limit of %s", timeout))
	}
}

// admit waits for room to hold one more request body in memory; false
// (and a 503 written) when none came within the time limit.
func (s *Server) admit(w http.ResponseWriter, r *http.Request) bool {
	t := time.NewTimer(s.c.Timeout)
	defer t.Stop()
	select {
	case s.bodies <- struct{}{}:
		return true
	case <-t.C:
	case <-r.Context().Done():
	}
	writeError(w, Errf(http.StatusServiceUnavailable, "server sedang sibuk; coba lagi sebentar lagi", "the server is busy; try again in a moment"))
	return false
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	if !s.admit(w, r) {
		return
	}
	defer func() { <-s.bodies }()
	req, err := s.readRequest(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	detail := r.URL.Query().Get("detail") == "1"
	v, err := s.work(r.Context(), s.c.Timeout, func(ctx context.Context) (any, error) { return s.b.Check(ctx, req, detail) })
	if err != nil {
		writeError(w, err)
		return
	}
	c := v.(*Checked)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if !detail {
		w.WriteHeader(http.StatusOK)
		w.Write(c.Report)
		return
	}
	// {"report": ..., "detail": ...}, the report as the backend wrote it
	// (encoding it again through a RawMessage would parse it once more).
	detailJSON, err := json.Marshal(c.Detail)
	if err != nil {
		writeError(w, err)
		return
	}
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(`{"report":`))
	w.Write(bytes.TrimRight(c.Report, "\n"))
	w.Write([]byte(`,"detail":`))
	w.Write(detailJSON)
	w.Write([]byte("}\n"))
}

func (s *Server) fix(w http.ResponseWriter, r *http.Request) {
	if !s.admit(w, r) {
		return
	}
	defer func() { <-s.bodies }()
	req, err := s.readRequest(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	v, err := s.work(r.Context(), s.c.Timeout, func(ctx context.Context) (any, error) { return s.b.Fix(ctx, req) })
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) explain(w http.ResponseWriter, r *http.Request) {
	lang, ok := langOf(w, r.URL.Query().Get("lang"))
	if !ok {
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/api/explain/")
	text, found := s.b.Explain(name, lang)
	if !found {
		writeError(w, Errf(http.StatusNotFound,
			fmt.Sprintf("tidak ada aturan bernama %q; daftarnya: /api/rules", name),
			fmt.Sprintf("no rule is named %q; the list: /api/rules", name)))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"rule": name, "text": text})
}

func (s *Server) kit(w http.ResponseWriter, r *http.Request) {
	lang, ok := langOf(w, r.URL.Query().Get("lang"))
	if !ok {
		return
	}
	out, err := s.b.Kit(lang)
	if err != nil {
		writeError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/toml; charset=utf-8")
	w.Write(out)
}

func (s *Server) audit(w http.ResponseWriter, r *http.Request) {
	if s.b.Audit == nil {
		writeError(w, Errf(http.StatusNotFound,
			"server dijalankan tanpa folder konten; jalankan selaras serve FOLDER untuk audit",
			"the server was started without a content folder; run selaras serve FOLDER for the audit"))
		return
	}
	q := r.URL.Query()
	lang, ok := langOf(w, q.Get("lang"))
	if !ok {
		return
	}
	aq := AuditQuery{Month: q.Get("month"), Since: q.Get("since"), Until: q.Get("until"), Period: q.Get("period"), TZ: q.Get("tz"), Lang: lang}
	// An audit reads a whole folder: it gets ten times a check's time.
	v, err := s.work(r.Context(), 10*s.c.Timeout, func(ctx context.Context) (any, error) { return s.b.Audit(ctx, aq) })
	h := w.Header()
	// The report is shown in a frame of the page: no scripts, nothing
	// fetched.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
	if err != nil {
		if q.Get("frame") != "1" {
			writeError(w, err)
			return
		}
		// In the page's frame the error is a page of its own.
		var e *Error
		if !errors.As(err, &e) {
			e = Errf(http.StatusInternalServerError, err.Error(), err.Error())
		}
		msg := e.ID
		if lang == "en" {
			msg = e.EN
		}
		h.Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(e.Status)
		fmt.Fprintf(w, "<!doctype html><meta charset=\"utf-8\"><p style=\"font-family:sans-serif;color:#b3261e;white-space:pre-wrap\">%s</p>\n", html.EscapeString(msg))
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.Write(v.([]byte))
}

func langOf(w http.ResponseWriter, l string) (string, bool) {
	switch l {
	case "", "id":
		return "id", true
	case "en":
		return "en", true
	}
	writeError(w, Errf(http.StatusBadRequest, fmt.Sprintf("lang %q: pakai id atau en", l), fmt.Sprintf("lang %q: use id or en", l)))
	return "", false
}

// readRequest reads a JSON or multipart body, in memory only (the
// multipart parts are read by hand: http.Request.ParseMultipartForm would
// put large files in temporary files).
func (s *Server) readRequest(w http.ResponseWriter, r *http.Request) (Request, error) {
	var req Request
	body := http.MaxBytesReader(w, r.Body, s.c.MaxBody)
	ctype, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if r.Header.Get("Content-Type") == "" {
		ctype, err = "application/json", nil
	}
	if err != nil {
		return req, Errf(http.StatusUnsupportedMediaType, "Content-Type tidak terbaca; kirim application/json atau multipart/form-data",
			"unreadable Content-Type; send application/json or multipart/form-data")
	}
	switch ctype {
	case "application/json":
		dec := json.NewDecoder(body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return req, bodyError(err, "JSON")
		}
		if dec.More() {
			return req, Errf(http.StatusBadRequest, "JSON berisi lebih dari satu nilai", "the JSON holds more than one value")
		}
	case "multipart/form-data":
		if err := s.readMultipart(body, params["boundary"], &req); err != nil {
			return req, err
		}
	default:
		return req, Errf(http.StatusUnsupportedMediaType,
			fmt.Sprintf("Content-Type %s tidak didukung; kirim application/json atau multipart/form-data", ctype),
			fmt.Sprintf("Content-Type %s is not supported; send application/json or multipart/form-data", ctype))
	}
	if !utf8.ValidString(req.Text) {
		return req, Errf(http.StatusBadRequest, "teks bukan UTF-8 yang sah", "the text is not valid UTF-8")
	}
	if n := utf8.RuneCountInString(req.Text); n > MaxCaptionChars {
		return req, Errf(http.StatusRequestEntityTooLarge,
			fmt.Sprintf("keterangan %d karakter, lebih dari batas %d; ini bukan keterangan unggahan", n, MaxCaptionChars),
			fmt.Sprintf("the caption is %d characters, more than the limit of %d; this is not a post's caption", n, MaxCaptionChars))
	}
	switch req.Lang {
	case "":
		req.Lang = "id"
	case "id", "en":
	default:
		return req, Errf(http.StatusBadRequest, fmt.Sprintf("lang %q: pakai id atau en", req.Lang), fmt.Sprintf("lang %q: use id or en", req.Lang))
	}
	return req, nil
}

func (s *Server) readMultipart(body io.Reader, boundary string, req *Request) error {
	if boundary == "" {
		return Errf(http.StatusBadRequest, "multipart tanpa boundary", "multipart without a boundary")
	}
	mr := multipart.NewReader(body, boundary)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return bodyError(err, "multipart")
		}
		name := part.FormName()
		if part.FileName() != "" || name == "images" {
			if len(req.Images) >= maxImages {
				return Errf(http.StatusRequestEntityTooLarge, fmt.Sprintf("paling banyak %d gambar sekali periksa", maxImages),
					fmt.Sprintf("at most %d images a check", maxImages))
			}
			data, err := io.ReadAll(part)
			if err != nil {
				return bodyError(err, "multipart")
			}
			req.Images = append(req.Images, Upload{Name: path.Base(strings.ReplaceAll(part.FileName(), `\`, "/")), Data: data})
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, maxField+1))
		if err != nil {
			return bodyError(err, "multipart")
		}
		if len(data) > maxField {
			return Errf(http.StatusRequestEntityTooLarge,
				fmt.Sprintf("kolom %s terlalu besar", name), fmt.Sprintf("the field %s is too large", name))
		}
		v := string(data)
		switch name {
		case "text":
			req.Text = v
		case "platform":
			req.Platform = v
		case "account":
			req.Account = v
		case "date":
			req.Date = v
		case "lang":
			req.Lang = v
		case "filename":
			req.Filename = v
		default:
			return Errf(http.StatusBadRequest, fmt.Sprintf("kolom %q tidak dikenal", name), fmt.Sprintf("unknown field %q", name))
		}
	}
}

// bodyError says why a body could not be read: too large (413) or
// malformed (400).
func bodyError(err error, what string) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return Errf(http.StatusRequestEntityTooLarge,
			fmt.Sprintf("isi permintaan lebih dari %d MB (--max-upload)", mbe.Limit>>20),
			fmt.Sprintf("the request body is larger than %d MB (--max-upload)", mbe.Limit>>20))
	}
	return Errf(http.StatusBadRequest,
		fmt.Sprintf("%s tidak terbaca: %v", what, err), fmt.Sprintf("unreadable %s: %v", what, err))
}

// writeError writes {"error": ..., "error_en": ...} with the error's
// status; an error that is not an *Error is a 500.
func writeError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = Errf(http.StatusInternalServerError, err.Error(), err.Error())
	}
	writeJSON(w, e.Status, map[string]string{"error": e.ID, "error_en": e.EN})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":"kesalahan internal","error_en":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}
