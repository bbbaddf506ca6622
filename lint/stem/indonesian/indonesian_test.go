package indonesian

import (
	"strings"
	"testing"
	"unicode/utf8"
)

type stemCase struct{ in, out string }

func runCases(t *testing.T, cases []stemCase) {
	t.Helper()
	for _, c := range cases {
		if got := Stem(c.in, true); got != c.out {
			t.Errorf("Stem(%q, true) = %q, want %q", c.in, got, c.out)
		}
	}
}

// meny-/peny- + vowel -> s-, mem-/pem- + vowel -> p-, and no second-order
// prefix after a recoding.
func TestRecoding(t *testing.T) {
	runCases(t, []stemCase{
		{"menyapu", "sapu"},
		{"menyusun", "susun"},
		{"menyebabkan", "sebab"},
		{"menyukai", "suka"},
		{"penyanyi", "sanyi"},
		{"penyusun", "susun"},
		{"penyelesaian", "selesai"},
		{"memukul", "pukul"},
		{"memilih", "pilih"},
		{"memakai", "paka"},  // prefix meng-: -i removed
		{"pemakai", "pakai"}, // prefix peng-: -i kept
		{"meminjamkan", "pinjam"},
		{"pemilih", "pilih"},
		{"pemukul", "pukul"},
		{"pemandangan", "pandang"},
		{"pemasaran", "pasar"},
		// Recoded, so the resulting pe-/per- is not removed.
		{"memengaruhi", "pengaruh"},
		{"memerhatikan", "perhati"},
		{"pemerhati", "perhati"},
		{"pemerintahan", "perintah"},
		// mem-/men- before a consonant are deleted, not recoded.
		{"membacakan", "baca"},
		{"mendengarkan", "dengar"},
		{"menulis", "ulis"}, // no t- restoration
		{"menanti", "anti"},
		// meng- is longest match over men- and me-.
		{"mengalami", "alam"},
		{"mengisi", "isi"},
		{"merasakan", "rasa"},
	})
}

func TestSecondOrderPrefixes(t *testing.T) {
	runCases(t, []stemCase{
		{"berlari", "lari"},
		{"bermain", "main"},
		{"berjalan", "jalan"},
		{"berhasil", "hasil"},
		{"berdasarkan", "dasar"},
		{"bekerja", "kerja"},   // be- + consonant + er
		{"beternak", "ternak"}, // be- + t + er
		{"bejerami", "jerami"}, // be- + j + er; prefix ber-: -i kept
		{"belajar", "ajar"},    // bel- before ajar
		{"belajarlah", "ajar"}, // particle first
		{"pelajar", "ajar"},    // pel- before ajar
		{"pelajaran", "ajar"},  // "ajar..." not just "ajar"
		// pel- leaves the prefix kind unset, so -i and -kan may go.
		{"pelajari", "ajar"},
		{"pelajarkan", "ajar"},
		{"pelajarinya", "ajar"},
		{"mempelajari", "ajar"}, // mem- deleted, -i, then pel-
		{"pelari", "lari"},      // pe- when not pel+ajar
		{"pedagang", "dagang"},
		{"pesawat", "sawat"},
		{"perbesar", "besar"},
		{"perbaikan", "baik"}, // per-: -an, not -kan
		{"perbaikannya", "baik"},
		{"pertemuan", "temu"},
		{"permainan", "main"},
		{"pekerjaan", "kerja"},
		{"perangkat", "angkat"},
		// After a first-order prefix, a second-order prefix goes only if
		// a suffix was removed first.
		{"diperbesar", "perbesar"},
		{"diperlukan", "perlu"},
		{"diperhatikan", "hati"},
		{"memperbaiki", "baik"},
		{"memberitahunya", "beritahu"},
		{"dibersihkan", "bersih"},
		{"kebersihan", "bersih"},
	})
}

// -kan is removed unless the prefix was ke-/peng-/per- (then -an is);
// -an is not removed after di-/meng-/ter-.
func TestSuffixKanAn(t *testing.T) {
	runCases(t, []stemCase{
		{"kebijakan", "bijak"},    // ke-: -an
		{"ketahuan", "tahu"},      // ke-: -an
		{"kedatangan", "datang"},  // ke-: -an
		{"pendidikan", "didik"},   // peng- (pen-): -an, not -kan
		{"peledakan", "ledak"},    // per- (pe-): -an
		{"pengeluaran", "eluar"},  // peng-: -an
		{"peningkatan", "ingkat"}, // over-stemming inherent to the algorithm
		{"pelayanan", "layan"},
		{"dimakan", "makan"},  // di-: -an not removed, no -kan
		{"merasakan", "rasa"}, // meng- (me-): -kan
		{"dibelanjakan", "belanja"},
		{"bantuan", "bantu"}, // no prefix: -an
		{"makanan", "makan"},
		{"minuman", "minum"},
		{"tulisan", "tulis"},
		{"bacaan", "baca"},
	})
}

// -i is removed after no prefix, di-/meng-/ter- or per-, but not after
// ke-/peng-/ber- and never from words ending in -si.
func TestSuffixI(t *testing.T) {
	runCases(t, []stemCase{
		{"dilindungi", "lindung"},
		{"diminati", "minat"},
		{"dipukuli", "pukul"},
		{"ditemui", "temu"},
		{"dikirimi", "kirim"}, // -i after k is removed
		{"mengakhiri", "akhir"},
		{"mengetahui", "etahu"},
		{"pemakai", "pakai"},   // peng-
		{"bejerami", "jerami"}, // ber-
		{"televisi", "televisi"},
		{"organisasi", "organisasi"},
		{"sosialisasi", "sosialisasi"},
		{"komunikasinya", "komunikasi"},
		{"dikomunikasikan", "komunikasi"},
		{"disosialisasikan", "sosialisasi"},
		{"tertinggi", "tinggi"},
		{"ketinggian", "tinggi"},
	})
}

func TestParticlesAndPossessives(t *testing.T) {
	runCases(t, []stemCase{
		{"bukulah", "buku"},
		{"bukukah", "buku"},
		{"bukupun", "buku"},
		{"bukanlah", "bukan"},
		{"adapun", "ada"},
		{"meskipun", "meski"},
		{"rumahku", "rumah"},
		{"rumahmu", "rumah"},
		{"rumahnya", "rumah"},
		{"rumahnyalah", "rumah"}, // particle, then possessive
		{"bajumu", "baju"},
		// -tah is not a particle in the Snowball algorithm.
		{"apatah", "apatah"},
	})
}

// Words with at most two vowels are never changed, and removal stops as
// soon as only two vowels remain.
func TestMeasure(t *testing.T) {
	runCases(t, []stemCase{
		{"", ""},
		{"a", "a"},
		{"di", "di"},
		{"ke", "ke"},
		{"kaki", "kaki"},
		{"buku", "buku"},
		{"ibu", "ibu"},
		{"makan", "makan"},
		{"bantu", "bantu"},
		{"kerja", "kerja"},
		{"dimana", "mana"},
		{"dikira", "kira"},
		{"berapa", "apa"},
		{"bajuku", "baju"},    // possessive, measure 3 -> 2
		{"bajukulah", "baju"}, // particle and possessive: 4 -> 3 -> 2
		{"mencari", "cari"},   // prefix, then measure 2: -i kept
		{"dibawa", "bawa"},
		{"memakan", "pakan"},
	})
}

func TestCaseAndSpace(t *testing.T) {
	runCases(t, []stemCase{
		{"  Memengaruhi\t", "pengaruh"},
		{"BANDUNG", "bandung"},
		{"Pemerintahan", "perintah"},
		{"ÉTÉ", "été"},
		{"beçer", "beçer"},     // fewer than three vowels
		{"beçerami", "çerami"}, // be- + non-vowel (multi-byte) + er
	})
}

func TestStopWords(t *testing.T) {
	for _, w := range []string{"yang", "dan", "adalah", "kepada", "memiliki", "terlalu", "kalian", "seperti"} {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false", w)
		}
		if got := Stem(w, false); got != w {
			t.Errorf("Stem(%q, false) = %q, want it unchanged", w, got)
		}
		if got := Stem(strings.ToUpper(w), false); got != w {
			t.Errorf("Stem(%q, false) = %q, want %q", strings.ToUpper(w), got, w)
		}
	}
	for _, w := range []string{"pemerintah", "buku", "Yang", ""} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true", w)
		}
	}
	// The reference output stems stop words.
	runCases(t, []stemCase{
		{"adalah", "ada"},
		{"kepada", "pada"},
		{"memiliki", "pilik"},
		{"terlalu", "lalu"},
		{"seperti", "sepert"},
	})
}

func TestNoAllocationWithoutRecoding(t *testing.T) {
	for _, w := range []string{"pertemuan", "dikomunikasikan", "rumahnyalah", "buku"} {
		if n := testing.AllocsPerRun(100, func() { _ = Stem(w, true) }); n != 0 {
			t.Errorf("Stem(%q) allocates %v times", w, n)
		}
	}
}

func FuzzStem(f *testing.F) {
	for _, w := range []string{"memengaruhi", "bekerja", "pelajaran", "é", "be\xffer", "meny", "mem", "kahlahpun", "dididididi", "pepepe"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		got := Stem(w, true)
		if strings.TrimSpace(w) != "" && got == "" {
			t.Fatalf("Stem(%q) is empty", w)
		}
		if utf8.ValidString(w) && !utf8.ValidString(got) {
			t.Fatalf("Stem(%q) = %q is not valid UTF-8", w, got)
		}
	})
}
