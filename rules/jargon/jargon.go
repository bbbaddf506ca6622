// Package jargon reports bureaucratic phrases from the kit's [[jargon]]
// list and offers the plain words citizens use instead.
package jargon

import (
	"strings"
	"sync"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Rule is the jargon rule.
var Rule = &lint.Rule{
	Name: "jargon",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Hindari jargon birokrasi", EN: "Avoid bureaucratic jargon"},
		Why: lint.Text{
			ID: "Warga membaca unggahan sekilas di ponsel. Frasa surat dinas (\"dalam rangka\", \"bersama ini kami sampaikan\") dan istilah asing memperlambat pembaca dan menjauhkan pemerintah dari warganya. Setiap bentuk berimbuhan ikut dikenali: satu entri \"implementasi\" menangkap \"mengimplementasikan\" dan \"diimplementasikan\". Di luar kamus, aturan ini juga mengenali rangkaian kata benda lewat analisis imbuhan: kata kerja tanpa isi atau kata benda umum di depan kata benda turunan (\"melakukan pengecekan\", \"upaya pencegahan\", \"proses pendaftaran\") dan kata benda turunan yang membawahkan kata benda turunan lain (\"peningkatan pemahaman\"), serta pola mubazir (\"sangat cepat sekali\", \"para warga-warga\", \"saling bersalam-salaman\"). Nama lembaga yang ditulis dengan huruf kapital (Dinas Kesehatan, Badan Penanggulangan Bencana Daerah) tidak pernah dilaporkan. Entri bisa membawa konteks (not_after, not_before): \"terkait\" sebagai kata depan (\"terkait jadwal\") dilaporkan, sebagai kata sifat (\"instansi terkait\", \"yang terkait\") tidak.",
			EN: "Citizens skim posts on their phones. Official-letter phrases (\"dalam rangka\", \"bersama ini kami sampaikan\") and foreign terms slow readers down and put distance between government and citizens. Affixed forms are recognised too: one entry \"implementasi\" catches \"mengimplementasikan\" and \"diimplementasikan\". Beyond the dictionary, the rule finds nominal chains through affix analysis: an empty verb or a vague noun before a derived noun (\"melakukan pengecekan\", \"upaya pencegahan\", \"proses pendaftaran\") and a derived noun heading another one (\"peningkatan pemahaman\"), and redundancy patterns (\"sangat cepat sekali\", \"para warga-warga\", \"saling bersalam-salaman\"). Names of agencies written with capitals (Dinas Kesehatan, Badan Penanggulangan Bencana Daerah) are never reported. An entry may carry context (not_after, not_before): \"terkait\" as a preposition (\"terkait jadwal\") is reported, as an adjective (\"instansi terkait\", \"yang terkait\") it is not."},
		Bad:       "Dalam rangka HUT Provinsi Banten, kami mengundang warga ke Alun-alun.",
		Good:      "Untuk memperingati HUT Provinsi Banten, kami mengundang warga ke Alun-alun.",
		Fix:       lint.Text{ID: "Ganti dengan saran. Saran dari kit mengikuti imbuhan kata yang ditulis: \"diimplementasikan\" mendapat \"diterapkan\", \"dilakukan pengecekan\" mendapat \"dicek\". Perbaikan aman (diterapkan oleh --fix) hanya bila hasilnya pasti: satu saran, frasanya ditulis persis seperti di kit atau imbuhan satu kata berpindah tanpa tebakan; juga untuk pola mubazir yang cukup dibuang satu katanya (\"para warga-warga\" menjadi \"para warga\"). Rangkaian kata benda hanya diberi saran kata kerja, karena kata sesudahnya mungkin perlu diubah (\"memberikan pendampingan kepada\" menjadi \"mendampingi\").", EN: "Replace it with the suggestion. The kit's suggestions follow the affixes of the word as written: \"diimplementasikan\" gets \"diterapkan\", \"dilakukan pengecekan\" gets \"dicek\". The fix is safe (applied by --fix) only when the result is certain: one suggestion, the phrase written exactly as the kit lists it or the affixes of one word carried over without a guess; also for redundancy patterns where one word just goes (\"para warga-warga\" becomes \"para warga\"). A nominal chain only gets the verb as a suggestion, since the words after it may need to change (\"memberikan pendampingan kepada\" becomes \"mendampingi\")."},
		FixSafety: "safe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[[jargon]]", "[[jargon]] not_after", "[[jargon]] not_before", "[stemming] protect", "[chains] enabled", "[chains] light_verbs", "[chains] heads", "[chains] actions", "[chains] ignore", "[chains] verbs", "[wordiness] enabled", "[wordiness] around", "[wordiness] plural", "[wordiness] collective", "[wordiness] about_verbs", "[wordiness] keep"},
	},
	Check: check,
}

type matcherKey struct{}

func matcher(k *brandkit.Kit) *lint.Matcher {
	return k.Memo(matcherKey{}, func() any {
		specs := make([]lint.PhraseSpec, len(k.Jargon))
		for i, j := range k.Jargon {
			specs[i] = lint.PhraseSpec{Text: j.Phrase, Exact: j.Exact, NotAfter: j.NotAfter, NotBefore: j.NotBefore}
		}
		return lint.NewMatcher(specs, lint.StemmerFor(k))
	}).(*lint.Matcher)
}

func check(p *lint.Pass) error {
	m := matcher(p.Kit)
	var covered [][2]int // tokens the dictionary reported: its entry wins
	m.Find(p.Draft, func(mt lint.Match) {
		covered = append(covered, [2]int{mt.First, mt.Last})
		entry := p.Kit.Jargon[mt.ID]
		written := p.Draft.Source[mt.Span.Start:mt.Span.End]
		sugg, certain := suggestionsFor(p.Kit, mt.ID, written)
		f := lint.Finding{
			Span:        mt.Span,
			Match:       written,
			Message:     messageFor(p.Kit, mt.ID, written),
			Suggestions: sugg,
			Severity:    entry.Severity,
		}
		if len(sugg) >= 1 {
			// Safe only when certain: the phrase as listed, or a match
			// whose affixes carry over to the one suggestion without a
			// guess (inflect.go).
			safe := len(sugg) == 1 && certain
			f.Fix = &lint.Fix{Span: mt.Span, Replacement: lint.MatchCase(written, sugg[0], p.Draft.SentenceStart(mt.Span.Start)), Safe: safe}
		}
		p.Report(f)
	})
	checkChains(p, covered)
	checkWordiness(p, covered)
	return nil
}

type suggestKey struct{}

type suggested struct {
	list    []string
	certain bool
}

// suggestionsFor is reinflect for one entry as written, cached per kit
// like the messages.
func suggestionsFor(k *brandkit.Kit, entry int, written string) ([]string, bool) {
	e := k.Jargon[entry]
	if lint.Normalize(written) == lint.Normalize(e.Phrase) {
		return e.Suggest, true
	}
	cache := k.Memo(suggestKey{}, func() any { return &sync.Map{} }).(*sync.Map)
	key := messageKey{entry, written}
	if s, ok := cache.Load(key); ok {
		return s.(suggested).list, s.(suggested).certain
	}
	list, certain := reinflect(chainsOf(k), e.Phrase, written, e.Suggest)
	key.written = strings.Clone(written)
	cache.Store(key, suggested{list, certain})
	return list, certain
}

type messagesKey struct{}

type messageKey struct {
	entry   int
	written string
}

// messageFor is message, made once per kit, entry and spelling: a month's
// archive repeats the same few hundred phrases tens of thousands of times,
// and the messages (with the entry's note, in two languages) were a
// quarter of what a large run holds until it prints.
func messageFor(k *brandkit.Kit, entry int, written string) lint.Text {
	cache := k.Memo(messagesKey{}, func() any { return &sync.Map{} }).(*sync.Map)
	key := messageKey{entry, written}
	if t, ok := cache.Load(key); ok {
		return t.(lint.Text)
	}
	e := k.Jargon[entry]
	e.Suggest, _ = suggestionsFor(k, entry, written)
	t := message(written, e)
	key.written = strings.Clone(written) // not a piece of the draft's text
	cache.Store(key, t)
	return t
}

func message(written string, e brandkit.Jargon) lint.Text {
	quoted := strings.Join(strings.Fields(written), " ")
	var t lint.Text
	switch len(e.Suggest) {
	case 0:
		t = lint.Tf("%q: jargon birokrasi; hapus atau tulis ulang dengan kata sehari-hari", "%q: bureaucratic jargon; drop it or rephrase in everyday words", quoted)
	default:
		alts := `"` + strings.Join(e.Suggest, `" atau "`) + `"`
		altsEN := `"` + strings.Join(e.Suggest, `" or "`) + `"`
		t = lint.Tf("%q: jargon birokrasi; pakai %s", "%q: bureaucratic jargon; use %s", quoted, alts)
		t.EN = strings.Replace(t.EN, alts, altsEN, 1)
	}
	if e.Note != "" {
		t.ID += ". " + e.Note
		t.EN += ". " + e.Note
	}
	return t
}
