package hashtag

import (
	"sort"
	"strings"

	"github.com/selaras/selaras/lint"
)

// Typo is the hashtag-typo rule.
var Typo = &lint.Rule{
	Name: "hashtag-typo",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Tagar yang mirip tagar kit kemungkinan salah ketik", EN: "A hashtag close to one of the kit's is probably a typo"},
		Why: lint.Text{
			ID: "Satu huruf yang salah membuat tagar baru yang tidak diikuti siapa pun: unggahan keluar dari jangkauan dan statistik kampanye tanpa ada yang sadar. Tagar dibandingkan dengan semua tagar kit (wajib, known, per akun, per platform, kampanye). Batasnya mengikuti panjang tagar: tagar sampai 5 huruf tidak diperiksa (#UMKM dan #HUT bukan salah ketik satu sama lain), 6-13 huruf boleh beda 1, 14 huruf ke atas boleh beda 2. Beda angka saja (#HUTBanten25, #BantenMaju2025) dan dua huruf bersebelahan yang sama-sama diganti (#DinsosBantenSehat, #DinkesBantenSehat) dianggap tagar lain, bukan salah ketik; tagar yang tercantum di kit tidak pernah dianggap salah ketik.",
			EN: "One wrong letter makes a new tag nobody follows: the post drops out of the campaign's reach and statistics without anyone noticing. Tags are compared with every tag of the kit (required, known, per account, per platform, campaigns). The threshold follows the tag's length: tags of up to 5 characters are not checked (#UMKM and #HUT are not typos of each other), 6 to 13 characters may differ by 1 edit, 14 and more by 2. Tags differing only in digits (#HUTBanten25, #BantenMaju2025) or in two neighbouring letters both replaced (#DinsosBantenSehat, #DinkesBantenSehat) are other tags, not typos; a tag the kit lists is never a typo."},
		Bad:       "Vaksinasi gratis di Puskesmas Serang hari ini. #BantenMju",
		Good:      "Vaksinasi gratis di Puskesmas Serang hari ini. #BantenMaju",
		Fix:       lint.Text{ID: "Ganti dengan tagar kit yang dimaksud, bila hanya ada satu calon. Periksa dulu: bisa jadi memang tagar lain.", EN: "Replace it with the kit's tag, when there is one candidate. Check first: it may really be another tag."},
		FixSafety: "unsafe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[hashtags] required", "[hashtags] known", "[accounts.SLUG] hashtags", "[platforms.NAME] hashtags", "[[campaigns]] hashtags"},
		Kit:       "[hashtags]\nrequired = [\"#BantenMaju\"]\n",
	},
	Check: checkTypo,
}

func checkTypo(p *lint.Pass) error {
	kt := tagsOf(p.Kit)
	if len(kt.targets) == 0 {
		return nil
	}
	for _, t := range tagsIn(p.Draft) {
		if t.brokenEnd != 0 || !hasLetter(t.Text) {
			continue // hashtag-malformed speaks about it
		}
		if _, ok := kt.spelled[t.fold]; ok {
			continue
		}
		if _, ok := kt.banned[t.fold]; ok {
			continue
		}
		cands := kt.nearest([]rune(t.fold[1:]))
		if len(cands) == 0 {
			continue
		}
		f := lint.Finding{
			Span:        lint.Span{Start: t.Start, End: t.End},
			Match:       t.Text,
			Suggestions: cands,
			Message: msg("%s: mungkin maksudnya %s?", "%s: did you mean %s?", t.Text,
				lint.Text{ID: strings.Join(cands, " atau "), EN: strings.Join(cands, " or ")}),
		}
		if len(cands) == 1 {
			f.Fix = &lint.Fix{Span: f.Span, Replacement: cands[0]}
		}
		p.Report(f)
	}
	return nil
}

// nearest returns the kit tags within the typo threshold of body (folded,
// without '#'), the closest ones only, in the kit's spelling.
func (kt *kitTags) nearest(body []rune) []string {
	var out []string
	best := 3
	scratch := make([]int, 3*(kt.longest+1))
	for n := len(body) - 2; n <= len(body)+2; n++ {
		for _, tg := range kt.targets[n] {
			limit := maxEdits(min(len(body), n))
			if limit == 0 {
				continue
			}
			d := distance(body, tg.body, limit, scratch)
			if d == 0 || d > limit || d > best || digitsOnlyDiffer(body, tg.body) || d == 2 && twoNeighboursReplaced(body, tg.body) {
				continue
			}
			if d < best {
				best, out = d, out[:0]
			}
			out = append(out, tg.tag)
		}
	}
	sort.Strings(out)
	return out
}
