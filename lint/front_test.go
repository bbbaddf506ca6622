package lint

import (
	"strconv"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
)

// frontProblems parses src and returns each problem as "LINE: message"
// in both languages.
func frontProblems(t *testing.T, src string) (*Draft, []string, []string) {
	t.Helper()
	d, probs := ParseDraft("a.md", "/r/a.md", "/r", []byte(src))
	var id, en []string
	for _, p := range probs {
		line, _ := d.Position(p.start)
		id = append(id, strconv.Itoa(line)+": "+p.msg.ID)
		en = append(en, strconv.Itoa(line)+": "+p.msg.EN)
	}
	return d, id, en
}

func wantLines(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("problem %d: %q lacks %q", i, got[i], want[i])
		}
	}
}

// TestFrontMatterPlainWords: a quoted date and an unquoted text are told in
// plain words (what is wrong, how to write it) in both languages, and the
// block's other problems are reported with them.
func TestFrontMatterPlainWords(t *testing.T) {
	src := "+++\nplatform = instagram\ndate = \"2025-10-14\"\nplatfrom = \"x\"\naccount = \"dinkes\"\n+++\nHalo warga.\n"
	d, id, en := frontProblems(t, src)
	wantLines(t, id, []string{
		`2: teks perlu tanda kutip: platform = "instagram"`,
		`3: date adalah tanggal, ditulis tanpa tanda kutip: date = 2025-10-14`,
		`4: kunci front matter "platfrom" tidak dikenal; maksudnya "platform"?`,
	})
	wantLines(t, en, []string{
		`2: text needs quotes: platform = "instagram"`,
		`3: date is a date, written without quotes: date = 2025-10-14`,
		`4: unknown front matter key "platfrom"; did you mean "platform"?`,
	})
	for _, s := range append(id, en...) {
		if strings.Contains(s, "2006-01-02") || strings.Contains(s, "nstagram\"") && !strings.Contains(s, "\"instagram\"") {
			t.Errorf("library text leaked: %s", s)
		}
	}
	if d.Front.Account != "dinkes" {
		t.Errorf("the readable keys are still read: %+v", d.Front)
	}
	_, id, en = frontProblems(t, "+++\ndate = \"2025-10-16T07:15:00+0700\"\nplatform: instagram\nmatch = \"a\n+++\nHalo.\n")
	wantLines(t, id, []string{
		"2: date adalah tanggal, ditulis tanpa tanda kutip: date = 2025-10-16T07:15:00+07:00",
		`3: front matter TOML menulis kunci = nilai, bukan kunci: nilai; tulis platform = "instagram"`,
		`4: tanda kutip pada nilai match tidak ditutup`,
	})
	wantLines(t, en, []string{"2: date is a date", "3: TOML front matter writes key = value", "4: the quote of match's value is not closed"})
}

// TestFrontMatterYAML: "---" front matter is reported with its TOML form as
// a suggestion and an unsafe fix, and read as that TOML: its images are
// checked. Text between two rules is left alone.
func TestFrontMatterYAML(t *testing.T) {
	src := "---\nplatform: instagram\ndate: 2025-10-14\ntitle: \"Hari Kesehatan\"\nimages:\n  - poster.jpg\n  - 'foto b.png'\npillars: [maju, sehat]\n---\nHalo warga.\n"
	d, probs := ParseDraft("a.md", "/r/a.md", "/r", []byte(src))
	if len(probs) != 2 {
		t.Fatalf("problems: %+v", probs)
	}
	p := probs[0]
	if !strings.Contains(p.msg.ID, "front matter TOML di antara +++") || !strings.Contains(p.msg.EN, "TOML front matter between +++") {
		t.Errorf("message: %+v", p.msg)
	}
	wantSugg := []string{`platform = "instagram"`, `date = 2025-10-14`, `title = "Hari Kesehatan"`, `images = ["poster.jpg", "foto b.png"]`, `pillars = ["maju", "sehat"]`}
	if strings.Join(p.sugg, "|") != strings.Join(wantSugg, "|") {
		t.Errorf("suggestions:\n%q\nwant\n%q", p.sugg, wantSugg)
	}
	if p.fix == nil || p.fix.Safe || !strings.HasPrefix(p.fix.Replacement, "+++\nplatform = \"instagram\"\n") || p.fix.Span.End != d.Body {
		t.Errorf("fix: %+v", p.fix)
	}
	if line, _ := d.Position(probs[1].start); line != 4 || !strings.Contains(probs[1].msg.EN, `"title"`) {
		t.Errorf("unknown key title: line %d %+v", line, probs[1])
	}
	if d.Front.Platform != "instagram" || !d.Front.HasDate || len(d.Images) != 2 || d.Images[1].Path != "/r/foto b.png" || len(d.Front.Pillars) != 2 {
		t.Errorf("front matter read as TOML: %+v, images %+v", d.Front, d.Images)
	}
	if tok := d.Tokens[0]; tok.Text != "Halo" {
		t.Errorf("body starts at %v", tok)
	}
	// Not simple: reported, not read.
	d, probs = ParseDraft("a.md", "/r/a.md", "/r", []byte("---\nimages:\n  - poster.jpg\nignore:\n  - rule: jargon\n---\nHalo.\n"))
	if len(probs) != 1 || !strings.Contains(probs[0].msg.EN, "not read") || d.Tokens[0].Text != "Halo" {
		t.Errorf("nested YAML: %+v", probs)
	}
	// A Markdown rule around text is not front matter.
	for _, src := range []string{"---\nHalo warga, selamat pagi.\n---\nSalam.\n", "---\nHalo.\n", "---\n\n---\nHalo.\n"} {
		if d, probs := ParseDraft("a.md", "/r/a.md", "/r", []byte(src)); len(probs) != 0 || d.Front.Present {
			t.Errorf("%q: %+v", src, probs)
		}
	}
}

// TestFrontMatterLinear: positions of keys and ignores are found in one
// pass over the block: doubling the block doubles the bytes scanned
// (10,000 ignores took 94 s when each rescanned the block).
func TestFrontMatterLinear(t *testing.T) {
	scanned := func(n int) int64 {
		var b strings.Builder
		b.WriteString("+++\n")
		for i := 0; i < n; i++ {
			b.WriteString("[[ignore]]\nrule = \"tidak-ada\"\nmatch = \"x" + strconv.Itoa(i) + "\"\nreason = \"r\"\n")
			b.WriteString("k" + strconv.Itoa(i) + " = 1\n")
		}
		b.WriteString("+++\nHalo warga.\n")
		before := frontScanned.Load()
		eng := &Engine{Kits: &brandkit.Loader{}, Jobs: 1}
		res := eng.Run([]Input{{Path: "a.md", Abs: "/r/a.md", Root: "/r", Data: []byte(b.String())}})
		if n := len(res.Files[0].Findings); n < 100 {
			t.Fatalf("%d findings", n)
		}
		return frontScanned.Load() - before
	}
	a, b := scanned(1000), scanned(2000)
	if a == 0 || float64(b) > 2.2*float64(a) {
		t.Errorf("bytes scanned: %d for 1,000 ignores, %d for 2,000: not linear", a, b)
	}
}

// TestAngleBracketImage: "![w](<foto baru.jpg>)" (CommonMark's form for a
// target with spaces) attaches the image the brackets enclose, and its "!"
// is image syntax.
func TestAngleBracketImage(t *testing.T) {
	src := "Lihat ![w](<foto baru.jpg>) dan ![v](<b.png> \"judul\") serta ![x](c.png)! Ayo!\n"
	d, _ := ParseDraft("a.md", "/r/a.md", "/r", []byte(src))
	var got []string
	for _, im := range d.Images {
		got = append(got, im.Ref+"="+d.Source[im.Span.Start:im.Span.End])
	}
	if strings.Join(got, " ") != "foto baru.jpg=foto baru.jpg b.png=b.png c.png=c.png" {
		t.Errorf("images: %q", got)
	}
	var marks []bool
	for _, tok := range d.Tokens {
		if tok.Text == "!" {
			marks = append(marks, d.ImageMark(tok.Start))
		}
	}
	if len(marks) != 5 || !marks[0] || !marks[1] || !marks[2] || marks[3] || marks[4] {
		t.Errorf("image marks among the five \"!\": %v", marks)
	}
}

// TestFrontMatterOdd: odd blocks never panic, and each bad line is told
// once.
func TestFrontMatterOdd(t *testing.T) {
	for _, src := range []string{
		"+++\n\"\n+++\nx\n", "+++\n[\n+++\nx\n", "+++\nimages = [\n\"a\",\nb\n]\n+++\nx\n", "+++\na = \"\"\"\n+++\nx\n",
		"+++\r\nplatform = instagram\r\naccount = 5\r\n+++\r\nx\r\n", "+++\n=\n+++\nx\n", "+++\nx = 1\nx = 2\n+++\nx\n",
		"+++\nignore = 5\npillars = [1, \"a\"]\ndate = 5\n+++\nx\n", "+++\n[[ignore]]\nrule = 1\nfoo = \"x\"\n+++\nx\n",
		"---\na: |\n  x\n---\nx\n", "---\n- a\n---\nx\n", "---\na: [\"x\", 'y''z', 3, 2025-01-02T08:00+0700]\n---\nx\n",
		"---\r\nplatform: instagram\r\n---\r\nx\r\n", "+++\nplatform = instagram\nplatform = x\n+++\nx\n",
	} {
		d, probs := ParseDraft("a.md", "/r/a.md", "/r", []byte(src))
		seen := map[string]bool{}
		for _, p := range probs {
			if p.start < 0 || p.end > len(d.Source) || p.start > p.end {
				t.Errorf("%q: span %d-%d outside the source", src, p.start, p.end)
			}
			k := strconv.Itoa(p.start) + p.msg.EN
			if seen[k] {
				t.Errorf("%q: told twice: %s", src, p.msg.EN)
			}
			seen[k] = true
			if p.msg.ID == "" || p.msg.EN == "" {
				t.Errorf("%q: a message lacks a language: %+v", src, p.msg)
			}
		}
		if len(probs) > maxFrontRetries+maxFrontProblems+1 {
			t.Errorf("%q: %d problems", src, len(probs))
		}
	}
}

// TestFrontMatterListAndTwice: an unquoted list entry and a key written
// twice, in plain words.
func TestFrontMatterListAndTwice(t *testing.T) {
	_, id, en := frontProblems(t, "+++\nimages = [\n\"a.jpg\",\nb.jpg,\n]\n+++\nHalo.\n")
	wantLines(t, id, []string{`4: teks dalam daftar perlu tanda kutip: "b.jpg"`})
	wantLines(t, en, []string{`4: text in a list needs quotes: "b.jpg"`})
	_, id, en = frontProblems(t, "+++\nplatform = \"x\"\nplatform = \"y\"\n+++\nHalo.\n")
	wantLines(t, id, []string{`3: platform ditulis dua kali; sisakan satu`})
	wantLines(t, en, []string{`3: platform is written twice; keep one`})
}
