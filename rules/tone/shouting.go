package tone

import (
	"strings"
	"unicode"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Shouting is the tone-shouting rule.
var Shouting = &lint.Rule{
	Name: "tone-shouting",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Jangan berteriak dengan huruf kapital", EN: "Do not shout in capitals"},
		Why: lint.Text{
			ID: "Kata yang seluruhnya kapital (\"SEGERA DAFTAR\") terbaca seperti berteriak, lebih sulit dibaca, dan dilewati pembaca layar huruf demi huruf. Singkatan resmi (UMKM, BPJS, RSUD) tetap boleh: kit bawaan memuat daftarnya dan kit provinsi bisa menambah lewat [tone] acronyms. Kata kapital yang tidak dikenal tetapi pendek (dua-tiga huruf) atau hampir tanpa huruf vokal (DPMPTSP, RKPD) dianggap singkatan, kecuali berdampingan dengan kata yang berteriak.",
			EN: "Words entirely in capitals (\"SEGERA DAFTAR\") read as shouting, are harder to read, and screen readers spell them out. Official acronyms (UMKM, BPJS, RSUD) are fine: the default kit lists them and a province's kit can add more in [tone] acronyms. Unknown capitalised words that are short (two or three letters) or have at most one vowel (DPMPTSP, RKPD) are taken for acronyms unless they stand next to a shouted word."},
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
	for i := 0; i < len(toks); i++ {
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
