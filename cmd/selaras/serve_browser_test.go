package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image/color"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/selaras/selaras/cmd/selaras/internal/serve"
)

// The browser test drives the real page in headless Chromium, launched
// directly (no browser-automation module): the test server adds one
// script to the page, which types, clicks and drops the way a user does
// and posts what it saw back to the test. The script holds the page's
// load event (an image the test answers only once the steps are done), so
// that Chromium's --screenshot, taken at load, shows the end of the steps.

// chromium finds a Chromium or Chrome binary ($SELARAS_CHROMIUM first).
func chromium() string {
	if p := os.Getenv("SELARAS_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

const harnessJS = `"use strict";
(async () => {
  const out = {};
  // Holds the page's load event (when Chromium takes its screenshot)
  // until the steps are done: the server answers it then.
  const hold = new Image();
  hold.src = "/harness-wait";
  hold.hidden = true;
  document.body.append(hold);
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const until = async (what, fn) => {
    for (let i = 0; i < 400; i++) { const v = fn(); if (v) return v; await sleep(50); }
    throw new Error("timed out waiting for " + what);
  };
  const $ = id => document.getElementById(id);
  const checked = () => Number(document.body.dataset.checked || 0);
  const audit = async () => {
    await until("the audit tab", () => !$("tab-audit").hidden);
    $("tab-audit").click();
    $("audit-month").value = "2025-10";
    let loaded = false;
    $("audit-frame").addEventListener("load", () => { loaded = true; });
    $("audit-form").requestSubmit();
    await until("the audit report", () => loaded);
    out.auditFrame = $("audit-frame").getAttribute("src");
    out.auditShown = !$("view-audit").hidden && $("view-check").hidden;
    // The frame runs no script (sandbox) but the page may read it.
    const h1 = $("audit-frame").contentDocument.querySelector("h1");
    out.auditTitle = h1 ? h1.textContent : "";
  };
  try {
    if (location.hash === "#audit") {
      await audit();
      throw "audit only";
    }
    await until("the kit's platforms", () => $("platform").options.length > 1);
    $("platform").value = "instagram";
    $("platform").dispatchEvent(new Event("change"));
    const cap = $("caption");
    cap.focus();
    document.execCommand("insertText", false, CAPTION);
    out.typed = cap.value;
    await until("the highlights", () => document.querySelector('#backdrop mark[data-rule="jargon"]'));
    out.marks = [...document.querySelectorAll("#backdrop mark")].map(m => m.dataset.rule + ":" + m.textContent);
    out.findingsBefore = [...document.querySelectorAll("#findings li.finding")].map(l => l.dataset.rule);
    const li = [...document.querySelectorAll('#findings li.finding[data-rule="jargon"]')].find(l => l.textContent.includes("Dalam rangka"));
    const n = checked();
    li.querySelector("button.apply").click();
    await until("the text to change", () => cap.value !== out.typed);
    await until("a new check", () => checked() > n && !document.querySelector("#status").textContent);
    out.afterFix = cap.value;
    // "kenapa?" shows selaras explain for the rule.
    document.querySelector('#findings li.finding[data-rule="jargon"] a.why').click();
    await until("the explanation", () => $("explain").open && $("explain-text").textContent);
    out.explained = $("explain-text").textContent.split("\n")[0];
    $("explain").close();
    out.marksAfterFix = [...document.querySelectorAll("#backdrop mark")].map(m => m.dataset.rule + ":" + m.textContent);
    out.findingsAfterFix = [...document.querySelectorAll("#findings li.finding")].map(l => l.dataset.rule + ":" + l.textContent);
    const blob = await (await fetch("/harness.png")).blob();
    const dt = new DataTransfer();
    dt.items.add(new File([blob], "poster kecil.png", { type: "image/png" }));
    $("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    await until("the evidence picture", () => document.querySelector('.image-card img[data-evidence]'));
    out.image = document.querySelector(".image-card").dataset.name;
    out.imageFindings = [...document.querySelectorAll(".image-card li")].map(l => l.dataset.rule);
    out.counters = [...document.querySelectorAll("#counters .counter")].map(c => c.textContent);
    // The account's required tag is a chip; one click adds it.
    $("account").value = "dinkes";
    $("account").dispatchEvent(new Event("change"));
    const chip = await until("a chip", () => document.querySelector('#chips .chip[data-tag="#DinkesBanten"]'));
    out.chips = [...document.querySelectorAll("#chips .chip")].map(c => c.dataset.tag);
    chip.click();
    await until("the tag in the text", () => cap.value.includes("#DinkesBanten"));
    await until("the chip to go", () => !document.querySelector('#chips .chip[data-tag="#DinkesBanten"]'));
    out.afterChip = cap.value;
    window.scrollTo(0, 0);
  } catch (e) {
    if (e !== "audit only") out.error = String(e && e.stack || e);
  }
  await fetch("/harness-done", { method: "POST", body: JSON.stringify(out) });
})();
`

type harnessResult struct {
	Error                          string
	Typed, AfterFix, Image         string
	AfterChip, Explained           string
	Marks, MarksAfterFix           []string
	FindingsBefore                 []string
	FindingsAfterFix               []string
	ImageFindings, Counters, Chips []string
	AuditFrame                     string
	AuditShown                     bool
	AuditTitle                     string
}

func TestServeBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found, and CI=true: install it (apt-get install -y chromium) or set SELARAS_CHROMIUM")
		}
		t.Skip("no Chromium found (apt-get install -y chromium, or set SELARAS_CHROMIUM): the browser test is skipped")
	}
	dir := serveDir(t)
	ts := httptest.NewUnstartedServer(nil)
	// Started on a folder, as `selaras serve testdata/demo`: the audit tab.
	sv := &server{loader: newLoader(""), base: dir, folder: filepath.Join("..", "..", "testdata", "demo")}
	cfg := serve.Config{Addr: ts.Listener.Addr().String(), MaxBody: 20 << 20, Timeout: 30 * time.Second, Workers: 2}
	inner := serve.New(sv.backend(), cfg)
	caption, _ := json.Marshal("Dalam rangka sosialisasi imunisasi, kami menghimbau masyarakat datang ke posyandu!!! #bantenmaju")
	poster := pngOf(t, 400, 400, color.NRGBA{250, 0, 200, 255})
	results := make(chan []byte, 1)
	var mu sync.Mutex
	done := make(chan struct{})
	ts.Config = serve.HTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/harness-wait":
			mu.Lock()
			d := done
			mu.Unlock()
			select {
			case <-d:
			case <-time.After(90 * time.Second):
			}
			w.Header().Set("Content-Type", "image/png")
			w.Write(pngOf(t, 1, 1, color.NRGBA{}))
		case "/harness-done":
			b, _ := io.ReadAll(r.Body)
			results <- b
			mu.Lock()
			close(done)
			mu.Unlock()
		case "/harness.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write([]byte("const CAPTION = " + string(caption) + ";\n" + harnessJS))
		case "/harness.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(poster)
		case "/":
			rec := httptest.NewRecorder()
			inner.ServeHTTP(rec, r)
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Del("Content-Length")
			w.Write(bytes.Replace(rec.Body.Bytes(), []byte("</body>"), []byte(`<script src="/harness.js" defer></script></body>`), 1))
		default:
			inner.ServeHTTP(w, r)
		}
	}), cfg)
	ts.Start()
	defer ts.Close()

	// run opens page and takes a screenshot once the steps are done; it
	// returns what the steps saw.
	run := func(page, shot string) harnessResult {
		mu.Lock()
		done = make(chan struct{})
		mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
		defer cancel()
		args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir=" + t.TempDir(), "--window-size=1280,1500", "--screenshot=" + shot, ts.URL + page}
		cmd := exec.CommandContext(ctx, bin, args...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("chromium: %v\n%s", err, errb.String())
		}
		var got harnessResult
		select {
		case b := <-results:
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("%v: %s", err, b)
			}
		default:
			t.Fatalf("the page's script reported nothing; chromium said:\n%s", errb.String())
		}
		if got.Error != "" {
			t.Fatalf("in the page: %s\n%+v", got.Error, got)
		}
		return got
	}
	shots := t.TempDir()
	got := run("/", filepath.Join(shots, "serve.png"))
	has := func(list []string, s string) bool {
		for _, x := range list {
			if strings.Contains(x, s) {
				return true
			}
		}
		return false
	}
	if !has(got.Marks, "jargon:Dalam rangka") || !has(got.Marks, "jargon:menghimbau") || !has(got.Marks, "hashtag-case:#bantenmaju") {
		t.Errorf("highlights: %q", got.Marks)
	}
	if !strings.HasPrefix(got.AfterFix, "Untuk sosialisasi") || got.AfterFix == got.Typed {
		t.Errorf("the fix did not change the text: %q", got.AfterFix)
	}
	if has(got.MarksAfterFix, "Dalam rangka") || has(got.FindingsAfterFix, "Dalam rangka") || !has(got.MarksAfterFix, "jargon:menghimbau") {
		t.Errorf("after the fix: marks %q, findings %q", got.MarksAfterFix, got.FindingsAfterFix)
	}
	if got.Image != "poster_kecil.png" || len(got.ImageFindings) == 0 {
		t.Errorf("dropped image: %q with findings %q", got.Image, got.ImageFindings)
	}
	if !has(got.Counters, "karakter:") || !has(got.Counters, "tagar: 1") {
		t.Errorf("counters: %q", got.Counters)
	}
	if !strings.HasPrefix(got.Explained, "jargon — ") {
		t.Errorf("kenapa? showed %q", got.Explained)
	}
	if !has(got.Chips, "#DinkesBanten") || !strings.HasSuffix(got.AfterChip, "#DinkesBanten") {
		t.Errorf("chips %q; after a click: %q", got.Chips, got.AfterChip)
	}
	a := run("/#audit", filepath.Join(shots, "audit.png"))
	if !a.AuditShown || !strings.Contains(a.AuditFrame, "month=2025-10") || !strings.Contains(a.AuditTitle, "Audit unggahan") {
		t.Errorf("audit tab: shown %v, frame %q, title %q", a.AuditShown, a.AuditFrame, a.AuditTitle)
	}
	for _, name := range []string{"serve.png", "audit.png"} {
		shot := filepath.Join(shots, name)
		if info, err := os.Stat(shot); err != nil || info.Size() < 10_000 {
			t.Fatalf("no screenshot %s: %v", name, err)
		}
		if keep := os.Getenv("SELARAS_SCREENSHOTS"); keep != "" {
			b, _ := os.ReadFile(shot)
			os.WriteFile(filepath.Join(keep, name), b, 0o644)
		}
		t.Logf("screenshot: %s", shot)
	}
}
