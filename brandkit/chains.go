package brandkit

import (
	"fmt"
	"strings"
)

// Chains is the [chains] table, read by the jargon rule's nominal-chain
// check: a light verb or a vague head noun in front of a nominalisation
// ("melakukan pengecekan", "upaya pencegahan"), or one nominalisation
// heading another ("pelaksanaan pemeriksaan"). Lists add to the parent
// kit's lists.
type Chains struct {
	// Enabled switches the check off when false (default on).
	Enabled *bool `toml:"enabled"`
	// LightVerbs are verbs that carry no meaning of their own before a
	// noun, written in one affixed form ("melakukan"); every voice of the
	// same root and suffix counts (dilakukan, terlaksana is not: ter- is no
	// voice of meN-).
	LightVerbs []string `toml:"light_verbs"`
	// Heads are vague head nouns that add nothing before a nominalisation
	// ("upaya", "proses", "kegiatan", "pelaksanaan"); they are dropped in
	// the suggestion.
	Heads []string `toml:"heads"`
	// Actions are absorbed action nouns that count as nominalisations
	// although no Indonesian affix makes them ("sosialisasi", "verifikasi",
	// "kampanye"): "melakukan verifikasi" -> "memverifikasi".
	Actions []string `toml:"actions"`
	// Ignore lists nominalisations that are ordinary words, not chains
	// ("pendidikan", "kesehatan", "pembangunan"), matched as written.
	Ignore []string `toml:"ignore"`
	// Verbs are verb forms the suggestion may use: they say which suffix a
	// root's verb takes ("mendampingi", "meningkatkan", "memeriksa"). A root
	// not listed gets no verb, only the advice to use one.
	Verbs []string `toml:"verbs"`
}

// On reports whether the chain check runs.
func (c Chains) On() bool { return c.Enabled == nil || *c.Enabled }

// Wordiness is the [wordiness] table, read by the jargon rule's redundancy
// patterns that a fixed phrase cannot list.
type Wordiness struct {
	// Enabled switches the patterns off when false (default on).
	Enabled *bool `toml:"enabled"`
	// Around are intensifier pairs written around one to three words,
	// "sangat ... sekali": either word alone says it.
	Around []string `toml:"around"`
	// Plural are words that already mark a plural ("para", "banyak"):
	// followed by a reduplicated noun (para warga-warga) it is said twice.
	Plural []string `toml:"plural"`
	// Collective are nouns that already name a group ("kaum",
	// "kalangan"): after "para" ("para kaum ibu") it is said twice.
	Collective []string `toml:"collective"`
	// AboutVerbs are verbs that take their topic as object, written in the
	// meN- form; every voice counts: "membahas tentang" says "about" twice
	// (membahas jadwal).
	AboutVerbs []string `toml:"about_verbs"`
	// Keep lists reduplicated words that are words of their own, not
	// plurals ("undang-undang", "mata-mata"): never reported after a
	// plural word.
	Keep []string `toml:"keep"`
}

// On reports whether the wordiness patterns run.
func (w Wordiness) On() bool { return w.Enabled == nil || *w.Enabled }

// validateChains checks the [chains] and [wordiness] lists.
func (k *Kit) validateChains(file string, loc *locator) []error {
	var probs []error
	for _, list := range []struct {
		table, key string
		words      []string
	}{
		{"chains", "light_verbs", k.Chains.LightVerbs}, {"chains", "heads", k.Chains.Heads},
		{"chains", "ignore", k.Chains.Ignore}, {"chains", "verbs", k.Chains.Verbs}, {"chains", "actions", k.Chains.Actions},
		{"wordiness", "collective", k.Wordiness.Collective}, {"wordiness", "about_verbs", k.Wordiness.AboutVerbs},
		{"wordiness", "plural", k.Wordiness.Plural}, {"wordiness", "keep", k.Wordiness.Keep},
	} {
		for i, w := range list.words {
			name := fmt.Sprintf("%s.%s[%d]", list.table, list.key, i)
			switch {
			case strings.TrimSpace(w) == "":
				probs = append(probs, problemf(file, loc.key(list.table, list.key), name, "entri kosong", "empty entry"))
			case strings.ContainsAny(strings.TrimSpace(w), " \t"):
				probs = append(probs, problemf(file, loc.key(list.table, list.key), name, "%q: tulis satu kata", "%q: write one word", w))
			}
		}
	}
	for i, a := range k.Wordiness.Around {
		before, after, ok := strings.Cut(a, "...")
		if !ok || strings.TrimSpace(before) == "" || strings.TrimSpace(after) == "" || strings.Contains(after, "...") {
			probs = append(probs, problemf(file, loc.key("wordiness", "around"), fmt.Sprintf("wordiness.around[%d]", i),
				"%q: tulis dua kata dengan \"...\" di antaranya, misalnya \"sangat ... sekali\"", "%q: write two words with \"...\" between them, for example \"sangat ... sekali\"", a))
		}
	}
	return probs
}
