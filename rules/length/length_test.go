package length_test

import (
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/length"
)

func TestLength(t *testing.T) {
	linttest.Run(t, "testdata", length.Rule)
}

func TestDocExamples(t *testing.T) {
	r := length.Rule
	bad, err := linttest.Check(r.Doc.Bad, r.Doc.Kit, r)
	if err != nil || len(bad) != 1 {
		t.Fatalf("Bad example: %v %+v", err, bad)
	}
	good, err := linttest.Check(r.Doc.Good, r.Doc.Kit, r)
	if err != nil || len(good) != 0 {
		t.Errorf("Good example reported: %v %+v", err, good)
	}
}

// TestCount checks each platform's way of counting on small texts whose
// length the platforms' own counters give (twitter-text v3 for X).
func TestCount(t *testing.T) {
	cases := []struct {
		text     string
		counting length.Counting
		want     int
	}{
		{"Halo warga", length.Characters, 10},
		{"Kuliner — enak", length.Characters, 14},
		{"Kuliner — enak", length.Bytes, 16},
		{"日本語", length.Weighted, 6},
		{"Halo 👋🏽!", length.Weighted, 8},
		{"Info: https://bantenprov.go.id/sangat/panjang/sekali/halaman/ini", length.Weighted, 6 + 23},
		{"Info: https://bantenprov.go.id/sangat/panjang/sekali/halaman/ini", length.Characters, 64},
		{"“Kutip” … selesai", length.Weighted, 18}, // "…" (U+2026) lies outside the weight-1 ranges
		{"\n  Baris satu\r\nbaris dua <!-- catatan -->  \n", length.Characters, 21},
		{"![Poster vaksinasi](poster.jpg)\nVaksin gratis", length.Characters, 14},
		{"Seru! [tautan](a) ![x](b.png)", length.Characters, 18},
	}
	for _, c := range cases {
		d, _ := lint.ParseDraft("a.md", "/tmp/a.md", "/tmp", []byte(c.text))
		if got, _, _ := length.Count(d, c.counting, 1000); got != c.want {
			t.Errorf("Count(%q, %d) = %d, want %d", c.text, c.counting, got, c.want)
		}
	}
}

// TestSpanEndsBeforeTrailingComment: the finding covers the caption's
// tail, not an HTML comment after it.
func TestSpanEndsBeforeTrailingComment(t *testing.T) {
	src := "+++\nplatform = \"x\"\n+++\n" + strings.Repeat("kata ", 60) + "akhir. <!-- catatan: cek lagi -->\n\n<!-- lagi -->\n"
	fs, err := linttest.Check(src, "", length.Rule)
	if err != nil || len(fs) != 1 {
		t.Fatalf("want one finding, got %v %+v", err, fs)
	}
	if m := fs[0].Match; !strings.HasSuffix(m, "akhir.") || strings.Contains(m, "<!--") {
		t.Errorf("match %q should end at the caption's last word", m)
	}
}
