package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// auditReport is the part of the audit JSON the tests read.
type auditReport struct {
	Version int `json:"version"`
	Period  struct {
		Since, Until, TZ string
	} `json:"period"`
	Kit      string `json:"kit"`
	Selaras  string `json:"selaras"`
	Posts    int    `json:"posts"`
	Accounts []struct {
		Account         string  `json:"account"`
		Posts           int     `json:"posts"`
		PostsWithErrors int     `json:"posts_with_errors"`
		Compliance      float64 `json:"compliance"`
	} `json:"accounts"`
	Rules []struct {
		Rule     string `json:"rule"`
		Findings int    `json:"findings"`
		Accounts int    `json:"accounts"`
	} `json:"rules"`
	Weeks []struct {
		Week       string  `json:"week"`
		Posts      int     `json:"posts"`
		Compliance float64 `json:"compliance"`
	} `json:"weeks"`
	Findings []struct {
		Post, Path, Account, Date, Rule, Severity, Message, Match string
		Line, Column                                              int
	} `json:"findings"`
	Duplicates []struct {
		Kind  string   `json:"kind"`
		Posts []string `json:"posts"`
	} `json:"duplicates"`
	DateSources map[string]int `json:"date_sources"`
	OutOfPeriod int            `json:"out_of_period"`
	Skipped     []struct {
		File string `json:"file"`
		Row  int    `json:"row"`
	} `json:"skipped"`
	Details []struct {
		Path, Account, Date string
		DateSource          string `json:"date_source"`
	} `json:"post_details"`
}

func decodeAudit(t *testing.T, s string) auditReport {
	t.Helper()
	var r auditReport
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("audit JSON: %v\n%s", err, s)
	}
	return r
}

func auditWrite(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// auditPNG writes a grey gradient picture; scale 2 is the same picture at
// twice the size (a re-saved copy).
func auditPNG(t *testing.T, p string, scale int) {
	t.Helper()
	w, h := 160*scale, 120*scale
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := uint8((x/scale)*255/160) ^ uint8(((y/scale)/30)*60)
			img.Set(x, y, color.NRGBA{v, v, 200, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func post(date, account, body string, extra ...string) string {
	fm := "+++\ndate = " + date + "\n"
	if account != "" {
		fm += "account = \"" + account + "\"\n"
	}
	for _, e := range extra {
		fm += e + "\n"
	}
	return fm + "+++\n" + body + "\n"
}

// auditArchive builds three months of posts of several accounts: drafts
// and a Meta Business Suite style CSV export. For October 2025 (Jakarta
// time) it holds 10 posts; see TestAuditArchiveMonth for the counts.
func auditArchive(t *testing.T) string {
	root := t.TempDir()
	tag := " #BantenMaju"
	auditWrite(t, root, map[string]string{
		"selaras.toml": `[kit]
name = "Uji Audit"

[hashtags]
required = ["#BantenMaju"]

[accounts.dinkes]
name  = "Dinas Kesehatan"
paths = ["dinkes/**"]

[accounts.dishub]
name  = "Dinas Perhubungan"
paths = ["dishub/**"]
`,
		"dinkes/2025-09-28.md": post("2025-09-28", "", "Posyandu keliling hadir di desa Anda minggu ini. Ada pertanyaan? Tulis di komentar."+tag),
		"dinkes/2025-10-02.md": post("2025-10-02", "", "Imunisasi anak gratis di puskesmas terdekat setiap hari kerja untuk semua warga. Ada pertanyaan? Tulis di komentar."+tag),
		"dinkes/2025-10-09.md": post("2025-10-09", "", "Cek kesehatan gratis bagi warga lanjut usia di setiap puskesmas bulan ini. Ada pertanyaan? Tulis di komentar."),
		"dinkes/2025-10-15.md": post("2025-10-15", "", "Jaga kebersihan air minum di rumah agar keluarga tetap sehat selama musim hujan. Bagaimana cara Anda?"+tag, `images = ["poster.png"]`),
		"dishub/2025-10-03.md": post("2025-10-03", "", "Layanan bus sekolah kini menjangkau desa di pelosok kabupaten setiap pagi. Sudah coba?", `images = ["poster-copy.png"]`),
		"dishub/2025-10-31.md": post("2025-10-31", "", "Uji emisi kendaraan gratis hadir di terminal kota akhir pekan ini. Siapa mau ikut?"+tag),
		"dishub/2025-11-01.md": post("2025-11-01", "", "Jadwal kapal penyeberangan libur panjang sudah terbit di laman resmi kami. Ada usul?"+tag),
		"lain/2025-10-20.md":   post("2025-10-20", "", "Pendaftaran lomba foto desa wisata dibuka sampai akhir bulan bagi semua warga. Siapa ikut?"+tag),
		"exports/meta.csv": "\ufeffPost ID,Page name,Description,Publish time,Permalink\n" +
			"1,Dinas Kesehatan,\"Donor darah bersama di aula kantor dinas pada hari Sabtu pagi.\nAda pertanyaan? Tulis di komentar." + tag + "\",10/05/2025 09:00,https://www.facebook.com/p/1\n" +
			"2,Dinas Perhubungan,Perbaikan jalan provinsi ruas utara selesai lebih cepat dari jadwal semula. Ada masukan?,10/12/2025 10:00,https://www.facebook.com/p/2\n" +
			"3,Biro Humas,Sapa warga di alun-alun kota setiap Minggu pagi bersama para pejabat daerah. Mau datang?" + tag + ",10/22/2025 08:00,https://www.facebook.com/p/3\n" +
			"4,Dinas Kesehatan,Pekan lalu kami membuka posko kesehatan di jalur mudik utama provinsi. Ada pertanyaan?" + tag + ",09/30/2025 08:00,https://www.facebook.com/p/4\n" +
			"5,Dinas Kesehatan,Tanggal baris ini rusak dan harus dilewati dengan nomor barisnya.,kemarin,https://www.facebook.com/p/5\n" +
			"6,Dinas Kesehatan,Imunisasi anak gratis di puskesmas terdekat setiap hari kerja untuk semua warga. Ada pertanyaan? Tulis di komentar." + tag + ",10/25/2025 08:00,https://www.facebook.com/p/6\n",
	})
	auditPNG(t, filepath.Join(root, "dinkes/poster.png"), 1)
	auditPNG(t, filepath.Join(root, "dishub/poster-copy.png"), 2)
	return root
}

func auditJSON(t *testing.T, dir string, extra []string, args ...string) (auditReport, result) {
	t.Helper()
	res := runBin(t, dir, nil, extra, append([]string{"audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta"}, args...)...)
	if res.code != 0 {
		t.Fatalf("audit exit %d\nstderr: %s", res.code, res.stderr)
	}
	return decodeAudit(t, res.stdout), res
}

func TestAuditArchiveMonth(t *testing.T) {
	root := auditArchive(t)
	r, res := auditJSON(t, root, nil, "--month", "2025-10", ".")
	if !strings.Contains(res.stderr, "2025-10-01 .. 2025-11-01") {
		t.Errorf("resolved period not on stderr: %q", res.stderr)
	}
	if r.Version != 1 || r.Period.Since != "2025-10-01" || r.Period.Until != "2025-11-01" || r.Period.TZ != "Asia/Jakarta" || r.Kit != "Uji Audit" || r.Selaras == "" {
		t.Errorf("header: %+v %q %q", r.Period, r.Kit, r.Selaras)
	}
	if r.Posts != 10 || r.OutOfPeriod != 3 {
		t.Errorf("posts %d, out of period %d; want 10, 3", r.Posts, r.OutOfPeriod)
	}
	if r.DateSources["front-matter"] != 6 || r.DateSources["csv"] != 4 || r.DateSources["git"] != 0 || r.DateSources["mtime"] != 0 {
		t.Errorf("date sources %v", r.DateSources)
	}
	if len(r.Skipped) != 1 || r.Skipped[0].Row != 6 || r.Skipped[0].File != filepath.Join("exports", "meta.csv") {
		t.Errorf("skipped %+v, want exports/meta.csv row 6", r.Skipped)
	}
	type acc struct {
		posts, errs int
		compl       float64
	}
	want := map[string]acc{"dinkes": {5, 1, 0.8}, "dishub": {3, 2, 0.3333}, "Biro Humas": {1, 0, 1}, "": {1, 0, 1}}
	got := map[string]acc{}
	var order []string
	for _, a := range r.Accounts {
		got[a.Account] = acc{a.Posts, a.PostsWithErrors, a.Compliance}
		order = append(order, a.Account)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("accounts\n got %v\nwant %v", got, want)
	}
	if order[len(order)-1] != "" {
		t.Errorf("the unknown account is not last: %q", order)
	}
	weeks := map[string]string{}
	for _, w := range r.Weeks {
		weeks[w.Week] = fmt.Sprintf("%d %.4f", w.Posts, w.Compliance)
	}
	wantWeeks := map[string]string{"2025-W40": "3 0.6667", "2025-W41": "2 0.0000", "2025-W42": "1 1.0000", "2025-W43": "3 1.0000", "2025-W44": "1 1.0000"}
	if fmt.Sprint(weeks) != fmt.Sprint(wantWeeks) {
		t.Errorf("weeks\n got %v\nwant %v", weeks, wantWeeks)
	}
	var missing []string
	for _, f := range r.Findings {
		if f.Rule == "hashtag-missing" {
			missing = append(missing, f.Post)
		}
	}
	sort.Strings(missing)
	wantMissing := []string{"dinkes/2025-10-09.md", "dishub/2025-10-03.md", "exports/meta.csv#row3"}
	if fmt.Sprint(missing) != fmt.Sprint(wantMissing) {
		t.Errorf("hashtag-missing on %v, want %v", missing, wantMissing)
	}
	dups := map[string]string{}
	for _, d := range r.Duplicates {
		dups[d.Kind] = strings.Join(d.Posts, " ")
	}
	if dups["image"] != "dishub/2025-10-03.md dinkes/2025-10-15.md" || dups["caption"] != "dinkes/2025-10-02.md exports/meta.csv#row7" {
		t.Errorf("duplicates %v", dups)
	}
	for _, f := range r.Findings {
		if f.Rule == "duplicate-image" && (f.Post != "dinkes/2025-10-15.md" || f.Severity != "info" || f.Match != "dishub/2025-10-03.md") {
			t.Errorf("duplicate-image finding %+v", f)
		}
		if f.Rule == "duplicate-caption" && f.Post != "exports/meta.csv#row7" {
			t.Errorf("duplicate-caption finding %+v", f)
		}
	}
	// A CSV row's page name maps to the kit's account by its display name.
	for _, d := range r.Details {
		if d.Path == "exports/meta.csv#row2" && (d.Account != "dinkes" || d.Date != "2025-10-05" || d.DateSource != "csv") {
			t.Errorf("row 2: %+v", d)
		}
	}
}

// The audit's findings for drafts are exactly those of `check`.
func TestAuditSameFindingsAsCheck(t *testing.T) {
	root := auditArchive(t)
	r, _ := auditJSON(t, root, nil, "--month", "2025-10", "dinkes", "dishub", "lain")
	var files []string
	audited := map[string]bool{}
	var got []string
	for _, d := range r.Details {
		files = append(files, d.Path)
		audited[d.Path] = true
	}
	for _, f := range r.Findings {
		if !strings.HasPrefix(f.Rule, "duplicate-") {
			got = append(got, fmt.Sprintf("%s %s %d:%d %s", f.Path, f.Rule, f.Line, f.Column, f.Message))
		}
	}
	res := runBin(t, root, nil, nil, append([]string{"check", "--format", "json", "--fail-on", "none"}, files...)...)
	if res.code != 0 {
		t.Fatalf("check: %d %s", res.code, res.stderr)
	}
	var chk struct {
		Files []struct {
			Path     string `json:"path"`
			Findings []struct {
				Rule, Message string
				Line, Column  int
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &chk); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range chk.Files {
		for _, x := range f.Findings {
			want = append(want, fmt.Sprintf("%s %s %d:%d %s", filepath.ToSlash(f.Path), x.Rule, x.Line, x.Column, x.Message))
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit and check differ\naudit:\n%s\ncheck:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(want) == 0 {
		t.Error("no findings at all: the comparison proves nothing")
	}
}

func TestAuditDateSources(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	root := t.TempDir()
	body := "Imunisasi anak gratis di puskesmas terdekat. Ada pertanyaan? #BantenMaju\n"
	auditWrite(t, root, map[string]string{
		// front matter wins over git and mtime
		"a.md": "+++\ndate = 2025-10-05\n+++\n" + body,
		// git (committed 2025-10-07) wins over mtime (November)
		"b.md": "Layanan bus sekolah kini gratis bagi pelajar. Sudah coba? #BantenMaju\n",
	})
	genv := []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org"}
	git := func(date string, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		cmd.Env = append(append(os.Environ(), genv...), "GIT_COMMITTER_DATE="+date, "GIT_AUTHOR_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("2025-09-10T10:00:00+07:00", "init", "-q")
	git("2025-09-10T10:00:00+07:00", "add", "a.md", "b.md")
	git("2025-09-10T10:00:00+07:00", "commit", "-q", "-m", "first")
	auditWrite(t, root, map[string]string{"b.md": "Layanan bus sekolah kini gratis bagi semua pelajar. Sudah coba? #BantenMaju\n"})
	git("2025-10-07T10:00:00+07:00", "commit", "-q", "-am", "second")
	// not committed: its modification time dates it
	auditWrite(t, root, map[string]string{"c.md": "Uji emisi gratis di terminal kota akhir pekan ini. Siapa ikut? #BantenMaju\n"})
	nov := time.Date(2025, 11, 20, 12, 0, 0, 0, time.UTC)
	os.Chtimes(filepath.Join(root, "a.md"), nov, nov)
	os.Chtimes(filepath.Join(root, "b.md"), nov, nov)
	oct := time.Date(2025, 10, 9, 12, 0, 0, 0, time.UTC)
	os.Chtimes(filepath.Join(root, "c.md"), oct, oct)

	r, _ := auditJSON(t, root, genv, "--month", "2025-10", ".")
	got := map[string]string{}
	for _, d := range r.Details {
		got[d.Path] = d.Date + " " + d.DateSource
	}
	want := map[string]string{"a.md": "2025-10-05 front-matter", "b.md": "2025-10-07 git", "c.md": "2025-10-09 mtime"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates\n got %v\nwant %v", got, want)
	}
	if r.DateSources["front-matter"] != 1 || r.DateSources["git"] != 1 || r.DateSources["mtime"] != 1 {
		t.Errorf("date sources %v", r.DateSources)
	}
}

func TestAuditCSVEscaping(t *testing.T) {
	root := t.TempDir()
	auditWrite(t, root, map[string]string{
		"=cmd.md":  post("2025-10-05", "=HYPERLINK(\\\"http://x\\\")", "Dalam rangka hari jadi, warga diundang ke alun-alun. Ada pertanyaan?"),
		"plain.md": post("2025-10-06", "@dinkes", "Dalam rangka hari jadi, lomba foto dibuka. Siapa ikut?"),
	})
	res := runBin(t, root, nil, nil, "audit", "--format", "csv", "--no-cache", "--month", "2025-10", ".")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(res.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, res.stdout)
	}
	if len(recs) < 3 || recs[0][0] != "post" {
		t.Fatalf("want a header and findings:\n%s", res.stdout)
	}
	sawCmd, sawAt := false, false
	for _, rec := range recs[1:] {
		for _, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q would run as a formula", c)
			}
		}
		if rec[0] == "'=cmd.md" && strings.HasPrefix(rec[2], "'=HYPERLINK") {
			sawCmd = true
		}
		if rec[2] == "'@dinkes" {
			sawAt = true
		}
	}
	if !sawCmd || !sawAt {
		t.Errorf("escaped cells not found:\n%s", res.stdout)
	}
}

func TestAuditHTMLEscaping(t *testing.T) {
	root := t.TempDir()
	auditWrite(t, root, map[string]string{
		"a.md": post("2025-10-05", "dinkes", "<script>alert('x')</script> Dalam rangka hari jadi, warga diundang <b>hadir</b>. Ada pertanyaan?"),
	})
	res := runBin(t, root, nil, nil, "audit", "--format", "html", "--no-cache", "--month", "2025-10", ".")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	h := res.stdout
	if !strings.HasPrefix(h, "<!DOCTYPE html>") || !strings.Contains(h, "<svg") {
		t.Errorf("not a report page with charts:\n%s", h)
	}
	if strings.Contains(h, "<script") || strings.Contains(h, "<b>hadir") {
		t.Errorf("post text is not escaped:\n%s", h)
	}
	if !strings.Contains(h, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") {
		t.Errorf("the caption is not shown as text:\n%s", h)
	}
	for _, ext := range []string{"src=", "<link", "@import", "url(", "http://", "https://"} {
		if strings.Contains(h, ext) {
			t.Errorf("the page is not self-contained: %q found", ext)
		}
	}
}

func TestAuditMergeEqualsWhole(t *testing.T) {
	root := auditArchive(t)
	args := []string{"audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10"}
	whole := runBin(t, root, nil, nil, append(args, "dinkes", "dishub", "lain", "exports")...)
	a := runBin(t, root, nil, nil, append(args, "dinkes", "lain")...)
	b := runBin(t, root, nil, nil, append(args, "dishub", "exports")...)
	for _, r := range []result{whole, a, b} {
		if r.code != 0 {
			t.Fatalf("audit: %d %s", r.code, r.stderr)
		}
	}
	os.WriteFile(filepath.Join(root, "a.json"), []byte(a.stdout), 0o644)
	os.WriteFile(filepath.Join(root, "b.json"), []byte(b.stdout), 0o644)
	m := runBin(t, root, nil, nil, "audit", "merge", "b.json", "a.json")
	if m.code != 0 {
		t.Fatalf("merge: %d %s", m.code, m.stderr)
	}
	if m.stdout != whole.stdout {
		t.Errorf("merged report differs from the audit of the whole\nmerged:\n%s\nwhole:\n%s", m.stdout, whole.stdout)
	}
	// The duplicates across the shards are found by the merge.
	if r := decodeAudit(t, m.stdout); len(r.Duplicates) != 2 {
		t.Errorf("duplicates across shards: %+v", r.Duplicates)
	}
	// Reports of different periods do not merge.
	c := runBin(t, root, nil, nil, "audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-09", "dinkes")
	os.WriteFile(filepath.Join(root, "c.json"), []byte(c.stdout), 0o644)
	bad := runBin(t, root, nil, nil, "audit", "merge", "a.json", "c.json")
	if bad.code != 2 || strings.Count(bad.stderr, "\n") != 1 || !strings.Contains(bad.stderr, "c.json") {
		t.Errorf("merge of different periods: %d %q", bad.code, bad.stderr)
	}
	bad = runBin(t, root, nil, nil, "audit", "merge", "selaras.toml")
	if bad.code != 2 || strings.Count(bad.stderr, "\n") != 1 {
		t.Errorf("merge of a non-report: %d %q", bad.code, bad.stderr)
	}
}

func TestAuditCache(t *testing.T) {
	root := auditArchive(t)
	cache := t.TempDir()
	run := func() (string, string) {
		res := runBin(t, root, nil, nil, "audit", "--lang", "en", "--format", "json", "--cache-dir", cache, "--tz", "Asia/Jakarta", "--month", "2025-10", ".")
		if res.code != 0 {
			t.Fatalf("audit: %d %s", res.code, res.stderr)
		}
		return res.stdout, res.stderr
	}
	out1, err1 := run()
	if !strings.Contains(err1, "cache: 0 reused, 10 checked") {
		t.Errorf("first run: %q", err1)
	}
	out2, err2 := run()
	if !strings.Contains(err2, "cache: 10 reused, 0 checked") {
		t.Errorf("second run: %q", err2)
	}
	if out1 != out2 {
		t.Error("the cached report differs from the checked one")
	}
	// A corrupt entry is checked again, not fatal.
	var packs []string
	lines := 0
	filepath.Walk(cache, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			packs = append(packs, p)
			b, _ := os.ReadFile(p)
			lines += bytes.Count(b, []byte("\n")) - 1 // the pack's header line
		}
		return nil
	})
	if len(packs) == 0 || lines != 10 {
		t.Fatalf("%d cache packs with %d entries, want 10 entries", len(packs), lines)
	}
	b, _ := os.ReadFile(packs[0])
	nl := bytes.IndexByte(b, '\n') // after the header, the first entry
	tab := nl + 1 + bytes.IndexByte(b[nl+1:], '\t')
	copy(b[tab+1:], "{not json")
	os.WriteFile(packs[0], b, 0o644)
	out3, err3 := run()
	if !strings.Contains(err3, "cache: 9 reused, 1 checked") || out3 != out1 {
		t.Errorf("corrupt entry: %q", err3)
	}
	// A changed image re-checks the post that attaches it.
	auditPNG(t, filepath.Join(root, "dinkes/poster.png"), 3)
	_, err4 := run()
	if !strings.Contains(err4, "cache: 9 reused, 1 checked") {
		t.Errorf("after an image edit: %q", err4)
	}
	// A kit edit re-checks every post under it.
	kit := filepath.Join(root, "selaras.toml")
	b, _ = os.ReadFile(kit)
	os.WriteFile(kit, append(b, []byte("\n[[jargon]]\nphrase = \"alun-alun\"\nsuggest = [\"lapangan\"]\n")...), 0o644)
	out5, err5 := run()
	if !strings.Contains(err5, "cache: 0 reused, 10 checked") {
		t.Errorf("after a kit edit: %q", err5)
	}
	if !strings.Contains(out5, "alun-alun") {
		t.Error("the new jargon entry is not applied")
	}
	_, err6 := run()
	if !strings.Contains(err6, "cache: 10 reused, 0 checked") {
		t.Errorf("after the kit edit, again: %q", err6)
	}
}

func TestAuditUsageErrors(t *testing.T) {
	root := auditArchive(t)
	for _, args := range [][]string{
		{"audit", "--month", "2025-13", "."},
		{"audit", "--month", "2025-10", "--period", "last-week", "."},
		{"audit", "--format", "pdf", "--month", "2025-10", "."},
		{"audit", "--month", "2025-10"},
		{"audit", "--month", "2025-10", "nowhere"},
		{"audit", "--month", "2025-10", "--csv-columns", "body=Message", "."},
		{"audit", "--month", "2025-10", "--csv-columns", "text=Pesan", "exports/meta.csv"},
		{"audit", "--tz", "Mars/Olympus", "."},
		{"audit", "merge"},
	} {
		res := runBin(t, root, nil, nil, args...)
		if res.code != 2 || strings.Count(res.stderr, "\n") != 1 || strings.Contains(res.stderr, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q", args, res.code, res.stderr)
		}
	}
}

// A CSV file in a folder that is not an export of posts is skipped; named
// on the command line it is an error.
func TestAuditDataCSV(t *testing.T) {
	root := t.TempDir()
	auditWrite(t, root, map[string]string{
		"a.md":              post("2025-10-05", "", "Halo warga, ada pertanyaan? #BantenMaju"),
		"data/anggaran.csv": "Pos,Nilai\nJalan,100\n",
	})
	r, _ := auditJSON(t, root, nil, "--month", "2025-10", ".")
	if r.Posts != 1 || len(r.Skipped) != 1 || r.Skipped[0].File != filepath.Join("data", "anggaran.csv") || r.Skipped[0].Row != 0 {
		t.Errorf("posts %d, skipped %+v", r.Posts, r.Skipped)
	}
	res := runBin(t, root, nil, nil, "audit", "--no-cache", "--month", "2025-10", "data/anggaran.csv")
	if res.code != 2 || !strings.Contains(res.stderr, "--csv-columns") {
		t.Errorf("named data CSV: %d %q", res.code, res.stderr)
	}
}

func TestAuditBadKit(t *testing.T) {
	root := t.TempDir()
	auditWrite(t, root, map[string]string{
		"selaras.toml": "[kit]\nname = \"Rusak\"\n[hashtags]\nrequired = [\"BantenMaju\"]\nwarna = 3\n",
		"a.md":         post("2025-10-05", "", "Halo warga, ada pertanyaan? #BantenMaju"),
	})
	res := runBin(t, root, nil, nil, "audit", "--no-cache", "--month", "2025-10", ".")
	if res.code != 2 || !strings.Contains(res.stderr, "selaras.toml") || strings.Contains(res.stdout, "Audit") {
		t.Errorf("bad kit: exit %d\nstdout %s\nstderr %s", res.code, res.stdout, res.stderr)
	}
}

func TestAuditTable(t *testing.T) {
	root := auditArchive(t)
	res := runBin(t, root, nil, nil, "audit", "--lang", "en", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10", ".")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, want := range []string{"2025-10-01 .. 2025-11-01", "Uji Audit", "Posts: 10", "csv 4", "Compliance: 70% (7/10", "(unknown account)", "2025-W41", "Posts with the most problems", "exports/meta.csv row 6"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, res.stdout)
		}
	}
	if strings.Contains(res.stderr, "\r") {
		t.Error("a progress bar was drawn although stderr is not a terminal")
	}
}

// The audit keeps findings in a temporary file until it prints them; the
// file is gone afterwards, and without a usable temporary folder the
// findings stay in memory and every format prints the same report.
func TestAuditFindingsSpill(t *testing.T) {
	root := auditArchive(t)
	tmp := t.TempDir()
	args := []string{"audit", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10", "--format"}
	for _, format := range []string{"json", "csv", "html", "table"} {
		spilled := runBin(t, root, nil, []string{"TMPDIR=" + tmp}, append(args, format, ".")...)
		inMemory := runBin(t, root, nil, []string{"TMPDIR=" + filepath.Join(tmp, "missing")}, append(args, format, ".")...)
		if spilled.code != 0 || inMemory.code != 0 {
			t.Fatalf("%s: exit %d / %d\n%s\n%s", format, spilled.code, inMemory.code, spilled.stderr, inMemory.stderr)
		}
		if spilled.stdout != inMemory.stdout {
			t.Errorf("%s: findings kept on disk and in memory print differently\ndisk:\n%s\nmemory:\n%s", format, spilled.stdout, inMemory.stdout)
		}
		if format == "json" {
			missing := 0
			for _, f := range decodeAudit(t, spilled.stdout).Findings {
				if f.Rule == "hashtag-missing" {
					missing++
				}
			}
			if missing != 3 {
				t.Errorf("json: %d hashtag-missing findings, want 3:\n%s", missing, spilled.stdout)
			}
		}
	}
	left, _ := os.ReadDir(tmp)
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// The rule names an audit reports are explained like the rules of check.
func TestAuditRulesExplained(t *testing.T) {
	root := t.TempDir()
	list := runBin(t, root, nil, nil, "rules", "--lang", "en")
	_, audits, ok := strings.Cut(list.stdout, "\n\n")
	if list.code != 0 || !ok || !strings.Contains(audits, "duplicate-image") || !strings.Contains(audits, "duplicate-caption") {
		t.Errorf("selaras rules: %d\n%s", list.code, list.stdout)
	}
	for _, name := range []string{"duplicate-image", "duplicate-caption"} {
		id := runBin(t, root, nil, nil, "explain", name)
		en := runBin(t, root, nil, nil, "explain", "--lang", "en", name)
		if id.code != 0 || en.code != 0 || !strings.HasPrefix(id.stdout, name+" — ") || id.stdout == en.stdout ||
			!strings.Contains(id.stdout, "Mengapa") || !strings.Contains(en.stdout, "info") {
			t.Errorf("explain %s: %d %d\n%s\n%s", name, id.code, en.code, id.stdout, en.stdout)
		}
	}
}

// A kit switches the duplicate rules off or changes their severity like
// any rule's, and a merge of shards decides as the audit of the whole.
func TestAuditDuplicateRulesFromTheKit(t *testing.T) {
	root := auditArchive(t)
	kit := filepath.Join(root, "selaras.toml")
	b, _ := os.ReadFile(kit)
	os.WriteFile(kit, append(b, []byte("\n[rules]\ndisable = [\"duplicate-caption\"]\nseverity = { duplicate-image = \"error\" }\n")...), 0o644)
	args := []string{"audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10"}
	whole := runBin(t, root, nil, nil, append(args, "dinkes", "dishub", "lain", "exports")...)
	if whole.code != 0 {
		t.Fatalf("audit: %d %s", whole.code, whole.stderr)
	}
	r := decodeAudit(t, whole.stdout)
	var kinds []string
	for _, d := range r.Duplicates {
		kinds = append(kinds, d.Kind)
	}
	if fmt.Sprint(kinds) != "[image]" {
		t.Errorf("reuse groups %v, want the image group only", kinds)
	}
	dupErrors := 0
	for _, f := range r.Findings {
		if f.Rule == "duplicate-caption" {
			t.Errorf("duplicate-caption reported although the kit switched it off: %+v", f)
		}
		if f.Rule == "duplicate-image" && f.Severity == "error" && f.Post == "dinkes/2025-10-15.md" {
			dupErrors++
		}
	}
	if dupErrors != 1 {
		t.Errorf("%d duplicate-image errors, want 1 (the kit raised it to error)", dupErrors)
	}
	for _, a := range r.Accounts {
		if a.Account == "dinkes" && a.PostsWithErrors != 2 {
			t.Errorf("dinkes: %d posts with errors, want 2 (the reused image counts now)", a.PostsWithErrors)
		}
	}
	a := runBin(t, root, nil, nil, append(args, "dinkes", "lain")...)
	bb := runBin(t, root, nil, nil, append(args, "dishub", "exports")...)
	os.WriteFile(filepath.Join(root, "a.json"), []byte(a.stdout), 0o644)
	os.WriteFile(filepath.Join(root, "b.json"), []byte(bb.stdout), 0o644)
	m := runBin(t, root, nil, nil, "audit", "merge", "a.json", "b.json")
	if m.code != 0 || m.stdout != whole.stdout {
		t.Errorf("merged report differs from the audit of the whole (%d %s)", m.code, m.stderr)
	}
	// check accepts the kit (the names are known rules) and is unchanged by it.
	if c := runBin(t, root, nil, nil, "check", "dinkes"); c.code == 2 {
		t.Errorf("check refuses the kit: %s", c.stderr)
	}
}
