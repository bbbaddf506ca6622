// Package audience holds the audience-ceremonial rule: a post that reports
// officials' ceremonies (attending, opening, leading, receiving, signing)
// and gives citizens nothing they can use.
//
// The rule weighs signals rather than reacting to one keyword, so that its
// finding can say why: who the opening sentence is about, which ceremonial
// predicates and protocol details the post holds, and which kinds of
// citizen-facing content it lacks. The word lists are the kit's [audience]
// table (stem-matched; "=" marks an entry matched as written).
package audience

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Rule is the audience-ceremonial rule.
var Rule = &lint.Rule{
	Name: "audience-ceremonial",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Unggahan berpusat pada warga, bukan seremoni pejabat", EN: "Posts centre on citizens, not on officials' ceremonies"},
		Why: lint.Text{
			ID: "Kegagalan paling umum akun OPD adalah unggahan seremonial: pejabat menghadiri, membuka, memimpin, menerima audiensi, atau menandatangani sesuatu, tanpa satu pun hal yang bisa dipakai warga. Aturan ini menimbang tanda-tanda, bukan satu kata: pejabat atau instansi sebagai pelaku di kalimat pembuka ([audience] officials), predikat seremonial di tiga kalimat pertama ([audience] ceremonial: menghadiri, rapat koordinasi, kunjungan kerja, penandatanganan, audiensi ...), dan detail protokoler ([audience] protocol: bertempat di, didampingi, turut hadir ...). Skor dari tanda-tanda itu dibandingkan dengan [audience] threshold (bawaan 3). Unggahan tidak dilaporkan bila memuat paling sedikit dua isi untuk warga: kata dari [audience] citizen (gratis, syarat, daftar, hubungi, waspada, Anda ...), pertanyaan, tautan, surel atau nomor telepon, jam (pukul 08.00, 10.00 WIB), atau harga (Rp).",
			EN: "The most common failure of agency accounts is the ceremonial post: an official attended, opened, led, received an audience or signed something, and nothing in it is of use to citizens. The rule weighs signals, not one keyword: an official or an institution as the subject of the opening sentence ([audience] officials), ceremonial predicates in the first three sentences ([audience] ceremonial: menghadiri, rapat koordinasi, kunjungan kerja, penandatanganan, audiensi ...), and protocol detail ([audience] protocol: bertempat di, didampingi, turut hadir ...). Their score is compared with [audience] threshold (3 by default). A post is not reported when it holds at least two kinds of citizen-facing content: words from [audience] citizen (gratis, syarat, daftar, hubungi, waspada, Anda ...), a question, a link, an e-mail address or a phone number, a time of day (pukul 08.00, 10.00 WIB), or a price (Rp)."},
		Bad:      "Bupati menghadiri rapat koordinasi penanganan stunting di Aula Setda, didampingi Kepala Dinas Kesehatan dan jajaran.",
		Good:     "Bupati membuka layanan cek kesehatan gratis bagi balita di Aula Setda, Sabtu 18 Oktober pukul 08.00-12.00. Cukup bawa buku KIA. Info: 0812-3456-7890.",
		Fix:      lint.Text{ID: "Tulis dari sisi warga: apa manfaatnya, kapan dan di mana warga bisa datang, apa syaratnya, ke mana bertanya. Nama pejabat dan daftar hadir cukup di akhir, atau tidak perlu.", EN: "Write it from the citizen's side: what they gain, when and where they can come, what they need, where to ask. The officials' names and who attended can go last, or go."},
		Severity: lint.Warning,
		KitKeys:  []string{"[audience] officials", "[audience] ceremonial", "[audience] protocol", "[audience] citizen", "[audience] threshold"},
	},
	Check: check,
}

// DefaultThreshold is the ceremonial score a post must reach to be
// reported when the kit leaves [audience] threshold at 0.
const DefaultThreshold = 3

// Signal weights: a ceremonial predicate is the strongest evidence, a
// second distinct one adds less; an official as the opening sentence's
// subject and protocol detail each add one.
const (
	weightSubject   = 1
	weightPredicate = 2
	weightSecond    = 1
	weightProtocol  = 1
	// citizenEnough kinds of citizen-facing content clear a post.
	citizenEnough = 2
	// subjectWords is how far into the opening sentence the subject is
	// looked for ("Pelaksana Tugas (Plt) Bupati Lampung Tengah, ...").
	subjectWords = 12
	// openingSentences hold the ceremonial predicates that count.
	openingSentences = 3
)

type list int

const (
	officials list = iota
	ceremonial
	protocol
	citizen
	nLists
)

type kitData struct {
	m    *lint.Matcher
	list []list   // per phrase
	text []string // per phrase, as the kit writes it
}

type kitKey struct{}

func data(k *brandkit.Kit) *kitData {
	return k.Memo(kitKey{}, func() any {
		d := &kitData{}
		var specs []lint.PhraseSpec
		for l, words := range [nLists][]string{k.Audience.Officials, k.Audience.Ceremonial, k.Audience.Protocol, k.Audience.Citizen} {
			for _, w := range words {
				w = strings.TrimSpace(w)
				exact := strings.HasPrefix(w, "=")
				w = strings.TrimPrefix(w, "=")
				if w == "" {
					continue
				}
				specs = append(specs, lint.PhraseSpec{Text: w, Exact: exact})
				d.list = append(d.list, list(l))
				d.text = append(d.text, w)
			}
		}
		d.m = lint.NewMatcher(specs, lint.StemmerFor(k))
		return d
	}).(*kitData)
}

func threshold(k *brandkit.Kit) int {
	if k.Audience.Threshold > 0 {
		return k.Audience.Threshold
	}
	return DefaultThreshold
}

// evidence is what the rule saw in one draft.
type evidence struct {
	subject    string   // the official or institution opening the post
	predicates []string // distinct ceremonial predicates, as written
	first      lint.Span
	protocol   []string
	citizen    []string // distinct kinds of citizen-facing content
}

func (e *evidence) score() int {
	s := 0
	if e.subject != "" {
		s += weightSubject
	}
	if len(e.predicates) > 0 || len(e.protocol) > 1 {
		s += weightPredicate // two protocol details (turut hadir, dalam sambutannya) tell a ceremony too
	}
	if len(e.predicates) > 1 {
		s += weightSecond
	}
	if len(e.protocol) > 0 {
		s += weightProtocol
	}
	return s
}

func check(p *lint.Pass) error {
	if len(p.Kit.Audience.Ceremonial) == 0 {
		return nil // a kit without ceremonial predicates gives nothing to judge by
	}
	e := gather(p.Draft, data(p.Kit))
	if (len(e.predicates) == 0 && len(e.protocol) < 2) || e.score() < threshold(p.Kit) || len(e.citizen) >= citizenEnough {
		return nil
	}
	p.Report(lint.Finding{
		Span:      e.first,
		FileLevel: e.first == lint.Span{},
		Match:     p.Draft.Source[e.first.Start:e.first.End],
		Message: lint.Text{
			ID: fmt.Sprintf("unggahan seremonial: %s; tidak ada isi untuk warga (manfaat, jadwal dan tempat, syarat, biaya, kontak, atau ajakan). Apa artinya bagi warga? Sebut manfaat, jadwal, syarat, atau ajakan", describe(e, "id")),
			EN: fmt.Sprintf("ceremonial post: %s; nothing for citizens (benefit, time and place, requirements, cost, contact or a call to act). What does it mean for citizens? Name the benefit, the schedule, the requirements or a call to act", describe(e, "en")),
		},
	})
	return nil
}

// describe lists the ceremonial signals in one language.
func describe(e *evidence, lang string) string {
	var parts []string
	if e.subject != "" {
		if lang == "id" {
			parts = append(parts, fmt.Sprintf("%q sebagai pelaku", e.subject))
		} else {
			parts = append(parts, fmt.Sprintf("%q as the subject", e.subject))
		}
	}
	parts = append(parts, quoteAll(e.predicates))
	if len(e.protocol) > 0 {
		if lang == "id" {
			parts = append(parts, "detail protokoler "+quoteAll(e.protocol))
		} else {
			parts = append(parts, "protocol detail "+quoteAll(e.protocol))
		}
	}
	return strings.Join(parts, ", ")
}

func quoteAll(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}

func gather(d *lint.Draft, kd *kitData) *evidence {
	e := &evidence{}
	toks := d.Tokens
	firstSentence := -1
	wordIndex := make(map[int]int) // token index -> word number in the first sentence
	n := 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != lint.TokWord && t.Kind != lint.TokNumber {
			continue
		}
		if firstSentence < 0 {
			firstSentence = t.Sentence
		}
		if t.Sentence == firstSentence {
			wordIndex[i] = n
			n++
		}
	}
	seen := map[string]bool{}
	addOnce := func(dst *[]string, key, written string) {
		if !seen[key] {
			seen[key] = true
			*dst = append(*dst, written)
		}
	}
	kd.m.Find(d, func(m lint.Match) {
		written := strings.Join(strings.Fields(d.Source[m.Span.Start:m.Span.End]), " ")
		key := fmt.Sprint(kd.list[m.ID], "\x00", kd.text[m.ID])
		switch kd.list[m.ID] {
		case officials:
			if w, ok := wordIndex[m.First]; ok && w < subjectWords && e.subject == "" {
				e.subject = written
			}
		case ceremonial:
			if firstSentence >= 0 && toks[m.First].Sentence < firstSentence+openingSentences {
				if len(e.predicates) == 0 {
					e.first = m.Span
				}
				addOnce(&e.predicates, key, written)
			}
		case protocol:
			addOnce(&e.protocol, key, written)
		case citizen:
			addOnce(&e.citizen, key, written)
		}
	})
	for _, kind := range structuralCitizen(toks) {
		addOnce(&e.citizen, "kind\x00"+kind, kind)
	}
	return e
}

// structuralCitizen finds citizen-facing content that no word list names:
// a question, a contact (link, e-mail, phone number), a time of day, a
// price.
func structuralCitizen(toks []lint.Token) []string {
	var kinds []string
	has := map[string]bool{}
	add := func(k string) {
		if !has[k] {
			has[k] = true
			kinds = append(kinds, k)
		}
	}
	for i := range toks {
		t := &toks[i]
		switch t.Kind {
		case lint.TokPunct:
			if t.Text == "?" {
				add("question")
			}
		case lint.TokURL, lint.TokEmail:
			add("contact")
		case lint.TokWord, lint.TokNumber:
			switch {
			case isPhone(toks, i):
				add("contact")
			case (t.Lower == "pukul" || t.Lower == "jam") && nextIsNumber(toks, i):
				add("time")
			case (t.Lower == "wib" || t.Lower == "wita" || t.Lower == "wit") && i > 0 && prevIsNumber(toks, i):
				add("time")
			case t.Lower == "rp" && nextIsNumber(toks, i):
				add("price")
			case months[t.Lower] && isWindow(toks, i):
				add("schedule")
			}
		}
	}
	return kinds
}

// months are the month names (and their usual short forms) a date ends with.
var months = map[string]bool{
	"januari": true, "februari": true, "maret": true, "april": true, "mei": true, "juni": true,
	"juli": true, "agustus": true, "september": true, "oktober": true, "november": true,
	"desember": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"agu": true, "agt": true, "agust": true, "sep": true, "sept": true, "okt": true, "nov": true,
	"des": true,
}

// windowWords open or close a span of days: "mulai 18", "hingga 24
// Agustus", "18-24 Agustus", "27 Oktober sampai dengan 3 November".
var windowWords = map[string]bool{"mulai": true, "dari": true, "hingga": true, "sampai": true, "-": true, "–": true, "—": true, "d": true}

// isWindow reports whether the month name at toks[i] ends a date that is
// part of a span of days citizens can plan for: the number before it is
// itself preceded by a word that opens or closes a span.
func isWindow(toks []lint.Token, i int) bool {
	j := i - 1
	for ; j >= 0 && j > i-3; j-- {
		if toks[j].Kind == lint.TokNumber || startsDigit(toks[j].Text) {
			break
		}
	}
	if j < 0 || j <= i-3 {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		if windowWords[toks[k].Lower] || windowWords[toks[k].Text] {
			return true
		}
		if toks[k].Kind == lint.TokWord && toks[k].Lower != "tanggal" && toks[k].Lower != "dengan" && toks[k].Lower != "s" {
			return false
		}
	}
	return false
}

// isPhone reports a phone number starting at token i: digits (with the
// separators a tokenizer splits on) adding up to nine or more, or one
// starting with +62 or 08.
func isPhone(toks []lint.Token, i int) bool {
	t := &toks[i]
	if !startsDigit(t.Text) {
		return false
	}
	if i > 0 && toks[i-1].Kind == lint.TokNumber && toks[i-1].End == t.Start {
		return false // counted from the first piece
	}
	digits := 0
	end := t.Start
	for j := i; j < len(toks) && j < i+8; j++ {
		u := &toks[j]
		if u.Start > end+1 {
			break // a gap of more than one space
		}
		if u.Kind == lint.TokPunct && (u.Text == "-" || u.Text == "+" || u.Text == "(" || u.Text == ")") {
			end = u.End
			continue
		}
		if !allDigitsOrSeparators(u.Text) {
			break
		}
		digits += countDigits(u.Text)
		end = u.End
	}
	plus := i > 0 && toks[i-1].Text == "+" && strings.HasPrefix(t.Text, "62")
	return digits >= 9 || (plus && digits >= 8) || (strings.HasPrefix(t.Text, "08") && digits >= 8)
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func allDigitsOrSeparators(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '-' && r != '.' {
			return false
		}
	}
	return s != ""
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func nextIsNumber(toks []lint.Token, i int) bool {
	for j := i + 1; j < len(toks) && j < i+3; j++ {
		if toks[j].Kind == lint.TokNumber || startsDigit(toks[j].Text) {
			return true
		}
		if toks[j].Kind == lint.TokWord {
			return false
		}
	}
	return false
}

func prevIsNumber(toks []lint.Token, i int) bool {
	for j := i - 1; j >= 0 && j > i-3; j-- {
		if toks[j].Kind == lint.TokNumber || startsDigit(toks[j].Text) {
			return true
		}
		if toks[j].Kind == lint.TokWord {
			return false
		}
	}
	return false
}
