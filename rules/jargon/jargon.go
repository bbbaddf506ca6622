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
			ID: "Warga membaca unggahan sekilas di ponsel. Frasa surat dinas (\"dalam rangka\", \"bersama ini kami sampaikan\") dan istilah asing memperlambat pembaca dan menjauhkan pemerintah dari warganya. Setiap bentuk berimbuhan ikut dikenali: satu entri \"implementasi\" menangkap \"mengimplementasikan\" dan \"diimplementasikan\". Entri bisa membawa konteks (not_after, not_before): \"terkait\" sebagai kata depan (\"terkait jadwal\") dilaporkan, sebagai kata sifat (\"instansi terkait\", \"yang terkait\") tidak.",
			EN: "Citizens skim posts on their phones. Official-letter phrases (\"dalam rangka\", \"bersama ini kami sampaikan\") and foreign terms slow readers down and put distance between government and citizens. Affixed forms are recognised too: one entry \"implementasi\" catches \"mengimplementasikan\" and \"diimplementasikan\". An entry may carry context (not_after, not_before): \"terkait\" as a preposition (\"terkait jadwal\") is reported, as an adjective (\"instansi terkait\", \"yang terkait\") it is not."},
		Bad:       "Dalam rangka HUT Provinsi Banten, kami mengundang warga ke Alun-alun.",
		Good:      "Untuk memperingati HUT Provinsi Banten, kami mengundang warga ke Alun-alun.",
		Fix:       lint.Text{ID: "Ganti dengan saran dari kit. Bila entri hanya punya satu saran dan frasanya ditulis persis seperti di kit, perbaikannya aman dan diterapkan oleh --fix; bentuk berimbuhan hanya diberi saran.", EN: "Replace it with the kit's suggestion. When the entry has exactly one suggestion and the phrase is written as the kit lists it, the fix is safe and --fix applies it; an affixed form only gets the suggestion."},
		FixSafety: "safe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[[jargon]]", "[[jargon]] not_after", "[[jargon]] not_before", "[stemming] protect"},
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
	m.Find(p.Draft, func(mt lint.Match) {
		entry := p.Kit.Jargon[mt.ID]
		written := p.Draft.Source[mt.Span.Start:mt.Span.End]
		f := lint.Finding{
			Span:        mt.Span,
			Match:       written,
			Message:     messageFor(p.Kit, mt.ID, written),
			Suggestions: entry.Suggest,
			Severity:    entry.Severity,
		}
		if len(entry.Suggest) >= 1 {
			// Safe only for the phrase as listed: an inflected match
			// ("dilakukan pemeriksaan" for "melakukan pemeriksaan") would
			// take the suggestion's voice and affixes, which may not fit.
			safe := len(entry.Suggest) == 1 && lint.Normalize(written) == lint.Normalize(entry.Phrase)
			f.Fix = &lint.Fix{Span: mt.Span, Replacement: lint.MatchCase(written, entry.Suggest[0], p.Draft.SentenceStart(mt.Span.Start)), Safe: safe}
		}
		p.Report(f)
	})
	return nil
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
	t := message(written, k.Jargon[entry])
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
