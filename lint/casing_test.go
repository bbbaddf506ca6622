package lint

import "testing"

func TestMatchCase(t *testing.T) {
	for _, tc := range []struct{ written, repl, want string }{
		{"dalam rangka", "untuk", "untuk"},
		{"Dalam rangka", "untuk", "Untuk"},
		{"DALAM RANGKA", "untuk", "UNTUK"},
		{"Sinergitas", "kerja sama", "Kerja sama"},
		{"e-KTP", "KTP elektronik", "KTP elektronik"},
		{"A", "satu", "Satu"},
		{"Éropa", "ère", "Ère"},
		{"dalam rangka", "", ""},
	} {
		if got := MatchCase(tc.written, tc.repl); got != tc.want {
			t.Errorf("MatchCase(%q, %q) = %q, want %q", tc.written, tc.repl, got, tc.want)
		}
	}
}
