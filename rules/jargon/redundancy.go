package jargon

import (
	"fmt"
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/morph"
)

// Redundancy that a fixed phrase cannot list, from the kit's [wordiness]
// table: an intensifier pair around any words ("sangat cepat sekali"), a
// plural word before any reduplicated noun ("para warga-warga",
// "banyak rumah-rumah"), and "saling" before a reduplicated reciprocal verb
// that already says "each other" ("saling bersalam-salaman",
// "saling pukul-memukul"). Fixed pleonasms (agar supaya, naik ke atas) and
// letter formulas are [[jargon]] entries.

type wordinessKit struct {
	around     map[string][]string // first word -> second words
	plural     map[string]bool
	keep       map[string]bool
	collective map[string]bool
	about      map[string]bool // every voice of every about-verb
}

type wordinessKey struct{}

func wordinessOf(k *brandkit.Kit) *wordinessKit {
	return k.Memo(wordinessKey{}, func() any {
		w := &wordinessKit{around: map[string][]string{}, plural: map[string]bool{}, keep: map[string]bool{}, collective: map[string]bool{}, about: map[string]bool{}}
		for _, a := range k.Wordiness.Around {
			before, after, _ := strings.Cut(strings.ToLower(a), "...")
			b, f := strings.TrimSpace(before), strings.TrimSpace(after)
			w.around[b] = append(w.around[b], f)
		}
		for _, r := range k.Wordiness.Keep {
			w.keep[strings.ToLower(strings.TrimSpace(r))] = true
		}
		for _, v := range k.Wordiness.AboutVerbs {
			v = strings.ToLower(strings.TrimSpace(v))
			w.about[v] = true
			if fs := analyze(v, knownID); len(fs) > 0 && verbal(fs[0].Prefix) {
				for _, p := range []morph.Prefix{morph.MeN, morph.Di} {
					f := fs[0]
					switch {
					case f.Prefix == morph.MemPer && p == morph.Di:
						f.Prefix = morph.DiPer
					case f.Prefix != morph.MemPer:
						f.Prefix = p
					}
					w.about[morph.Inflect(f)] = true
				}
			}
		}
		for _, c := range k.Wordiness.Collective {
			w.collective[strings.ToLower(strings.TrimSpace(c))] = true
		}
		for _, p := range k.Wordiness.Plural {
			w.plural[strings.ToLower(strings.TrimSpace(p))] = true
		}
		return w
	}).(*wordinessKit)
}

// aroundMax is the most words an intensifier pair may hold between them.
const aroundMax = 3

func checkWordiness(p *lint.Pass, covered [][2]int) {
	if !p.Kit.Wordiness.On() {
		return
	}
	toks := p.Draft.Tokens
	var wk *wordinessKit
	for i := 0; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.Kind != lint.TokWord {
			continue
		}
		if wk == nil {
			wk = wordinessOf(p.Kit)
		}
		next := &toks[i+1]
		if next.Kind != lint.TokWord || next.Sentence != t.Sentence || next.Para != t.Para {
			continue
		}
		switch {
		case len(wk.around[t.Lower]) > 0:
			if j := closeAround(toks, i, wk.around[t.Lower]); j > 0 && !overlaps(covered, i, j) {
				reportAround(p, i, j)
				i = j
			}
		case wk.plural[t.Lower] && !wk.keep[next.Lower] && pluralRedup(next.Lower):
			if !overlaps(covered, i, i+1) {
				reportPlural(p, i)
				i++
			}
		case t.Lower == "para" && wk.collective[next.Lower]:
			if !overlaps(covered, i, i+1) {
				reportCollective(p, i)
				i++
			}
		case wk.about[t.Lower] && (next.Lower == "tentang" || next.Lower == "mengenai"):
			if !overlaps(covered, i, i+1) {
				reportAbout(p, i)
				i++
			}
		case t.Lower == "saling" && reciprocal(next.Lower):
			if !overlaps(covered, i, i+1) {
				reportSaling(p, i)
				i++
			}
		}
	}
}

// closeAround returns the token that closes the pair opened at i (1 to
// aroundMax words later, in one run of words), or 0.
func closeAround(toks []lint.Token, i int, closers []string) int {
	for j := i + 2; j < len(toks) && j <= i+1+aroundMax; j++ {
		u := &toks[j]
		if u.Kind != lint.TokWord || u.Sentence != toks[i].Sentence {
			return 0
		}
		for _, c := range closers {
			if u.Lower == c {
				return j
			}
		}
	}
	return 0
}

// pluralRedup reports whether w is a noun doubled to mark a plural
// (warga-warga), not a word that is doubled by nature (kupu-kupu, which
// the lexicon lists whole; or a half that is no word: laba-laba). A
// half may be a derived noun (pedagang-pedagang).
func pluralRedup(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok || a != b || len(a) < 2 || strings.Contains(b, "-") {
		return false
	}
	return !knownID(w) && (knownAny(a) || len(analyze(a, knownID)) > 0)
}

// reciprocal reports whether w is a reduplicated verb that already means
// "each other": X-meX (pukul-memukul, tolong-menolong) or berX-Xan
// (bersalam-salaman).
func reciprocal(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok || len(a) < 3 || len(b) < 3 {
		return false
	}
	if strings.HasPrefix(b, "me") {
		for _, f := range morph.Analyze(b, func(r string) bool { return r == a }) {
			if f.Prefix == morph.MeN {
				return true
			}
		}
	}
	if root, ok := strings.CutPrefix(a, "ber"); ok && len(root) >= 3 && (b == root+"an" || b == root) {
		return true
	}
	return false
}

func reportAround(p *lint.Pass, i, j int) {
	toks := p.Draft.Tokens
	span := lint.Span{Start: toks[i].Start, End: toks[j].End}
	written := p.Draft.Source[span.Start:span.End]
	quoted := strings.Join(strings.Fields(written), " ")
	inner := strings.TrimSpace(p.Draft.Source[toks[i].End:toks[j].Start])
	withFirst := toks[i].Lower + " " + inner
	withLast := inner + " " + toks[j].Lower
	sugg := []string{withFirst, withLast}
	p.Report(lint.Finding{
		Span: span, Match: written, Suggestions: sugg,
		Message: lint.Text{
			ID: fmt.Sprintf("%q: mubazir, %q dan %q sama-sama menguatkan; pakai salah satunya: %q atau %q", quoted, toks[i].Lower, toks[j].Lower, withFirst, withLast),
			EN: fmt.Sprintf("%q: redundant, %q and %q both intensify; keep one: %q or %q", quoted, toks[i].Lower, toks[j].Lower, withFirst, withLast),
		},
		Fix: &lint.Fix{Span: span, Replacement: lint.MatchCase(written, withFirst, p.Draft.SentenceStart(span.Start)), Safe: false},
	})
}

func reportPlural(p *lint.Pass, i int) {
	toks := p.Draft.Tokens
	span := lint.Span{Start: toks[i].Start, End: toks[i+1].End}
	written := p.Draft.Source[span.Start:span.End]
	quoted := strings.Join(strings.Fields(written), " ")
	single, _, _ := strings.Cut(toks[i+1].Lower, "-")
	sugg := []string{toks[i].Lower + " " + single}
	p.Report(lint.Finding{
		Span: span, Match: written, Suggestions: sugg,
		Message: lint.Text{
			ID: fmt.Sprintf("%q: jamak dua kali (%q sudah menyatakan banyak); pakai %q", quoted, toks[i].Lower, sugg[0]),
			EN: fmt.Sprintf("%q: plural twice (%q already says many); use %q", quoted, toks[i].Lower, sugg[0]),
		},
		// Certain: the doubled noun loses its second half.
		Fix: &lint.Fix{Span: span, Replacement: lint.MatchCase(written, sugg[0], p.Draft.SentenceStart(span.Start)), Safe: true},
	})
}

func reportSaling(p *lint.Pass, i int) {
	reportFirstWordGoes(p, i,
		"%q: mubazir, kata ulang %q sudah berarti saling; pakai %q",
		"%q: redundant, the reduplicated %q already means each other; use %q")
}

func reportCollective(p *lint.Pass, i int) {
	reportFirstWordGoes(p, i,
		"%q: jamak dua kali (%q sudah berarti sekelompok orang); pakai %q saja",
		"%q: plural twice (%q already names a group); use %q alone")
}

// reportFirstWordGoes reports tokens i and i+1 where the first word only
// repeats what the second says: the certain fix keeps the second as
// written. idFormat and enFormat take the pair, the second word and the
// suggestion.
func reportFirstWordGoes(p *lint.Pass, i int, idFormat, enFormat string) {
	toks := p.Draft.Tokens
	span := lint.Span{Start: toks[i].Start, End: toks[i+1].End}
	written := p.Draft.Source[span.Start:span.End]
	quoted := strings.Join(strings.Fields(written), " ")
	sugg := []string{toks[i+1].Lower}
	p.Report(lint.Finding{
		Span: span, Match: written, Suggestions: sugg,
		Message: lint.Tf(idFormat, enFormat, quoted, toks[i+1].Lower, sugg[0]),
		Fix:     &lint.Fix{Span: span, Replacement: lint.MatchCase(written, toks[i+1].Text, p.Draft.SentenceStart(span.Start)), Safe: true},
	})
}

func reportAbout(p *lint.Pass, i int) {
	toks := p.Draft.Tokens
	span := lint.Span{Start: toks[i].Start, End: toks[i+1].End}
	written := p.Draft.Source[span.Start:span.End]
	quoted := strings.Join(strings.Fields(written), " ")
	sugg := []string{toks[i].Lower}
	p.Report(lint.Finding{
		Span: span, Match: written, Suggestions: sugg,
		Message: lint.Text{
			ID: fmt.Sprintf("%q: mubazir, %q langsung diikuti yang dibahas; pakai %q saja", quoted, toks[i].Lower, sugg[0]),
			EN: fmt.Sprintf("%q: redundant, %q takes its topic directly; use %q alone", quoted, toks[i].Lower, sugg[0]),
		},
		// Certain: the preposition goes, the verb stays as written.
		Fix: &lint.Fix{Span: span, Replacement: toks[i].Text, Safe: true},
	})
}
