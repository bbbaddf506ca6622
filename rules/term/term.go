// Package term reports official names and standard spellings written the
// wrong way, from the kit's [[terms]]: each `avoid` form is flagged with
// the `use` form as its fix, and a case-sensitive term (a proper name) is
// flagged when its own words are written in the wrong case.
//
// Terms are about spelling, so matching is on the surface words, never on
// stems: "analisa" is flagged, "menganalisis" is not touched.
package term

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Rule is the term rule.
var Rule = &lint.Rule{
	Name: "term",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Tulis nama resmi dan ejaan baku", EN: "Write official names and standard spellings"},
		Why: lint.Text{
			ID: "Satu suara berarti satu ejaan: nama lembaga yang sudah berganti (Kementerian Kominfo kini Komdigi), huruf kapital nama diri, dan ejaan baku KBBI (praktik, risiko, analisis, izin) yang ditulis berbeda-beda antarakun membuat pemerintah tampak tidak cermat.",
			EN: "One voice means one spelling: renamed institutions (the Kominfo ministry is now Komdigi), the capitals of proper names, and the standard KBBI spellings (praktik, risiko, analisis, izin) written differently across accounts make the government look careless."},
		Bad:       "Tim Propinsi Banten meninjau praktek pelayanan di puskesmas.",
		Good:      "Tim Provinsi Banten meninjau praktik pelayanan di puskesmas.",
		Fix:       lint.Text{ID: "Ganti dengan bentuk yang dipakai (`use`); huruf kapital di awal kalimat dipertahankan. Perbaikan aman.", EN: "Replace it with the form to use (`use`), keeping a sentence-start capital. The fix is safe."},
		FixSafety: "safe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[[terms]]", "[[terms]] since", "[[terms]] also_use", "[[terms]] not_after", "[[terms]] not_before"},
	},
	Check: check,
}

// target is what one matcher phrase stands for.
type target struct {
	term int  // index in Kit.Terms
	use  bool // the phrase is the term's own `use` form (case check only)
}

type compiled struct {
	m       *lint.Matcher
	targets []target
	// single maps a one-word avoid form of a case-insensitive term to the
	// term, for the same word with a clitic attached ("resikonya").
	single map[string]int
}

// clitics are the endings written onto a word without changing its
// spelling: "resikonya" is "resiko" + "nya".
var clitics = []string{"nya", "ku", "mu", "lah", "kah"}

type matcherKey struct{}

func build(k *brandkit.Kit) *compiled {
	return k.Memo(matcherKey{}, func() any {
		c := &compiled{single: map[string]int{}}
		var specs []lint.PhraseSpec
		for i, t := range k.Terms {
			for _, a := range t.Avoid {
				if f := strings.Fields(a); len(f) == 1 && !t.CaseSensitive && isWord(f[0]) {
					c.single[strings.ToLower(f[0])] = i
				}
				// An avoid form that differs from `use` only in case is a
				// case check, done below for case-sensitive terms.
				if lint.Normalize(a) == lint.Normalize(t.Use) {
					continue
				}
				specs = append(specs, lint.PhraseSpec{Text: a, Exact: true, NotAfter: t.NotAfter, NotBefore: t.NotBefore})
				c.targets = append(c.targets, target{term: i})
			}
			if t.CaseSensitive {
				specs = append(specs, lint.PhraseSpec{Text: t.Use, Exact: true})
				c.targets = append(c.targets, target{term: i, use: true})
			}
		}
		c.m = lint.NewMatcher(specs, nil)
		return c
	}).(*compiled)
}

func check(p *lint.Pass) error {
	c := build(p.Kit)
	d := p.Draft
	var matched []lint.Match
	c.m.Find(d, func(mt lint.Match) {
		matched = append(matched, mt)
		tg := c.targets[mt.ID]
		t := p.Kit.Terms[tg.term]
		written := d.Source[mt.Span.Start:mt.Span.End]
		start := d.SentenceStart(d.Tokens[mt.First].Start)
		if tg.use && caseOK(written, t.Use, start) {
			return
		}
		if !tg.use && (d.Front.HasDate && t.Before(d.Front.Date) || past(d, mt.First, t)) {
			return // the old name was still right on the draft's date, or then
		}
		title := titled(d, mt.Last, start, written)
		repl := keepCase(written, t.Use, start, t.CaseSensitive, title)
		if repl == written {
			return
		}
		f := lint.Finding{
			Span:        mt.Span,
			Match:       written,
			Message:     message(written, t, tg.use),
			Suggestions: []string{repl},
			Fix:         &lint.Fix{Span: mt.Span, Replacement: repl, Safe: true},
		}
		if !tg.use && len(t.AlsoUse) > 0 {
			// A name that split: the writer chooses the successor.
			for _, u := range t.AlsoUse {
				f.Suggestions = append(f.Suggestions, keepCase(written, u, start, t.CaseSensitive, title))
			}
			f.Fix.Safe = false
		}
		p.Report(f)
	})
	if len(c.single) > 0 {
		checkClitics(p, c, matched)
	}
	return nil
}

// checkClitics reports one-word avoid forms with a clitic attached
// ("resikonya", "analisanya"), which surface matching alone misses.
func checkClitics(p *lint.Pass, c *compiled, matched []lint.Match) {
	d := p.Draft
	m := 0
	for i := range d.Tokens {
		for m < len(matched) && matched[m].Last < i {
			m++
		}
		if m < len(matched) && matched[m].First <= i {
			continue // already reported as a whole word or phrase
		}
		tok := &d.Tokens[i]
		if tok.Kind != lint.TokWord {
			continue
		}
		for _, cl := range clitics {
			if len(tok.Lower) <= len(cl)+2 || !strings.HasSuffix(tok.Lower, cl) {
				continue
			}
			base := tok.Lower[:len(tok.Lower)-len(cl)]
			ti, ok := c.single[base]
			if !ok {
				continue
			}
			t := p.Kit.Terms[ti]
			if d.Front.HasDate && t.Before(d.Front.Date) || past(d, i, t) {
				break
			}
			written := tok.Text
			cut := len(written) - len(cl)
			if cut <= 0 || !strings.EqualFold(written[cut:], cl) {
				continue // case folding changed the length: leave it
			}
			repl := keepCase(written[:cut], t.Use, d.SentenceStart(d.Tokens[i].Start), false, false) + written[cut:]
			span := lint.Span{Start: tok.Start, End: tok.End}
			p.Report(lint.Finding{
				Span:        span,
				Match:       written,
				Message:     message(written, t, false),
				Suggestions: []string{repl},
				Fix:         &lint.Fix{Span: span, Replacement: repl, Safe: true},
			})
			break
		}
	}
}

// isWord reports whether s is letters only (no hyphen or apostrophe), so
// that a clitic can be recognised after it.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func message(written string, t brandkit.Term, caseOnly bool) lint.Text {
	quoted := strings.Join(strings.Fields(written), " ")
	var m lint.Text
	switch {
	case caseOnly:
		m = lint.Tf("%q: nama diri, tulis %q", "%q: a proper name, write %q", quoted, t.Use)
	case len(t.AlsoUse) > 0:
		names := append([]string{t.Use}, t.AlsoUse...)
		m = lint.Text{
			ID: fmt.Sprintf("%q: nama lama%s yang kini terbagi menjadi %s; tulis nama yang sesuai bidangnya", quoted, since(t), list(names, "dan")),
			EN: fmt.Sprintf("%q: an old name%s, now split into %s; write the one that fits the subject", quoted, sinceEN(t), list(names, "and")),
		}
	case !t.Since.IsZero():
		m = lint.Text{
			ID: fmt.Sprintf("%q: nama lama%s; tulis %q", quoted, since(t), t.Use),
			EN: fmt.Sprintf("%q: an old name%s; write %q", quoted, sinceEN(t), t.Use),
		}
	default:
		m = lint.Tf("%q: tidak baku; tulis %q", "%q: not the standard form; write %q", quoted, t.Use)
	}
	if t.Note != "" {
		m.ID += ". " + t.Note
		m.EN += ". " + t.Note
	}
	return m
}

var (
	monthsID = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	monthsEN = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// since and sinceEN say from when an old name is wrong (" (sejak 21
// Oktober 2024)"), or nothing for a term without a date.
func since(t brandkit.Term) string {
	if t.Since.IsZero() {
		return ""
	}
	d := t.Since
	return fmt.Sprintf(" (sejak %d %s %d)", d.Day(), monthsID[d.Month()-1], d.Year())
}

func sinceEN(t brandkit.Term) string {
	if t.Since.IsZero() {
		return ""
	}
	d := t.Since
	return fmt.Sprintf(" (since %d %s %d)", d.Day(), monthsEN[d.Month()-1], d.Year())
}

// list quotes names and joins them: "A", "B" dan "C".
func list(names []string, or string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + or + " " + q[len(q)-1]
}

// past reports whether the sentence of token i speaks of a time before the
// term's Since: it names an earlier year ("dimulai pada 2021 oleh
// Kementerian Kominfo"), or an earlier month of the same year ("Agustus
// 2024"). An old name is right there.
func past(d *lint.Draft, i int, t brandkit.Term) bool {
	if t.Since.IsZero() {
		return false
	}
	toks := d.Tokens
	s := toks[i].Sentence
	lo := i
	for lo > 0 && toks[lo-1].Sentence == s {
		lo--
	}
	for j := lo; j < len(toks) && toks[j].Sentence == s; j++ {
		tk := &toks[j]
		if tk.Kind != lint.TokNumber || len(tk.Text) != 4 {
			continue
		}
		y, err := strconv.Atoi(tk.Text)
		if err != nil || y < 1945 || j == 0 || toks[j-1].Kind != lint.TokWord || toks[j-1].Sentence != s {
			continue
		}
		// A year, not a count ("2000 pemohon"): after a month or a word
		// that introduces a year.
		m, month := months[toks[j-1].Lower]
		if !month && !yearWords[toks[j-1].Lower] {
			continue
		}
		if y < t.Since.Year() || y == t.Since.Year() && month && m < int(t.Since.Month()) {
			return true
		}
	}
	return false
}

// yearWords introduce a year: "pada 2021", "tahun 2023", "sejak 2019".
var yearWords = map[string]bool{
	"tahun": true, "thn": true, "th": true, "pada": true, "sejak": true, "semenjak": true,
	"hingga": true, "sampai": true, "periode": true, "era": true, "awal": true, "akhir": true,
	"pertengahan": true, "medio": true, "dimulai": true, "mulai": true, "dibentuk": true,
	"didirikan": true, "in": true, "since": true, "year": true,
}

// months maps month names (Indonesian, English, short forms) to 1..12.
var months = func() map[string]int {
	m := map[string]int{}
	for i := range monthsID {
		m[strings.ToLower(monthsID[i])] = i + 1
		m[strings.ToLower(monthsEN[i])] = i + 1
		m[strings.ToLower(monthsID[i][:3])] = i + 1
		m[strings.ToLower(monthsEN[i][:3])] = i + 1
	}
	m["agt"], m["okt"], m["des"], m["nop"], m["nopember"], m["pebruari"] = 8, 10, 12, 11, 11, 2
	return m
}()

// titled reports whether a match ending at token last is used as a title
// or part of a name: written with a capital in mid-sentence ("bersama
// Walikota"), or followed by a capitalised word ("Walikota Semarang"), at a
// sentence start too. A capital at a sentence start before a common word
// ("Walikota adalah ...") is only the sentence's capital.
func titled(d *lint.Draft, last int, start bool, written string) bool {
	if !start && titleCase(written) {
		return true
	}
	if !titleCase(written) || last+1 >= len(d.Tokens) {
		return false
	}
	n := &d.Tokens[last+1]
	if n.Kind != lint.TokWord || n.Sentence != d.Tokens[last].Sentence || strings.Contains(d.Source[d.Tokens[last].End:n.Start], "\n") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(n.Text)
	return unicode.IsUpper(r)
}

// caseOK reports whether written is an acceptable casing of a
// case-sensitive name: exactly as listed, all in capitals (a headline), or
// with its first letter raised at the start of a sentence.
func caseOK(written, use string, start bool) bool {
	w, u := strings.Join(strings.Fields(written), " "), strings.Join(strings.Fields(use), " ")
	if w == u || (w == strings.ToUpper(w) && strings.EqualFold(w, u)) {
		return true
	}
	return start && w == upperFirst(u)
}

// keepCase shapes the replacement: a case-sensitive name keeps its own
// capitals (raised at a sentence start); another term follows the capitals
// of what was written: all capitals, or a capital first letter, or, used
// as a title (see titled), a capital on each word but the small function
// words ("Wali Kota", "Kepala Dinas", never "Dan").
func keepCase(written, use string, start, caseSensitive, title bool) string {
	allUpper := written == strings.ToUpper(written) && written != strings.ToLower(written) && utf8.RuneCountInString(written) > 1
	if allUpper {
		return strings.ToUpper(use)
	}
	first, _ := utf8.DecodeRuneInString(written)
	if caseSensitive {
		if start && unicode.IsUpper(first) {
			return upperFirst(use)
		}
		return use
	}
	if !unicode.IsUpper(first) {
		return use
	}
	if title && strings.Contains(use, " ") {
		// "Walikota Serang" is a title: "Wali Kota Serang".
		words := strings.Fields(use)
		for i, w := range words {
			if i == 0 || !smallWords[w] {
				words[i] = upperFirst(w)
			}
		}
		return strings.Join(words, " ")
	}
	return upperFirst(use)
}

// smallWords stay in small letters inside a title or name (EYD V: "dan",
// "di", "ke", "dari", "yang", "untuk" ... are not capitalised there).
var smallWords = map[string]bool{
	"dan": true, "di": true, "ke": true, "dari": true, "yang": true, "untuk": true, "atau": true,
	"serta": true, "pada": true, "dalam": true, "oleh": true, "bagi": true, "tentang": true,
	"dengan": true, "sebagai": true, "terhadap": true,
}

// titleCase reports whether every word of s but the small function words
// ("dan", "di" ...) starts with a capital.
func titleCase(s string) bool {
	for i, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && (i == 0 || !smallWords[w]) {
			return false
		}
	}
	return true
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
