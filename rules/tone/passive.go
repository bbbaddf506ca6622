package tone

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/selaras/selaras/lint"
)

// Passive is the tone-passive rule.
var Passive = &lint.Rule{
	Name: "tone-passive",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Kurangi kalimat pasif di-", EN: "Use fewer di- passives"},
		Why: lint.Text{
			ID: "Kalimat pasif (\"telah dilaksanakan\", \"akan diberikan\") menyembunyikan siapa berbuat apa dan terdengar seperti laporan kegiatan. Warga lebih mudah menangkap kalimat aktif yang menyebut pelakunya: \"Dinkes membuka layanan\". Aturan ini menghitung kata kerja pasif di- di antara kata kerja unggahan (pasif di- dan aktif me-) dan melapor bila porsinya terlalu besar; \"di\" sebagai kata depan (\"di Serang\") dan kata seperti dinas, diskusi, digital tidak dihitung.",
			EN: "Passive sentences (\"telah dilaksanakan\", \"akan diberikan\") hide who does what and read like an activity report. Citizens follow active sentences that name the actor more easily: \"Dinkes membuka layanan\". The rule counts di- passive verbs among the post's verbs (di- passives and me- actives) and reports when their share is too high; \"di\" as a preposition (\"di Serang\") and words such as dinas, diskusi, digital are not counted."},
		Bad:      "Kegiatan vaksinasi telah dilaksanakan di Puskesmas Serang. Vaksin diberikan kepada 300 anak. Acara dibuka oleh Kepala Dinas dan dihadiri camat. Warga diimbau hadir tepat waktu.",
		Good:     "Puskesmas Serang membuka vaksinasi gratis hari ini. Petugas memberikan vaksin kepada 300 anak. Kepala Dinas membuka acara bersama camat. Datanglah tepat waktu, ya!",
		Fix:      lint.Text{ID: "Tulis ulang beberapa kalimat dengan pelaku sebagai subjek: \"Kami membuka pendaftaran\" alih-alih \"Pendaftaran dibuka\".", EN: "Rewrite some sentences with the actor as the subject: \"Kami membuka pendaftaran\" instead of \"Pendaftaran dibuka\"."},
		Severity: lint.Info,
		KitKeys:  []string{"[tone] passive_max", "[tone] passive_min"},
	},
	Check: checkPassive,
}

// notPassive lists words that start with "di" but are no di- passive:
// loanwords, agency names, and prepositions wrongly joined to their noun
// (the jargon and term rules deal with those).
var notPassive = toSet(`dinas diskusi digital digitalisasi dinamis dinamika direktur direktorat direksi
direktori diare disiplin diagnosa diagnosis distribusi distributor dimensi diploma diplomasi dialog
dialek diameter diagram disabilitas difabel dirgahayu dimana disini disana disitu diantara diatas
dibawah didalam diluar dirut dirjen ditjen diskon diskriminasi disrupsi divisi diversifikasi diaspora
diesel dilema difteri diabetes diet diktat diksi dinasti diorama dirgantara disertasi diskominfo
disdik dishub disnaker dispora dispar dinsos disperindag dispenda disbudpar disdukcapil diskes distan
dispusip dinkes disparbud diskoperindag diseminasi disinfektan disinformasi distorsi dividen disposisi
dispensasi diskresi dimas digit dinar diniyah diferensiasi dia diri dini dingin dinding diam
diantaranya disamping dimanapun diklat diknas dikti dikbud distrik display dimsum disnakertrans
dispendukcapil distanak dinamo diversitas dilematis diorama diplomat diaspora digitalnya`)

// notActive lists frequent words that start with "me" but are no me- verb.
var notActive = toSet(`mereka menteri media medis merdeka metode meter menu menit mesin merek mental
mekanisme melati meja memori merah memang mewah meski meskipun melainkan menuju mengenai menjelang
menurut mendatang`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// passiveVerb reports whether token i is a di- passive verb: "di" glued
// to a root the stemmer recognises ("dilaksanakan" -> laksana), not a
// listed loanword, and not a capitalised name inside a sentence.
func passiveVerb(toks []lint.Token, i int) bool {
	t := &toks[i]
	if t.Kind != lint.TokWord || !strings.HasPrefix(t.Lower, "di") || utf8.RuneCountInString(t.Lower) < 5 {
		return false
	}
	base := t.Lower
	if h := strings.IndexByte(base, '-'); h >= 0 {
		base = base[:h]
	}
	if notPassive[base] || t.Stem == t.Lower || t.Stem == "" || !strings.Contains(base[2:], firstPart(t.Stem)) {
		return false
	}
	return !capitalized(t.Text) || sentenceStart(toks, i)
}

// activeVerb reports whether the token is a me- verb ("melayani").
func activeVerb(t *lint.Token) bool {
	return t.Kind == lint.TokWord && strings.HasPrefix(t.Lower, "me") && utf8.RuneCountInString(t.Lower) >= 5 &&
		t.Stem != t.Lower && !notActive[t.Lower]
}

func firstPart(s string) string {
	if h := strings.IndexByte(s, '-'); h >= 0 {
		return s[:h]
	}
	return s
}

func checkPassive(p *lint.Pass) error {
	toks := p.Draft.Tokens
	var passives []string
	seen := map[string]bool{}
	nPassive, nActive := 0, 0
	for i := range toks {
		switch {
		case passiveVerb(toks, i):
			nPassive++
			if !seen[toks[i].Lower] {
				seen[toks[i].Lower] = true
				passives = append(passives, toks[i].Lower)
			}
		case activeVerb(&toks[i]):
			nActive++
		}
	}
	max := passiveMax(p.Kit)
	if nPassive < passiveMin(p.Kit) {
		return nil
	}
	share := float64(nPassive) / float64(nPassive+nActive)
	if share <= max {
		return nil
	}
	list := passives
	if len(list) > 5 {
		list = list[:5]
	}
	words := strings.Join(list, ", ")
	pct, lim := fmt.Sprintf("%.0f%%", share*100), fmt.Sprintf("%.0f%%", max*100)
	p.Report(lint.Finding{
		FileLevel: true,
		Match:     words,
		Message: lint.Tf("%d dari %d kata kerja berbentuk pasif di- (%s, batas %s): %s; tulis beberapa kalimat dengan pelaku sebagai subjek (\"kami membuka\", bukan \"dibuka\")",
			"%d of %d verbs are di- passives (%s, limit %s): %s; rewrite some sentences with the actor as the subject (\"kami membuka\", not \"dibuka\")",
			nPassive, nPassive+nActive, pct, lim, words),
	})
	return nil
}
