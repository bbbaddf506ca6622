package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/selaras/selaras/cmd/selaras/internal/serve"
	"github.com/selaras/selaras/lint"
)

// serveDir is a content folder with the demo kit (and its logo).
func serveDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"selaras.toml", "logo-banten.png"} {
		b, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata/demo", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startServe serves base as `selaras serve` does (folder: the audit tab).
func startServe(t testing.TB, base, folder string) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	sv := &server{loader: newLoader(""), base: base, folder: folder}
	if _, err := sv.loader.ForFile(filepath.Join(base, "draft.md")); err != nil {
		t.Fatal(err)
	}
	cfg := serve.Config{Addr: ts.Listener.Addr().String(), MaxBody: 20 << 20, Timeout: 30 * time.Second, Workers: 2}
	ts.Config = serve.HTTPServer(serve.New(sv.backend(), cfg), cfg)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

type upload struct {
	name string
	data []byte
}

// apiPost sends fields as JSON, or as multipart when there are images.
func apiPost(t testing.TB, ts *httptest.Server, path string, fields map[string]string, images ...upload) (int, []byte) {
	t.Helper()
	var body bytes.Buffer
	ctype := "application/json"
	if len(images) == 0 {
		json.NewEncoder(&body).Encode(fields)
	} else {
		mw := multipart.NewWriter(&body)
		for k, v := range fields {
			mw.WriteField(k, v)
		}
		for _, im := range images {
			fw, _ := mw.CreateFormFile("images", im.name)
			fw.Write(im.data)
		}
		mw.Close()
		ctype = mw.FormDataContentType()
	}
	resp, err := http.Post(ts.URL+path, ctype, &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func pngOf(t testing.TB, w, h int, c color.NRGBA) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// bombPNG is a 45-byte PNG header claiming 40000 x 40000 pixels.
func bombPNG() []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 40000)
	binary.BigEndian.PutUint32(ihdr[4:], 40000)
	ihdr[8], ihdr[9] = 8, 6
	binary.Write(&b, binary.BigEndian, uint32(13))
	b.WriteString("IHDR")
	b.Write(ihdr)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("IHDR"), ihdr...)))
	return b.Bytes()
}

const serveCaption = "Dalam rangka sosialisasi imunisasi, kami menghimbau masyarakat!!! Datang ke posyandu terdekat. #bantenmaju"

// The API answers what `selaras check --format json` prints for the same
// draft on disk: the caption after the front matter the request's fields
// make (platform, account, date, images, in that order).
func TestServeCheckEqualsCLI(t *testing.T) {
	dir := serveDir(t)
	ts := startServe(t, dir, "")
	poster, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata/demo/dinkes/poster-imunisasi.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	ownFront, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata/demo/dinkes/2025-10-14-imunisasi.md"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		fields map[string]string
		images []upload
		file   string // the draft as check reads it
	}{
		{"plain", map[string]string{"text": serveCaption}, nil, serveCaption},
		{"fields", map[string]string{"text": serveCaption, "platform": "instagram", "account": "dinkes", "date": "2025-10-21"}, nil,
			"+++\nplatform = \"instagram\"\naccount = \"dinkes\"\ndate = 2025-10-21\n+++\n" + serveCaption},
		{"english", map[string]string{"text": serveCaption + " 🩺\nbaris dua", "platform": "x", "lang": "en"}, nil,
			"+++\nplatform = \"x\"\n+++\n" + serveCaption + " 🩺\nbaris dua"},
		{"filename", map[string]string{"text": serveCaption, "filename": "posyandu.txt"}, nil, serveCaption},
		{"images", map[string]string{"text": serveCaption, "platform": "instagram"},
			[]upload{{"poster.jpg", poster}, {"kecil.png", pngOf(t, 300, 300, color.NRGBA{250, 0, 200, 255})}, {"bom.png", bombPNG()}, {"bukan.png", []byte("bukan gambar")}},
			"+++\nplatform = \"instagram\"\nimages = [\"poster.jpg\", \"kecil.png\", \"bom.png\", \"bukan.png\"]\n+++\n" + serveCaption},
		{"own front matter", map[string]string{"text": strings.ReplaceAll(string(ownFront), "poster-imunisasi.jpg", "poster.jpg")},
			[]upload{{"poster.jpg", poster}}, strings.ReplaceAll(string(ownFront), "poster-imunisasi.jpg", "poster.jpg")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, got := apiPost(t, ts, "/api/check", c.fields, c.images...)
			if code != 200 {
				t.Fatalf("status %d: %s", code, got)
			}
			name := c.fields["filename"]
			if name == "" {
				name = "draft.md"
			}
			disk := t.TempDir()
			for _, n := range []string{"selaras.toml", "logo-banten.png"} {
				b, _ := os.ReadFile(filepath.Join(dir, n))
				os.WriteFile(filepath.Join(disk, n), b, 0o644)
			}
			os.WriteFile(filepath.Join(disk, name), []byte(c.file), 0o644)
			for _, im := range c.images {
				os.WriteFile(filepath.Join(disk, im.name), im.data, 0o644)
			}
			args := []string{"check", "--format", "json", "--no-baseline", name}
			if l := c.fields["lang"]; l != "" {
				args = append(args, "--lang", l)
			}
			r := runBin(t, disk, nil, nil, args...)
			if r.code == 2 {
				t.Fatalf("check failed: %s", r.stderr)
			}
			if string(got) != r.stdout {
				t.Errorf("the API and check differ\n--- API\n%s\n--- check\n%s", got, r.stdout)
			}
			if !strings.Contains(r.stdout, `"rule"`) {
				t.Errorf("no findings at all: the case tests nothing\n%s", r.stdout)
			}
		})
	}
}

// /api/fix gives the text `check --fix -` prints for the same draft.
func TestServeFixEqualsCLI(t *testing.T) {
	dir := serveDir(t)
	ts := startServe(t, dir, "")
	fields := map[string]string{"text": serveCaption, "platform": "instagram", "account": "dinkes"}
	code, body := apiPost(t, ts, "/api/fix", fields)
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	var got struct {
		Text    string `json:"text"`
		Applied []struct {
			Rule, Match, Replacement string
		} `json:"applied"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	prefix := "+++\nplatform = \"instagram\"\naccount = \"dinkes\"\n+++\n"
	r := runBin(t, dir, []byte(prefix+serveCaption), nil, "check", "--fix", "--no-baseline", "--stdin-filename", "draft.md", "-")
	if prefix+got.Text != r.stdout {
		t.Errorf("fixed text differs\n--- API\n%q\n--- check --fix\n%q", got.Text, r.stdout)
	}
	if got.Text == serveCaption || len(got.Applied) < 2 {
		t.Errorf("nothing fixed: %s", body)
	}
	for _, a := range got.Applied {
		if a.Rule == "hashtag-missing" {
			t.Errorf("an unsafe fix was applied: %+v", a)
		}
	}
}

type pageReply struct {
	Report json.RawMessage `json:"report"`
	Detail struct {
		Findings []struct {
			File, Rule, Match string
			Start, End        int
			Fix               *struct {
				Start, End int
				Text       string
				Safe       bool
			}
		} `json:"findings"`
		Images []struct {
			Path, Evidence, Error string
		} `json:"images"`
		Counters []struct {
			What   string
			N, Max int
		} `json:"counters"`
	} `json:"detail"`
}

// The page's detail places each finding in the caption as JavaScript
// counts (UTF-16), draws the evidence of image findings, and counts.
func TestServeCheckDetail(t *testing.T) {
	ts := startServe(t, serveDir(t), "")
	text := "🩺🩺 Dalam rangka imunisasi, kami menghimbau warga. #bantenmaju"
	code, body := apiPost(t, ts, "/api/check?detail=1", map[string]string{"text": text, "platform": "instagram"},
		upload{"kecil.png", pngOf(t, 300, 300, color.NRGBA{250, 0, 200, 255})})
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	var rep pageReply
	if err := json.Unmarshal(body, &rep); err != nil {
		t.Fatal(err)
	}
	u16 := func(s string) []uint16 {
		var out []uint16
		for _, r := range s {
			if r >= 0x10000 {
				r -= 0x10000
				out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			} else {
				out = append(out, uint16(r))
			}
		}
		return out
	}
	units := u16(text)
	str := func(a, b int) string {
		var rs []rune
		for i := a; i < b; i++ {
			c := rune(units[i])
			if c >= 0xD800 && c < 0xDC00 {
				c = 0x10000 + (c-0xD800)<<10 + (rune(units[i+1]) - 0xDC00)
				i++
			}
			rs = append(rs, c)
		}
		return string(rs)
	}
	placed, safe := 0, 0
	for _, f := range rep.Detail.Findings {
		if f.Start >= 0 && f.File == "draft.md" {
			placed++
			if got := str(f.Start, f.End); got != f.Match {
				t.Errorf("%s: span %d..%d is %q, the match is %q", f.Rule, f.Start, f.End, got, f.Match)
			}
		}
		if f.Fix != nil && f.Fix.Safe {
			safe++
		}
	}
	if placed < 3 || safe < 2 {
		t.Errorf("%d findings placed, %d safe fixes: %s", placed, safe, body)
	}
	ev := 0
	for _, im := range rep.Detail.Images {
		if im.Path == "kecil.png" && strings.HasPrefix(im.Evidence, "data:image/jpeg;base64,") {
			raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(im.Evidence, "data:image/jpeg;base64,"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := jpeg.Decode(bytes.NewReader(raw)); err != nil {
				t.Errorf("evidence is not a JPEG: %v", err)
			}
			ev++
		}
	}
	if ev != 1 {
		t.Errorf("no evidence picture for kecil.png: %+v", rep.Detail.Images)
	}
	var tags, chars bool
	for _, c := range rep.Detail.Counters {
		tags = tags || c.What == "hashtags" && c.N == 1
		chars = chars || c.What == "chars" && c.N == len([]rune(text)) && c.Max > 0
	}
	if !tags || !chars {
		t.Errorf("counters %+v", rep.Detail.Counters)
	}
}

// A draft cannot make the server read its disk: images it names that
// were not uploaded are missing, and nothing of them is drawn.
func TestServeReadsNoDiskImages(t *testing.T) {
	dir := serveDir(t)
	secret := filepath.Join(t.TempDir(), "secret.png")
	os.WriteFile(secret, pngOf(t, 300, 300, color.NRGBA{250, 0, 200, 255}), 0o644)
	os.WriteFile(filepath.Join(dir, "beside.png"), pngOf(t, 300, 300, color.NRGBA{250, 0, 200, 255}), 0o644)
	ts := startServe(t, dir, "")
	text := fmt.Sprintf("+++\nplatform = \"instagram\"\nimages = [%q, \"beside.png\"]\n+++\nHalo warga. #BantenMaju", secret)
	code, body := apiPost(t, ts, "/api/check?detail=1", map[string]string{"text": text})
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	var rep pageReply
	json.Unmarshal(body, &rep)
	if len(rep.Detail.Images) != 0 {
		t.Errorf("evidence drawn from the disk: %+v", rep.Detail.Images)
	}
	for _, f := range rep.Detail.Findings {
		if strings.HasPrefix(f.Rule, "image-") && f.Rule != "image-missing" {
			t.Errorf("a disk image was read: %s %s", f.Rule, f.Match)
		}
	}
	if !bytes.Contains(body, []byte("image-missing")) {
		t.Errorf("no image-missing: %s", body)
	}
}

func TestServeBadRequests(t *testing.T) {
	ts := startServe(t, serveDir(t), "")
	for _, c := range []struct {
		fields map[string]string
		status int
		says   string
	}{
		{map[string]string{"text": "x", "date": "21-10-2025"}, 400, "YYYY-MM-DD"},
		{map[string]string{"text": "x", "platform": "insta\"gram"}, 400, "not valid"},
		{map[string]string{"text": "+++\nplatform = \"x\"\n+++\nhalo", "platform": "x"}, 400, "own front matter"},
		{map[string]string{"text": "x", "filename": "../draft.md"}, 400, "file name only"},
		{map[string]string{"text": "x", "filename": "draft.exe"}, 400, "a draft ends in"},
		{map[string]string{"text": strings.Repeat("a", 100_001)}, 413, "100001 characters"},
	} {
		code, body := apiPost(t, ts, "/api/check", c.fields)
		if code != c.status || !strings.Contains(string(body), c.says) {
			t.Errorf("%v: %d %s", c.fields, code, body)
		}
	}
	code, body := apiPost(t, ts, "/api/check", map[string]string{"text": "x"}, upload{"a.png", []byte("1")}, upload{"a.png", []byte("2")})
	if code != 400 || !strings.Contains(string(body), "two images named a.png") {
		t.Errorf("two images of one name: %d %s", code, body)
	}
}

// Concurrent checks (run under -race in CI) give the same answers as one
// at a time.
func TestServeConcurrent(t *testing.T) {
	ts := startServe(t, serveDir(t), "")
	texts := []string{serveCaption, "Halo warga Banten! #BantenMaju", "Kami menghimbau seluruh ASN."}
	want := map[string]string{}
	for _, tx := range texts {
		_, b := apiPost(t, ts, "/api/check", map[string]string{"text": tx, "platform": "instagram"})
		want[tx] = string(b)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i := 0; i < 24; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tx := texts[i%len(texts)]
			code, b := apiPost(t, ts, "/api/check", map[string]string{"text": tx, "platform": "instagram"})
			if code != 200 || string(b) != want[tx] {
				errs <- fmt.Sprintf("request %d: %d %.200s", i, code, b)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestServeRulesExplainKit(t *testing.T) {
	dir := serveDir(t)
	ts := startServe(t, dir, "")
	get := func(p string) (int, string) {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get("/api/explain/jargon?lang=en")
	r := runBin(t, dir, nil, nil, "explain", "--lang", "en", "jargon")
	var ex struct{ Text string }
	json.Unmarshal([]byte(body), &ex)
	if code != 200 || ex.Text != r.stdout {
		t.Errorf("explain differs: %d\n%s\n---\n%s", code, ex.Text, r.stdout)
	}
	code, body = get("/api/explain/duplicate-image")
	if code != 200 {
		t.Errorf("an audit rule is not explained: %d %s", code, body)
	}
	// The same effective kit; the heading names the kit's file by its
	// absolute path rather than relative to the current folder.
	code, body = get("/api/kit")
	r = runBin(t, dir, nil, nil, "kit", "check", "--print")
	_, gotKit, _ := strings.Cut(body, "\n")
	_, wantKit, _ := strings.Cut(r.stdout, "\n")
	if code != 200 || gotKit != wantKit || !strings.Contains(body, filepath.Join(dir, "selaras.toml")) {
		t.Errorf("kit differs: %d\n%s\n---\n%s", code, body, r.stdout)
	}
	code, body = get("/api/rules")
	if code != 200 || !strings.Contains(body, `"name":"jargon"`) || !strings.Contains(body, `"audit_only":true`) {
		t.Errorf("rules: %d %s", code, body)
	}
}

// The audit tab shows what `selaras audit --format html` prints, and
// serving writes nothing: not in the folder, not in the temporary or
// cache folders.
func TestServeAuditWritesNothing(t *testing.T) {
	tmp, cache := t.TempDir(), t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("XDG_CACHE_HOME", cache)
	demo := filepath.Join(repoRoot(t), "testdata/demo")
	before := treeHash(t, demo)
	// Named as a user names it (relative): the report shows paths as given.
	rel := filepath.Join("..", "..", "testdata", "demo")
	ts := startServe(t, demo, rel)
	resp, err := http.Get(ts.URL + "/api/audit?month=2025-10&lang=en")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	wd, _ := os.Getwd()
	r := runBin(t, wd, nil, nil, "audit", "--format", "html", "--month", "2025-10", "--no-cache", "--lang", "en", rel)
	if resp.StatusCode != 200 || string(got) != r.stdout {
		a, b := string(got), r.stdout
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Errorf("audit differs (%d) at byte %d\n--- API\n%.300s\n--- audit\n%.300s", resp.StatusCode, i, a[max(0, i-100):], b[max(0, i-100):])
	}
	poster, _ := os.ReadFile(filepath.Join(demo, "dinkes/poster-imunisasi.jpg"))
	apiPost(t, ts, "/api/check?detail=1", map[string]string{"text": serveCaption, "platform": "instagram"}, upload{"p.jpg", poster})
	apiPost(t, ts, "/api/fix", map[string]string{"text": serveCaption})
	if treeHash(t, demo) != before {
		t.Error("serving changed the content folder")
	}
	for _, d := range []string{tmp, cache} {
		if ents, _ := os.ReadDir(d); len(ents) > 0 {
			t.Errorf("serving wrote into %s: %v", d, ents)
		}
	}
	resp, _ = http.Get(ts.URL + "/api/audit?month=2025-13")
	if resp.StatusCode != 400 {
		t.Errorf("a bad month: %d", resp.StatusCode)
	}
	resp.Body.Close()
}

// The real binary: prints its address, serves, warns on a non-local
// address, refuses an address without a host, and stops cleanly on
// SIGINT and SIGTERM.
func TestServeCommand(t *testing.T) {
	dir := serveDir(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(selarasBin, "serve", "--addr", "127.0.0.1:0", ".")
		cmd.Dir = dir
		out, _ := cmd.StdoutPipe()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		if !sc.Scan() {
			t.Fatalf("no address printed; stderr %s", stderr.String())
		}
		url, ok := strings.CutPrefix(sc.Text(), "selaras serve: ")
		if !ok || !strings.HasPrefix(url, "http://127.0.0.1:") {
			t.Fatalf("first line %q", sc.Text())
		}
		resp, err := http.Post(url+"api/check", "application/json", strings.NewReader(`{"text":"Kami menghimbau warga."}`))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !bytes.Contains(b, []byte(`"rule": "jargon"`)) {
			t.Errorf("check through the binary: %d %s", resp.StatusCode, b)
		}
		cmd.Process.Signal(sig)
		rest, _ := io.ReadAll(out)
		err = cmd.Wait()
		if err != nil || !strings.Contains(string(rest), "berhenti") {
			t.Errorf("%v: exit %v, output %q, stderr %q", sig, err, rest, stderr.String())
		}
	}
	r := runBin(t, dir, nil, nil, "serve", "--addr", ":8787")
	if r.code != 2 || !strings.Contains(r.stderr, "explicit host") && !strings.Contains(r.stderr, "host yang jelas") {
		t.Errorf("--addr without a host: %d %q", r.code, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "serve", "a", "b")
	if r.code != 2 {
		t.Errorf("two folders: %d %q", r.code, r.stderr)
	}
	r = runBin(t, dir, nil, nil, "serve", "--kit", "missing.toml")
	if r.code != 2 || strings.Contains(r.stderr, "goroutine") {
		t.Errorf("a missing kit: %d %q", r.code, r.stderr)
	}
	// Another address warns (0.0.0.0 with an ephemeral port, stopped at once).
	cmd := exec.Command(selarasBin, "serve", "--lang", "en", "--addr", "0.0.0.0:0")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	sc.Scan()
	if !strings.HasPrefix(sc.Text(), "selaras serve: http://127.0.0.1:") {
		t.Errorf("0.0.0.0: the page's address %q, want one on the loopback", sc.Text())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	io.Copy(io.Discard, out)
	cmd.Wait()
	if !strings.Contains(stderr.String(), "WARNING") || !strings.Contains(stderr.String(), "anyone") {
		t.Errorf("no warning for 0.0.0.0: %q", stderr.String())
	}
}

// A rule that panics is reported as check reports it (exit status 2
// there, a 500 here), never as a crash.
func TestServeRulePanics(t *testing.T) {
	dir := serveDir(t)
	sv := &server{loader: newLoader(""), base: dir}
	d, err := sv.newDraft(serve.Request{Text: "Halo warga.", Lang: "id"})
	if err != nil {
		t.Fatal(err)
	}
	eng := sv.engine(d)
	eng.Rules = append(eng.Rules, &lint.Rule{Name: "boom", Check: func(*lint.Pass) error { panic("boom!") }})
	_, err = sv.run(eng, d)
	var se *serve.Error
	if !errors.As(err, &se) || se.Status != 500 || !strings.Contains(se.EN, "rule boom failed: internal error: boom!") {
		t.Fatalf("a panicking rule: %#v", err)
	}
}
