package lint

import (
	"strings"
	"testing"
)

func TestPositionRoundTrip(t *testing.T) {
	d, _ := ParseDraft("a.md", "/x/a.md", "/x", []byte("Baris satu\r\nSelamat 🎉 datang di Banten\n\nakhir"))
	off := strings.Index(d.Source, "datang")
	line, col := d.Position(off)
	if line != 2 || col != 11 {
		t.Fatalf("position of datang: %d:%d, want 2:11 (emoji is one code point)", line, col)
	}
	if back := d.Offset(line, col); back != off {
		t.Errorf("offset round trip: %d, want %d", back, off)
	}
	if got := d.Line(1); got != "Baris satu" {
		t.Errorf("line 1 without CR: %q", got)
	}
}

func TestBOMAndFrontMatter(t *testing.T) {
	src := "\xef\xbb\xbf+++\nplatform = \"instagram\"\naccount = \"dinkes\"\ndate = 2025-10-14\nimages = [\"poster.jpg\"]\n+++\nDalam rangka HUT.\n![x](../luar/foto.png)\n"
	d, probs := ParseDraft("p/a.md", "/root/p/a.md", "/root/p", []byte(src))
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if !d.BOM || strings.HasPrefix(d.Source, "\xef") {
		t.Error("BOM should be recorded and removed")
	}
	if d.Front.Platform != "instagram" || d.Front.Account != "dinkes" || !d.Front.HasDate || d.Front.Date.Day() != 14 {
		t.Errorf("front matter: %+v", d.Front)
	}
	if line, _ := d.Position(d.Tokens[0].Start); line != 7 || d.Tokens[0].Text != "Dalam" {
		t.Errorf("first body token %v on line %d, want Dalam on 7", d.Tokens[0], line)
	}
	if len(d.Images) != 2 || d.Images[0].Path != "/root/p/poster.jpg" || d.Images[0].Escapes || !d.Images[1].Escapes {
		t.Errorf("images: %+v", d.Images)
	}
}

func TestDraftProblems(t *testing.T) {
	cases := []struct {
		src, rule string
		line      int
	}{
		{"Halo\nwarga \xff\xfe di sini", "draft-encoding", 2},
		{"\xff\xfeH\x00a\x00", "draft-encoding", 0},
		{"teks\x00biner", "draft-encoding", 1},
		{"   \n\n", "draft-empty", 0},
		{"+++\nplatform = \"x\"\nHalo", "draft-front-matter", 1},
		{"+++\nplatform = x\n+++\nHalo", "draft-front-matter", 2},
		{"+++\nplatfrom = \"x\"\n+++\nHalo", "draft-front-matter", 2},
	}
	for _, c := range cases {
		d, probs := ParseDraft("a.md", "/a.md", "/", []byte(c.src))
		if len(probs) != 1 || probs[0].rule != c.rule {
			t.Errorf("%q: problems %+v, want one %s", c.src, probs, c.rule)
			continue
		}
		line := 0
		if !probs[0].file {
			line, _ = d.Position(probs[0].start)
		}
		if line != c.line {
			t.Errorf("%q: %s on line %d, want %d", c.src, c.rule, line, c.line)
		}
	}
}

func TestMatchGlob(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		ok         bool
	}{
		{"/r/dinkes/**", "/r/dinkes/a.md", true},
		{"/r/dinkes/**", "/r/dinkes/2025/10/a.md", true},
		{"/r/dinkes/**", "/r/dishub/a.md", false},
		{"/r/*/posts/*.md", "/r/dinkes/posts/a.md", true},
		{"/r/**/a.md", "/r/a.md", true},
	} {
		if MatchGlob(c.glob, c.path) != c.ok {
			t.Errorf("MatchGlob(%q, %q) != %v", c.glob, c.path, c.ok)
		}
	}
}
