// Package claim holds claim-source: figures in a post need a verifiable
// source (the campaign's transparency principle).
package claim

import (
	"fmt"
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Rule is the claim-source rule.
var Rule = &lint.Rule{
	Name: "claim-source",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Angka perlu sumber", EN: "Figures need a source"},
		Why: lint.Text{
			ID: "Transparansi dan akuntabilitas: angka (persentase, rupiah, jumlah orang) yang tidak bisa diperiksa warga mengundang keraguan dan hoaks tandingan. Unggahan yang memuat angka sebaiknya menyebut sumbernya (\"Sumber: BPS Banten\", \"menurut data Dinkes\") atau menautkan data terbukanya. Aturan ini melapor angka pertama yang tidak bersumber. Tautan atau kata sumber dari [claims] sources di kalimat tanpa angka (\"Sumber: BPS Banten\") berlaku untuk seluruh unggahan; kata sumber di kalimat yang memuat angka (\"Rp5 miliar bersumber dari APBD\") hanya berlaku untuk kalimat itu. \"100%\" sebagai penegas (\"gratis 100%\"), harga atau tarif yang ditetapkan sendiri (\"tiket masuk Rp10.000\") dan rencana atau kuota (\"kuota 500 peserta\", \"ditargetkan 95%\", [claims] plans) tidak dihitung.",
			EN: "Transparency and accountability: figures (percentages, rupiah amounts, counts of people) that citizens cannot check invite doubt and rival hoaxes. A post with figures should name its source (\"Sumber: BPS Banten\", \"menurut data Dinkes\") or link to the open data. The rule reports the first figure without a source. A link, or a source word from [claims] sources in a sentence without figures (\"Sumber: BPS Banten\"), covers the whole post; a source word in a sentence with figures (\"Rp5 miliar bersumber dari APBD\") covers that sentence only. \"100%\" as emphasis (\"gratis 100%\"), prices or fees the agency sets (\"tiket masuk Rp10.000\") and plans or quotas (\"kuota 500 peserta\", \"ditargetkan 95%\", [claims] plans) do not count."},
		Bad:      "Angka stunting di Banten turun menjadi 18,2% tahun ini. Bantuan Rp1,2 miliar sudah disalurkan kepada 1.250 keluarga.",
		Good:     "Angka stunting di Banten turun menjadi 18,2% tahun ini (sumber: Survei Status Gizi Indonesia 2024). Rincian penyaluran bantuan: https://data.bantenprov.go.id/bantuan",
		Fix:      lint.Text{ID: "Sebut sumber angka (\"Sumber: BPS Banten, 2025\") atau sertakan tautan ke data terbuka.", EN: "Name the figure's source (\"Sumber: BPS Banten, 2025\") or add a link to the open data."},
		Severity: lint.Info,
		KitKeys:  []string{"[claims] sources", "[claims] units", "[claims] plans", "[claims] example_source"},
	},
	Check: check,
}

// magnitudes turn a number into an amount of money or people.
var magnitudes = map[string]bool{"ribu": true, "juta": true, "miliar": true, "milyar": true, "triliun": true, "rb": true, "jt": true, "m": true, "t": true}

type kitData struct {
	sources *lint.Matcher
	plans   *lint.Matcher
	units   [][]string // lower-case words of each unit
}

// defaultExample is the example source of the message when the kit names
// none ([claims] example_source).
const defaultExample = "situs resmi BPS atau data terbuka pemda"

type memoKey struct{}

func data(k *brandkit.Kit) *kitData {
	return k.Memo(memoKey{}, func() any {
		specs := make([]lint.PhraseSpec, len(k.Claims.Sources))
		for i, s := range k.Claims.Sources {
			s = strings.TrimSpace(s)
			specs[i] = lint.PhraseSpec{Text: strings.TrimPrefix(s, "="), Exact: strings.HasPrefix(s, "=")}
		}
		d := &kitData{sources: lint.NewMatcher(specs, lint.StemmerFor(k))}
		plans := make([]lint.PhraseSpec, len(k.Claims.Plans))
		for i, s := range k.Claims.Plans {
			s = strings.TrimSpace(s)
			plans[i] = lint.PhraseSpec{Text: strings.TrimPrefix(s, "="), Exact: strings.HasPrefix(s, "=")}
		}
		d.plans = lint.NewMatcher(plans, lint.StemmerFor(k))
		for _, u := range k.Claims.Units {
			if w := strings.Fields(strings.ToLower(u)); len(w) > 0 {
				d.units = append(d.units, w)
			}
		}
		return d
	}).(*kitData)
}

// priceWords before an amount make it a price or a fee the agency sets
// ("tiket masuk Rp10.000", "tarifnya Rp4.000"), not a claim that needs a
// source. Compared by stem.
var priceWords = map[string]bool{
	"tiket": true, "tarif": true, "harga": true, "biaya": true, "ongkos": true, "retribusi": true,
	"bayar": true, "cukup": true, "murah": true, "diskon": true, "potong": true, "denda": true, "sewa": true,
}

// priced reports whether a word before token i in its sentence names a
// price ("Tarifnya Rp4.000, pelajar dan lansia Rp2.000").
func priced(toks []lint.Token, i int) bool {
	for j := i - 1; j >= 0 && toks[j].Sentence == toks[i].Sentence; j-- {
		if toks[j].Kind != lint.TokWord {
			continue
		}
		if priceWords[toks[j].Stem] || priceWords[toks[j].Lower] {
			return true
		}
	}
	return false
}

// figure is a claim found in the text: tokens first..last.
type figure struct{ first, last int }

func check(p *lint.Pass) error {
	toks := p.Draft.Tokens
	kd := data(p.Kit)
	var figs []figure
	for i := 0; i < len(toks); i++ {
		if f, ok := figureAt(toks, i, kd.units); ok {
			figs = append(figs, f)
			i = f.last
		}
	}
	if len(figs) == 0 {
		return nil
	}
	figs = claims(p, kd, figs)
	if len(figs) == 0 {
		return nil
	}
	f := figs[0]
	src := p.Draft.Source
	a, b := toks[f.first].Start, toks[f.last].End
	text := src[a:b]
	more := lint.Text{}
	if n := len(figs) - 1; n > 0 {
		more = lint.Tf(" (dan %d angka lain)", " (and %d more)", n)
	}
	example := strings.TrimSpace(p.Kit.Claims.ExampleSource)
	if example == "" {
		example = defaultExample
	}
	p.Report(lint.Finding{
		Span:  lint.Span{Start: a, End: b},
		Match: text,
		Message: lint.Text{
			ID: fmt.Sprintf("angka %q%s tanpa sumber; sebut sumbernya (\"Sumber: %s\") atau sertakan tautan ke datanya", text, more.ID, example),
			EN: fmt.Sprintf("figure %q%s without a source; name the source (\"Sumber: %s\") or link to the data", text, more.EN, example),
		},
	})
	return nil
}

// claims keeps the figures that need a source and have none:
//
//   - a link anywhere in the post sources every figure;
//   - a source phrase in a sentence without figures ("Sumber: BPS Banten",
//     "Data selengkapnya di PPID") sources every figure of the post;
//   - a source phrase in a sentence with figures ("Rp2 miliar bersumber
//     dari APBD") sources that sentence's figures only;
//   - a figure after a plan word in its clause ("kuota 500 peserta",
//     "ditargetkan 80%") or followed by "pertama" ("200 UMKM pertama") is
//     a plan or a quota, not a claim.
func claims(p *lint.Pass, kd *kitData, figs []figure) []figure {
	toks := p.Draft.Tokens
	for i := range toks {
		if toks[i].Kind == lint.TokURL {
			return nil
		}
	}
	figSentence := map[int]bool{}
	for _, f := range figs {
		figSentence[toks[f.first].Sentence] = true
	}
	covered := map[int]bool{} // sentences whose figures are sourced
	all := false
	kd.sources.Find(p.Draft, func(m lint.Match) {
		// "sumber daya" (resources) names no source.
		if toks[m.First].Stem == "sumber" && m.Last == m.First && m.Last+1 < len(toks) && toks[m.Last+1].Lower == "daya" {
			return
		}
		if s := toks[m.First].Sentence; figSentence[s] {
			covered[s] = true
		} else {
			all = true
		}
	})
	if all {
		return nil
	}
	// Plan words, by token: a figure is planned when one stands before it
	// in its clause.
	var plan []bool
	kd.plans.Find(p.Draft, func(m lint.Match) {
		if plan == nil {
			plan = make([]bool, len(toks))
		}
		plan[m.Last] = true
	})
	out := figs[:0:0]
	for _, f := range figs {
		if covered[toks[f.first].Sentence] || planned(toks, plan, f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// planned reports whether a plan word stands before figure f in its clause
// (back to a comma, semicolon or the sentence start), or "pertama" right
// after it.
func planned(toks []lint.Token, plan []bool, f figure) bool {
	if n := f.last + 1; n < len(toks) && toks[n].Sentence == toks[f.last].Sentence && toks[n].Lower == "pertama" {
		return true
	}
	if plan == nil {
		return false
	}
	for j := f.first - 1; j >= 0 && toks[j].Sentence == toks[f.first].Sentence; j-- {
		if toks[j].Kind == lint.TokPunct && (toks[j].Text == "," || toks[j].Text == ";") {
			return false
		}
		if plan[j] {
			return true
		}
	}
	return false
}

// figureAt reports a figure starting at token i: a percentage, a rupiah
// amount, or a number of people or money.
func figureAt(toks []lint.Token, i int, units [][]string) (figure, bool) {
	t := &toks[i]
	next := func(j int) *lint.Token {
		if j < len(toks) && toks[j].Sentence == t.Sentence {
			return &toks[j]
		}
		return nil
	}
	// Rupiah: "Rp1,2 miliar", "Rp 500.000", "Rp. 2 juta".
	if t.Kind == lint.TokWord && strings.HasPrefix(t.Lower, "rp") {
		last := -1
		if len(t.Lower) > 2 && digits(t.Lower[2:]) {
			if nonZero(t.Lower[2:]) {
				last = i
			}
		} else if t.Lower == "rp" {
			j := i + 1
			if n := next(j); n != nil && n.Text == "." && n.Start == t.End {
				j++
			}
			if n := next(j); n != nil && n.Kind == lint.TokNumber && nonZero(n.Text) {
				last = j
			}
		}
		if last < 0 || priced(toks, i) {
			return figure{}, false
		}
		if n := next(last + 1); n != nil && magnitudes[n.Lower] {
			last++
		}
		return figure{i, last}, true
	}
	if t.Kind != lint.TokNumber {
		return figure{}, false
	}
	j := i
	n := next(j + 1)
	// Percentages: "18,2%", "20 persen".
	if n != nil && (n.Text == "%" && n.Start == t.End || n.Lower == "persen") {
		if t.Text == "100" {
			return figure{}, false
		}
		return figure{i, j + 1}, true
	}
	money := false
	if n != nil && magnitudes[n.Lower] && n.Lower != "m" && n.Lower != "t" {
		j++
		money = true
		n = next(j + 1)
	}
	if n != nil && n.Lower == "rupiah" {
		return figure{i, j + 1}, true
	}
	for _, u := range units {
		if matchWords(toks, j+1, t.Sentence, u) {
			return figure{i, j + len(u)}, true
		}
	}
	if money {
		return figure{i, j}, true
	}
	return figure{}, false
}

func matchWords(toks []lint.Token, at, sentence int, words []string) bool {
	if at+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		t := &toks[at+k]
		if t.Sentence != sentence || t.Lower != w {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == ',') {
			return false
		}
	}
	return s[0] >= '0' && s[0] <= '9'
}

func nonZero(s string) bool { return strings.Trim(s, "0.,") != "" }
