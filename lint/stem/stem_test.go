package stem

import (
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"

	"github.com/selaras/selaras/lint/stem/indonesian"
)

func mustFor(t *testing.T, lang string) Stemmer {
	t.Helper()
	s, err := For(lang)
	if err != nil {
		t.Fatalf("For(%q): %v", lang, err)
	}
	if s == nil {
		t.Fatalf("For(%q) returned a nil Stemmer", lang)
	}
	return s
}

func TestForUnknownLanguage(t *testing.T) {
	for _, lang := range []string{"", "fr", "jv", "indonesian", "xx-ID"} {
		s, err := For(lang)
		if err == nil || s != nil {
			t.Errorf("For(%q) = %v, %v; want nil and an error", lang, s, err)
			continue
		}
		if !strings.Contains(err.Error(), `"`+lang+`"`) {
			t.Errorf("For(%q) error %q does not name the language", lang, err)
		}
	}
}

func TestForCodes(t *testing.T) {
	for _, lang := range []string{"id", "ID", " id ", "id-ID", "id_ID"} {
		if got := mustFor(t, lang)("Pemerintahan"); got != "perintah" {
			t.Errorf("For(%q)(Pemerintahan) = %q, want perintah", lang, got)
		}
	}
	for _, lang := range []string{"en", "EN", "en-GB", "en_US"} {
		if got := mustFor(t, lang)("Running"); got != "run" {
			t.Errorf("For(%q)(Running) = %q, want run", lang, got)
		}
	}
}

type stemCase struct{ in, out string }

func runCases(t *testing.T, s Stemmer, cases []stemCase) {
	t.Helper()
	for _, c := range cases {
		if got := s(c.in); got != c.out {
			t.Errorf("stem(%q) = %q, want %q", c.in, got, c.out)
		}
	}
}

func TestIndonesianPlainWords(t *testing.T) {
	id := mustFor(t, "id")
	runCases(t, id, []stemCase{
		{"", ""},
		{"  ", ""},
		{"Pemerintah", "perintah"},
		{"MEMENGARUHI", "pengaruh"},
		{"memerhatikan", "perhati"},
		{"kebijakan", "bijak"},
		// Stop words are stemmed, as by Snowball's stemwords.
		{"adalah", "ada"},
		{"Kepada", "pada"},
		// Digits without a hyphen go to the stemmer, which leaves them.
		{"G20", "g20"},
	})
	// Agreement with the package stemmer on plain words.
	for _, w := range []string{"pelajaran", "dikomunikasikan", "Televisi", "rumahnyalah"} {
		if got, want := id(w), indonesian.Stem(w, true); got != want {
			t.Errorf("stem(%q) = %q, indonesian.Stem = %q", w, got, want)
		}
	}
}

func TestIndonesianFullReduplication(t *testing.T) {
	runCases(t, mustFor(t, "id"), []stemCase{
		{"buku-buku", "buku"},
		{"Buku-Buku", "buku"},
		{"program-program", "program"},
		{"anak-anak", "anak"},
		{"kupu-kupu", "kupu"},
		{"undang-undang", "undang"},
		{"Undang-Undang", "undang"},
		{"pemerintah-pemerintah", "perintah"},
		{"peraturan-peraturan", indonesian.Stem("peraturan", true)},
		{"buku\u2010buku", "buku"}, // U+2010 HYPHEN
		{"buku\u2011buku", "buku"}, // U+2011 NON-BREAKING HYPHEN
	})
}

func TestIndonesianAffixedReduplication(t *testing.T) {
	runCases(t, mustFor(t, "id"), []stemCase{
		// Prefixed first half: the repeated part.
		{"bermain-main", "main"},
		{"berlari-lari", "lari"},
		{"berjalan-jalan", "jalan"},
		{"bersenang-senang", "senang"},
		{"berjam-jam", "jam"},
		{"melihat-lihat", "lihat"},
		{"dipukul-pukul", "pukul"},
		{"sehari-hari", "hari"},
		{"seolah-olah", "olah"},
		// Confixes around the reduplication.
		{"kemerah-merahan", "merah"},
		{"kehijau-hijauan", "hijau"},
		{"sebaik-baiknya", "baik"},
		{"sebanyak-banyaknya", "banyak"},
		{"berlari-larian", "lari"},
		{"bermaaf-maafan", "maaf"},
		// Suffixed second half.
		{"buah-buahan", "buah"},
		{"sayur-sayuran", "sayur"},
		{"orang-orangan", "orang"},
		{"anak-anaknya", "anak"},
		{"kata-katanya", "kata"},
		{"mudah-mudahan", "mudah"},
		// Nasalised base: the first half is stemmed as a word.
		{"memukul-mukul", "pukul"},
		{"menyanyi-nyanyi", "sanyi"},
		{"menari-nari", indonesian.Stem("menari", true)},
		// me-prefixed second half.
		{"tembak-menembak", "tembak"},
		{"tolong-menolong", "tolong"},
		{"pukul-memukul", "pukul"},
		{"tarik-menarik", "tarik"},
		{"kenal-mengenal", "kenal"},
		{"surat-menyurat", "surat"},
		{"bahu-membahu", "bahu"},
		{"isi-mengisi", "isi"},
		{"hormat-menghormati", "hormat"},
		{"cinta-mencintai", "cinta"},
		{"terus-menerus", "terus"},
	})
}

func TestIndonesianOtherHyphenated(t *testing.T) {
	runCases(t, mustFor(t, "id"), []stemCase{
		// Digits: lower-cased, nothing stemmed.
		{"ke-25", "ke-25"},
		{"COVID-19", "covid-19"},
		{"H-1", "h-1"},
		{"pasca-COVID-19", "pasca-covid-19"},
		{"pemilihan-2024", "pemilihan-2024"},
		// Compounds and rhyming reduplication: part by part.
		{"e-KTP", "e-ktp"},
		{"sayur-mayur", "sayur-mayur"},
		{"lauk-pauk", "lauk-pauk"},
		{"bolak-balik", "bolak-balik"},
		{"dibolak-balik", "bolak-balik"},
		{"gotong-royong", "gotong-royong"},
		{"tanya-jawab", "tanya-jawab"},
		{"non-pemerintah", "non-perintah"},
		{"anti-korupsi", "anti-korupsi"},
		{"Pemerintah-Masyarakat", "perintah-masyarakat"},
		{"buku-buku-buku", "buku-buku-buku"},
		// Empty parts are kept.
		{"-", "-"},
		{"pemerintah-", "perintah-"},
		{"-pemerintah", "-perintah"},
		{"pemerintah--rakyat", "perintah--rakyat"},
	})
}

func TestEnglish(t *testing.T) {
	en := mustFor(t, "en")
	runCases(t, en, []stemCase{
		{"Running", "run"},
		{"generously", english.Stem("generously", true)},
		{"the", "the"}, // stop words stemmed (no-op here)
		{"well-being", "well-be"},
		{"State-of-the-Art", "state-of-the-art"},
		{"COVID-19", "covid-19"},
		{"", ""},
	})
	for _, w := range []string{"Governments", "consistency", "BRANDING", "and", "having"} {
		if got, want := en(w), english.Stem(w, true); got != want {
			t.Errorf("en(%q) = %q, english.Stem = %q", w, got, want)
		}
	}
}

func TestOutputLowerCaseAndNonEmpty(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		s := mustFor(t, lang)
		for _, w := range []string{"Pemerintahan", "BUKU-BUKU", "Sayur-Mayur", "E-KTP", "COVID-19", "Kemerah-Merahan", "X", "-", "--"} {
			got := s(w)
			if got != strings.ToLower(got) {
				t.Errorf("%s(%q) = %q is not lower case", lang, w, got)
			}
			if got == "" {
				t.Errorf("%s(%q) is empty", lang, w)
			}
		}
	}
}
