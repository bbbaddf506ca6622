package jargon

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/lexicon"
	"github.com/selaras/selaras/lint/morph"
)

// Nominal chains: a light verb ("melakukan") or a vague head noun
// ("upaya") before a nominalisation, or one nominalisation heading another
// ("peningkatan pemahaman"). Nominalisations are found by affix analysis
// (lint/morph: peN-an, pe-an, per-an, ke-an, pember-an, keber-an of a root
// the Indonesian lexicon knows), not by listing pairs; the kit's [chains]
// table names the light verbs, the vague heads, the lexicalised nouns that
// do not count and the verb forms a suggestion may use.

// chainKit is what the check derives from a kit's [chains] table, once.
type chainKit struct {
	light     map[string]morph.Prefix // every voice of every light verb -> its voice
	heads     map[string]bool
	ignore    map[string]bool
	actions   map[string]bool // absorbed action nouns, nominal by listing
	verbList  []string        // the kit's [chains] verbs, analysed on first use
	verbsOnce sync.Once
	verbs     map[string][]morph.Form // root -> the listed verb forms (meN-, memper- or ber-)
	words     sync.Map                // word -> wordInfo, analysed once per kit
	cached    atomic.Int64            // words stored in words, at most maxCached
}

type chainKitKey struct{}

func chainsOf(k *brandkit.Kit) *chainKit {
	return k.Memo(chainKitKey{}, func() any { return buildChainKit(k.Chains) }).(*chainKit)
}

func knownID(w string) bool { return lexicon.Indonesian.Has(w) }

func buildChainKit(c brandkit.Chains) *chainKit {
	ck := &chainKit{light: map[string]morph.Prefix{}, heads: map[string]bool{}, ignore: map[string]bool{}, actions: map[string]bool{}, verbList: c.Verbs}
	for _, w := range c.LightVerbs {
		w = strings.ToLower(strings.TrimSpace(w))
		ck.light[w] = morph.MeN
		fs := analyze(w, knownID)
		if len(fs) == 0 || fs[0].Prefix != morph.MeN {
			continue
		}
		f := fs[0]
		for _, voice := range []morph.Prefix{morph.MeN, morph.Di, morph.NoPrefix} {
			g := f
			g.Prefix = voice
			ck.light[morph.Inflect(g)] = voice
		}
	}
	for _, w := range c.Heads {
		ck.heads[strings.ToLower(strings.TrimSpace(w))] = true
	}
	for _, w := range c.Actions {
		w = strings.ToLower(strings.TrimSpace(w))
		ck.words.Store(w, wordInfo{nominal: true, root: w})
		ck.actions[w] = true
	}
	for _, w := range c.Ignore {
		ck.ignore[strings.ToLower(strings.TrimSpace(w))] = true
	}
	return ck
}

// verbsOf returns the listed verb forms of root. The list is analysed on
// first use, not when the kit is first used: a draft without a chain or an
// inflected dictionary match does not pay for a few hundred analyses.
func (ck *chainKit) verbsOf(root string) []morph.Form {
	ck.verbsOnce.Do(func() {
		ck.verbs = map[string][]morph.Form{}
		for _, w := range ck.verbList {
			fs := analyze(strings.ToLower(strings.TrimSpace(w)), knownID)
			for _, f := range fs {
				if f.Standard && (f.Prefix == morph.MeN || f.Prefix == morph.MemPer || f.Prefix == morph.Ber) && f.Clitic == "" {
					ck.verbs[f.Root] = append(ck.verbs[f.Root], f)
					break
				}
			}
		}
	})
	return ck.verbs[root]
}

// wordInfo is what the chain check knows of one word.
type wordInfo struct {
	nominal bool
	root    string
	prefix  morph.Prefix
}

// nominal reports whether w (lower case) is a nominalisation of a known
// root, and its root. Analyses are cached per kit: a month of posts uses
// a few thousand distinct words.
func (ck *chainKit) nominal(w string) (wordInfo, bool) {
	if ck.ignore[w] || !ck.actions[w] && !mayBeNominal(w) {
		return wordInfo{}, false
	}
	if v, ok := ck.words.Load(w); ok {
		wi := v.(wordInfo)
		return wi, wi.nominal
	}
	var wi wordInfo
	if fs := analyze(w, knownID); len(fs) > 0 && fs[0].Standard && fs[0].Nominal() {
		wi = wordInfo{nominal: true, root: fs[0].Root, prefix: fs[0].Prefix}
	}
	if ck.cached.Add(1) <= maxCached {
		ck.words.Store(strings.Clone(w), wi)
	}
	return wi, wi.nominal
}

// maxCached bounds the word cache: real text uses a few thousand pe…an
// and ke…an words; made-up ones (a hostile or garbled file) are analysed
// each time instead of filling memory.
const maxCached = 100_000

// mayBeNominal is the cheap test before analysis: pe…an or ke…an, with an
// optional clitic.
func mayBeNominal(w string) bool {
	if len(w) < 7 || !(strings.HasPrefix(w, "pe") || strings.HasPrefix(w, "ke")) {
		return false
	}
	w = strings.TrimSuffix(w, "nya")
	return strings.HasSuffix(w, "an")
}

// verb writes root's verb in voice (meN-, di- or the bare object-focus
// form), with the suffix the kit's verb list gives it; "" when the kit
// lists no verb of root.
func (ck *chainKit) verb(root string, voice morph.Prefix, nominal morph.Prefix) string {
	fs := ck.verbsOf(root)
	if len(fs) == 0 {
		return ""
	}
	// per-an nouns go with ber- verbs (pertemuan: bertemu), peN-an nouns
	// with meN- (penemuan: menemukan); else the first listed
	// (koordinasi: berkoordinasi).
	f := fs[0]
	if nominal == morph.Per || nominal == morph.PeN {
		for _, g := range fs {
			if (g.Prefix == morph.Ber) == (nominal == morph.Per) {
				f = g
				break
			}
		}
	}
	switch {
	case f.Prefix == morph.Ber && voice == morph.Di:
		return "" // ber- verbs have no passive: "dilakukan pertemuan"
	case f.Prefix == morph.Ber:
		// bertemu in every other voice
	case voice == morph.Di && f.Prefix == morph.MemPer:
		f.Prefix = morph.DiPer
	case voice == morph.NoPrefix && f.Prefix == morph.MemPer:
		f.Prefix = morph.Per
	case voice != morph.MeN:
		f.Prefix = voice
	}
	return morph.Inflect(f)
}

type chainPart struct {
	tok   int
	kind  byte // 'l' light verb, 'h' vague head, 'n' nominalisation
	voice morph.Prefix
	word  wordInfo
}

// checkChains reports nominal chains in p's draft outside covered, the
// token ranges the dictionary already reported (its entry wins).
func checkChains(p *lint.Pass, covered [][2]int) {
	if !p.Kit.Chains.On() {
		return
	}
	toks := p.Draft.Tokens
	var ck *chainKit
	var parts []chainPart
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != lint.TokWord {
			continue
		}
		if ck == nil {
			ck = chainsOf(p.Kit)
		}
		parts = parts[:0]
		for j := i; j < len(toks); j++ {
			u := &toks[j]
			if u.Kind != lint.TokWord || u.Sentence != t.Sentence || u.Para != t.Para {
				break
			}
			if capitalised(u.Text) && (j > i || inName(toks, j)) {
				break // a name: Dinas Kesehatan, Badan Penanggulangan Bencana
			}
			if j > i && u.Lower == toks[j-1].Lower {
				break // a word written twice (kegiatan kegiatan): no chain
			}
			if voice, ok := ck.light[u.Lower]; ok && j == i {
				parts = append(parts, chainPart{tok: j, kind: 'l', voice: voice})
				continue
			}
			if ck.heads[u.Lower] {
				wi, _ := ck.nominal(u.Lower)
				parts = append(parts, chainPart{tok: j, kind: 'h', word: wi})
				continue
			}
			if wi, ok := ck.nominal(u.Lower); ok {
				parts = append(parts, chainPart{tok: j, kind: 'n', word: wi})
				if ck.actions[u.Lower] {
					break // an action noun takes its object as a noun: kampanye penurunan
				}
				continue
			}
			break
		}
		if len(parts) < 2 {
			continue
		}
		first, last := parts[0].tok, parts[len(parts)-1].tok
		if overlaps(covered, first, last) {
			i = last
			continue
		}
		reportChain(p, ck, parts)
		i = last
	}
}

// inName reports whether the capitalised word at j belongs to a name: a
// capitalised word of the same sentence stands next to it. A capital alone
// (a sentence start, a word after a dateline: "BONTANG – Proses
// penerbitan") is no name.
func inName(toks []lint.Token, j int) bool {
	near := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].Kind == lint.TokWord && toks[k].Sentence == toks[j].Sentence && capitalised(toks[k].Text)
	}
	return near(j-1) || near(j+1)
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func overlaps(covered [][2]int, first, last int) bool {
	for _, c := range covered {
		if first <= c[1] && c[0] <= last {
			return true
		}
	}
	return false
}

func reportChain(p *lint.Pass, ck *chainKit, parts []chainPart) {
	toks := p.Draft.Tokens
	span := lint.Span{Start: toks[parts[0].tok].Start, End: toks[parts[len(parts)-1].tok].End}
	written := p.Draft.Source[span.Start:span.End]
	voice, light, dropped := morph.MeN, false, false
	rest := parts
	if rest[0].kind == 'l' {
		voice, light = rest[0].voice, true
		rest = rest[1:]
	}
	for len(rest) > 1 && rest[0].kind == 'h' {
		rest, dropped = rest[1:], true
	}
	if len(rest) == 1 && rest[0].kind == 'h' && !light {
		rest = nil // vague heads only: nothing to turn into a verb
	}
	var sugg []string
	if len(rest) > 0 {
		tail := make([]string, 0, len(rest)-1)
		for _, r := range rest[1:] {
			tail = append(tail, toks[r.tok].Lower)
		}
		if v := ck.verb(rest[0].word.root, voice, rest[0].word.prefix); v != "" {
			sugg = append(sugg, strings.Join(append([]string{v}, tail...), " "))
		}
		if dropped && !light {
			nouns := make([]string, 0, len(rest))
			for _, r := range rest {
				nouns = append(nouns, toks[r.tok].Lower)
			}
			sugg = append(sugg, strings.Join(nouns, " "))
		}
	}
	sev := lint.Severity("")
	if !light && !dropped {
		sev = lint.Info // two content nominalisations: often fine, a hint
	}
	f := lint.Finding{
		Span:        span,
		Match:       written,
		Message:     chainMessage(written, sugg, rest, emptyWord(toks, parts, light, dropped)),
		Suggestions: sugg,
		Severity:    sev,
	}
	if len(sugg) > 0 {
		// Never safe: the verb may need another object or preposition
		// ("melakukan pendampingan kepada" -> "mendampingi").
		f.Fix = &lint.Fix{Span: span, Replacement: lint.MatchCase(written, sugg[0], p.Draft.SentenceStart(span.Start)), Safe: false}
	}
	p.Report(f)
}

// emptyWord is the light verb or vague head that says nothing, or "" for
// a chain of content nouns.
func emptyWord(toks []lint.Token, parts []chainPart, light, dropped bool) string {
	if light || dropped {
		return toks[parts[0].tok].Lower
	}
	return ""
}

func chainMessage(written string, sugg []string, rest []chainPart, empty string) lint.Text {
	quoted := strings.Join(strings.Fields(written), " ")
	kindID, kindEN := "rangkaian kata benda", "nominal chain"
	if empty != "" {
		kindID = fmt.Sprintf("%q tidak menambah arti", empty)
		kindEN = fmt.Sprintf("%q adds nothing", empty)
	}
	switch {
	case len(sugg) > 0:
		return lint.Text{
			ID: fmt.Sprintf("%q: %s; pakai \"%s\"", quoted, kindID, strings.Join(sugg, `" atau "`)),
			EN: fmt.Sprintf("%q: %s; use \"%s\"", quoted, kindEN, strings.Join(sugg, `" or "`)),
		}
	case len(rest) > 0 && rest[0].word.root != "":
		return lint.Text{
			ID: fmt.Sprintf("%q: %s; pakai kata kerjanya langsung (kata dasar %q)", quoted, kindID, rest[0].word.root),
			EN: fmt.Sprintf("%q: %s; use the verb itself (root %q)", quoted, kindEN, rest[0].word.root),
		}
	default:
		return lint.Text{
			ID: fmt.Sprintf("%q: %s; sebut langsung apa yang dikerjakan", quoted, kindID),
			EN: fmt.Sprintf("%q: %s; say what is actually done", quoted, kindEN),
		}
	}
}

// analyze is morph.Analyze with one preference: where meN-/peN- is written
// menge-/penge- and the word reads both as a one-syllable root
// (mengecek: cek) and as a longer root starting with e (ecek), the
// one-syllable root comes first, as menge- is written only before those.
func analyze(w string, known func(string) bool) []morph.Form {
	fs := morph.Analyze(w, known)
	if len(fs) < 2 || !(strings.HasPrefix(w, "menge") || strings.HasPrefix(w, "penge") || strings.HasPrefix(w, "dienge")) {
		return fs
	}
	for i := 1; i < len(fs); i++ {
		a, b := fs[0], fs[i]
		if a.Prefix == b.Prefix && a.Suffix == b.Suffix && a.Clitic == b.Clitic && a.Standard == b.Standard &&
			a.Root == "e"+b.Root && !strings.ContainsAny(strings.TrimLeft(b.Root, "bcdfghjklmnpqrstvwxyz")[1:], "aeiou") {
			fs[0], fs[i] = fs[i], fs[0]
			break
		}
	}
	return fs
}
