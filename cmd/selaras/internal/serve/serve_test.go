package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fake is a backend that says what it was asked.
func fake() Backend {
	return Backend{
		Check: func(_ context.Context, r Request, detail bool) (*Checked, error) {
			b, _ := json.Marshal(map[string]any{"text": r.Text, "platform": r.Platform, "images": len(r.Images), "lang": r.Lang})
			return &Checked{Report: b, Detail: map[string]bool{"detail": detail}}, nil
		},
		Fix: func(_ context.Context, r Request) (any, error) {
			return map[string]string{"text": strings.ToUpper(r.Text)}, nil
		},
		Rules:   func(lang string) any { return []string{"jargon", lang} },
		Explain: func(name, lang string) (string, bool) { return name + " " + lang, name == "jargon" },
		Kit:     func(lang string) ([]byte, error) { return []byte("[kit]\n"), nil },
		Info:    func() any { return map[string]int{"platforms": 0} },
	}
}

const addr = "127.0.0.1:8787"

func newTest(b Backend, c Config) *Server {
	if c.Addr == "" {
		c.Addr = addr
	}
	return New(b, c)
}

// do sends one request to h as a browser or a tool at addr would.
func do(t *testing.T, h http.Handler, method, target string, body io.Reader, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, body)
	r.Host = addr
	for k, v := range hdr {
		if k == "Host" {
			r.Host = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

var jsonHdr = map[string]string{"Content-Type": "application/json"}

// wantError checks the status and that the body is the JSON error shape
// in both languages, with no Go stack trace.
func wantError(t *testing.T, w *httptest.ResponseRecorder, status int, contains string) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status %d, want %d; body %s", w.Code, status, w.Body)
	}
	var e map[string]string
	if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil {
		t.Fatalf("error body is not JSON: %q", w.Body)
	}
	if e["error"] == "" || e["error_en"] == "" || len(e) != 2 {
		t.Fatalf("error body %q: want error and error_en", w.Body)
	}
	if !strings.Contains(e["error_en"], contains) {
		t.Errorf("error_en %q does not say %q", e["error_en"], contains)
	}
	if strings.Contains(w.Body.String(), "goroutine ") || strings.Contains(w.Body.String(), ".go:") {
		t.Errorf("a stack trace in %q", w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestServeHostGuard(t *testing.T) {
	s := newTest(fake(), Config{})
	for host, ok := range map[string]bool{
		"127.0.0.1:8787": true, "localhost:8787": true, "LOCALHOST:8787": true, "[::1]:8787": true,
		"evil.example:8787": false, "127.0.0.1:8788": false, "127.0.0.1": false, "": false,
		"localhost.evil.example:8787": false, "192.168.1.5:8787": false,
	} {
		w := do(t, s, "GET", "/api/rules", nil, map[string]string{"Host": host})
		if ok && w.Code != 200 {
			t.Errorf("Host %q: %d, want 200", host, w.Code)
		}
		if !ok {
			wantError(t, w, 403, "not this server's address")
		}
	}
	// Bound to every address: IP literals and listed names only.
	all := newTest(fake(), Config{Addr: "0.0.0.0:8787", AllowHosts: []string{"pc-kominfo.lan"}})
	for host, ok := range map[string]bool{"192.168.1.5:8787": true, "pc-kominfo.lan:8787": true, "rebind.evil.example:8787": false} {
		w := do(t, all, "GET", "/api/rules", nil, map[string]string{"Host": host})
		if (w.Code == 200) != ok {
			t.Errorf("0.0.0.0, Host %q: %d", host, w.Code)
		}
	}
}

func TestServeOriginGuard(t *testing.T) {
	s := newTest(fake(), Config{})
	body := `{"text":"x"}`
	cases := []struct {
		hdr map[string]string
		ok  bool
	}{
		{map[string]string{}, true}, // a tool: neither header
		{map[string]string{"Origin": "http://" + addr, "Sec-Fetch-Site": "same-origin"}, true},
		{map[string]string{"Origin": "http://localhost:8787", "Host": "localhost:8787"}, true},
		{map[string]string{"Origin": "http://evil.example"}, false},
		{map[string]string{"Origin": "null"}, false},
		{map[string]string{"Origin": "https://" + addr}, false},
		{map[string]string{"Origin": "http://localhost:8787"}, false}, // another origin than the page's Host
		{map[string]string{"Sec-Fetch-Site": "cross-site"}, false},
		{map[string]string{"Sec-Fetch-Site": "same-site"}, false},
	}
	for _, c := range cases {
		hdr := map[string]string{"Content-Type": "application/json"}
		for k, v := range c.hdr {
			hdr[k] = v
		}
		for _, p := range []string{"/api/check", "/api/fix"} {
			w := do(t, s, "POST", p, strings.NewReader(body), hdr)
			if c.ok && w.Code != 200 {
				t.Errorf("%s %v: %d %s", p, c.hdr, w.Code, w.Body)
			}
			if !c.ok {
				wantError(t, w, 403, "cross-origin")
			}
		}
	}
}

func TestServeBodies(t *testing.T) {
	s := newTest(fake(), Config{MaxBody: 64 << 10})
	post := func(ct string, body []byte) *httptest.ResponseRecorder {
		return do(t, s, "POST", "/api/check", bytes.NewReader(body), map[string]string{"Content-Type": ct})
	}
	w := post("application/json", []byte(`{"text":"Halo #BantenMaju","platform":"instagram"}`))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"platform":"instagram"`) || !strings.Contains(w.Body.String(), `"lang":"id"`) {
		t.Fatalf("JSON body: %d %s", w.Code, w.Body)
	}
	// Oversized: the body limit first, the caption limit with a body
	// that fits.
	wantError(t, post("application/json", []byte(`{"text":"`+strings.Repeat("a", 70<<10)+`"}`)), 413, "--max-upload")
	big := newTest(fake(), Config{MaxBody: 1 << 20})
	w = do(t, big, "POST", "/api/check", strings.NewReader(`{"text":"`+strings.Repeat("é", MaxCaptionChars+1)+`"}`), jsonHdr)
	wantError(t, w, 413, "100001 characters")
	w = do(t, big, "POST", "/api/check", strings.NewReader(`{"text":"`+strings.Repeat("é", MaxCaptionChars)+`"}`), jsonHdr)
	if w.Code != 200 {
		t.Errorf("a caption of exactly the limit: %d", w.Code)
	}
	wantError(t, post("application/json", []byte(`{"text":`)), 400, "unreadable JSON")
	wantError(t, post("application/json", []byte(`{"txet":"x"}`)), 400, "unknown field")
	wantError(t, post("application/json", []byte(`{"text":"x"} {}`)), 400, "more than one value")
	wantError(t, post("application/json", []byte(`{"text":"x","lang":"fr"}`)), 400, `lang "fr"`)
	wantError(t, post("text/plain", []byte("x")), 415, "not supported")
	wantError(t, post("application/x-www-form-urlencoded", []byte("text=x")), 415, "not supported")
	wantError(t, post("multipart/form-data", []byte("x")), 400, "boundary")
	wantError(t, post("multipart/form-data; boundary=zz", []byte("--zz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhalo")), 400, "unreadable multipart")
	wantError(t, post("multipart/form-data; boundary=zz", []byte("garbage without parts")), 400, "unreadable multipart")

	// Multipart: fields and images.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("text", "Halo")
	mw.WriteField("platform", "x")
	fw, _ := mw.CreateFormFile("images", `C:\Users\ani\poster 1.png`)
	fw.Write([]byte("\x89PNG"))
	mw.Close()
	w = post(mw.FormDataContentType(), buf.Bytes())
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"images":1`) {
		t.Fatalf("multipart: %d %s", w.Code, w.Body)
	}
	buf.Reset()
	mw = multipart.NewWriter(&buf)
	mw.WriteField("text", "caf\xe9")
	mw.Close()
	wantError(t, post(mw.FormDataContentType(), buf.Bytes()), 400, "not valid UTF-8")
	// Too many images, an unknown field, an oversized upload.
	buf.Reset()
	mw = multipart.NewWriter(&buf)
	for i := 0; i <= maxImages; i++ {
		fw, _ := mw.CreateFormFile("images", fmt.Sprintf("%d.png", i))
		fw.Write([]byte("x"))
	}
	mw.Close()
	wantError(t, post(mw.FormDataContentType(), buf.Bytes()), 413, "at most 20 images")
	buf.Reset()
	mw = multipart.NewWriter(&buf)
	mw.WriteField("txt", "x")
	mw.Close()
	wantError(t, post(mw.FormDataContentType(), buf.Bytes()), 400, `unknown field "txt"`)
	buf.Reset()
	mw = multipart.NewWriter(&buf)
	fw, _ = mw.CreateFormFile("images", "huge.png")
	fw.Write(bytes.Repeat([]byte("x"), 100<<10))
	mw.Close()
	wantError(t, post(mw.FormDataContentType(), buf.Bytes()), 413, "--max-upload")
}

func TestServeRoutes(t *testing.T) {
	s := newTest(fake(), Config{})
	for _, c := range []struct{ method, path, ctype, contains string }{
		{"GET", "/", "text/html", "<textarea"},
		{"GET", "/?lang=en", "text/html", "<textarea"},
		{"GET", "/app.js", "text/javascript", "/api/check"},
		{"GET", "/app.css", "text/css", "mark"},
		{"GET", "/api/rules?lang=en", "application/json", `["jargon","en"]`},
		{"GET", "/api/explain/jargon?lang=en", "application/json", `"text":"jargon en"`},
		{"GET", "/api/kit", "application/toml", "[kit]"},
		{"GET", "/api/info", "application/json", "platforms"},
		{"POST", "/api/check?detail=1", "application/json", `"detail":{"detail":true}`},
		{"POST", "/api/fix", "application/json", `"text":"HALO"`},
	} {
		var body io.Reader
		if c.method == "POST" {
			body = strings.NewReader(`{"text":"halo"}`)
		}
		w := do(t, s, c.method, c.path, body, jsonHdr)
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), c.ctype) || !strings.Contains(w.Body.String(), c.contains) {
			t.Errorf("%s %s: %d %q %.200s", c.method, c.path, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", c.path)
		}
	}
	w := do(t, s, "GET", "/", nil, nil)
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("page CSP %q", csp)
	}
	wantError(t, do(t, s, "GET", "/api/explain/nope", nil, nil), 404, `no rule is named "nope"`)
	wantError(t, do(t, s, "GET", "/api/rules?lang=fr", nil, nil), 400, `lang "fr"`)
	wantError(t, do(t, s, "GET", "/api/check", nil, nil), 405, "POST")
	wantError(t, do(t, s, "POST", "/api/rules", nil, nil), 405, "GET")
	wantError(t, do(t, s, "DELETE", "/", nil, nil), 405, "GET")
	wantError(t, do(t, s, "GET", "/etc/passwd", nil, nil), 404, "no page")
	wantError(t, do(t, s, "GET", "/page/index.html", nil, nil), 404, "no page")
	wantError(t, do(t, s, "GET", "/api/audit?month=2025-10", nil, nil), 404, "without a content folder")
	if w := do(t, s, "GET", "/api/check", nil, nil); w.Header().Get("Allow") != "POST" {
		t.Errorf("405 without Allow: %v", w.Header())
	}
}

// The page is self-contained: nothing is fetched from elsewhere.
func TestServePageOffline(t *testing.T) {
	ext := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}|@import|@font-face|cdn`)
	for _, name := range []string{"page/index.html", "page/app.js", "page/app.css"} {
		b, err := pageFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if m := ext.Find(b); m != nil {
			t.Errorf("%s refers to %q outside the server", name, m)
		}
	}
}

func TestServeAuditErrorsInFrame(t *testing.T) {
	b := fake()
	b.Audit = func(_ context.Context, q AuditQuery) ([]byte, error) {
		if q.Month == "bad" {
			return nil, Errf(400, "bulan <salah>", "bad <month>")
		}
		return []byte("<html>audit " + q.Month + " " + q.Lang + "</html>"), nil
	}
	s := newTest(b, Config{})
	w := do(t, s, "GET", "/api/audit?month=2025-10&lang=en", nil, nil)
	if w.Code != 200 || w.Body.String() != "<html>audit 2025-10 en</html>" || !strings.Contains(w.Header().Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("audit: %d %q %v", w.Code, w.Body, w.Header())
	}
	wantError(t, do(t, s, "GET", "/api/audit?month=bad", nil, nil), 400, "bad <month>")
	w = do(t, s, "GET", "/api/audit?month=bad&frame=1&lang=en", nil, nil)
	if w.Code != 400 || !strings.Contains(w.Body.String(), "bad &lt;month&gt;") {
		t.Errorf("audit error in the frame: %d %q", w.Code, w.Body)
	}
}

func TestServePanicAndTimeout(t *testing.T) {
	b := fake()
	b.Check = func(_ context.Context, r Request, _ bool) (*Checked, error) {
		switch r.Text {
		case "panic":
			panic("a rule broke")
		case "slow":
			time.Sleep(300 * time.Millisecond)
		}
		return &Checked{Report: []byte("{}")}, nil
	}
	s := newTest(b, Config{Timeout: 100 * time.Millisecond, Workers: 1})
	wantError(t, do(t, s, "POST", "/api/check", strings.NewReader(`{"text":"panic"}`), jsonHdr), 500, "internal error: a rule broke")
	wantError(t, do(t, s, "POST", "/api/check", strings.NewReader(`{"text":"slow"}`), jsonHdr), 503, "longer than the limit")
	// The slow check still holds the only worker: the next one waits,
	// then gives up as busy.
	wantError(t, do(t, s, "POST", "/api/check", strings.NewReader(`{"text":"ok"}`), jsonHdr), 503, "busy")
	time.Sleep(300 * time.Millisecond)
	if w := do(t, s, "POST", "/api/check", strings.NewReader(`{"text":"ok"}`), jsonHdr); w.Code != 200 {
		t.Errorf("after the slow check ended: %d", w.Code)
	}
}

func TestServeBoundedConcurrency(t *testing.T) {
	var running, most atomic.Int32
	b := fake()
	b.Check = func(_ context.Context, r Request, _ bool) (*Checked, error) {
		n := running.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		running.Add(-1)
		return &Checked{Report: []byte(`{"ok":true}`)}, nil
	}
	s := newTest(b, Config{Workers: 2, Timeout: 10 * time.Second})
	var wg sync.WaitGroup
	codes := make([]int, 12)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = do(t, s, "POST", "/api/check", strings.NewReader(`{"text":"x"}`), jsonHdr).Code
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Errorf("request %d: %d", i, c)
		}
	}
	if most.Load() > 2 {
		t.Errorf("%d checks ran at once, the bound is 2", most.Load())
	}
}

// A client that sends its headers slowly is cut off, and does not hold a
// worker.
func TestServeSlowClient(t *testing.T) {
	c := Config{Addr: addr, Timeout: 200 * time.Millisecond}
	hs := HTTPServer(newTest(fake(), c), c)
	if hs.ReadHeaderTimeout == 0 || hs.ReadTimeout == 0 || hs.WriteTimeout == 0 || hs.IdleTimeout == 0 || hs.MaxHeaderBytes == 0 {
		t.Fatalf("a slow client could hold a connection: %+v", hs)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	defer hs.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/check HTTP/1.1\r\nHost: %s\r\n", addr) // and nothing more
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	b, err := io.ReadAll(conn)
	if err != nil {
		t.Fatalf("the server kept the slow connection open: %v (read %q)", err, b)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("closed after %s", d)
	}
}

type watchedBody struct{ read atomic.Bool }

func (b *watchedBody) Read(p []byte) (int, error) {
	b.read.Store(true)
	return 0, io.EOF
}

// Bodies held in memory are bounded too: four per worker. A request
// beyond that waits before its body is read.
func TestServeBodiesBounded(t *testing.T) {
	release := make(chan struct{})
	b := fake()
	b.Check = func(_ context.Context, r Request, _ bool) (*Checked, error) {
		<-release
		return &Checked{Report: []byte("{}")}, nil
	}
	s := newTest(b, Config{Workers: 1, Timeout: 10 * time.Second})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if w := do(t, s, "POST", "/api/check", strings.NewReader(`{"text":"x"}`), jsonHdr); w.Code != 200 {
				t.Errorf("held request: %d", w.Code)
			}
		}()
	}
	for len(s.bodies) < 4 {
		time.Sleep(5 * time.Millisecond)
	}
	body := &watchedBody{}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	r := httptest.NewRequest("POST", "/api/check", body).WithContext(ctx)
	r.Host = addr
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	wantError(t, w, 503, "busy")
	if body.read.Load() {
		t.Error("the fifth body was read while four were held")
	}
	close(release)
	wg.Wait()
	if len(s.bodies) != 0 || len(s.sem) != 0 {
		t.Errorf("slots not given back: %d bodies, %d workers", len(s.bodies), len(s.sem))
	}
}
