// Package morph splits Indonesian words into affixes and a root, and puts
// affixes back on a root, following the standard spelling rules of
// Indonesian morphology (Tata Bahasa Baku; KBBI).
//
// The Snowball stemmer (lint/stem) strips affixes to group words for
// matching; it does not say which affixes it took, and it over-strips
// (perangkat → angkat). This package answers the questions the Snowball
// stem cannot: is this word a nominalisation (peN-…-an) of a known root,
// is it a root with standard affixes at all (spelling), was a prefix
// attached against the rules (mentaati for menaati), and how is another
// root written with the same affixes (mengimplementasikan → menerapkan).
//
// Roots are checked against a caller's word list (usually lexicon's), so
// the same analysis serves Indonesian roots and English words with
// Indonesian affixes (direview).
package morph

import "strings"

// Prefix names a prefix by its underlying form; the written form depends on
// the root (meN- is me-, mem-, men-, meng-, meny- or menge-).
type Prefix string

const (
	NoPrefix Prefix = ""
	MeN      Prefix = "meN"    // active verbs: menerapkan, memeriksa
	PeN      Prefix = "peN"    // agent and process nouns: penerapan, pemeriksa
	Di       Prefix = "di"     // passive verbs: diterapkan
	Ter      Prefix = "ter"    // terlaksana, tercover
	Ber      Prefix = "ber"    // bekerja, berjalan, belajar
	Ke       Prefix = "ke"     // ke-an nouns: kesehatan
	Se       Prefix = "se"     // sebuah, setelah
	Per      Prefix = "per"    // per-an nouns: perbaikan
	Pe       Prefix = "pe"     // pe-an nouns: pelatihan (pe- before l, r, w, y)
	MemPer   Prefix = "memper" // meN- + per-: memperbaiki
	DiPer    Prefix = "diper"  // di- + per-: diperbaiki
	KeBer    Prefix = "keber"  // ke- + ber-: keberhasilan
	PemBer   Prefix = "pember" // peN- + ber-: pemberdayaan
)

// Form is one way a word is built: prefix, root, suffix and clitics.
type Form struct {
	Prefix Prefix
	Root   string
	Suffix string // "", "kan", "an" or "i"
	Clitic string // "", a possessive (nya, ku, mu), a particle (lah, kah, pun) or both
	// Standard is false when the written word breaks a spelling rule of
	// its prefix: k, p, t or s kept after meN-/peN- before a vowel
	// (mentaati, mengkampanyekan, mempesona, mensosialisasikan).
	Standard bool
}

// Nominal reports whether the form is a derived noun of a verb root:
// peN-an, pe-an, per-an or ke-an (pelaksanaan, pelatihan, perbaikan,
// kesehatan), or peN-an on a ber- verb (pemberdayaan).
func (f Form) Nominal() bool {
	if f.Suffix != "an" {
		return false
	}
	switch f.Prefix {
	case PeN, Pe, Per, Ke, PemBer, KeBer:
		return true
	}
	return false
}

// Affixed reports whether the form has any affix.
func (f Form) Affixed() bool { return f.Prefix != "" || f.Suffix != "" || f.Clitic != "" }

// Analyze lists the ways word (lower case) is a root that known accepts
// with Indonesian affixes, best first: the word itself, then standard forms
// with fewer affixes and longer roots, then forms that break a spelling
// rule. A word written with a hyphen after its prefix (di-review,
// meng-update) is analysed without the hyphen. Nil when no root is known.
func Analyze(word string, known func(string) bool) []Form {
	var out []Form
	add := func(f Form) {
		for _, g := range out {
			if g == f {
				return
			}
		}
		out = append(out, f)
	}
	if known(word) {
		add(Form{Root: word, Standard: true})
	}
	for _, c := range splitClitics(word) {
		for _, s := range splitSuffix(c.base) {
			for _, p := range splitPrefix(s.base) {
				if p.root == "" || !known(p.root) {
					continue
				}
				f := Form{Prefix: p.prefix, Root: p.root, Suffix: s.suffix, Clitic: c.clitic, Standard: p.standard}
				if f.Standard && f.Affixed() && !fits(f) {
					continue
				}
				if !f.Affixed() {
					continue // the bare word was tried first
				}
				add(f)
			}
		}
	}
	sortForms(out)
	return out
}

// fits rules out analyses whose affixes do not combine: a suffix -i on a
// root that ends in i (ganti-i), ke- with -kan, and di-/meN- with -an.
func fits(f Form) bool {
	switch {
	case f.Suffix == "i" && strings.HasSuffix(f.Root, "i"):
		return false
	case (f.Prefix == Di || f.Prefix == MeN || f.Prefix == MemPer || f.Prefix == DiPer) && f.Suffix == "an":
		return false
	case (f.Prefix == Ke || f.Prefix == KeBer) && f.Suffix == "kan":
		return false
	}
	return true
}

func sortForms(fs []Form) {
	rank := func(f Form) int {
		r := 0
		if !f.Standard {
			r += 1000
		}
		if f.Prefix != "" {
			r += 100
		}
		if f.Suffix != "" {
			r += 100
		}
		if f.Clitic != "" {
			r += 100
		}
		return r - len(f.Root)
	}
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && rank(fs[j]) < rank(fs[j-1]); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

type cliticSplit struct{ base, clitic string }

var particles = []string{"lah", "kah", "pun"}
var possessives = []string{"nya", "ku", "mu"}

func splitClitics(w string) []cliticSplit {
	out := []cliticSplit{{w, ""}}
	for _, p := range particles {
		if b, ok := strings.CutSuffix(w, p); ok && len(b) >= 3 {
			out = append(out, cliticSplit{b, p})
			for _, q := range possessives {
				if b2, ok := strings.CutSuffix(b, q); ok && len(b2) >= 3 {
					out = append(out, cliticSplit{b2, q + p})
				}
			}
		}
	}
	for _, q := range possessives {
		if b, ok := strings.CutSuffix(w, q); ok && len(b) >= 3 {
			out = append(out, cliticSplit{b, q})
		}
	}
	return out
}

type suffixSplit struct{ base, suffix string }

func splitSuffix(w string) []suffixSplit {
	out := []suffixSplit{{w, ""}}
	for _, s := range []string{"kan", "an", "i"} {
		if b, ok := strings.CutSuffix(w, s); ok && len(b) >= 2 {
			out = append(out, suffixSplit{b, s})
		}
	}
	return out
}

type prefixSplit struct {
	prefix   Prefix
	root     string
	standard bool
}

// splitPrefix undoes the prefixes a written stem may carry, recovering a
// root's first letter where meN-/peN- dropped it.
func splitPrefix(w string) []prefixSplit {
	out := []prefixSplit{{NoPrefix, w, true}}
	add := func(p Prefix, root string, standard bool) {
		if len(root) >= 2 {
			out = append(out, prefixSplit{p, strings.TrimPrefix(root, "-"), standard})
		}
	}
	// Combined prefixes first: memper-, diper-, keber-, pember-.
	for _, c := range []struct {
		written string
		p       Prefix
	}{{"memper", MemPer}, {"mempel", MemPer}, {"diper", DiPer}, {"dipel", DiPer}, {"keber", KeBer}, {"kebel", KeBer}, {"pember", PemBer}, {"pembel", PemBer}} {
		rest, ok := strings.CutPrefix(w, c.written)
		if ok && (!strings.HasSuffix(c.written, "l") || strings.HasPrefix(rest, "ajar")) {
			add(c.p, rest, true) // the -l forms only before ajar: mempelajari
		}
	}
	for _, p := range []struct {
		written string
		p       Prefix
	}{{"di", Di}, {"ke", Ke}, {"se", Se}} {
		if rest, ok := strings.CutPrefix(w, p.written); ok {
			add(p.p, rest, true)
		}
	}
	if rest, ok := strings.CutPrefix(w, "ter"); ok {
		add(Ter, rest, true)
	}
	if rest, ok := strings.CutPrefix(w, "te"); ok && strings.HasPrefix(rest, "r") {
		add(Ter, rest, true) // ter- + r…: terasa
	}
	if rest, ok := strings.CutPrefix(w, "ber"); ok {
		add(Ber, rest, true)
	}
	if rest, ok := strings.CutPrefix(w, "be"); ok && (strings.HasPrefix(rest, "r") || beRoots[rest]) {
		add(Ber, rest, true)
	}
	if rest, ok := strings.CutPrefix(w, "bel"); ok && rest == "ajar" {
		add(Ber, rest, true)
	}
	if rest, ok := strings.CutPrefix(w, "per"); ok {
		add(Per, rest, true)
	}
	// pe- (pelatihan) is written as peN- before l, r, w, y: nasal finds it
	// as peN-, which is also what its verb takes (melatih).
	out = append(out, nasal(w, "me", MeN)...)
	out = append(out, nasal(w, "pe", PeN)...)
	return out
}

// beRoots are the roots whose first syllable ends in -er, after which ber-
// is written be- (bekerja, beserta, beternak, bepergian).
var beRoots = map[string]bool{"kerja": true, "serta": true, "ternak": true, "pergi": true, "pergian": true, "perta": true}

// nasal undoes meN- or peN- written as base ("me" or "pe") + its nasal.
func nasal(w, base string, p Prefix) []prefixSplit {
	rest, ok := strings.CutPrefix(w, base)
	if !ok || len(rest) < 3 {
		return nil
	}
	var out []prefixSplit
	add := func(root string, standard bool) {
		if len(root) >= 2 {
			out = append(out, prefixSplit{p, root, standard})
		}
	}
	switch {
	case strings.HasPrefix(rest, "nge") && len(rest) > 3:
		add(rest[3:], true) // menge- on one-syllable roots: mengecat
		add(rest[2:], true) // meng- + e…: mengekspor
	case strings.HasPrefix(rest, "ng"):
		r := rest[2:]
		add(r, true) // vowel, g, h, kh…: mengambil, menggali
		if startsVowel(r) {
			add("k"+r, true) // mengirim ← kirim
		}
		if strings.HasPrefix(r, "k") && startsVowel(r[1:]) && !keepK[stripSuffixes(r)] {
			out[len(out)-1].standard = false // mengkampanyekan ← kampanye, k kept
		}
	case strings.HasPrefix(rest, "ny"):
		r := rest[2:]
		if startsVowel(r) {
			add("s"+r, true) // menyapu ← sapu
		}
		add("ny"+r, true) // menyanyi ← nyanyi
	case strings.HasPrefix(rest, "m"):
		r := rest[1:]
		add(r, true) // membaca, memfoto, memproduksi
		if startsVowel(r) {
			add("p"+r, true) // memakai ← pakai
		}
		if strings.HasPrefix(r, "p") && startsVowel(r[1:]) && !keepP[stripSuffixes(r)] {
			out[len(out)-1].standard = false // mempesona ← pesona, p kept
		}
		add(rest, true) // memasak ← masak (me- + m…)
	case strings.HasPrefix(rest, "n"):
		r := rest[1:]
		add(r, true) // mencari, mendengar, menjual, mentransfer
		if startsVowel(r) {
			add("t"+r, true) // menulis ← tulis
		}
		if (strings.HasPrefix(r, "t") || strings.HasPrefix(r, "s")) && startsVowel(r[1:]) {
			out[len(out)-1].standard = false // mentaati, mensosialisasikan
		}
		add(rest, true) // menanti ← nanti (me- + n…)
	default:
		add(rest, true) // melihat, merawat, mewarnai, meyakini
	}
	return out
}

// keepK and keepP are roots whose k or p KBBI keeps after meN-/peN-:
// mengkaji (to study, apart from mengaji, to recite) and mempunyai.
var keepK = map[string]bool{"kaji": true}
var keepP = map[string]bool{"punya": true}

// stripSuffixes is the root a written stem leaves once -kan, -an and -i go,
// for the exception look-ups above (a guess; exceptions are short roots).
func stripSuffixes(s string) string {
	for _, suf := range []string{"kan", "an", "i"} {
		if b, ok := strings.CutSuffix(s, suf); ok && (keepK[b] || keepP[b]) {
			return b
		}
	}
	return s
}

func startsVowel(s string) bool { return s != "" && isVowel(s[0]) }

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// syllables counts a root's syllables: its vowels, a diphthong (ai, au,
// ei, oi) counting once. One-syllable roots (cat, bom, tik) take
// menge-/penge-; taat has two.
func syllables(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isVowel(s[i]) {
			continue
		}
		if i > 0 && (s[i] == 'i' || s[i] == 'u') && strings.IndexByte("aeo", s[i-1]) >= 0 && (s[i] == 'i' || s[i-1] == 'a') {
			continue // the second letter of a diphthong
		}
		n++
	}
	return n
}

// Inflect writes f in standard spelling: its root with its affixes.
func Inflect(f Form) string {
	return prefixed(f.Prefix, f.Root) + f.Suffix + f.Clitic
}

func prefixed(p Prefix, root string) string {
	switch p {
	case NoPrefix:
		return root
	case MeN:
		return nasalize("me", root)
	case PeN:
		return nasalize("pe", root)
	case Di, Ke, Se:
		return string(p) + root
	case Ter:
		if strings.HasPrefix(root, "r") {
			return "te" + root
		}
		return "ter" + root
	case Ber:
		switch {
		case root == "ajar":
			return "bel" + root
		case strings.HasPrefix(root, "r") || beRoots[root]:
			return "be" + root
		}
		return "ber" + root
	case Per:
		if strings.HasPrefix(root, "r") {
			return "pe" + root
		}
		return "per" + root
	case Pe:
		return "pe" + root
	case MemPer:
		return "mem" + prefixed(Per, root)
	case DiPer:
		return "di" + prefixed(Per, root)
	case KeBer:
		return "ke" + prefixed(Ber, root)
	case PemBer:
		return "pem" + prefixed(Ber, root)
	}
	return root
}

// nasalize writes meN-/peN- (base "me" or "pe") before root.
func nasalize(base, root string) string {
	if root == "" {
		return base
	}
	c := root[0]
	rest := root[1:]
	switch {
	case syllables(root) == 1:
		return base + "nge" + root
	case isVowel(c):
		return base + "ng" + root
	case c == 'k':
		if startsVowel(rest) && !keepK[root] {
			return base + "ng" + rest
		}
		return base + "ng" + root
	case c == 'g' || c == 'h':
		return base + "ng" + root
	case c == 'p':
		if startsVowel(rest) && !keepP[root] {
			return base + "m" + rest
		}
		return base + "m" + root
	case c == 'b' || c == 'f' || c == 'v':
		return base + "m" + root
	case c == 't':
		if startsVowel(rest) {
			return base + "n" + rest
		}
		return base + "n" + root
	case c == 's':
		if startsVowel(rest) {
			return base + "ny" + rest
		}
		return base + "n" + root
	case c == 'c' || c == 'd' || c == 'j' || c == 'z':
		return base + "n" + root
	}
	return base + root // l, m, n, r, w, y, ng…, ny…
}
