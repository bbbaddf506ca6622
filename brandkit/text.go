package brandkit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The kit sections of the text rules (narrative, tone-*, claim-source,
// neutrality). A number left at 0 (or absent) means "use the rule's
// built-in default", which each rule documents; word lists add to the
// parent kit's lists, so a province or agency extends the default lists.

// Tone is the [tone] table, read by the tone-* rules.
type Tone struct {
	// PassiveMax is the share of di- passive verbs among the post's verbs
	// (di- passives plus me- actives) above which tone-passive reports,
	// between 0 and 1. Default 0.6.
	PassiveMax float64 `toml:"passive_max"`
	// PassiveMin is how many di- passives a post must hold before the
	// share counts at all (a short post with two passives is fine).
	// Default 4.
	PassiveMin int `toml:"passive_min"`
	// SentenceMax is the most words a sentence may have. Default 25.
	SentenceMax int `toml:"sentence_max"`
	// ExclamationMax is the most exclamations ("!" or a run of them) one
	// post may hold. Default 3.
	ExclamationMax int `toml:"exclamation_max"`
	// Acronyms are words written in capitals on purpose (UMKM, BPJS): not
	// shouting.
	Acronyms []string `toml:"acronyms"`
	// Invitations are words and phrases that invite a response (ayo, yuk,
	// daftar, tulis di kolom komentar); stem-matched.
	Invitations []string `toml:"invitations"`
}

// Claims is the [claims] table, read by claim-source.
type Claims struct {
	// Sources are words that name a source ("sumber", "menurut", "data
	// BPS"); a post holding one (or a link) is sourced. Stem-matched.
	Sources []string `toml:"sources"`
	// Units are nouns that make a number a count of people ("1.250
	// warga", "300 peserta").
	Units []string `toml:"units"`
	// Plans are words that make the figures after them in their clause a
	// plan, a quota or a limit rather than a claim ("kuota 500 peserta",
	// "ditargetkan 80%", "akan disalurkan Rp2 miliar"). Stem-matched; "="
	// marks an exact entry.
	Plans []string `toml:"plans"`
	// ExampleSource is the source the finding's message gives as an
	// example ("Sumber: ..."); a province names its own statistics office
	// or open-data portal. Empty: the rule's built-in example.
	ExampleSource string `toml:"example_source"`
}

// Neutrality is the [neutrality] table, read by the neutrality rule.
type Neutrality struct {
	// Parties are party names and abbreviations, matched as whole words
	// (and as whole hashtags).
	Parties []string `toml:"parties"`
	// Calls are campaign calls and ballot-number phrases ("coblos nomor",
	// "nomor urut"); stem-matched.
	Calls []string `toml:"calls"`
	// Senses are the other meanings of party abbreviations: "PKS" is also
	// Perjanjian Kerja Sama. A party abbreviation is not reported where the
	// draft spells out another meaning or a context word stands near it.
	Senses []Sense `toml:"senses"`
}

// Audience is the [audience] table, read by audience-ceremonial. Lists are
// stem-matched; an entry starting with "=" matches its words as written.
type Audience struct {
	// Officials are titles and institutions that, as the subject of a
	// post's opening sentence, mark a report about officials.
	Officials []string `toml:"officials"`
	// Ceremonial are the predicates of ceremonies (menghadiri, rapat
	// koordinasi, penandatanganan, audiensi).
	Ceremonial []string `toml:"ceremonial"`
	// Protocol are protocol details (bertempat di, didampingi, turut hadir).
	Protocol []string `toml:"protocol"`
	// Citizen are words of citizen-facing content (gratis, syarat, daftar,
	// hubungi, Anda).
	Citizen []string `toml:"citizen"`
	// Threshold is the ceremonial score that makes a report. 0 means the
	// rule's built-in default (3).
	Threshold int `toml:"threshold"`
}

// Sense is one [[neutrality.senses]] entry.
type Sense struct {
	// Acronym is the party abbreviation as the parties list writes it.
	Acronym string `toml:"acronym"`
	// Means are the other expansions ("Perjanjian Kerja Sama"): written
	// anywhere in the draft, they settle every use of the acronym there.
	// Matched as words, case-insensitively.
	Means []string `toml:"means"`
	// Context are words that, within four words of the acronym in its
	// sentence, show the other meaning ("penandatanganan PKS", "PKS
	// sawit"). Stem-matched; "=" marks an exact entry.
	Context []string `toml:"context"`
}

// SenseWindow is how many words on each side of an acronym a
// [[neutrality.senses]] context word may stand.
const SenseWindow = 4

// validateText checks the text rules' sections. kitDir is the kit file's
// folder ("" for the embedded kit); relative paths are resolved against it.
func (k *Kit) validateText(file string, loc *locator, kitDir string) []error {
	var probs []error
	add := func(line int, key, idFormat, enFormat string, args ...any) {
		probs = append(probs, problemf(file, line, key, idFormat, enFormat, args...))
	}
	t := k.Tone
	if t.PassiveMax < 0 || t.PassiveMax > 1 {
		add(loc.key("tone", "passive_max"), "tone.passive_max", "proporsi antara 0 dan 1, misalnya 0.6", "a share between 0 and 1, for example 0.6")
	}
	for _, f := range []struct {
		key string
		v   int
	}{{"passive_min", t.PassiveMin}, {"sentence_max", t.SentenceMax}, {"exclamation_max", t.ExclamationMax}} {
		if f.v < 0 {
			add(loc.key("tone", f.key), "tone."+f.key, "harus 0 (nilai bawaan) atau lebih", "must be 0 (built-in default) or more")
		}
	}
	for _, list := range []struct {
		key   string
		words []string
	}{
		{"tone.acronyms", t.Acronyms}, {"tone.invitations", t.Invitations},
		{"claims.sources", k.Claims.Sources}, {"claims.units", k.Claims.Units}, {"claims.plans", k.Claims.Plans},
		{"neutrality.parties", k.Neutrality.Parties}, {"neutrality.calls", k.Neutrality.Calls},
		{"audience.officials", k.Audience.Officials}, {"audience.ceremonial", k.Audience.Ceremonial},
		{"audience.protocol", k.Audience.Protocol}, {"audience.citizen", k.Audience.Citizen},
	} {
		table, key, _ := strings.Cut(list.key, ".")
		for i, w := range list.words {
			if strings.Trim(strings.TrimSpace(w), "=^# \t") == "" {
				add(loc.key(table, key), fmt.Sprintf("%s[%d]", list.key, i), "entri kosong", "empty entry")
			}
		}
	}
	if k.Audience.Threshold < 0 {
		add(loc.key("audience", "threshold"), "audience.threshold", "harus 0 (nilai bawaan) atau lebih", "must be 0 (built-in default) or more")
	}
	if es := k.Claims.ExampleSource; es != "" && strings.TrimSpace(es) == "" {
		add(loc.key("claims", "example_source"), "claims.example_source", "contoh sumber kosong; tulis misalnya \"BPS Provinsi Banten\"", "empty example source; write for example \"BPS Provinsi Banten\"")
	}
	for i, sn := range k.Neutrality.Senses {
		key := fmt.Sprintf("neutrality.senses[%d]", i)
		line := loc.table("neutrality.senses", i)
		if f := strings.Fields(sn.Acronym); len(f) != 1 {
			add(line, key+".acronym", "%q: tulis satu singkatan, misalnya \"PKS\"", "%q: write one abbreviation, for example \"PKS\"", sn.Acronym)
		}
		if len(sn.Means) == 0 && len(sn.Context) == 0 {
			add(line, key, "perlu means (kepanjangan lain) atau context (kata di sekitarnya)", "needs means (another expansion) or context (words around it)")
		}
		for _, w := range append(append([]string{}, sn.Means...), sn.Context...) {
			if strings.Trim(strings.TrimSpace(w), "=") == "" {
				add(line, key, "entri kosong", "empty entry")
			}
		}
	}
	for i, a := range t.Acronyms {
		if strings.ContainsAny(a, " \t") {
			add(loc.key("tone", "acronyms"), fmt.Sprintf("tone.acronyms[%d]", i), "%q: akronim hanya satu kata", "%q: an acronym is one word", a)
		}
	}
	n := &k.Narrative
	if n.Threshold < 0 || n.Threshold > 1 {
		add(loc.key("narrative", "threshold"), "narrative.threshold", "kemiripan antara 0 dan 1, misalnya 0.1", "a similarity between 0 and 1, for example 0.1")
	}
	if ex := n.Exemplars; ex != "" {
		clean := filepath.Clean(filepath.FromSlash(ex))
		switch {
		case filepath.IsAbs(clean) || filepath.VolumeName(clean) != "":
			add(loc.key("narrative", "exemplars"), "narrative.exemplars", "%q: tulis folder yang relatif terhadap berkas kit", "%q: write a folder relative to the kit file", ex)
		case clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)):
			add(loc.key("narrative", "exemplars"), "narrative.exemplars", "%q berada di luar folder kit: simpan contoh unggahan di samping kit", "%q lies outside the kit's folder: keep the example posts next to the kit", ex)
		case kitDir == "":
			add(loc.key("narrative", "exemplars"), "narrative.exemplars", "hanya berkas kit yang bisa menyebut folder exemplars", "only a kit file can name an exemplars folder")
		default:
			n.Exemplars = filepath.Join(kitDir, clean)
			// The narrative rule reads the examples from disk.
			if info, err := os.Stat(n.Exemplars); err != nil || !info.IsDir() {
				add(loc.key("narrative", "exemplars"), "narrative.exemplars", "%q: folder itu tidak ada di samping kit", "%q: no such folder next to the kit", ex)
			}
		}
	}
	return probs
}
