// Package narrative holds the narrative rule: every post of the integrated
// campaign serves one of its narrative pillars ("Satu Narasi, Seribu
// Aksi").
package narrative

import (
	"fmt"
	"slices"
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Rule is the narrative rule.
var Rule = &lint.Rule{
	Name: "narrative",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Unggahan mendukung pilar narasi kampanye", EN: "Posts serve the campaign's narrative pillars"},
		Why: lint.Text{
			ID: "Kampanye terpadu berbicara dengan satu narasi: setiap unggahan OPD semestinya menyentuh salah satu pilar visi-misi ([narrative] pillars, misalnya Maju, Adil, Merata, Tidak Korupsi). Aturan ini mencari kata kunci tiap pilar (bentuk berimbuhan ikut dikenali) dan melapor unggahan yang tidak menyentuh pilar mana pun, pilar di front matter (pillars = [...]) yang tidak didukung teksnya, dan id pilar yang tidak ada di kit. Bila kit memuat [narrative] exemplars (folder contoh unggahan), aturan ini juga membandingkan kosakata unggahan dengan contoh-contoh itu dan menyebut kata kampanye yang tidak dipakai. Tanpa pilar di kit, aturan ini diam.",
			EN: "The integrated campaign speaks with one narrative: every agency post should touch one of the pillars of the vision and mission ([narrative] pillars, e.g. Maju, Adil, Merata, Tidak Korupsi). The rule looks for each pillar's keywords (affixed forms count) and reports posts that touch no pillar, pillars claimed in the front matter (pillars = [...]) that the text does not support, and pillar ids the kit does not know. When the kit names [narrative] exemplars (a folder of example posts), the rule also compares the post's vocabulary with theirs and names the campaign words it lacks. Without pillars in the kit, the rule is silent."},
		Bad:      "+++\npillars = [\"maju\"]\n+++\nSelamat pagi, warga! Jangan lupa sarapan sebelum beraktivitas.",
		Good:     "+++\npillars = [\"maju\"]\n+++\nSelamat pagi, warga! Mulai hari ini layanan KTP bisa diurus lewat aplikasi digital, tanpa antre.",
		Fix:      lint.Text{ID: "Kaitkan unggahan dengan pilar kampanye: sebut manfaatnya bagi warga dengan kata-kata pilar itu, atau perbaiki daftar pillars di front matter.", EN: "Tie the post to a campaign pillar: say what it brings citizens in that pillar's words, or correct the pillars list in the front matter."},
		Severity: lint.Warning,
		KitKeys:  []string{"[narrative] pillars", "[narrative] exemplars", "[narrative] threshold"},
		Kit:      "[narrative]\npillars = [ { id = \"maju\", label = \"Banten Maju\", keywords = [\"maju\", \"inovasi\", \"digital\"] } ]\n",
	},
	Check: check,
}

// DefaultThreshold is the least similarity to the exemplars when the kit
// sets none.
const DefaultThreshold = 0.05

func check(p *lint.Pass) error {
	kit := p.Kit
	if len(kit.Narrative.Pillars) == 0 {
		return nil
	}
	touched := lint.TouchedPillars(p.Draft, kit)
	any := slices.Contains(touched, true)
	claimProblem := false
	for _, id := range p.Draft.Front.Pillars {
		i := pillarIndex(kit, id)
		if i < 0 {
			claimProblem = true
			reportUnknown(p, id)
			continue
		}
		if !touched[i] {
			claimProblem = true
			pl := kit.Narrative.Pillars[i]
			p.Report(lint.Finding{
				FileLevel: true,
				Match:     id,
				Message: lint.Tf("front matter menyebut pilar %q (%s), tetapi teksnya tidak memakai satu pun kata kuncinya (%s); kaitkan isi unggahan dengan pilar itu atau perbaiki pillars",
					"the front matter claims pillar %q (%s), but the text uses none of its keywords (%s); tie the post to that pillar or correct pillars",
					id, label(pl), keywords(pl, 5)),
			})
		}
	}
	if !hasWords(p.Draft) {
		// Nothing to tie to a pillar (only tags, emoji or punctuation).
		return nil
	}
	if !any && !claimProblem {
		var ids, names []string
		for _, pl := range kit.Narrative.Pillars {
			ids = append(ids, pl.ID)
			names = append(names, fmt.Sprintf("%s (%s)", label(pl), keywords(pl, 3)))
		}
		p.Report(lint.Finding{
			FileLevel: true,
			Match:     strings.Join(ids, ", "),
			Message: lint.Tf("unggahan ini tidak menyentuh pilar narasi mana pun: %s; kaitkan isinya dengan salah satu pilar",
				"this post touches none of the narrative pillars: %s; tie it to one of them",
				strings.Join(names, "; ")),
		})
	}
	return checkExemplars(p)
}

func hasWords(d *lint.Draft) bool {
	for i := range d.Tokens {
		if d.Tokens[i].Kind == lint.TokWord {
			return true
		}
	}
	return false
}

func pillarIndex(k *brandkit.Kit, id string) int {
	for i, pl := range k.Narrative.Pillars {
		if pl.ID == id {
			return i
		}
	}
	return -1
}

func label(pl brandkit.Pillar) string {
	if pl.Label != "" {
		return pl.Label
	}
	return pl.ID
}

func keywords(pl brandkit.Pillar, n int) string {
	kw := make([]string, 0, n)
	for _, k := range pl.Keywords {
		if len(kw) == n {
			kw = append(kw, "…")
			break
		}
		kw = append(kw, strings.TrimPrefix(k, "="))
	}
	return strings.Join(kw, ", ")
}

// reportUnknown reports a pillar id the kit does not define, at the place
// the front matter writes it.
func reportUnknown(p *lint.Pass, id string) {
	var known []string
	for _, pl := range p.Kit.Narrative.Pillars {
		known = append(known, pl.ID)
	}
	msg := lint.Tf("pilar %q tidak ada di kit; pilar yang dikenal: %s", "pillar %q is not in the kit; known pillars: %s", id, strings.Join(known, ", "))
	fm := p.Draft.Source[:p.Draft.Front.Span.End]
	if at := quotedIndex(fm, id); at >= 0 {
		p.Report(lint.Finding{Span: lint.Span{Start: at, End: at + len(id)}, Match: id, Message: msg, Suggestions: known})
		return
	}
	p.Report(lint.Finding{FileLevel: true, Match: id, Message: msg, Suggestions: known})
}

// quotedIndex finds id written as a TOML string on the pillars line.
func quotedIndex(fm, id string) int {
	off := 0
	for _, line := range strings.SplitAfter(fm, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "pillars") {
			for _, q := range []string{`"`, `'`} {
				if i := strings.Index(line, q+id+q); i >= 0 {
					return off + i + 1
				}
			}
		}
		off += len(line)
	}
	return -1
}
