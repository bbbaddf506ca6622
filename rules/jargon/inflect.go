package jargon

import (
	"strings"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/lexicon"
	"github.com/selaras/selaras/lint/morph"
)

// Suggestions that fit the sentence. A dictionary entry lists a phrase in
// one form ("implementasi") and its suggestions in the same form
// ("penerapan"); the stem-aware matcher also finds the phrase with other
// affixes ("mengimplementasikan"). The engine then re-inflects each
// suggestion: the affixes by which the written word differs from the
// phrase's word (prefix, suffix, clitic) replace the suggestion's own, so
// that "mengimplementasikan" gets "menerapkan", "diimplementasikan"
// "diterapkan" and "implementasinya" "penerapannya". A verb takes the
// suffix the kit's [chains] verbs list gives its root (percepatan ->
// mempercepat, not "mencepatan"); a verb form whose root the list lacks
// is not guessed: the suggestion stays as the kit wrote it.

// knownAny accepts Indonesian roots and English words (loanword entries
// such as "update" take Indonesian affixes: mengupdate).
func knownAny(w string) bool { return lexicon.Indonesian.Has(w) || lexicon.English.Has(w) }

// reinflect returns the suggestions for an entry matched as written, and
// whether they are certain: every word analysed one way only, and a verb
// form that the kit lists. Where written is the phrase itself (or a
// suggestion cannot be re-inflected) the kit's suggestions come back.
func reinflect(ck *chainKit, phrase, written string, suggest []string) ([]string, bool) {
	pw, ww := strings.Fields(lint.Normalize(phrase)), strings.Fields(lint.Normalize(written))
	if len(pw) != len(ww) || len(suggest) == 0 {
		return suggest, false
	}
	d := -1
	for i := range pw {
		if pw[i] != ww[i] {
			if d >= 0 {
				return suggest, false // two words differ: no single delta
			}
			d = i
		}
	}
	if d < 0 {
		return suggest, true
	}
	pfs := analyze(pw[d], knownAny)
	if len(pfs) == 0 {
		return suggest, false
	}
	pf := pfs[0]
	wfs := analyze(ww[d], func(r string) bool { return r == pf.Root })
	if len(wfs) == 0 || !wfs[0].Standard {
		return suggest, false
	}
	wf := wfs[0]
	if len(pw) > 1 && (wf.Suffix != pf.Suffix || !voice(wf.Prefix) || !voice(pf.Prefix)) {
		// In a phrase of several words only the voice may change
		// (dilakukan pemeriksaan -> diperiksa): "pemberian bantuan" for
		// "memberikan bantuan" is a noun phrase, not a voice of it.
		return suggest, false
	}
	// A new voice of a phrase of several words is a suggestion, never
	// certain: "telah dilakukan pemeriksaan terhadap kendaraan" needs its
	// words reordered around "diperiksa".
	certain := len(pfs) == 1 && len(wfs) == 1 && len(pw) == 1
	out := make([]string, 0, len(suggest))
	for _, s := range suggest {
		r, ok := reinflectOne(ck, pf, wf, s)
		if !ok {
			return suggest, false
		}
		certain = certain && ok && r.certain
		out = append(out, r.text)
	}
	return out, certain
}

type inflected struct {
	text    string
	certain bool
}

// reinflectOne applies the delta from pf (the phrase's word) to wf (the
// written word) to suggestion s. A suggestion of several words takes a
// prefix on its first word and a clitic on its last, never a suffix.
func reinflectOne(ck *chainKit, pf, wf morph.Form, s string) (inflected, bool) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return inflected{}, false
	}
	if len(words) > 1 {
		if wf.Suffix != pf.Suffix {
			return inflected{}, false
		}
		first, last := words[0], len(words)-1
		if wf.Prefix != pf.Prefix {
			fs := analyze(first, knownAny)
			if len(fs) == 0 || fs[0].Affixed() {
				return inflected{}, false
			}
			words[0] = morph.Inflect(morph.Form{Prefix: wf.Prefix, Root: fs[0].Root})
		}
		if wf.Clitic != pf.Clitic {
			words[last] += wf.Clitic
		}
		return inflected{strings.Join(words, " "), false}, true
	}
	sfs := analyze(s, knownAny)
	if len(sfs) == 0 {
		return inflected{}, false
	}
	sf := sfs[0]
	out := sf
	certain := len(sfs) == 1 && sf.Standard
	if wf.Prefix != pf.Prefix {
		out.Prefix = wf.Prefix
	}
	if wf.Suffix != pf.Suffix {
		out.Suffix = wf.Suffix
	}
	if wf.Clitic != pf.Clitic {
		out.Clitic = wf.Clitic
	}
	if (out.Prefix != sf.Prefix || out.Suffix != sf.Suffix) && verbal(out.Prefix) {
		// A verb: its suffix (and memper-) come from the kit's verb list.
		vs := ck.verbsOf(out.Root)
		if len(vs) == 0 || vs[0].Prefix == morph.Ber {
			return inflected{}, false
		}
		v := vs[0]
		out.Suffix = v.Suffix
		switch {
		case v.Prefix == morph.MemPer && out.Prefix == morph.MeN:
			out.Prefix = morph.MemPer
		case v.Prefix == morph.MemPer && out.Prefix == morph.Di:
			out.Prefix = morph.DiPer
		}
	} else if out.Prefix != sf.Prefix || out.Suffix != sf.Suffix {
		certain = false // a noun or adjective with new affixes: a guess
	}
	if out.Suffix == "an" && verbal(out.Prefix) {
		return inflected{}, false
	}
	return inflected{morph.Inflect(out), certain}, true
}

func verbal(p morph.Prefix) bool {
	return p == morph.MeN || p == morph.Di || p == morph.MemPer || p == morph.DiPer
}

// voice reports whether p makes a voice of a verb: meN-, di- (and
// memper-, diper-) or none (the object-focus form).
func voice(p morph.Prefix) bool { return p == morph.NoPrefix || verbal(p) }
