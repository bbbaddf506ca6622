/*
Package indonesian implements the Snowball stemmer for Indonesian
(Bahasa Indonesia).

The algorithm is the Snowball project's rendering of Fadillah Z. Tala's
"Porter Stemmer for Bahasa Indonesia", described in

	F. Z. Tala, "A Study of Stemming Effects on Information Retrieval
	in Bahasa Indonesia", M.Sc. thesis, Institute for Logic, Language
	and Computation, Universiteit van Amsterdam, 2003 (MoL-2003-02).

as published in algorithms/indonesian.sbl of the Snowball project
(https://snowballstem.org/algorithms/indonesian/stemmer.html), including
the Snowball project's documented amendments to the paper ("kan" is not
removed after the prefixes ke-/peng-/per-; "-i" is not removed from
words ending "-si"; bel-/pel- are removed before "ajar..."). The Snowball
project publishes the algorithm and the stop word list used by
IsStopWord under the 3-clause BSD licence; this package is an
independent Go implementation of them.

The stemmer removes affixes only while the word keeps more than two
vowels (its "measure"). In order, it removes one particle (-kah, -lah,
-pun) and one possessive pronoun (-ku, -mu, -nya). Then, if the word
starts with a first-order prefix (di-, ter-, ke-, me-, meng-, men-, mem-,
meny-, peng-, pen-, pem-, peny-), it removes that prefix, then a
derivational suffix (-i, -an, -kan) and, only if a suffix was removed, a
second-order prefix (be-, ber-, bel-, pe-, per-, pel-). Otherwise it
removes a second-order prefix and then a suffix. Which suffix may go
depends on the prefix removed. The prefixes meny-, mem-, peny- and pem-
before a vowel are recoded to s- and p- (menyapu -> sapu, memakai ->
paka), and after such a recoding no second-order prefix is removed
(memerhatikan -> perhati).

Like the paper, the stemmer is deliberately light: it does not restore
consonants lost to nasal assimilation (menulis -> ulis), does not consult
a dictionary, and does not handle reduplication (buku-buku). Stems are
index terms, not necessarily dictionary words.

Stem returns the same output as the reference implementation
(`stemwords -l indonesian`) for every word of the Snowball sample
vocabulary when called with stemStopWords set to true.
*/
package indonesian

import (
	"strings"
	"unicode/utf8"
)

// Stem an Indonesian word. The word is trimmed and lower-cased first.
// If stemStopWords is false, words in the Snowball Indonesian stop list
// are returned unchanged (but lower-cased). For a word that is not empty
// after trimming the result is never empty.
func Stem(word string, stemStopWords bool) string {
	word = strings.ToLower(strings.TrimSpace(word))
	if !stemStopWords && IsStopWord(word) {
		return word
	}
	return stem(word)
}

// Kinds of prefix removed, as recorded by the algorithm's "prefix"
// integer; they decide which derivational suffix may be removed.
const (
	prefixNone = 0 // nothing removed, or pel- before ajar
	prefixDi   = 1 // di-, meng- (and its variants me-, men-, mem-, meny-), ter-
	prefixPer  = 2 // per-, pe-
	prefixKe   = 3 // ke-, peng- (and its variants pen-, pem-, peny-)
	prefixBer  = 4 // ber-, be-, bel- before ajar
)

// stemmer holds the state of one stemming run. The current stem is
// recode+s[lo:hi], where recode is 0 (absent), 'p' or 's'.
type stemmer struct {
	s       string
	lo, hi  int
	measure int // number of vowels in the current stem
	prefix  int
	recode  byte
}

// stem applies the algorithm to a lower-case word.
func stem(word string) string {
	z := stemmer{s: word, hi: len(word)}
	for i := 0; i < len(word); i++ {
		if isVowel(word[i]) {
			z.measure++
		}
	}
	if z.measure <= 2 {
		return word
	}

	z.removeParticle()
	if z.measure > 2 {
		z.removePossessivePronoun()
	}
	if z.measure > 2 {
		if z.removeFirstOrderPrefix() {
			// A second-order prefix is only removed if a suffix was
			// removed (diperbesar -> perbesar, diperlukan -> perlu,
			// diperhatikan -> hati), and never after a recoding: the
			// Snowball cursor then sits after the inserted letter, where
			// no second-order prefix can match (memerhatikan -> perhati).
			if z.measure > 2 && z.removeSuffix() && z.measure > 2 && z.recode == 0 {
				z.removeSecondOrderPrefix()
			}
		} else {
			z.removeSecondOrderPrefix()
			if z.measure > 2 {
				z.removeSuffix()
			}
		}
	}
	return z.result()
}

func (z *stemmer) result() string {
	if z.recode != 0 {
		var b strings.Builder
		b.Grow(1 + z.hi - z.lo)
		b.WriteByte(z.recode)
		b.WriteString(z.s[z.lo:z.hi])
		return b.String()
	}
	if z.lo >= z.hi {
		// Cannot happen: every removal leaves at least two vowels.
		return z.s
	}
	return z.s[z.lo:z.hi]
}

// endsWith reports whether the current stem ends with suffix. Suffixes are
// only tested while the measure is above two, so they never reach back
// into a recoded letter.
func (z *stemmer) endsWith(suffix string) bool {
	return z.hi-z.lo >= len(suffix) && z.s[z.hi-len(suffix):z.hi] == suffix
}

// startsWith reports whether the current stem, which has no recoded
// letter when this is called, starts with prefix.
func (z *stemmer) startsWith(prefix string) bool {
	return z.hi-z.lo >= len(prefix) && z.s[z.lo:z.lo+len(prefix)] == prefix
}

// at returns the byte at offset i from the start of the stem, or 0.
func (z *stemmer) at(i int) byte {
	if z.lo+i < z.hi {
		return z.s[z.lo+i]
	}
	return 0
}

// removeParticle removes -kah, -lah or -pun.
func (z *stemmer) removeParticle() {
	if z.endsWith("kah") || z.endsWith("lah") || z.endsWith("pun") {
		z.hi -= 3
		z.measure--
	}
}

// removePossessivePronoun removes -ku, -mu or -nya.
func (z *stemmer) removePossessivePronoun() {
	switch {
	case z.endsWith("nya"):
		z.hi -= 3
	case z.endsWith("ku"), z.endsWith("mu"):
		z.hi -= 2
	default:
		return
	}
	z.measure--
}

// removeFirstOrderPrefix removes di-, ter-, ke- and the meng- and peng-
// families, recoding meny-/peny- and mem-/pem- before a vowel to s- and
// p-. The longest matching prefix wins.
func (z *stemmer) removeFirstOrderPrefix() bool {
	var n int
	switch z.at(0) {
	case 'd':
		if z.at(1) != 'i' {
			return false
		}
		n, z.prefix = 2, prefixDi
	case 't':
		if !z.startsWith("ter") {
			return false
		}
		n, z.prefix = 3, prefixDi
	case 'k':
		if z.at(1) != 'e' {
			return false
		}
		n, z.prefix = 2, prefixKe
	case 'm', 'p':
		if z.at(1) != 'e' {
			return false
		}
		kind := prefixDi
		if z.at(0) == 'p' {
			kind = prefixKe
		}
		switch z.at(2) {
		case 'n':
			switch {
			case z.at(3) == 'g':
				n = 4 // meng-, peng-
			case z.at(3) == 'y' && isVowel(z.at(4)):
				n, z.recode = 4, 's' // meny-, peny- + vowel -> s
			default:
				n = 3 // men-, pen-
			}
		case 'm':
			n = 3 // mem-, pem-
			if isVowel(z.at(3)) {
				z.recode = 'p' // mem-, pem- + vowel -> p
			}
		default:
			if kind == prefixKe {
				return false // plain pe- is a second-order prefix
			}
			n = 2 // me-
		}
		z.prefix = kind
	default:
		return false
	}
	z.lo += n
	z.measure--
	return true
}

// removeSecondOrderPrefix removes per-, pe-, pel- (before ajar), ber-,
// bel- (before ajar) or be- (before consonant + er).
func (z *stemmer) removeSecondOrderPrefix() {
	if z.at(1) != 'e' {
		return
	}
	var n int
	switch z.at(0) {
	case 'p':
		switch {
		case z.at(2) == 'r':
			n, z.prefix = 3, prefixPer
		case z.at(2) == 'l' && z.hasAjar():
			n = 3
		default:
			n, z.prefix = 2, prefixPer
		}
	case 'b':
		switch {
		case z.at(2) == 'r':
			n = 3
		case z.at(2) == 'l' && z.hasAjar():
			n = 3
		case z.consonantEr():
			n = 2
		default:
			return
		}
		z.prefix = prefixBer
	default:
		return
	}
	z.lo += n
	z.measure--
}

// hasAjar reports whether "ajar" follows a three-letter prefix.
func (z *stemmer) hasAjar() bool {
	return z.hi-z.lo >= 7 && z.s[z.lo+3:z.lo+7] == "ajar"
}

// consonantEr reports whether be- is followed by one non-vowel
// character and "er", as in bekerja.
func (z *stemmer) consonantEr() bool {
	i := z.lo + 2
	if i >= z.hi || isVowel(z.s[i]) {
		return false
	}
	_, size := utf8.DecodeRuneInString(z.s[i:z.hi])
	i += size
	return z.hi-i >= 2 && z.s[i:i+2] == "er"
}

// removeSuffix removes -kan, -an or -i, depending on the prefix removed,
// and reports whether it removed one.
func (z *stemmer) removeSuffix() bool {
	switch {
	case z.endsWith("an"):
		switch {
		case z.prefix != prefixKe && z.prefix != prefixPer && z.s[z.hi-3] == 'k':
			z.hi -= 3
		case z.prefix != prefixDi:
			z.hi -= 2
		default:
			return false
		}
	case z.endsWith("i"):
		if z.prefix > prefixPer || z.s[z.hi-2] == 's' {
			return false
		}
		z.hi--
	default:
		return false
	}
	z.measure--
	return true
}
