package lint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/rules/hashtag"
	"github.com/selaras/selaras/rules/jargon"
)

// matches runs the jargon rule with kit alone (not laid over the default
// kit, whose entries change as the dictionary grows).
func matches(t *testing.T, src, kit string) []string {
	t.Helper()
	k, err := brandkit.Parse("test.toml", []byte(kit))
	if err != nil {
		t.Fatal(err)
	}
	eng := &lint.Engine{Rules: []*lint.Rule{jargon.Rule}, Kits: &brandkit.Loader{Fixed: k}, Jobs: 1}
	res := eng.Run([]lint.Input{{Path: "t.md", Abs: "/t/t.md", Root: "/t", Data: []byte(src)}})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	var out []string
	for _, fr := range res.Files {
		for _, f := range fr.Findings {
			if f.Rule == "jargon" {
				out = append(out, f.Match)
			}
		}
	}
	return out
}

const implKit = `[kit]
defaults = false
[[jargon]]
phrase = "implementasi"
suggest = ["penerapan"]
[[jargon]]
phrase = "laksana"
suggest = ["jalankan"]
[[jargon]]
phrase = "sosialisasi"
suggest = ["penyuluhan"]
exact = true
`

func TestStemAwareMatching(t *testing.T) {
	src := "Dinas mengimplementasikan program. Program diimplementasikan warga. " +
		"Pengimplementasian dimulai. Kami melaksanakan, dilaksanakan, pelaksanaan. " +
		"Sosialisasi dan mensosialisasikan."
	got := strings.Join(matches(t, src, implKit), "|")
	for _, w := range []string{"mengimplementasikan", "diimplementasikan", "Pengimplementasian", "melaksanakan", "dilaksanakan", "pelaksanaan", "Sosialisasi"} {
		if !strings.Contains(got, w) {
			t.Errorf("%s not matched; got %s", w, got)
		}
	}
	if strings.Contains(got, "mensosialisasikan") {
		t.Errorf("an exact entry must not match inflected forms: %s", got)
	}
}

func TestProtectedWords(t *testing.T) {
	kit := "[[jargon]]\nphrase = \"angkat\"\nsuggest = [\"naikkan\"]\n"
	if got := matches(t, "Perangkat daerah diangkat.", kit); strings.Join(got, "|") != "Perangkat|diangkat" {
		t.Fatalf("without protect, over-stemming joins perangkat to angkat: %v", got)
	}
	got := matches(t, "Perangkat daerah diangkat.", kit+"[stemming]\nprotect = [\"perangkat\"]\n")
	if strings.Join(got, "|") != "diangkat" {
		t.Errorf("protected word matched: %v", got)
	}
}

func TestPhraseBoundaries(t *testing.T) {
	kit := "[[jargon]]\nphrase = \"rapat koordinasi\"\nsuggest = [\"rapat\"]\n"
	cases := map[string]int{
		"Rapat koordinasi digelar.":                   1,
		"Rapat\nkoordinasi digelar.":                  1, // a line break inside a paragraph
		"Ada rapat.\n\nKoordinasi digelar.":           0, // a paragraph between
		"Ada rapat. Koordinasi digelar.":              0, // a sentence between
		"Ada rapat, koordinasi digelar.":              0, // punctuation between
		"Lihat https://x.id/rapat-koordinasi ya":      0, // inside a URL
		"#RapatKoordinasi dan @rapat koordinasi kami": 0, // a tag and a mention are not words
	}
	for src, want := range cases {
		if got := matches(t, src, kit); len(got) != want {
			t.Errorf("%q: %d matches %v, want %d", src, len(got), got, want)
		}
	}
}

func TestLongestMatchWins(t *testing.T) {
	kit := "[[jargon]]\nphrase = \"upaya\"\nsuggest = [\"usaha\"]\n[[jargon]]\nphrase = \"upaya peningkatan\"\nsuggest = [\"meningkatkan\"]\n"
	got := matches(t, "Upaya peningkatan mutu dan upaya lain.", kit)
	if strings.Join(got, "|") != "Upaya peningkatan|upaya" {
		t.Errorf("got %v", got)
	}
}

func TestReduplicationMatchesBase(t *testing.T) {
	kit := "[[jargon]]\nphrase = \"program\"\nsuggest = [\"kegiatan\"]\n"
	if got := matches(t, "Program-program unggulan.", kit); len(got) != 1 || got[0] != "Program-program" {
		t.Errorf("got %v", got)
	}
}

// benchDraft is a realistic ~150-word caption.
const benchDraft = `+++
platform = "instagram"
account = "dinkes"
+++
Dalam rangka memperingati Hari Kesehatan Nasional, Dinas Kesehatan Provinsi Banten
mengimplementasikan program pemeriksaan kesehatan gratis bagi warga di seluruh puskesmas.
Kegiatan ini merupakan bentuk sinergitas antara pemerintah daerah, puskesmas dan kader posyandu
dalam upaya peningkatan derajat kesehatan masyarakat. Warga cukup membawa KTP dan kartu BPJS.

Pemeriksaan meliputi tekanan darah, gula darah, kolesterol, dan konsultasi gizi. Layanan dibuka
setiap hari Senin sampai Sabtu pukul 08.00-14.00 WIB. Untuk anak-anak tersedia imunisasi lengkap
dan pemberian vitamin A. Ibu hamil juga bisa memeriksakan kandungan secara gratis.

Bersama ini kami sampaikan terima kasih kepada seluruh tenaga kesehatan yang telah bekerja keras.
Informasi lengkap dapat dilihat di https://dinkes.bantenprov.go.id atau hubungi @dinkesbanten.
Ada pertanyaan? Tulis di kolom komentar ya!

#BantenMaju #DinkesBanten #HariKesehatanNasional
`

func benchKit(b *testing.B, entries int) *brandkit.Kit {
	var sb strings.Builder
	sb.WriteString("[[jargon]]\nphrase = \"dalam rangka\"\nsuggest = [\"untuk\"]\n")
	for i := 0; i < entries; i++ {
		fmt.Fprintf(&sb, "[[jargon]]\nphrase = \"istilahbirokrasi%d lainnya%d\"\nsuggest = [\"kata%d\"]\n", i, i, i)
	}
	base, err := (&brandkit.Loader{}).Default()
	if err != nil {
		b.Fatal(err)
	}
	k, err := brandkit.ParseOver(base, "bench", []byte(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	return k
}

// BenchmarkPipeline measures the text pipeline (read, parse, tokenize,
// stem, jargon and hashtag rules) per draft; run with -cpu 1 for drafts
// per second per core. The 100 and 10000 variants show that matching does
// not grow with the dictionary.
func BenchmarkPipeline(b *testing.B) {
	for _, n := range []int{100, 10000} {
		b.Run(fmt.Sprintf("jargon=%d", n), func(b *testing.B) {
			kit := benchKit(b, n)
			rules := []*lint.Rule{jargon.Rule, hashtag.Missing}
			eng := &lint.Engine{Rules: rules, Kits: &brandkit.Loader{Fixed: kit}, Jobs: 1}
			in := []lint.Input{{Path: "a.md", Abs: "/bench/a.md", Root: "/bench", Data: []byte(benchDraft)}}
			eng.Run(in) // build the kit's matcher and stemmer once
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				eng.Run(in)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "drafts/s")
		})
	}
}

// TestPhraseContext: not_after and not_before keep a phrase from matching
// where the words around it show another use; "." in not_before is the end
// of a clause (punctuation, a line break, the end of the text).
func TestPhraseContext(t *testing.T) {
	const kit = `[kit]
defaults = false
[[jargon]]
phrase = "terkait"
suggest = ["tentang"]
exact = true
not_after = ["yang", "pihak"]
not_before = [".", "untuk"]
[[jargon]]
phrase = "laksana"
suggest = ["jalankan"]
not_before = ["kegiatan"]
`
	cases := []struct{ src, want string }{
		{"Info terkait jadwal.", "terkait"},
		{"Info terkait dengan jadwal.", "terkait"},
		{"Hubungi pihak terkait jadwal.", ""},
		{"Data yang terkait ada.", ""},
		{"Hubungi dinas terkait.", ""},
		{"Hubungi dinas terkait, lalu pulang.", ""},
		{"Hubungi dinas terkait\nlalu pulang.", ""},
		{"Hubungi dinas terkait", ""},
		{"Hubungi dinas terkait untuk izin.", ""},
		{"Hubungi dinas terkait #izin", ""},
		// Stems count in context: "kegiatan" blocks "dilaksanakan"
		// before it, but not before another word.
		{"Kami melaksanakan kegiatan itu.", ""},
		{"Kami melaksanakan rapat itu.", "melaksanakan"},
	}
	for _, c := range cases {
		got := strings.Join(matches(t, c.src, kit), "|")
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}

// TestPhraseComma: a comma written inside a phrase must be written in the
// draft too; other punctuation between the words still breaks a match.
func TestPhraseComma(t *testing.T) {
	const kit = `[kit]
defaults = false
[[jargon]]
phrase = "Pendidikan, Kebudayaan, Riset, dan Teknologi"
suggest = ["x"]
exact = true
[[jargon]]
phrase = "sains teknologi"
suggest = ["y"]
exact = true
`
	cases := []struct{ src, want string }{
		{"Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi hadir.", "Pendidikan, Kebudayaan, Riset, dan Teknologi"},
		{"Kementerian Pendidikan Kebudayaan Riset dan Teknologi hadir.", ""},
		{"Kementerian Pendidikan; Kebudayaan, Riset, dan Teknologi hadir.", ""},
		{"Sains, teknologi.", ""},
		{"Sains teknologi.", "Sains teknologi"},
	}
	for _, c := range cases {
		got := strings.Join(matches(t, c.src, kit), "|")
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}
