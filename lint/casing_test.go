package lint

import (
	"strings"
	"testing"
)

func TestMatchCase(t *testing.T) {
	for _, tc := range []struct {
		written, repl string
		start         bool
		want          string
	}{
		{"dalam rangka", "untuk", true, "untuk"},
		{"Dalam rangka", "untuk", true, "Untuk"},
		{"Dalam rangka", "untuk", false, "Untuk"}, // written as a name
		{"DALAM RANGKA", "untuk", false, "UNTUK"},
		{"SINERGITAS", "sinergi", false, "SINERGI"},
		{"RTH hijau", "ruang terbuka hijau", false, "ruang terbuka hijau"},
		{"RTH hijau", "ruang terbuka hijau", true, "Ruang terbuka hijau"},
		{"RTH", "ruang terbuka hijau", false, "ruang terbuka hijau"},
		{"Sinergitas", "kerja sama", false, "Kerja sama"},
		{"e-KTP", "KTP elektronik", true, "KTP elektronik"},
		{"Éropa", "ère", false, "Ère"},
		{"dalam rangka", "", true, ""},
	} {
		if got := MatchCase(tc.written, tc.repl, tc.start); got != tc.want {
			t.Errorf("MatchCase(%q, %q, %v) = %q, want %q", tc.written, tc.repl, tc.start, got, tc.want)
		}
	}
}

func TestSentenceStart(t *testing.T) {
	src := "Dalam rangka HUT, kami hadir. \"Dalam rangka apa?\" tanya warga.\n- Sinergitas OPD.\nAda 3 acara dalam rangka ini."
	d, _ := ParseDraft("a.md", "/x/a.md", "/x", []byte(src))
	for _, tc := range []struct {
		at   string
		nth  int
		want bool
	}{
		{"Dalam rangka", 0, true},
		{"kami", 0, false},
		{"Dalam rangka", 1, true}, // after an opening quote
		{"Sinergitas", 0, true},   // after a list dash
		{"dalam rangka", 0, false},
		{"angka", 0, false}, // not a token start
	} {
		off := -1
		for i, from := 0, 0; i <= tc.nth; i++ {
			j := strings.Index(src[from:], tc.at)
			if j < 0 {
				t.Fatalf("%q not in the source", tc.at)
			}
			off, from = from+j, from+j+1
		}
		if got := d.SentenceStart(off); got != tc.want {
			t.Errorf("SentenceStart(%q #%d) = %v, want %v", tc.at, tc.nth, got, tc.want)
		}
	}
}
