package tone

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Shouting is the tone-shouting rule.
var Shouting = &lint.Rule{
	Name: "tone-shouting",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Jangan berteriak dengan huruf kapital", EN: "Do not shout in capitals"},
		Why: lint.Text{
			ID: "Kata yang seluruhnya kapital (\"SEGERA DAFTAR\") terbaca seperti berteriak, lebih sulit dibaca, dan dilewati pembaca layar huruf demi huruf. Singkatan resmi (UMKM, BPJS, RSUD) tetap boleh: kit bawaan memuat daftarnya dan kit provinsi bisa menambah lewat [tone] acronyms. Kata kapital yang tidak dikenal tetapi pendek (dua-tiga huruf) atau hampir tanpa huruf vokal (DPMPTSP, RKPD) dianggap singkatan, kecuali berdampingan dengan kata yang berteriak. Singkatan yang diperkenalkan dalam kurung setelah atau sebelum kepanjangannya (\"Bulan Imunisasi Anak Nasional (BIAN)\") dianggap singkatan di seluruh unggahan. Label pendek (paling banyak tiga kata) di awal unggahan (\"PENGUMUMAN\", \"[HOAKS]\", \"INFO PENTING:\") adalah label, bukan teriakan, dan tidak dilaporkan, kecuali memuat ajakan (\"AYO DAFTAR\").",
			EN: "Words entirely in capitals (\"SEGERA DAFTAR\") read as shouting, are harder to read, and screen readers spell them out. Official acronyms (UMKM, BPJS, RSUD) are fine: the default kit lists them and a province's kit can add more in [tone] acronyms. Unknown capitalised words that are short (two or three letters) or have at most one vowel (DPMPTSP, RKPD) are taken for acronyms unless they stand next to a shouted word. An acronym introduced in parentheses after or before its expansion (\"Bulan Imunisasi Anak Nasional (BIAN)\") is an acronym in the whole post. A short label (three words at most) opening the post (\"PENGUMUMAN\", \"[HOAKS]\", \"INFO PENTING:\") is a label, not shouting, and is not reported, unless it holds an invitation (\"AYO DAFTAR\")."},
		Bad:      "SEGERA DAFTARKAN anak Anda untuk imunisasi gratis di puskesmas terdekat.",
		Good:     "Segera daftarkan anak Anda untuk imunisasi gratis di puskesmas terdekat. Bawa KTP dan kartu BPJS.",
		Fix:      lint.Text{ID: "Tulis dengan huruf biasa; beri penekanan lewat susunan kalimat atau emoji secukupnya. Bila kata itu singkatan resmi, tambahkan ke [tone] acronyms.", EN: "Write it in ordinary case; give emphasis through the sentence or a sparing emoji. If the word is an official acronym, add it to [tone] acronyms."},
		Severity: lint.Warning,
		KitKeys:  []string{"[tone] acronyms"},
	},
	Check: checkShouting,
}

type acronymKey struct{}

func acronyms(k *brandkit.Kit) map[string]bool {
	return k.Memo(acronymKey{}, func() any {
		m := make(map[string]bool, len(k.Tone.Acronyms))
		for _, a := range k.Tone.Acronyms {
			m[strings.ToUpper(strings.TrimSpace(a))] = true
		}
		return m
	}).(map[string]bool)
}

// caps classifies a word: 0 not in capitals, 1 a known acronym (or a
// Roman numeral, or made of known acronyms), 2 short capitals that may be
// an unknown acronym, 3 shouting.
func caps(word string, known map[string]bool) int {
	letters, upper := 0, 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else {
				return 0
			}
		}
	}
	if letters < 2 || upper != letters {
		return 0
	}
	up := strings.ToUpper(word)
	if known[up] || romanNumeral(up) {
		return 1
	}
	// Hyphenated and numbered forms: E-KTP, COVID-19, PPKM-2.
	if strings.ContainsAny(up, "-0123456789") {
		all := true
		for _, part := range strings.FieldsFunc(up, func(r rune) bool { return r == '-' || unicode.IsDigit(r) }) {
			if len([]rune(part)) > 1 && !known[part] {
				all = false
			}
		}
		if all {
			return 1
		}
	}
	if letters <= 3 || vowels(up) <= 1 {
		return 2
	}
	return 3
}

// vowels counts A, E, I, O, U: an unknown capitalised word with at most one
// vowel (DPMPTSP, RKPD, BPKAD) is an acronym, not a word being shouted.
func vowels(s string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune("AEIOU", r) {
			n++
		}
	}
	return n
}

func romanNumeral(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("IVXLCDM", r) {
			return false
		}
	}
	return len(s) <= 6
}

func checkShouting(p *lint.Pass) error {
	known := acronyms(p.Kit)
	toks := p.Draft.Tokens
	src := p.Draft.Source
	if def := defined(toks, known); len(def) > 0 {
		// Acronyms the post defines count as known, in the whole post.
		all := make(map[string]bool, len(known)+len(def))
		for w := range known {
			all[w] = true
		}
		for w := range def {
			all[w] = true
		}
		known = all
	}
	label := labelEnd(p, known)
	for i := 0; i < len(toks); i++ {
		if i <= label {
			continue // the post's opening label ("PENGUMUMAN", "[HOAKS]")
		}
		if toks[i].Kind != lint.TokWord || caps(toks[i].Text, known) == 0 {
			continue
		}
		// A run of capitalised words on one line, punctuation between
		// them allowed ("AYO, DAFTAR SEKARANG!").
		j, firstShout, lastShout, shout := i, -1, -1, false
		for k := i; k < len(toks); k++ {
			t := &toks[k]
			if k > i && strings.Contains(src[toks[k-1].End:t.Start], "\n") {
				break
			}
			if t.Kind == lint.TokPunct || t.Kind == lint.TokEmoji {
				continue
			}
			c := 0
			if t.Kind == lint.TokWord || t.Kind == lint.TokNumber && k > i {
				c = caps(t.Text, known)
				if t.Kind == lint.TokNumber {
					c = 1
				}
			}
			if c == 0 {
				break
			}
			j = k
			if c >= 2 {
				if firstShout < 0 {
					firstShout = k
				}
				lastShout = k
				shout = shout || c == 3
			}
		}
		if shout {
			a, b := toks[firstShout].Start, toks[lastShout].End
			text := src[a:b]
			p.Report(lint.Finding{
				Span:        lint.Span{Start: a, End: b},
				Match:       text,
				Suggestions: []string{sentenceCase(text, sentenceStart(toks, firstShout), known)},
				Message: lint.Tf("%q ditulis kapital semua dan terbaca seperti berteriak; tulis dengan huruf biasa (bila singkatan resmi, tambahkan ke [tone] acronyms)",
					"%q is all in capitals and reads as shouting; write it in ordinary case (if it is an official acronym, add it to [tone] acronyms)",
					quote(text, 60)),
			})
		}
		i = j
	}
	return nil
}

// sentenceCase lowers shouted text, keeping acronyms and a capital at a
// sentence start.
func sentenceCase(s string, start bool, known map[string]bool) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if caps(strings.Trim(w, ",.!?:;"), known) != 1 {
			words[i] = strings.ToLower(w)
		}
	}
	out := []rune(strings.Join(words, " "))
	if start && len(out) > 0 {
		out[0] = unicode.ToUpper(out[0])
	}
	return string(out)
}

// labelWords is the most words an opening label may have.
const labelWords = 3

// labelEnd returns the index of the last token of the post's opening
// label, or -1. A label is a run of at most three words in capitals that
// starts the post (only punctuation or emoji before it: "📢 PENGUMUMAN",
// "[HOAKS]") and stands alone: the line ends after it, or a colon, "!",
// "|", a dash or a closing bracket follows ("INFO PENTING: ..."). A run
// holding an invitation of the kit ("AYO DAFTAR") is a shouted call, not
// a label.
func labelEnd(p *lint.Pass, known map[string]bool) int {
	toks, src := p.Draft.Tokens, p.Draft.Source
	first := -1
	for i := range toks {
		if k := toks[i].Kind; k == lint.TokPunct || k == lint.TokEmoji {
			continue
		}
		if toks[i].Kind == lint.TokWord {
			first = i
		}
		break
	}
	if first < 0 || caps(toks[first].Text, known) == 0 {
		return -1
	}
	last, words := first, 0
	for k := first; k < len(toks); k++ {
		t := &toks[k]
		if k > first && strings.Contains(src[toks[k-1].End:t.Start], "\n") {
			break
		}
		if t.Kind == lint.TokWord && caps(t.Text, known) > 0 {
			last, words = k, words+1
			continue
		}
		if t.Kind == lint.TokNumber {
			last = k
			continue
		}
		break
	}
	if words > labelWords {
		return -1
	}
	call := false
	invitations(p.Kit).m.Find(p.Draft, func(m lint.Match) {
		if m.First <= last && m.Last >= first {
			call = true
		}
	})
	if call {
		return -1
	}
	n := last + 1
	if n == len(toks) || strings.Contains(src[toks[last].End:toks[n].Start], "\n") {
		return last
	}
	if toks[n].Kind == lint.TokPunct && strings.Contains(":!|-–—])】", toks[n].Text) {
		return n
	}
	return -1
}

// defined returns the capitalised words the post defines as acronyms: one
// in parentheses right after its expansion ("Bulan Imunisasi Anak Nasional
// (BIAN)") or right before it ("BIAN (Bulan Imunisasi Anak Nasional)").
// The expansion is two to ten words in the same sentence whose letters
// hold the acronym's letters in order, starting with its first word's
// first letter.
func defined(toks []lint.Token, known map[string]bool) map[string]bool {
	var out map[string]bool
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.Kind != lint.TokWord || toks[i+1].Text != "(" && toks[i+1].Text != ")" || caps(t.Text, known) < 2 {
			continue
		}
		var words []string
		if toks[i-1].Text == "(" && toks[i+1].Text == ")" {
			// The expansion before "(".
			for j := i - 2; j >= 0 && len(words) < 10 && toks[j].Sentence == t.Sentence && toks[j].Kind == lint.TokWord; j-- {
				words = append([]string{toks[j].Lower}, words...)
			}
			if !expands(t.Text, words, true) {
				continue
			}
		} else if toks[i+1].Text == "(" {
			// The expansion inside the parentheses after it.
			for j := i + 2; j < len(toks) && len(words) < 10 && toks[j].Sentence == t.Sentence && toks[j].Kind == lint.TokWord; j++ {
				words = append(words, toks[j].Lower)
			}
			if !expands(t.Text, words, false) {
				continue
			}
		} else {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[strings.ToUpper(t.Text)] = true
	}
	return out
}

// expands reports whether some run of words (ending at the last word when
// atEnd, starting at the first otherwise) of two or more words spells the
// acronym: its first letter starts the run and all its letters appear in
// the run's letters in order.
func expands(acronym string, words []string, atEnd bool) bool {
	var letters []rune
	for _, r := range strings.ToLower(acronym) {
		if unicode.IsLetter(r) {
			letters = append(letters, r)
		}
	}
	if len(letters) < 2 || len(words) < 2 {
		return false
	}
	try := func(run []string) bool {
		first, _ := utf8.DecodeRuneInString(run[0])
		if first != letters[0] {
			return false
		}
		k := 0
		for _, w := range run {
			for _, r := range w {
				if k < len(letters) && r == letters[k] {
					k++
				}
			}
		}
		return k == len(letters)
	}
	for n := 2; n <= len(words); n++ {
		run := words[:n]
		if atEnd {
			run = words[len(words)-n:]
		}
		if try(run) {
			return true
		}
	}
	return false
}
