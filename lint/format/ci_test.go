package format_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/format"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The fixture: drafts with emoji and other non-ASCII text before the
// matches, a match that spans two lines, a message full of characters the
// formats must escape, a file-level finding and an image finding.
const draftA = `+++
platform = "instagram"
+++
Halo warga 👋🏽! Dalam rangka HUT ke-25, kami mengundang Anda.
Pantai Anyer 🏖️ ramai; dalam
rangka libur sekolah, jaga kebersihan.
Catatan: diskon 50% <b>&amp;</b>, "gratis" — ayo!
`

const draftB = "Dalam rangka 🇮🇩 Hari Santri 𝕏, dalam rangka juga.\r\n"

var phraseRule = &lint.Rule{
	Name: "test-phrase",
	Doc: lint.Doc{
		Title:    lint.Text{ID: "Frasa uji", EN: "Test phrase"},
		Why:      lint.Text{ID: "Frasa ini untuk menguji format.", EN: "This phrase tests the formats."},
		Bad:      "Dalam rangka HUT.",
		Good:     "Untuk HUT.",
		Fix:      lint.Text{ID: "Ganti dengan \"untuk\".", EN: "Replace with \"untuk\"."},
		Severity: lint.Warning,
		KitKeys:  []string{"[[jargon]]"},
		Kit:      "[[jargon]]\nphrase = \"dalam rangka\"\n",
	},
	Check: func(p *lint.Pass) error {
		src := p.Draft.Source
		low := strings.ToLower(src)
		re := regexp.MustCompile(`dalam\s+rangka`)
		for _, m := range re.FindAllStringIndex(low, -1) {
			p.ReportSpan(m[0], m[1], lint.Tf("%q: frasa birokratis; pakai \"untuk\"", "%q: bureaucratic phrase; use \"untuk\"", src[m[0]:m[1]]), "untuk")
		}
		if i := strings.Index(src, "50% <b>&amp;</b>"); i >= 0 {
			j := i + len("50% <b>&amp;</b>")
			p.ReportSpan(i, j, lint.Text{ID: "uji: 50% <b>&amp;</b>, koma\nbaris baru", EN: "test: 50% <b>&amp;</b>, comma\nnew line"})
		}
		return nil
	},
}

var fileRule = &lint.Rule{
	Name: "test-file",
	Doc: lint.Doc{
		Title:    lint.Text{ID: "Tagar uji", EN: "Test tag"},
		Why:      lint.Text{ID: "Setiap unggahan membawa tagar uji.", EN: "Every post carries the test tag."},
		Severity: lint.Error,
	},
	Check: func(p *lint.Pass) error {
		p.ReportFile(lint.Tf("tagar wajib %s tidak ada", "required tag %s is missing", "#BantenMaju"), "#BantenMaju", "#BantenMaju")
		return nil
	},
}

var imageRule = &lint.Rule{
	Name: "test-image",
	Doc: lint.Doc{
		Title:    lint.Text{ID: "Gambar uji", EN: "Test image"},
		Why:      lint.Text{ID: "Logo harus terlihat.", EN: "The logo must show."},
		Severity: lint.Info,
	},
	Check: func(p *lint.Pass) error {
		if strings.Contains(p.Draft.Source, "Anyer") {
			p.Report(lint.Finding{Path: "posts/poster.png", Message: lint.Text{ID: "logo terlalu kecil", EN: "logo too small"},
				Region: &lint.Region{X: 10, Y: 20, Width: 300, Height: 120}})
		}
		return nil
	},
}

var testRules = []*lint.Rule{phraseRule, fileRule, imageRule}

func runFixture(t testing.TB, a, b string) *lint.Result {
	t.Helper()
	kit, err := brandkit.Parse("test.toml", []byte("[kit]\nname = \"uji\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	eng := &lint.Engine{Rules: testRules, Kits: &brandkit.Loader{Fixed: kit}, Jobs: 1}
	res := eng.Run([]lint.Input{
		{Path: "posts/a.md", Abs: filepath.Join(dir, "posts/a.md"), Root: dir, Data: []byte(a)},
		{Path: "./posts/b c.md", Abs: filepath.Join(dir, "posts/b c.md"), Root: dir, Data: []byte(b)},
	})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	return res
}

func render(t testing.TB, name, lang string, res *lint.Result) []byte {
	t.Helper()
	f, err := format.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f(&buf, res, format.Options{Lang: lang, Rules: testRules, Version: "0.1.0", Summary: true}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./lint/format -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./lint/format -update refreshes it):\n--- got\n%s\n--- want\n%s", file, got, want)
	}
}

func TestGolden(t *testing.T) {
	res := runFixture(t, draftA, draftB)
	for _, c := range []struct{ format, lang, ext string }{
		{"sarif", "id", "sarif.json"},
		{"github", "id", "github.txt"},
		{"gitlab", "id", "gitlab.json"},
		{"checkstyle", "id", "checkstyle.xml"},
		{"line", "id", "line.txt"},
		{"line", "en", "line.en.txt"},
	} {
		t.Run(c.ext, func(t *testing.T) { golden(t, c.ext, render(t, c.format, c.lang, res)) })
	}
}

// position is where a finding should be, found independently of the
// engine: the 1-based line, the code-point and UTF-16 columns of the
// first occurrence of needle after skip earlier ones.
type position struct{ line, cp, u16 int }

func find(t *testing.T, src, needle string, skip int) position {
	t.Helper()
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		from := 0
		for {
			j := strings.Index(l[from:], needle)
			if j < 0 {
				break
			}
			j += from
			if skip == 0 {
				prefix := []rune(l[:j])
				return position{i + 1, len(prefix) + 1, len(utf16.Encode(prefix)) + 1}
			}
			skip--
			from = j + 1
		}
	}
	t.Fatalf("%q not found", needle)
	return position{}
}

func TestColumnsWithEmoji(t *testing.T) {
	res := runFixture(t, draftA, draftB)
	// "Dalam rangka" on line 4 of a.md follows 👋🏽 (two code points, four
	// UTF-16 units); on b.md it follows nothing, then 🇮🇩 and 𝕏.
	pa := find(t, draftA, "Dalam rangka", 0)
	pb2 := find(t, draftB, "dalam rangka", 0)
	if pa.cp == pa.u16 || pb2.cp == pb2.u16 {
		t.Fatalf("fixture lost its emoji: %+v %+v", pa, pb2)
	}

	line := string(render(t, "line", "id", res))
	for _, want := range []string{
		"posts/a.md:" + strconv.Itoa(pa.line) + ":" + strconv.Itoa(pa.cp) + ": warning test-phrase: ",
		"./posts/b c.md:1:" + strconv.Itoa(pb2.cp) + ": warning test-phrase: ",
	} {
		if !strings.Contains(line, want) {
			t.Errorf("line output lacks %q:\n%s", want, line)
		}
	}

	gh := string(render(t, "github", "id", res))
	endA := pa.u16 + len(utf16.Encode([]rune("Dalam rangka"))) - 1
	for _, want := range []string{
		"file=posts/a.md,line=4,endLine=4,col=" + strconv.Itoa(pa.u16) + ",endColumn=" + strconv.Itoa(endA) + ",",
		"file=posts/b c.md,line=1,endLine=1,col=" + strconv.Itoa(pb2.u16) + ",",
	} {
		if !strings.Contains(gh, want) {
			t.Errorf("github output lacks %q:\n%s", want, gh)
		}
	}

	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", "id", res), &log); err != nil {
		t.Fatal(err)
	}
	type reg struct {
		uri            string
		sl, sc, el, ec int
	}
	var got []reg
	for _, r := range log.Runs[0].Results {
		pl := r.Locations[0].PhysicalLocation
		got = append(got, reg{pl.ArtifactLocation.URI, pl.Region.StartLine, pl.Region.StartColumn, pl.Region.EndLine, pl.Region.EndColumn})
	}
	// The match across a line break: from "dalam" on line 5 to the end of
	// "rangka" on line 6 (exclusive end column).
	p5 := find(t, draftA, "dalam", 0)
	wants := []reg{
		{"posts/a.md", pa.line, pa.u16, pa.line, pa.u16 + 12},
		{"posts/a.md", p5.line, p5.u16, p5.line + 1, len("rangka") + 1},
		{"posts/b%20c.md", 1, pb2.u16, 1, pb2.u16 + 12},
	}
	for _, w := range wants {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("sarif lacks region %+v; has %+v", w, got)
		}
	}

	var cs struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line    int    `xml:"line,attr"`
				Column  int    `xml:"column,attr"`
				Message string `xml:"message,attr"`
				Source  string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(render(t, "checkstyle", "id", res), &cs); err != nil {
		t.Fatal(err)
	}
	ok := false
	for _, f := range cs.Files {
		for _, e := range f.Errors {
			if f.Name == "posts/a.md" && e.Line == pa.line && e.Column == pa.u16 && e.Source == "selaras.test-phrase" {
				ok = true
			}
		}
	}
	if !ok {
		t.Errorf("checkstyle lacks posts/a.md line %d column %d: %+v", pa.line, pa.u16, cs)
	}
}

func TestGitHubEscaping(t *testing.T) {
	res := runFixture(t, draftA, draftB)
	out := string(render(t, "github", "id", res))
	re := regexp.MustCompile(`^::(error|warning|notice) ([^:]*)::(.*)$`)
	unescape := strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 8 {
		t.Fatalf("want 8 commands, got %d:\n%s", len(lines), out)
	}
	var msgs []string
	for _, l := range lines {
		m := re.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("not a workflow command: %q", l)
		}
		props := map[string]string{}
		for _, kv := range strings.Split(m[2], ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Fatalf("bad property %q in %q", kv, l)
			}
			props[k] = unescape.Replace(v)
		}
		if props["file"] == "" || !strings.HasPrefix(props["title"], "selaras ") {
			t.Errorf("file or title missing: %q", l)
		}
		if props["line"] != props["endLine"] && (props["col"] != "" || props["endColumn"] != "") {
			t.Errorf("columns on a multi-line annotation (the runner rejects them): %q", l)
		}
		if c, e := props["col"], props["endColumn"]; c != "" {
			ci, _ := strconv.Atoi(c)
			ei, _ := strconv.Atoi(e)
			if ei < ci {
				t.Errorf("endColumn before col: %q", l)
			}
		}
		msgs = append(msgs, unescape.Replace(m[3]))
	}
	want := "uji: 50% <b>&amp;</b>, koma\nbaris baru"
	found := false
	for _, m := range msgs {
		found = found || m == want
	}
	if !found {
		t.Errorf("escaped message does not round-trip to %q: %q", want, msgs)
	}
	if !strings.Contains(out, "::notice file=posts/poster.png,title=selaras test-image::logo terlalu kecil (bagian gambar: x=10 y=20, 300x120 piksel)") {
		t.Errorf("image finding not as a file-level notice with its region:\n%s", out)
	}
	if !strings.Contains(out, "::error file=posts/a.md,title=selaras test-file::") {
		t.Errorf("file-level finding should name the file alone:\n%s", out)
	}
}

func TestCheckstyleEscaping(t *testing.T) {
	res := runFixture(t, draftA, draftB)
	out := render(t, "checkstyle", "en", res)
	if !bytes.HasPrefix(out, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("no XML declaration: %s", out)
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	var msgs []string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "error" {
			for _, a := range se.Attr {
				if a.Name.Local == "message" {
					msgs = append(msgs, a.Value)
				}
			}
		}
	}
	if len(msgs) != 8 {
		t.Fatalf("want 8 errors, got %d: %s", len(msgs), out)
	}
	found := false
	for _, m := range msgs {
		found = found || m == "test: 50% <b>&amp;</b>, comma\nnew line"
	}
	if !found {
		t.Errorf("message does not round-trip through XML: %q", msgs)
	}
}

func TestLineFormat(t *testing.T) {
	res := runFixture(t, draftA, draftB)
	out := string(render(t, "line", "en", res))
	re := regexp.MustCompile(`^(.+):(\d+):(\d+): (error|warning|info) ([a-z0-9-]+): (.+)$`)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 8 {
		t.Fatalf("want 8 lines, got %d:\n%s", len(lines), out)
	}
	for _, l := range lines {
		if !re.MatchString(l) {
			t.Errorf("line does not match path:line:col: severity rule: message: %q", l)
		}
	}
	for _, want := range []string{
		"posts/a.md:1:1: error test-file: required tag #BantenMaju is missing",
		"posts/poster.png:1:1: info test-image: logo too small (image region: x=10 y=20, 300x120 pixels)",
		"test: 50% <b>&amp;</b>, comma new line",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("line output lacks %q:\n%s", want, out)
		}
	}
}

func TestGitLabReport(t *testing.T) {
	res := runFixture(t, draftA, draftB)
	var issues []map[string]any
	if err := json.Unmarshal(render(t, "gitlab", "id", res), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 8 {
		t.Fatalf("want 8 issues, got %d", len(issues))
	}
	sev := map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	seen := map[string]bool{}
	for _, is := range issues {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity"} {
			if s, _ := is[k].(string); s == "" {
				t.Errorf("issue without %s: %v", k, is)
			}
		}
		if !sev[is["severity"].(string)] {
			t.Errorf("severity %v is not GitLab's", is["severity"])
		}
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		if p, _ := loc["path"].(string); p == "" || strings.HasPrefix(p, "./") {
			t.Errorf("bad location.path: %v", loc)
		}
		if b, _ := lines["begin"].(float64); b < 1 {
			t.Errorf("location.lines.begin must be a line number: %v", loc)
		}
		fp := is["fingerprint"].(string)
		if seen[fp] {
			t.Errorf("two issues share fingerprint %s (GitLab would collapse them)", fp)
		}
		seen[fp] = true
	}
	// Empty results are an empty array, not null.
	if got := strings.TrimSpace(string(render(t, "gitlab", "id", &lint.Result{}))); got != "[]" {
		t.Errorf("no findings: got %q, want []", got)
	}
}

// Fingerprints survive edits elsewhere in the file (lines inserted above,
// text changed on other lines) and tell repeated matches apart.
func TestFingerprintsStable(t *testing.T) {
	fps := func(a string) []string {
		res := runFixture(t, a, draftB)
		var issues []struct{ Fingerprint string }
		if err := json.Unmarshal(render(t, "gitlab", "id", res), &issues); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, is := range issues {
			out = append(out, is.Fingerprint)
		}
		sort.Strings(out)
		return out
	}
	before := fps(draftA)
	edited := strings.Replace(draftA, "+++\nHalo", "+++\nBaris baru di atas.\n\nHalo", 1)
	edited = strings.Replace(edited, "ramai;", "sangat ramai;", 1)
	// Re-wrapping a match or changing its capitals keeps it the same.
	edited = strings.Replace(edited, "dalam\nrangka", "Dalam  rangka\n", 1)
	after := fps(edited)
	if strings.Join(before, " ") != strings.Join(after, " ") {
		t.Errorf("fingerprints changed after edits elsewhere:\n%v\n%v", before, after)
	}
	// A new occurrence adds one fingerprint and keeps the others.
	more := fps(draftA + "Lalu dalam rangka lain.\n")
	if len(more) != len(before)+1 {
		t.Fatalf("want %d fingerprints, got %d", len(before)+1, len(more))
	}
	kept := 0
	for _, f := range before {
		for _, g := range more {
			if f == g {
				kept++
				break
			}
		}
	}
	if kept != len(before) {
		t.Errorf("adding an occurrence changed %d existing fingerprints", len(before)-kept)
	}
}

func TestFormatsRegistered(t *testing.T) {
	names := strings.Join(format.Names(), " ")
	for _, n := range []string{"checkstyle", "github", "gitlab", "json", "line", "sarif", "text"} {
		if !strings.Contains(" "+names+" ", " "+n+" ") {
			t.Errorf("format %s not registered (have %s)", n, names)
		}
	}
}

// BenchmarkFormats writes about 200 findings (one draft, emoji on every
// line) in each CI format.
func BenchmarkFormats(b *testing.B) {
	var a strings.Builder
	a.WriteString(draftA)
	for i := 0; i < 200; i++ {
		a.WriteString("Baris 👋🏽 ke-" + strconv.Itoa(i) + ": dalam rangka uji.\n")
	}
	res := runFixture(b, a.String(), draftB)
	for _, name := range []string{"sarif", "github", "gitlab", "checkstyle", "line"} {
		f, _ := format.Get(name)
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := f(&buf, res, format.Options{Lang: "id", Rules: testRules, Version: "0.1.0"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A caption written as one long line is quoted around each match only, cut
// between words, with the underline under the match.
func TestTextQuotesLongLinesAroundTheMatch(t *testing.T) {
	long := "Warga Kota Serang bisa mengurus KTP elektronik di kantor kecamatan tanpa antre lama, " +
		"dalam rangka mempercepat layanan kependudukan bagi semua warga; cukup daftar lewat aplikasi " +
		"lalu datang sesuai jam yang dipilih dan bawa fotokopi kartu keluarga.\n"
	res := runFixture(t, long, "Pendek saja.\n")
	out := string(render(t, "text", "en", res))
	var quote, marks string
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.Contains(l, "│ ") && strings.Contains(l, "rangka") {
			quote, marks = l[strings.Index(l, "│ ")+len("│ "):], lines[i+1][strings.Index(lines[i+1], "│ ")+len("│ "):]
			break
		}
	}
	if quote == "" {
		t.Fatalf("no quote of the match:\n%s", out)
	}
	if !strings.HasPrefix(quote, "…") || !strings.HasSuffix(quote, "…") || utf8.RuneCountInString(quote) > 2*40+len("dalam rangka")+2 {
		t.Errorf("quote not cut around the match: %q", quote)
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(quote, "…"), "…")
	if !strings.Contains(long, " "+inner+" ") {
		t.Errorf("quote not cut between words: %q", quote)
	}
	at := strings.Index(marks, "^")
	if at < 0 || string([]rune(quote)[utf8.RuneCountInString(marks[:at]):][:len("dalam rangka")]) != "dalam rangka" {
		t.Errorf("underline not under the match:\n%s\n%s", quote, marks)
	}
}
