package jargon

import (
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/lexicon"
	"github.com/selaras/selaras/lint/morph"
)

// Loanwords: any English word in Indonesian running text, found through
// the lexicons rather than a list: a word of the English lexicon that is
// no Indonesian root or affixed form, bare (feedback), with Indonesian
// affixes glued on (direview, mengupdate) or hyphenated (meng-share,
// di-review, vibes-nya). Neighbouring English words are one finding (best
// practice, kick off). A word with a Badan Bahasa equivalent gets it as a
// suggestion (warning); one without is an "istilah asing" (info).
//
// Never reported: words the kit or an accept file accepts ([loanwords]
// accept, .selaras-accept), capitalised words inside a sentence (names:
// Google, WhatsApp), acronyms and mixed capitals, words in italics (*...*
// or _..._: marked as foreign on purpose, as PUEBI asks), words the
// jargon dictionary or the kit's terms already report.

type loanConfig struct {
	accept map[string]bool
	equiv  map[string][]string // the kit's own equivalents, lower case
	terms  map[string]bool     // words of [[terms]] avoid lists
	maxLen int                 // the most words of an equivalent phrase
	starts map[string]bool     // first words of the equivalent phrases (built-in and the kit's)
	skip   map[string]bool     // accept and terms together: one look-up a word
	// acceptPhrases: some accepted entry has more than one word.
	acceptPhrases bool
}

type loanKey struct{}

func loanSettings(k *brandkit.Kit) *loanConfig {
	return k.Memo(loanKey{}, func() any {
		c := &loanConfig{accept: map[string]bool{}, equiv: map[string][]string{}, terms: map[string]bool{}, starts: map[string]bool{}, maxLen: lexicon.EquivalentWords()}
		for w := range lexicon.PhraseStarts() {
			c.starts[w] = true
		}
		for _, w := range k.Loanwords.Accept {
			n := lint.Normalize(w)
			c.accept[n] = true
			c.acceptPhrases = c.acceptPhrases || strings.Contains(n, " ")
		}
		for _, w := range k.Spelling.Accept {
			n := lint.Normalize(w)
			c.accept[n] = true
			c.acceptPhrases = c.acceptPhrases || strings.Contains(n, " ")
		}
		for w, alts := range k.Loanwords.Equivalents {
			n := lint.Normalize(w)
			c.equiv[n] = alts
			if f := strings.Fields(n); len(f) > 1 {
				c.starts[f[0]] = true
			}
			if l := len(strings.Fields(n)); l > c.maxLen {
				c.maxLen = l
			}
		}
		for _, t := range k.Terms {
			for _, a := range t.Avoid {
				c.terms[lint.Normalize(a)] = true
			}
		}
		c.skip = map[string]bool{}
		for w := range c.accept {
			c.skip[w] = true
		}
		for w := range c.terms {
			c.skip[w] = true
		}
		return c
	}).(*loanConfig)
}

func (c *loanConfig) equivalents(phrase string) []string {
	if alts, ok := c.equiv[phrase]; ok {
		return alts
	}
	return lexicon.Equivalents(phrase)
}

// loanword reports whether the word token is English in Indonesian text;
// root is the English root (review for di-review).
func loanword(d *lint.Draft, t *lint.Token, c *loanConfig, files map[string]bool) (root string, ok bool) {
	w := t.Lower
	if len(w) < 3 || len(w) > 40 || morph.IsIndonesian(w) || c.skip[w] || files[w] {
		return "", false
	}
	// plainWord last: it searches the line for italics.
	defer func() {
		if ok && !plainWord(d, t) {
			root, ok = "", false
		}
	}()
	if pre, rest, hyph := strings.Cut(w, "-"); hyph {
		switch {
		case hyphenPrefix[pre] && !strings.Contains(rest, "-"):
			return englishRoot(rest, c, files)
		case hyphenSuffix[rest] && !strings.Contains(pre, "-"):
			return englishRoot(pre, c, files)
		case pre == rest: // reduplicated: spot-spot
			return englishRoot(pre, c, files)
		}
		return "", false
	}
	return englishRoot(w, c, files)
}

// englishRoot finds the English root of w, bare or with Indonesian affixes.
func englishRoot(w string, c *loanConfig, files map[string]bool) (string, bool) {
	if c.accept[w] || files[w] || morph.IsIndonesian(w) {
		return "", false
	}
	if c.equivalents(w) != nil {
		return w, true // a word of the equivalents list is English, listed or not (mindset)
	}
	for _, f := range morph.English(w) {
		r := f.Root
		if morph.KnownID(r) || c.accept[r] || files[r] {
			return "", false // an Indonesian or accepted root: direkam, di-online
		}
		if f.Affixed() && len(r) < 4 {
			continue // a short root with affixes is more likely a word we do not know
		}
		return r, true
	}
	return "", false
}

// hyphenPrefix are the written prefixes people join to a foreign word with
// a hyphen (di-review, meng-update, ter-cover); hyphenSuffix the endings
// (vibes-nya, upgrade-an).
var hyphenPrefix = map[string]bool{"di": true, "me": true, "mem": true, "men": true, "meng": true, "meny": true, "menge": true, "ter": true, "ber": true, "pe": true, "pem": true, "pen": true, "peng": true, "penge": true, "ke": true, "se": true, "nge": true, "ng": true}
var hyphenSuffix = map[string]bool{"nya": true, "an": true, "kan": true, "in": true, "i": true, "ku": true, "mu": true, "lah": true}

// plainWord reports whether t is written as a common word of running text:
// lower case (a capital only at the start of a sentence), ASCII letters and
// hyphens, not in italics.
func plainWord(d *lint.Draft, t *lint.Token) bool {
	for i, r := range t.Text {
		switch {
		case r >= 'a' && r <= 'z' || r == '-':
		case i == 0 && r >= 'A' && r <= 'Z':
			if !d.SentenceStart(t.Start) {
				return false
			}
		default:
			return false
		}
	}
	return !italic(d, t)
}

// italic reports whether t lies between single * or _ marks on its line
// (Markdown emphasis): an odd number of them before it.
func italic(d *lint.Draft, t *lint.Token) bool {
	line := d.Source[strings.LastIndexByte(d.Source[:t.Start], '\n')+1 : t.Start]
	stars := strings.Count(line, "*") - 2*strings.Count(line, "**")
	under := strings.Count(line, "_") - 2*strings.Count(line, "__")
	return stars%2 == 1 || under%2 == 1
}

// checkLoanwords reports English words and phrases; taken are the spans the
// jargon dictionary matched, not reported twice.
func checkLoanwords(p *lint.Pass, taken []lint.Span) {
	d := p.Draft
	c := loanSettings(p.Kit)
	files := lexicon.Accepted(d.Abs, d.Root)
	toks := d.Tokens
	// First the loanwords of each sentence: a sentence that is mostly
	// English (half its words or more) is English text on purpose (a
	// bilingual post, a quote, a slogan), not Indonesian with loanwords.
	var loan []bool
	for i := range toks {
		if toks[i].Kind != lint.TokWord {
			continue
		}
		if _, ok := loanword(d, &toks[i], c, files); ok {
			if loan == nil {
				loan = make([]bool, len(toks))
			}
			loan[i] = true
		}
	}
	if loan == nil && !hasPhrase(d, c) || informal(d) {
		return // most drafts
	}
	if loan == nil {
		loan = make([]bool, len(toks))
	}
	words := make([][2]int, toks[len(toks)-1].Sentence+1) // per sentence: {words, loanwords}
	for i := range toks {
		if toks[i].Kind == lint.TokWord {
			n := &words[toks[i].Sentence]
			n[0]++
			if loan[i] {
				n[1]++
			}
		}
	}
	englishSentence := func(i int) bool {
		n := words[toks[i].Sentence]
		return n[1]*2 >= n[0]
	}
	isLoan := func(i int) bool { return loan[i] && !englishSentence(i) }
	type run struct{ first, last int } // token indexes
	var runs []run
	for i := 0; i < len(toks); i++ {
		// A phrase of the equivalents list, even one whose words are
		// Indonesian too (open house, kick off, social media).
		if last := phraseAt(d, i, c); last > i && !englishSentence(i) {
			runs = append(runs, run{i, last})
			i = last
			continue
		}
		if !isLoan(i) {
			continue
		}
		r := run{i, i}
		for j := next(d, r.last); j > 0 && isLoan(j); j = next(d, r.last) {
			r.last = j
		}
		i = r.last
		runs = append(runs, r)
	}
	if len(runs) == 0 {
		return
	}
	overlaps := func(s lint.Span) bool {
		for _, t := range taken {
			if s.Start < t.End && t.Start < s.End {
				return true
			}
		}
		return false
	}
	for _, r := range runs {
		// A phrase of the equivalents list may reach one word further on
		// either side (social media: media is Indonesian too).
		if j := prev(d, r.first); j >= 0 && c.equivalents(phraseOf(toks, j, r.last)) != nil {
			r.first = j
		}
		if j := next(d, r.last); j > 0 && c.equivalents(phraseOf(toks, r.first, j)) != nil {
			r.last = j
		}
		span := lint.Span{Start: toks[r.first].Start, End: toks[r.last].End}
		if overlaps(span) {
			continue
		}
		p.Report(loanFinding(d, toks, r.first, r.last, span, c, files))
	}
}

// phraseAt is the last token of the longest phrase of the equivalents list
// that starts at toks[i], its words adjacent and written in lower case or
// with a capital first letter; -1 when none does.
func phraseAt(d *lint.Draft, i int, c *loanConfig) int {
	toks := d.Tokens
	if toks[i].Kind != lint.TokWord || !c.starts[toks[i].Lower] || !casual(toks[i].Text) {
		return -1
	}
	last := i
	ends := []int{}
	for n := 1; n < c.maxLen; n++ {
		j := next(d, last)
		if j == 0 || !casual(toks[j].Text) {
			break
		}
		last = j
		ends = append(ends, j)
	}
	for k := len(ends) - 1; k >= 0; k-- {
		phrase := phraseOf(toks, i, ends[k])
		if c.accept[phrase] {
			return -1
		}
		if c.equivalents(phrase) != nil {
			return ends[k]
		}
	}
	return -1
}

// hasPhrase reports whether any two neighbouring words of the draft start
// a phrase of the equivalents list (a cheap test before phraseAt).
func hasPhrase(d *lint.Draft, c *loanConfig) bool {
	for i := range d.Tokens {
		if phraseAt(d, i, c) > i {
			return true
		}
	}
	return false
}

// casual reports whether a word is written in lower case, or with only a
// capital first letter.
func casual(s string) bool {
	for i, r := range s {
		if (r < 'a' || r > 'z') && r != '-' && !(i == 0 && r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

func phraseOf(toks []lint.Token, first, last int) string {
	var b strings.Builder
	for i := first; i <= last; i++ {
		if i > first {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].Lower)
	}
	return b.String()
}

// next is the word token after toks[i] in the same sentence, separated by
// spaces only; 0 when there is none. prev is the one before; -1 for none.
func next(d *lint.Draft, i int) int {
	j := i + 1
	if j < len(d.Tokens) && adjacent(d, i, j) {
		return j
	}
	return 0
}

func prev(d *lint.Draft, i int) int {
	j := i - 1
	if j >= 0 && adjacent(d, j, i) {
		return j
	}
	return -1
}

func adjacent(d *lint.Draft, i, j int) bool {
	a, b := &d.Tokens[i], &d.Tokens[j]
	if a.Kind != lint.TokWord || b.Kind != lint.TokWord || a.Sentence != b.Sentence {
		return false
	}
	gap := d.Source[a.End:b.Start]
	return gap != "" && strings.Trim(gap, " \t") == ""
}

func loanFinding(d *lint.Draft, toks []lint.Token, first, last int, span lint.Span, c *loanConfig, files map[string]bool) lint.Finding {
	written := d.Source[span.Start:span.End]
	phrase := phraseOf(toks, first, last)
	alts := c.equivalents(phrase)
	affixed := false
	if first == last {
		if root, ok := loanword(d, &toks[first], c, files); ok && root != phrase {
			affixed = true
			if alts == nil {
				alts = c.equivalents(root)
			}
		}
	}
	f := lint.Finding{Span: span, Match: written, Suggestions: alts}
	quoted := strings.Join(strings.Fields(written), " ")
	switch {
	case alts == nil:
		f.Severity = lint.Info
		f.Message = lint.Tf("%q: istilah asing; pakai kata Indonesia yang dipahami warga, atau cetak miring bila memang perlu", "%q: foreign term; use an Indonesian word citizens know, or italics when it is really needed", quoted)
	case affixed:
		f.Message = lint.Tf("%q: istilah asing berimbuhan; padanannya %s (sesuaikan imbuhannya)", "%q: foreign term with Indonesian affixes; its equivalent is %s (adapt the affixes)", quoted, orList(alts, "atau"))
		f.Message.EN = strings.Replace(f.Message.EN, orList(alts, "atau"), orList(alts, "or"), 1)
	default:
		f.Message = lint.Tf("%q: istilah asing; pakai %s", "%q: foreign term; use %s", quoted, orList(alts, "atau"))
		f.Message.EN = strings.Replace(f.Message.EN, orList(alts, "atau"), orList(alts, "or"), 1)
		f.Fix = &lint.Fix{Span: span, Replacement: lint.MatchCase(written, alts[0], d.SentenceStart(span.Start)), Safe: false}
	}
	return f
}

func orList(alts []string, or string) string {
	return `"` + strings.Join(alts, `" `+or+` "`) + `"`
}

// acceptedIn returns whether the kit or an accept file that applies to
// the draft accepts the text a dictionary entry matched (online,
// stunting): [loanwords] accept also silences the dictionary's entries
// for those words.
func acceptedIn(p *lint.Pass) func(written string) bool {
	c := loanSettings(p.Kit)
	files := lexicon.Accepted(p.Draft.Abs, p.Draft.Root)
	if len(c.accept) == 0 && len(files) == 0 {
		return func(string) bool { return false }
	}
	return func(written string) bool {
		if strings.ContainsAny(written, " \t\r\n") {
			if !c.acceptPhrases && len(files) == 0 {
				return false // the kit accepts single words only
			}
			n := lint.Normalize(written)
			return c.accept[n] || files[n]
		}
		n := written
		for i := 0; i < len(n); i++ {
			if n[i] >= 'A' && n[i] <= 'Z' || n[i] >= 0x80 {
				n = strings.ToLower(n)
				break
			}
		}
		return c.accept[n] || files[n]
	}
}

// informalWords mark informal, spoken Indonesian (pronouns, negations and
// particles of Jakarta speech). Invitations that formal posts use too
// (yuk, ayo) are not among them.
var informalWords = map[string]bool{
	"aku": true, "gue": true, "gua": true, "gw": true, "lo": true, "lu": true, "elo": true,
	"nggak": true, "ngga": true, "gak": true, "enggak": true, "engga": true, "ga": true,
	"banget": true, "sih": true, "dong": true, "deh": true, "kok": true, "nih": true,
	"tuh": true, "aja": true, "udah": true, "kayak": true, "bikin": true, "bareng": true,
	"pengen": true, "gimana": true, "gitu": true, "gini": true, "emang": true, "kalo": true,
}

// informal reports whether the draft is written in informal speech: two
// marker words or more, and at least one word in fifty. There English
// words are the register's own code-mixing, not a formal post's
// borrowing, and the loanword check stays silent.
func informal(d *lint.Draft) bool {
	words, marks := 0, 0
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != lint.TokWord {
			continue
		}
		words++
		if informalWords[t.Lower] {
			marks++
		}
	}
	return marks >= 2 && marks*50 >= words
}
