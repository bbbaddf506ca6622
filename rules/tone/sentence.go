package tone

import (
	"strings"

	"github.com/selaras/selaras/lint"
)

// SentenceLength is the tone-sentence-length rule.
var SentenceLength = &lint.Rule{
	Name: "tone-sentence-length",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Kalimat jangan terlalu panjang", EN: "Keep sentences short"},
		Why: lint.Text{
			ID: "Unggahan dibaca sekilas di layar ponsel. Kalimat yang melewati 25 kata memaksa pembaca mengingat awal kalimat sampai akhir; pedoman bahasa sederhana menyarankan satu gagasan per kalimat. Baris daftar (butir yang diawali tanda - atau emoji) dihitung sebagai kalimat sendiri.",
			EN: "Posts are skimmed on a phone screen. A sentence of more than 25 words makes readers hold its start in mind until its end; plain-language guides advise one idea per sentence. List lines (items starting with - or an emoji) count as sentences of their own."},
		Bad:      "Dalam upaya meningkatkan kualitas pelayanan kesehatan bagi seluruh lapisan masyarakat di wilayah Provinsi Banten, Dinas Kesehatan bersama seluruh puskesmas dan rumah sakit daerah terus berupaya memperluas jangkauan layanan imunisasi dasar lengkap bagi anak usia di bawah lima tahun.",
		Good:     "Dinas Kesehatan memperluas layanan imunisasi dasar lengkap. Anak di bawah lima tahun bisa diimunisasi gratis di puskesmas dan rumah sakit daerah di seluruh Banten.",
		Fix:      lint.Text{ID: "Pecah kalimat menjadi dua atau tiga kalimat, masing-masing satu gagasan.", EN: "Split the sentence into two or three, one idea each."},
		Severity: lint.Warning,
		KitKeys:  []string{"[tone] sentence_max"},
	},
	Check: checkSentenceLength,
}

func checkSentenceLength(p *lint.Pass) error {
	max := sentenceMax(p.Kit)
	toks := p.Draft.Tokens
	src := p.Draft.Source
	first, last, words := -1, -1, 0
	flush := func() {
		if words > max {
			text := src[toks[first].Start:toks[last].End]
			p.Report(lint.Finding{
				Span:  lint.Span{Start: toks[first].Start, End: toks[last].End},
				Match: strings.Join(strings.Fields(text), " "),
				Message: lint.Tf("kalimat %d kata (batas %d): \"%s\"; pecah menjadi kalimat yang lebih pendek, satu gagasan per kalimat",
					"a sentence of %d words (limit %d): \"%s\"; split it into shorter sentences, one idea each",
					words, max, quote(text, 40)),
			})
		}
		first, last, words = -1, -1, 0
	}
	prev := -1 // the previous token of running text
	for i := range toks {
		t := &toks[i]
		if prev >= 0 && (t.Sentence != toks[prev].Sentence || lineBreakBetween(src, toks, prev, i)) {
			flush()
		}
		prev = i
		if !isWord(t) {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		words++
	}
	flush()
	return nil
}

// lineBreakBetween reports whether a line break between tokens a and b
// (b == a+1) ends a segment: a list item, a heading, a line of tags. A
// sentence wrapped over two lines goes on when the line ends in a comma,
// or in a word and the next line starts with a word in lower case.
func lineBreakBetween(src string, toks []lint.Token, a, b int) bool {
	if !strings.Contains(src[toks[a].End:toks[b].Start], "\n") {
		return false
	}
	ta, tb := &toks[a], &toks[b]
	if !isWord(tb) {
		return true
	}
	return !(ta.Text == "," || isWord(ta) && !capitalized(tb.Text))
}
