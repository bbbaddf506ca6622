// Package spelling reports words that are not Indonesian but one slip away
// from a word that is ("mungkin maksudnya ...?"), and words built against
// Indonesian spelling rules: k, p, t, s kept after meN-/peN- (mentaati),
// the prefix di- written apart and the preposition di written together,
// -isir verbs, and compounds and bound forms written wrongly together or
// apart.
package spelling

import (
	"strings"
	"unicode"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/morph"
)

// Rule is the spelling rule.
var Rule = &lint.Rule{
	Name: "spelling",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Periksa ejaan", EN: "Check spelling"},
		Why: lint.Text{
			ID: "Salah ketik di unggahan resmi mudah ditangkap layar dan disebarkan warga. Aturan ini mengenali kata dasar bahasa Indonesia beserta semua bentuk berimbuhannya, lalu melaporkan kata yang tidak dikenal tetapi hanya selisih satu ketukan dari kata yang dikenal (\"mengunakan\" → \"menggunakan\"). Bentuk yang menyalahi kaidah juga dilaporkan: k/p/t/s yang tidak luluh (\"mensinergikan\" → \"menyinergikan\"), di- yang dipisah (\"di sosialisasikan\"), di yang digabung dengan tempat atau waktu (\"dikantor\"), kata kerja -isir (\"dikoordinir\"), gabungan kata dan bentuk terikat (\"kerjasama\", \"pasca banjir\"). Nama dan kata berhuruf kapital (juga di awal kalimat), akronim, angka, tagar, mention, tautan, istilah kit dan kata yang diterima kit tidak pernah dianggap salah.",
			EN: "A typo in an official post is easily screenshot and shared by citizens. This rule knows Indonesian root words and all their affixed forms, and reports a word it does not know that is one keystroke away from one it does (\"mengunakan\" → \"menggunakan\"). Forms that break the spelling rules are reported too: k/p/t/s kept after meN-/peN- (\"mensinergikan\" → \"menyinergikan\"), the prefix di- written apart (\"di sosialisasikan\"), the preposition di written together with a place or time (\"dikantor\"), -isir verbs (\"dikoordinir\"), compounds and bound forms (\"kerjasama\", \"pasca banjir\"). Names and capitalised words (at the start of a sentence too), acronyms, numbers, hashtags, mentions, links, the kit's terms and the words the kit accepts are never misspellings."},
		Bad:       "Warga bisa mengunakan aplikasi yang di sosialisasikan dikantor kecamatan.",
		Good:      "Warga bisa menggunakan aplikasi yang disosialisasikan di kantor kecamatan.",
		Fix:       lint.Text{ID: "Salah ketik hanya diberi saran (\"mungkin maksudnya ...?\"): penulis yang memilih. Bentuk yang menyalahi kaidah dengan satu perbaikan pasti (mensinergikan → menyinergikan, dikantor → di kantor, kerjasama → kerja sama) diperbaiki aman oleh --fix. Nama lokal dan istilah daerah: tambahkan ke [spelling] accept atau ke berkas .selaras-accept.", EN: "A typo only gets a suggestion (\"mungkin maksudnya ...?\"): the writer chooses. A form that breaks a spelling rule and has one certain correction (mensinergikan → menyinergikan, dikantor → di kantor, kerjasama → kerja sama) is fixed safely by --fix. Local names and regional words: add them to [spelling] accept or to a .selaras-accept file."},
		FixSafety: "safe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[spelling] accept", ".selaras-accept"},
	},
	Check: check,
}

func check(p *lint.Pass) error {
	d := p.Draft
	own := ownWords(p.Kit)
	accepted := acceptFiles(d)
	skip := func(w string) bool { return own.words[w] || accepted[w] }
	tb := data()
	toks := d.Tokens
	searches := 0 // typo searches in this draft, at most maxSearches
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != lint.TokWord {
			continue
		}
		sh := shapeOf(t.Text)
		if sh == other {
			continue
		}
		// A capital is right only at the start of a sentence; there the
		// fix keeps it. A lower-case word needs no such care.
		start := sh == capital && d.SentenceStart(t.Start)
		// Pairs first, whatever the first word's capital: "Nara sumber",
		// "Ungkap nya" are wrong inside a title or a name too.
		if j := nextWord(d, i); j > 0 {
			next := &toks[j]
			var f lint.Finding
			ok := false
			switch nsh := shapeOf(next.Text); {
			case nsh == lower && tb.pairStart[t.Lower]:
				f, ok = pair(t, next, start, own)
			case t.Lower == "se" && nsh == capital:
				f, ok = seName(t, next, start)
			case nsh == lower && (next.Lower == "nya" || next.Lower == t.Lower):
				f, ok = joined(t, next, start)
			}
			if ok {
				p.Report(f)
				i = j
				continue
			}
		}
		if sh == capital && !start {
			continue
		}
		known := morph.IsIndonesian(t.Lower)
		if known && !tb.special[t.Lower] && !strings.Contains(t.Lower, "-") {
			continue // most words
		}
		if f, ok := single(t, start, known); ok {
			if !skip(t.Lower) {
				p.Report(f)
			}
			continue
		}
		if known || skip(t.Lower) {
			continue
		}
		if sh == capital {
			// A capitalised word, even the first of a sentence, may be a
			// name (Bontang, Idrus): not checked for typos.
			continue
		}
		if searches >= maxSearches {
			continue
		}
		searches++
		if f, ok := typo(t); ok {
			p.Report(f)
		}
	}
	return nil
}

// maxSearches bounds the typo searches of one draft (each a fraction of a
// millisecond): a draft of hundreds of unknown words is not prose to
// correct word by word, and a hostile one must not cost seconds.
const maxSearches = 100

// maxTypoLen is the longest word checked for typos: the weighted distance
// is quadratic in the length, and no Indonesian word is longer.
const maxTypoLen = 30

type shape int

const (
	lower   shape = iota // all lower-case letters a-z, maybe inner hyphens
	capital              // a capital first letter, the rest lower case
	other                // digits, capitals inside, letters outside a-z
)

func shapeOf(s string) shape {
	sh := lower
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r == '-':
		case i == 0 && r >= 'A' && r <= 'Z':
			sh = capital
		default:
			return other
		}
	}
	return sh
}

// nextWord is the index of the word token right after toks[i], separated
// from it by spaces only, in the same sentence; 0 when there is none.
func nextWord(d *lint.Draft, i int) int {
	toks := d.Tokens
	j := i + 1
	if j >= len(toks) || toks[j].Kind != lint.TokWord || toks[j].Sentence != toks[i].Sentence {
		return 0
	}
	gap := d.Source[toks[i].End:toks[j].Start]
	if gap == "" || strings.Trim(gap, " ") != "" {
		return 0
	}
	return j
}

func fix(t *lint.Token, end int, repl string, start, safe bool) *lint.Fix {
	return &lint.Fix{Span: lint.Span{Start: t.Start, End: end}, Replacement: lint.MatchCase(t.Text, repl, start), Safe: safe}
}

// pair checks two neighbouring words: di- written apart, a compound or a
// bound form written apart.
func pair(a, b *lint.Token, start bool, own *kitWords) (lint.Finding, bool) {
	tb := data()
	phrase := a.Lower + " " + b.Lower
	if own.phrases[phrase] {
		return lint.Finding{}, false
	}
	span := lint.Span{Start: a.Start, End: b.End}
	switch {
	case a.Lower == "di" && diVerb(b.Lower):
		right := "di" + b.Lower
		return lint.Finding{
			Span: span, Match: a.Text + " " + b.Text, Suggestions: []string{right},
			Message: lint.Tf("%q: awalan di- pada kata kerja ditulis serangkai: %q", "%q: the verb prefix di- is written together with its verb: %q", phrase, right),
			Fix:     &lint.Fix{Span: span, Replacement: lint.MatchCase(a.Text, right, start), Safe: true},
		}, true
	case tb.compounds[phrase] != "":
		right := tb.compounds[phrase]
		return lint.Finding{
			Span: span, Match: a.Text + " " + b.Text, Suggestions: []string{right},
			Message: lint.Tf("%q: KBBI menulisnya serangkai: %q", "%q: KBBI writes it as one word: %q", phrase, right),
			Fix:     &lint.Fix{Span: span, Replacement: lint.MatchCase(a.Text, right, start), Safe: true},
		}, true
	case tb.joins(a.Lower, b.Lower) && len(b.Lower) >= 3 && !strings.Contains(b.Lower, "-") && (morph.IsIndonesian(b.Lower) || len(morph.English(b.Lower)) > 0):
		right := a.Lower + b.Lower
		return lint.Finding{
			Span: span, Match: a.Text + " " + b.Text, Suggestions: []string{right},
			Message: lint.Tf("%q: %q adalah bentuk terikat dan ditulis serangkai: %q", "%q: %q is a bound form, written together with the word it joins: %q", phrase, a.Lower, right),
			Fix:     &lint.Fix{Span: span, Replacement: lint.MatchCase(a.Text, right, start), Safe: true},
		}, true
	}
	return lint.Finding{}, false
}

// seName reports "se Kalimantan": the prefix se- before a name is joined
// to it with a hyphen (se-Kalimantan Timur, se-Provinsi Bengkulu).
func seName(a, b *lint.Token, start bool) (lint.Finding, bool) {
	span := lint.Span{Start: a.Start, End: b.End}
	right := a.Text + "-" + b.Text
	return lint.Finding{
		Span: span, Match: a.Text + " " + b.Text, Suggestions: []string{right},
		Message: lint.Tf("%q: awalan se- ditulis serangkai, dengan tanda hubung sebelum huruf kapital: %q", "%q: the prefix se- is written joined, with a hyphen before a capital: %q", a.Text+" "+b.Text, right),
		Fix:     &lint.Fix{Span: span, Replacement: right, Safe: true},
	}, true
}

// intensifiers are repeated for emphasis (sangat sangat macet), not
// reduplicated.
var intensifiers = map[string]bool{"sangat": true, "amat": true, "paling": true, "terlalu": true, "sekali": true, "lebih": true}

// joined reports a word written apart from its clitic (Ungkap nya →
// Ungkapnya) and a reduplication written without its hyphen (benar benar
// → benar-benar).
func joined(a, b *lint.Token, start bool) (lint.Finding, bool) {
	span := lint.Span{Start: a.Start, End: b.End}
	phrase := a.Text + " " + b.Text
	if b.Lower == "nya" {
		if shapeOf(a.Text) == other || !morph.IsIndonesian(a.Lower) {
			return lint.Finding{}, false
		}
		right := a.Text + "nya"
		return lint.Finding{
			Span: span, Match: phrase, Suggestions: []string{right},
			Message: lint.Tf("%q: -nya ditulis serangkai dengan kata di depannya: %q", "%q: -nya is written together with the word before it: %q", phrase, right),
			Fix:     &lint.Fix{Span: span, Replacement: right, Safe: true},
		}, true
	}
	if len(a.Lower) < 3 || intensifiers[a.Lower] || !morph.IsIndonesian(a.Lower) {
		return lint.Finding{}, false
	}
	right := a.Text + "-" + b.Text
	return lint.Finding{
		Span: span, Match: phrase, Suggestions: []string{right},
		Message: lint.Tf("%q: kata ulang ditulis dengan tanda hubung: %q", "%q: a reduplicated word is written with a hyphen: %q", phrase, right),
		Fix:     &lint.Fix{Span: span, Replacement: right, Safe: false},
	}, true
}

// diVerb reports whether w, written after a separate "di", is a passive
// verb whose prefix was written apart: "di" + w is di- with -kan or -i on
// a known root (disosialisasikan, dilaksanakan, diikuti), w is no root of
// its own and no place or time (di sini, di bumi, di pagi hari).
func diVerb(w string) bool {
	if len(w) < 4 || strings.Contains(w, "-") || morph.KnownID(w) || data().places[w] {
		return false
	}
	for _, f := range morph.Indonesian("di" + w) {
		if f.Standard && (f.Prefix == morph.Di || f.Prefix == morph.DiPer) && (f.Suffix == "kan" || f.Suffix == "i") {
			return true
		}
	}
	return false
}

// single checks one word against the spelling rules of its affixes.
func single(t *lint.Token, start, known bool) (lint.Finding, bool) {
	w := t.Lower
	tb := data()
	report := func(right string, safe bool, msg lint.Text) (lint.Finding, bool) {
		return lint.Finding{Span: lint.Span{Start: t.Start, End: t.End}, Match: t.Text, Suggestions: []string{right},
			Message: msg, Fix: fix(t, t.End, right, start, safe)}, true
	}
	if form, rest, ok := strings.Cut(w, "-"); ok {
		// a bound form joined by a hyphen: pasca-banjir, non-tunai
		if tb.joins(form, rest) && !strings.Contains(rest, "-") && len(rest) >= 3 && (morph.IsIndonesian(rest) || len(morph.English(rest)) > 0) {
			right := form + rest
			return report(right, true, lint.Tf("%q: bentuk terikat %q ditulis serangkai tanpa tanda hubung: %q", "%q: the bound form %q is written together, without a hyphen: %q", w, form, right))
		}
		return lint.Finding{}, false
	}
	if right, ok := tb.compounds[w]; ok {
		return report(right, true, lint.Tf("%q: KBBI menulisnya terpisah: %q", "%q: KBBI writes it as two words: %q", w, right))
	}
	if rest, ok := strings.CutPrefix(w, "di"); ok {
		place, clitic := rest, ""
		if b, ok := strings.CutSuffix(rest, "nya"); ok && tb.places[b] {
			place, clitic = b, "nya"
		}
		if tb.places[place] {
			right := "di " + place + clitic
			return report(right, true, lint.Tf("%q: di sebagai kata depan ditulis terpisah dari tempat atau waktu: %q", "%q: the preposition di is written apart from the place or time: %q", w, right))
		}
	}
	if known {
		return lint.Finding{}, false
	}
	if right, ok := isir(w); ok {
		return report(right, false, lint.Tf("%q: bentuk -ir/-isir tidak baku; pakai %q", "%q: the -ir/-isir form is not standard; use %q", w, right))
	}
	if forms := morph.Indonesian(w); len(forms) > 0 {
		// Only forms that break the meN-/peN- spelling rule remain.
		var rights []string
		for _, f := range forms {
			r := morph.Inflect(f)
			if !contains(rights, r) {
				rights = append(rights, r)
			}
		}
		f := report
		fd, _ := f(rights[0], len(rights) == 1, lint.Tf("%q: tidak baku; k, p, t, s di awal kata dasar %q luluh setelah meN-/peN-: %q", "%q: not standard; the k, p, t or s starting the root %q drops after meN-/peN-: %q", w, forms[0].Root, rights[0]))
		fd.Suggestions = rights
		return fd, true
	}
	return lint.Finding{}, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isirOverride are -isir words whose standard form is an adjective with
// -kan, not an -isasi noun (KBBI: meminimalkan, memaksimalkan).
var isirOverride = map[string]string{"minimalisir": "minimal", "maksimalisir": "maksimal", "optimalisir": "optimal"}

// isir rewrites a verb built on a Dutch -ir/-isir root (koordinir,
// legalisir) with the -asi root KBBI lists (koordinasi, legalisasi), the
// affixes kept: mengkoordinir → mengoordinasi, dilegalisir → dilegalisasi.
func isir(w string) (string, bool) {
	if !strings.Contains(w, "ir") {
		return "", false
	}
	root := func(r string) (string, bool) {
		if a, ok := isirOverride[r]; ok {
			return a, true
		}
		if !strings.HasSuffix(r, "ir") || len(r) < 6 || morph.KnownID(r) {
			return "", false
		}
		a := r[:len(r)-2] + "asi"
		return a, morph.KnownID(a)
	}
	forms := morph.Analyze(w, func(r string) bool { _, ok := root(r); return ok })
	if len(forms) == 0 {
		return "", false
	}
	f := forms[0]
	orig := f.Root
	f.Root, _ = root(orig)
	if _, ok := isirOverride[orig]; ok && f.Suffix == "" {
		f.Suffix = "kan"
	}
	return morph.Inflect(f), true
}

// typo reports a word unknown to the lexicons (the caller checked the
// Indonesian one) and close to a known one.
func typo(t *lint.Token) (lint.Finding, bool) {
	w := t.Lower
	if len(w) < minLetters || len(w) > maxTypoLen || strings.Contains(w, "-") || !isASCIILetters(w) {
		return lint.Finding{}, false
	}
	if len(morph.English(w)) > 0 || colloquial(w) {
		return lint.Finding{}, false // English: the jargon rule's loanwords
	}
	cands := candidates(w)
	if len(cands) == 0 {
		return lint.Finding{}, false
	}
	quoted := `"` + strings.Join(cands, `" atau "`) + `"`
	quotedEN := `"` + strings.Join(cands, `" or "`) + `"`
	return lint.Finding{
		Span: lint.Span{Start: t.Start, End: t.End}, Match: t.Text, Suggestions: cands,
		Message: lint.Text{ID: "\"" + t.Text + "\": mungkin maksudnya " + quoted + "?", EN: "\"" + t.Text + "\": did you mean " + quotedEN + "?"},
		Fix:     &lint.Fix{Span: lint.Span{Start: t.Start, End: t.End}, Replacement: lint.MatchCase(t.Text, cands[0], false), Safe: false},
	}, true
}

func isASCIILetters(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
