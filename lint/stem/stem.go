// Package stem gives language-neutral access to the stemmers used by the
// linter.
//
// For returns a Stemmer for a language code: "id" (Indonesian, the Snowball
// algorithm of package indonesian) or "en" (English, Snowball's Porter2 from
// github.com/kljensen/snowball/english). Stop words are stemmed too, so that
// results match Snowball's reference stemwords program. Input may have any
// case; output is lower case.
//
// # Hyphenated words
//
// Neither Snowball algorithm knows about hyphens, so a Stemmer looks at
// the hyphens first (U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN count as
// "-"). A hyphenated word containing a digit (ke-25, COVID-19, H-1) is
// returned lower-cased and unstemmed. English words are otherwise stemmed
// part by part.
//
// In Indonesian, a two-part word that is a reduplication gets one stem,
// that of its base X:
//
//   - Full reduplication X-X stems X: buku-buku -> buku, program-program
//     -> program, pemerintah-pemerintah -> perintah (the stem of
//     pemerintah).
//   - Affixed reduplication P+X-X+S, where P is a prefix (ber-, ter-, di-,
//     ke-, se-, per-, pe-, me-, mem-, men-, meng-, meny-, …) or nothing
//     and S is a suffix or clitic (-an, -kan, -i, -nya, -ku, -mu, -lah,
//     -kah, -pun, combinations such as -annya) or nothing, stems the
//     repeated part X: bermain-main -> main, kemerah-merahan -> merah,
//     sebaik-baiknya -> baik, buah-buahan -> buah, anak-anaknya -> anak,
//     berjam-jam -> jam. X is preferred to the first half because the
//     algorithm knows no se- prefix and leaves two-vowel words whole, so
//     sehari and berjam would not be reduced.
//   - The exception is X starting with m or n after a me-/pe- prefix
//     (memukul-mukul, menyanyi-nyanyi, menari-nari). X is then the
//     nasalised base, so the first half is stemmed as a word instead,
//     giving the stem of the plain prefixed word: memukul-mukul -> pukul,
//     menyanyi-nyanyi -> sanyi, menari-nari -> ari, just as memukul,
//     menyanyi and menari stem.
//   - Base first, me-prefixed second half, X-meX(+S), with or without the
//     nasal replacing the p, t, k or s of X, stems X: tembak-menembak ->
//     tembak, pukul-memukul -> pukul, surat-menyurat -> surat,
//     bahu-membahu -> bahu, hormat-menghormati -> hormat.
//
// Any other hyphenated Indonesian word, including rhyming reduplication
// whose halves differ (sayur-mayur, lauk-pauk, bolak-balik,
// gotong-royong) and compounds (e-KTP, anti-korupsi, tanya-jawab), is
// stemmed part by part and re-joined with "-": sayur-mayur ->
// sayur-mayur, dibolak-balik -> bolak-balik, non-pemerintah ->
// non-perintah. The halves of a rhyming pair are different words, so
// neither is dropped. Empty parts (from a leading, trailing or doubled
// hyphen) are kept.
package stem

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/selaras/selaras/lint/stem/indonesian"
)

// Stemmer maps a word to its stem. Stems are lower case.
type Stemmer func(word string) string

// For returns the Stemmer for a language code, "id" or "en". The code is
// matched case-insensitively, and a region subtag is ignored ("id-ID",
// "en_GB"). An unsupported language is an error that names it.
func For(language string) (Stemmer, error) {
	code := strings.ToLower(strings.TrimSpace(language))
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	switch code {
	case "id":
		return stemIndonesian, nil
	case "en":
		return stemEnglish, nil
	}
	return nil, fmt.Errorf("stem: unsupported language %q (supported: id, en)", language)
}

// stemIndonesian stems an Indonesian word, handling hyphenated words and
// reduplication as described in the package documentation.
func stemIndonesian(word string) string {
	w := normalize(word)
	if !strings.Contains(w, "-") {
		return indonesian.Stem(w, true)
	}
	if hasDigit(w) {
		return w
	}
	if a, b, ok := strings.Cut(w, "-"); ok && !strings.Contains(b, "-") {
		if base, ok := reduplicationBase(a, b); ok {
			return indonesian.Stem(base, true)
		}
	}
	return stemParts(w, stemID)
}

// stemEnglish stems an English word; hyphenated words are stemmed part by
// part, and left alone if they contain a digit.
func stemEnglish(word string) string {
	w := normalize(word)
	if !strings.Contains(w, "-") {
		return english.Stem(w, true)
	}
	if hasDigit(w) {
		return w
	}
	return stemParts(w, stemEN)
}

func stemID(w string) string { return indonesian.Stem(w, true) }
func stemEN(w string) string { return english.Stem(w, true) }

// normalize trims and lower-cases word and writes the Unicode hyphens
// U+2010 and U+2011 as "-".
func normalize(word string) string {
	w := strings.ToLower(strings.TrimSpace(word))
	if strings.ContainsAny(w, "\u2010\u2011") {
		w = strings.NewReplacer("\u2010", "-", "\u2011", "-").Replace(w)
	}
	return w
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// stemParts stems each non-empty hyphen-separated part of w.
func stemParts(w string, stem func(string) string) string {
	parts := strings.Split(w, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = stem(p)
		}
	}
	return strings.Join(parts, "-")
}

// Prefixes that may precede the repeated part of a reduplication in its
// first half, shortest first so that the longest repeated part wins.
var redupPrefixes = []string{
	"", "be", "di", "ke", "me", "pe", "se", "te",
	"bel", "ber", "mem", "men", "pem", "pen", "per", "ter",
	"meng", "meny", "peng", "peny",
	"diper", "keber", "memper",
}

// Suffixes and clitics that may follow the repeated part in the second
// half of a reduplication.
var redupSuffixes = map[string]bool{
	"": true, "an": true, "kan": true, "i": true,
	"nya": true, "ku": true, "mu": true, "lah": true, "kah": true, "pun": true,
	"annya": true, "kannya": true, "inya": true, "anku": true, "anmu": true,
	"nyalah": true, "nyapun": true, "kanlah": true, "ilah": true, "anlah": true,
}

// Nasal prefixes of the second half in X-meX reduplication, with the
// consonant of X they replace (0: none replaced).
var redupNasals = []struct {
	prefix   string
	replaces byte
}{
	{"me", 0}, {"mem", 'p'}, {"men", 't'}, {"meng", 'k'}, {"meny", 's'},
	{"mem", 0}, {"men", 0}, {"meng", 0},
}

// reduplicationBase reports whether a-b is a reduplication and returns the
// word to stem for it (see the package documentation).
func reduplicationBase(a, b string) (string, bool) {
	if a == "" || b == "" {
		return "", false
	}
	if a == b {
		return a, true
	}
	// P+X - X+S
	for _, p := range redupPrefixes {
		if !strings.HasPrefix(a, p) {
			continue
		}
		x := a[len(p):]
		if !strings.HasPrefix(b, x) || !redupSuffixes[b[len(x):]] || !plausibleBase(x) {
			continue
		}
		if (strings.HasPrefix(p, "me") || strings.HasPrefix(p, "pe")) &&
			(x[0] == 'm' || x[0] == 'n') {
			return a, true // nasalised base: stem the whole first half
		}
		return x, true
	}
	// X - me(N)+X+S, possibly with X's first consonant replaced.
	if !plausibleBase(a) {
		return "", false
	}
	for _, n := range redupNasals {
		rest, ok := strings.CutPrefix(b, n.prefix)
		if !ok {
			continue
		}
		x := a
		if n.replaces != 0 {
			if a[0] != n.replaces {
				continue
			}
			x = a[1:]
		}
		if strings.HasPrefix(rest, x) && redupSuffixes[rest[len(x):]] {
			return a, true
		}
	}
	return "", false
}

// plausibleBase reports whether x can be the base of a reduplication: at
// least two letters, one of them a vowel.
func plausibleBase(x string) bool {
	if len(x) < 2 {
		return false
	}
	return strings.ContainsAny(x, "aeiou")
}
