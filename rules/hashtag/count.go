package hashtag

import (
	"unicode/utf8"

	"github.com/selaras/selaras/lint"
)

// Count is the hashtag-count rule.
var Count = &lint.Rule{
	Name: "hashtag-count",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Jangan terlalu banyak tagar, jangan mengulang tagar", EN: "Not too many hashtags, no repeated hashtag"},
		Why: lint.Text{
			ID: "Deretan tagar panjang terbaca sebagai spam, menenggelamkan pesan, dan sebagian platform menurunkan jangkauannya. Batasnya [hashtags] max, atau hashtag_max platform draf bila ada. Tagar yang diulang dalam satu unggahan tidak menambah apa pun.",
			EN: "A long row of tags reads as spam, buries the message, and some platforms reduce its reach. The limit is [hashtags] max, or the draft's platform hashtag_max when set. A tag repeated in one post adds nothing."},
		Bad:       "Vaksinasi gratis di Puskesmas Serang hari ini. #BantenMaju #Vaksinasi #BantenMaju",
		Good:      "Vaksinasi gratis di Puskesmas Serang hari ini. #BantenMaju #Vaksinasi",
		Fix:       lint.Text{ID: "Hapus tagar yang diulang, setelah memilih mana yang tinggal. Untuk batas jumlah, pilih sendiri tagar yang dibuang.", EN: "Remove the repeated tag, once you have chosen which one stays. For the limit, choose yourself which tags to drop."},
		FixSafety: "unsafe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[hashtags] max", "[platforms.NAME] hashtag_max"},
		Kit:       "[hashtags]\nmax = 5\n",
	},
	Check: checkCount,
}

func checkCount(p *lint.Pass) error {
	tags := tagsIn(p.Draft)
	first := map[string]int{}
	for _, t := range tags {
		at, seen := first[t.fold]
		if !seen {
			first[t.fold] = t.Start
			continue
		}
		line, _ := p.Draft.Position(at)
		p.Report(lint.Finding{
			Span:    lint.Span{Start: t.Start, End: t.End},
			Match:   t.Text,
			Message: lint.Tf("%s diulang (sudah ada di baris %d); hapus yang ini", "%s is repeated (already on line %d); remove this one", t.Text, line),
			Fix:     &lint.Fix{Span: lint.Span{Start: spaceBefore(p.Draft.Source, t.Start), End: t.End}},
		})
	}
	limit, where := p.Kit.Hashtags.Max, lint.Text{}
	pl := p.Draft.Front.Platform
	if m := p.Kit.Platforms[pl].HashtagMax; pl != "" && m > 0 {
		limit, where = m, lint.Tf(" untuk %s", " on %s", pl)
	}
	if limit <= 0 || len(tags) <= limit {
		return nil
	}
	over := tags[limit]
	p.Report(lint.Finding{
		Span:  lint.Span{Start: over.Start, End: over.End},
		Match: over.Text,
		Message: msg("%d tagar, lebih dari batas %d%s; buang %d tagar",
			"%d hashtags, more than the limit of %d%s; drop %d of them", len(tags), limit, where, len(tags)-limit),
	})
	return nil
}

// spaceBefore extends a deletion at i over the spaces before it, so that
// removing a tag leaves no double space.
func spaceBefore(src string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(src[:i])
		if r != ' ' && r != '\t' {
			break
		}
		i -= size
	}
	return i
}
