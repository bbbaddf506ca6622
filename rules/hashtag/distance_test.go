package hashtag

import (
	"math/rand"
	"testing"
)

// naive is the textbook optimal string alignment distance, full table.
func naive(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"bantenmaju", "bantenmaju", 0},
		{"bantenmju", "bantenmaju", 1},
		{"bantenmjau", "bantenmaju", 1},
		{"bantenmajuu", "bantenmaju", 1},
		{"dinsosbanten", "dinkesbanten", 2},
		{"kotaserangelegante", "kotaserangélégante", 2},
		{"σας", "σασ", 1},
		{"", "abc", 3},
		{"ab", "ba", 1},
		{"abc", "ca", 3},
	} {
		if got := distance([]rune(c.a), []rune(c.b), 5, nil); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	// Against the full table on random strings over a small alphabet (many
	// repeats, swaps and shared ends), with and without a limit.
	rng := rand.New(rand.NewSource(1))
	word := func() []rune {
		r := make([]rune, rng.Intn(9))
		for i := range r {
			r[i] = []rune("abcé")[rng.Intn(4)]
		}
		return r
	}
	for i := 0; i < 5000; i++ {
		a, b := word(), word()
		want := naive(a, b)
		for _, limit := range []int{1, 2, 10} {
			got := distance(a, b, limit, make([]int, 3))
			if want <= limit && got != want || want > limit && got != limit+1 {
				t.Fatalf("distance(%q, %q, %d) = %d, want %d", string(a), string(b), limit, got, want)
			}
		}
	}
}

func TestMaxEditsAndDigits(t *testing.T) {
	for n, want := range map[int]int{3: 0, 5: 0, 6: 1, 13: 1, 14: 2, 40: 2} {
		if got := maxEdits(n); got != want {
			t.Errorf("maxEdits(%d) = %d, want %d", n, got, want)
		}
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"hutbanten25", "hutbanten26", true},
		{"bantenmaju", "bantenmaju2025", true},
		{"hut25banten", "hut2banten", true},
		{"bantenmaju", "bantenmaju", false},
		{"bantenmaju1", "bantenmajux", false},
		{"banten1maju", "banten2maja", false},
	} {
		if got := digitsOnlyDiffer([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("digitsOnlyDiffer(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestTwoNeighboursReplaced(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"dinsosbantensehat", "dinkesbantensehat", true},
		{"dinkesbantansehet", "dinkesbantensehat", false},
		{"bantenmjau", "bantenmaju", false}, // a swap
		{"abc", "abcd", false},
		{"abcd", "axyd", true},
		{"abcd", "axcy", false},
	} {
		if got := twoNeighboursReplaced([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("twoNeighboursReplaced(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestFold(t *testing.T) {
	for _, c := range [][2]string{{"#BantenMaju", "#bantenmaju"}, {"#ΣΑΣ", "#σας"}, {"#Kelvin", "#\u212Aelvin"}, {"#ÖZEL", "#özel"}} {
		if fold(c[0]) != fold(c[1]) {
			t.Errorf("fold(%q) = %q, fold(%q) = %q", c[0], fold(c[0]), c[1], fold(c[1]))
		}
	}
	if fold("#Élégante") == fold("#Elegante") {
		t.Error("accents must not fold away")
	}
}
