package morph

import (
	"fmt"
	"testing"

	"github.com/selaras/selaras/lint/lexicon"
)

func known(w string) bool { return lexicon.Indonesian.Has(w) }

func show(f Form) string {
	s := fmt.Sprintf("%s+%s+%s", f.Prefix, f.Root, f.Suffix)
	if f.Clitic != "" {
		s += "+" + f.Clitic
	}
	if !f.Standard {
		s += "!"
	}
	return s
}

// TestAnalyzeBest checks the first analysis of derived words against the
// root and affixes a grammar gives them.
func TestAnalyzeBest(t *testing.T) {
	cases := map[string]string{
		"menerapkan":          "meN+terap+kan",
		"diterapkan":          "di+terap+kan",
		"penerapan":           "peN+terap+an",
		"pelaksanaan":         "peN+laksana+an",
		"pemeriksaan":         "peN+periksa+an",
		"memeriksa":           "meN+periksa+",
		"mengirim":            "meN+kirim+",
		"menyapu":             "meN+sapu+",
		"memakai":             "meN+pakai+",
		"menulis":             "meN+tulis+",
		"mengambil":           "meN+ambil+",
		"mengecat":            "meN+cat+",
		"pelatihan":           "peN+latih+an",
		"perbaikan":           "per+baik+an",
		"kesehatan":           "ke+sehat+an",
		"memperbaiki":         "memper+baik+i",
		"diperbaiki":          "diper+baik+i",
		"keberhasilan":        "keber+hasil+an",
		"pemberdayaan":        "pember+daya+an",
		"mempelajari":         "memper+ajar+i",
		"bekerja":             "ber+kerja+",
		"belajar":             "ber+ajar+",
		"terlaksana":          "ter+laksana+",
		"pelaksanaannya":      "peN+laksana+an+nya",
		"mentaati":            "meN+taat+i!",
		"mengkampanyekan":     "meN+kampanye+kan!",
		"mensosialisasikan":   "meN+sosialisasi+kan!",
		"menyosialisasikan":   "meN+sosialisasi+kan",
		"mempunyai":           "meN+punya+i",
		"mengkaji":            "meN+kaji+",
		"memproduksi":         "meN+produksi+",
		"mentransfer":         "meN+transfer+",
		"mengimplementasikan": "meN+implementasi+kan",
		"warga":               "+warga+",
		"menteri":             "+menteri+",
	}
	for word, want := range cases {
		fs := Analyze(word, known)
		if len(fs) == 0 {
			t.Errorf("Analyze(%q) = none, want %s", word, want)
			continue
		}
		if got := show(fs[0]); got != want {
			t.Errorf("Analyze(%q)[0] = %s, want %s (all: %v)", word, got, want, fs)
		}
	}
}

func TestAnalyzeUnknown(t *testing.T) {
	for _, w := range []string{"xyzzy", "mengxyzzykan", "qwerty", ""} {
		if fs := Analyze(w, known); len(fs) != 0 {
			t.Errorf("Analyze(%q) = %v, want none", w, fs)
		}
	}
}

func TestNominal(t *testing.T) {
	for w, want := range map[string]bool{
		"pelaksanaan": true, "pelatihan": true, "perbaikan": true, "kesehatan": true,
		"pemberdayaan": true, "melaksanakan": false, "dilaksanakan": false, "laksana": false,
	} {
		fs := Analyze(w, known)
		if len(fs) == 0 {
			t.Fatalf("Analyze(%q) = none", w)
		}
		if got := fs[0].Nominal(); got != want {
			t.Errorf("%s: Nominal = %v, want %v (%s)", w, got, want, show(fs[0]))
		}
	}
}

// TestInflect writes roots with affixes, one case per spelling rule.
func TestInflect(t *testing.T) {
	cases := []struct {
		f    Form
		want string
	}{
		{Form{Prefix: MeN, Root: "terap", Suffix: "kan"}, "menerapkan"},
		{Form{Prefix: Di, Root: "terap", Suffix: "kan"}, "diterapkan"},
		{Form{Prefix: PeN, Root: "terap", Suffix: "an"}, "penerapan"},
		{Form{Prefix: MeN, Root: "periksa"}, "memeriksa"},
		{Form{Prefix: MeN, Root: "kirim"}, "mengirim"},
		{Form{Prefix: MeN, Root: "sapu"}, "menyapu"},
		{Form{Prefix: MeN, Root: "ambil"}, "mengambil"},
		{Form{Prefix: MeN, Root: "cat"}, "mengecat"},
		{Form{Prefix: MeN, Root: "baca"}, "membaca"},
		{Form{Prefix: MeN, Root: "cari"}, "mencari"},
		{Form{Prefix: MeN, Root: "lihat"}, "melihat"},
		{Form{Prefix: MeN, Root: "taat", Suffix: "i"}, "menaati"},
		{Form{Prefix: MeN, Root: "kampanye", Suffix: "kan"}, "mengampanyekan"},
		{Form{Prefix: MeN, Root: "sosialisasi", Suffix: "kan"}, "menyosialisasikan"},
		{Form{Prefix: MeN, Root: "produksi"}, "memproduksi"},
		{Form{Prefix: MeN, Root: "transfer"}, "mentransfer"},
		{Form{Prefix: MeN, Root: "punya", Suffix: "i"}, "mempunyai"},
		{Form{Prefix: MeN, Root: "kaji"}, "mengkaji"},
		{Form{Prefix: MeN, Root: "syukur", Suffix: "i"}, "mensyukuri"},
		{Form{Prefix: PeN, Root: "latih", Suffix: "an"}, "pelatihan"},
		{Form{Prefix: Pe, Root: "latih", Suffix: "an"}, "pelatihan"},
		{Form{Prefix: Ber, Root: "kerja"}, "bekerja"},
		{Form{Prefix: Ber, Root: "ajar"}, "belajar"},
		{Form{Prefix: Ber, Root: "jalan"}, "berjalan"},
		{Form{Prefix: Ter, Root: "rasa"}, "terasa"},
		{Form{Prefix: MemPer, Root: "baik", Suffix: "i"}, "memperbaiki"},
		{Form{Prefix: KeBer, Root: "hasil", Suffix: "an"}, "keberhasilan"},
		{Form{Prefix: PemBer, Root: "daya", Suffix: "an"}, "pemberdayaan"},
		{Form{Prefix: PeN, Root: "laksana", Suffix: "an", Clitic: "nya"}, "pelaksanaannya"},
	}
	for _, c := range cases {
		if got := Inflect(c.f); got != c.want {
			t.Errorf("Inflect(%s) = %q, want %q", show(c.f), got, c.want)
		}
	}
}

// TestRoundTrip: every standard first analysis of a written word writes
// that word back.
func TestRoundTrip(t *testing.T) {
	for _, w := range []string{"menerapkan", "pemeriksaan", "memakai", "menyapu", "mengirim",
		"keberhasilan", "memperbaiki", "pelaksanaannya", "mengecat", "diterapkan", "belajar"} {
		f := Analyze(w, known)[0]
		if got := Inflect(f); got != w {
			t.Errorf("Inflect(Analyze(%q)[0] = %s) = %q", w, show(f), got)
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	words := []string{"menerapkan", "pelaksanaan", "warga", "dan", "mengimplementasikan", "kegiatan", "xyzzy"}
	for i := 0; i < b.N; i++ {
		Analyze(words[i%len(words)], known)
	}
}
