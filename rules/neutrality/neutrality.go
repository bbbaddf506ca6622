// Package neutrality holds the neutrality rule: government accounts are
// run by civil servants (ASN), who must stay politically neutral.
package neutrality

import (
	"strings"
	"unicode"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Rule is the neutrality rule.
var Rule = &lint.Rule{
	Name: "neutrality",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Akun pemerintah netral secara politik", EN: "Government accounts stay politically neutral"},
		Why: lint.Text{
			ID: "Akun OPD dikelola aparatur sipil negara, yang wajib netral dalam pemilu dan pilkada (UU ASN, UU Pemilu). Nama partai, nomor urut calon, dan ajakan kampanye (\"coblos nomor 2\", \"pilih paslon\") di akun pemerintah bisa menjadi pelanggaran netralitas dan merusak kepercayaan warga. Daftar partai dan ajakan ada di [neutrality] kit dan bisa ditambah; nama partai juga dikenali sebagai tagar utuh. Singkatan partai yang juga berarti hal lain (PKS: Perjanjian Kerja Sama, Pabrik Kelapa Sawit) tidak dilaporkan bila unggahan menuliskan kepanjangan lain itu atau kata di dekatnya menunjukkannya (\"penandatanganan PKS\"); daftarnya di [[neutrality.senses]].",
			EN: "Agency accounts are run by civil servants (ASN), who must stay neutral in national and regional elections (the ASN and Elections laws). Party names, candidates' ballot numbers and campaign calls (\"coblos nomor 2\", \"pilih paslon\") on a government account can breach that neutrality and cost citizens' trust. The parties and calls are listed in the kit's [neutrality] and can be extended; party names are also recognised as whole hashtags. A party abbreviation that also means something else (PKS: Perjanjian Kerja Sama, a cooperation agreement; Pabrik Kelapa Sawit, a palm-oil mill) is not reported when the post spells out that other meaning or a word near it shows it (\"penandatanganan PKS\"); they are listed in [[neutrality.senses]]."},
		Bad:      "Jangan lupa coblos nomor 2 pada 27 November!",
		Good:     "Pilkada digelar 27 November. Cek lokasi TPS Anda di situs KPU dan gunakan hak pilih Anda.",
		Fix:      lint.Text{ID: "Hapus nama partai, nomor calon dan ajakan memilih calon tertentu. Informasi pemilu yang netral (jadwal, lokasi TPS, cara memilih) tetap boleh.", EN: "Remove party names, candidate numbers and calls to vote for a candidate. Neutral election information (dates, polling stations, how to vote) is fine."},
		Severity: lint.Error,
		KitKeys:  []string{"[neutrality] parties", "[neutrality] calls", "[[neutrality.senses]]"},
	},
	Check: check,
}

type kitData struct {
	m     *lint.Matcher
	kinds []int             // per phrase: party or call
	tags  map[string]string // folded hashtag body -> the kit's entry
	// senses maps a folded party abbreviation to its other meanings.
	senses map[string]*sense
}

// sense is a compiled [[neutrality.senses]] entry (all entries of one
// acronym together).
type sense struct {
	means   *lint.Matcher // expansions, surface words
	context *lint.Matcher // context words, stem-aware
}

const (
	party    = iota
	call     // a campaign call
	numbered // a call only when a ballot number follows ("paslon 02")
)

type memoKey struct{}

func data(k *brandkit.Kit) *kitData {
	return k.Memo(memoKey{}, func() any {
		d := &kitData{tags: map[string]string{}}
		var specs []lint.PhraseSpec
		for _, p := range k.Neutrality.Parties {
			p = strings.TrimSpace(p)
			// Party names are names: matched as written, not stemmed.
			specs = append(specs, lint.PhraseSpec{Text: p, Exact: true})
			d.kinds = append(d.kinds, party)
			d.tags[fold(p)] = p
		}
		for _, c := range k.Neutrality.Calls {
			c = strings.TrimSpace(c)
			kind := call
			if strings.HasSuffix(c, "#") {
				// "paslon #": only with a ballot number after it.
				c, kind = strings.TrimSpace(strings.TrimSuffix(c, "#")), numbered
			}
			specs = append(specs, lint.PhraseSpec{Text: strings.TrimPrefix(c, "="), Exact: strings.HasPrefix(c, "=")})
			d.kinds = append(d.kinds, kind)
			if f := fold(c); len(f) >= 8 {
				d.tags[f] = c
			}
		}
		d.m = lint.NewMatcher(specs, lint.StemmerFor(k))
		means, context := map[string][]lint.PhraseSpec{}, map[string][]lint.PhraseSpec{}
		for _, sn := range k.Neutrality.Senses {
			a := fold(sn.Acronym)
			for _, m := range sn.Means {
				means[a] = append(means[a], lint.PhraseSpec{Text: m, Exact: true})
			}
			for _, c := range sn.Context {
				c = strings.TrimSpace(c)
				context[a] = append(context[a], lint.PhraseSpec{Text: strings.TrimPrefix(c, "="), Exact: strings.HasPrefix(c, "=")})
			}
			if d.senses == nil {
				d.senses = map[string]*sense{}
			}
			d.senses[a] = &sense{}
		}
		for a, sn := range d.senses {
			sn.means = lint.NewMatcher(means[a], nil)
			sn.context = lint.NewMatcher(context[a], lint.StemmerFor(k))
		}
		return d
	}).(*kitData)
}

// otherSense reports whether the party abbreviation at tokens first..last
// means something else here: the draft spells out another expansion
// ("Perjanjian Kerja Sama (PKS)"), or a context word of that sense stands
// within brandkit.SenseWindow words of it in its sentence ("penandatanganan
// PKS", "PKS sawit").
func (d *kitData) otherSense(p *lint.Pass, text string, first, last int) bool {
	sn := d.senses[fold(text)]
	if sn == nil {
		return false
	}
	toks := p.Draft.Tokens
	found := false
	sn.means.Find(p.Draft, func(lint.Match) { found = true })
	if found {
		return true
	}
	// The window: SenseWindow words (or numbers) each side.
	lo, hi := first, last
	for n := 0; lo > 0 && n < brandkit.SenseWindow && toks[lo-1].Sentence == toks[first].Sentence; lo-- {
		if k := toks[lo-1].Kind; k == lint.TokWord || k == lint.TokNumber {
			n++
		}
	}
	for n := 0; hi+1 < len(toks) && n < brandkit.SenseWindow && toks[hi+1].Sentence == toks[last].Sentence; hi++ {
		if k := toks[hi+1].Kind; k == lint.TokWord || k == lint.TokNumber {
			n++
		}
	}
	sn.context.Find(p.Draft, func(m lint.Match) {
		if m.First >= lo && m.Last <= hi && (m.Last < first || m.First > last) {
			found = true
		}
	})
	return found
}

// fold keeps the lower-case letters and digits of s: "PDI-P" -> "pdip".
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func check(p *lint.Pass) error {
	d := data(p.Kit)
	toks := p.Draft.Tokens
	src := p.Draft.Source
	d.m.Find(p.Draft, func(m lint.Match) {
		last := m.Last
		// A call followed by a ballot number: "coblos nomor 2". A call that
		// ends in "nomor" needs the number: "pilih nomor layanan" at a
		// service counter is no campaign.
		hasNumber := last+1 < len(toks) && toks[last+1].Kind == lint.TokNumber && toks[last+1].Sentence == toks[last].Sentence
		kind := d.kinds[m.ID]
		if kind != party {
			if hasNumber {
				last++
			} else if w := toks[m.Last].Lower; kind == numbered || w == "nomor" || w == "no" || w == "nomer" {
				return
			}
			kind = call
		}
		a, b := toks[m.First].Start, toks[last].End
		if kind == party && d.otherSense(p, src[a:b], m.First, last) {
			return
		}
		report(p, kind, a, b, src[a:b])
	})
	for i := range toks {
		t := &toks[i]
		if t.Kind != lint.TokHashtag {
			continue
		}
		body := fold(t.Text[1:])
		kind := -1
		if _, ok := d.tags[body]; ok {
			kind = party
			if len(body) >= 8 {
				for _, c := range p.Kit.Neutrality.Calls {
					if fold(c) == body {
						kind = call
					}
				}
			}
		}
		if kind < 0 {
			for f := range d.tags {
				if len(f) >= 8 && strings.Contains(body, f) {
					kind = call
					break
				}
			}
		}
		if kind == party && d.otherSense(p, t.Text[1:], i, i) {
			continue
		}
		if kind >= 0 {
			report(p, kind, t.Start, t.End, t.Text)
		}
	}
	return nil
}

func report(p *lint.Pass, kind, a, b int, text string) {
	var msg lint.Text
	if kind == party {
		msg = lint.Tf("%q: nama partai politik di akun pemerintah; ASN wajib netral, hapus dari unggahan",
			"%q: a political party's name on a government account; civil servants must stay neutral, remove it", text)
	} else {
		msg = lint.Tf("%q: ajakan kampanye atau nomor calon di akun pemerintah; ASN wajib netral, hapus dan sampaikan informasi pemilu yang netral saja",
			"%q: a campaign call or candidate number on a government account; civil servants must stay neutral, remove it and keep to neutral election information", text)
	}
	p.Report(lint.Finding{Span: lint.Span{Start: a, End: b}, Match: text, Message: msg})
}
