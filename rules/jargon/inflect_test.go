package jargon

import (
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/lint/morph"
)

func defaultChains(t *testing.T) *chainKit {
	t.Helper()
	var l brandkit.Loader
	k, err := l.Default()
	if err != nil {
		t.Fatal(err)
	}
	return chainsOf(k)
}

// TestReinflect: a suggestion takes the affixes by which the written word
// differs from the entry's phrase.
func TestReinflect(t *testing.T) {
	ck := defaultChains(t)
	cases := []struct {
		phrase, written string
		suggest         []string
		want            string // suggestions joined by "|"
		certain         bool
	}{
		{"implementasi", "mengimplementasikan", []string{"pelaksanaan", "penerapan"}, "melaksanakan|menerapkan", true},
		{"implementasi", "diimplementasikan", []string{"penerapan"}, "diterapkan", true},
		{"implementasi", "implementasinya", []string{"penerapan"}, "penerapannya", true},
		{"implementasi", "pengimplementasian", []string{"penerapan"}, "penerapan", true},
		{"akselerasi", "mengakselerasi", []string{"percepatan"}, "mempercepat", true},
		{"akselerasi", "diakselerasi", []string{"percepatan"}, "dipercepat", true},
		{"fasilitasi", "memfasilitasi", []string{"bantu", "sediakan"}, "membantu|menyediakan", false}, // sediakan also reads as se-+dia+-kan: not certain
		// A new voice of several words: suggested, never certain.
		{"melakukan pemeriksaan", "dilakukan pemeriksaan", []string{"memeriksa"}, "diperiksa", false},
		{"melakukan pengecekan", "dilakukan pengecekan", []string{"mengecek"}, "dicek", false}, // mengecek also reads as ecek
		// A phrase of several words changes voice only: a noun phrase
		// keeps the kit's suggestion.
		{"memberikan bantuan", "pemberian bantuan", []string{"membantu"}, "membantu", false},
		// Several words: a prefix on the first word, never a suffix.
		{"kolaborasi", "berkolaborasi", []string{"kerja sama"}, "bekerja sama", false},
		// The phrase as written: the kit's suggestion, certain.
		{"implementasi", "Implementasi", []string{"penerapan"}, "penerapan", true},
	}
	for _, c := range cases {
		got, certain := reinflect(ck, c.phrase, c.written, c.suggest)
		if strings.Join(got, "|") != c.want || certain != c.certain {
			t.Errorf("reinflect(%q, %q, %q) = %q certain=%v; want %q certain=%v", c.phrase, c.written, c.suggest, got, certain, c.want, c.certain)
		}
	}
}

// TestReinflectNoGuess: a verb whose root the kit's verb list lacks is not
// guessed; the kit's suggestion comes back, uncertain.
func TestReinflectNoGuess(t *testing.T) {
	ck := defaultChains(t)
	got, certain := reinflect(ck, "sosialisasi", "mensosialisasikan", []string{"penyuluhan"})
	if len(got) != 1 || got[0] != "penyuluhan" || certain {
		t.Errorf("got %q certain=%v; want the kit's \"penyuluhan\", uncertain", got, certain)
	}
}

// TestChainVerb: the chain suggestion is the verb of the nominalisation's
// root in the light verb's voice, with the suffix the kit lists.
func TestChainVerb(t *testing.T) {
	ck := defaultChains(t)
	cases := []struct {
		root          string
		voice, nomPfx morph.Prefix
		want          string
	}{
		{"periksa", morph.MeN, morph.PeN, "memeriksa"},
		{"periksa", morph.Di, morph.PeN, "diperiksa"},
		{"periksa", morph.NoPrefix, morph.PeN, "periksa"},
		{"cek", morph.Di, morph.PeN, "dicek"},
		{"damping", morph.MeN, morph.PeN, "mendampingi"},
		{"tingkat", morph.Di, morph.PeN, "ditingkatkan"},
		{"baik", morph.MeN, morph.Per, "memperbaiki"},
		{"baik", morph.Di, morph.Per, "diperbaiki"},
		{"temu", morph.MeN, morph.Per, "bertemu"},
		{"temu", morph.Di, morph.Per, ""}, // ber- verbs have no passive
		{"verifikasi", morph.MeN, morph.NoPrefix, "memverifikasi"},
		{"koordinasi", morph.MeN, morph.NoPrefix, "berkoordinasi"},
		{"xyzzy", morph.MeN, morph.PeN, ""},
	}
	for _, c := range cases {
		if got := ck.verb(c.root, c.voice, c.nomPfx); got != c.want {
			t.Errorf("verb(%q, %q, %q) = %q, want %q", c.root, c.voice, c.nomPfx, got, c.want)
		}
	}
}

// TestChainFixNeverSafe: a chain's verb may need another object or
// preposition, so its fix is only offered.
func TestChainFixNeverSafe(t *testing.T) {
	got, err := linttest.Check("Dinas memberikan pendampingan kepada warga.", "", Rule)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Fix == nil || got[0].Fix.Replacement != "mendampingi" || got[0].Fix.Safe {
		t.Fatalf("got %+v; want one unsafe fix \"mendampingi\"", got)
	}
	if !strings.Contains(got[0].Message.EN, "use \"mendampingi\"") {
		t.Errorf("English message: %q", got[0].Message.EN)
	}
}

// TestAnalyzeMenge: menge- is read as a one-syllable root (mengecek: cek,
// not ecek).
func TestAnalyzeMenge(t *testing.T) {
	fs := analyze("mengecek", knownID)
	if len(fs) == 0 || fs[0].Root != "cek" {
		t.Errorf("analyze(mengecek) = %+v, want root cek first", fs)
	}
}
