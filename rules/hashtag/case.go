package hashtag

import "github.com/selaras/selaras/lint"

// Case is the hashtag-case rule.
var Case = &lint.Rule{
	Name: "hashtag-case",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Tulis tagar dengan huruf besar-kecil seperti di kit", EN: "Write hashtags with the kit's capitals"},
		Why: lint.Text{
			ID: "Platform tidak membedakan huruf besar dan kecil dalam tagar, tetapi pembaca dan pembaca layar membedakannya: #BantenMaju terbaca dua kata, #bantenmaju tidak. Satu ejaan di semua akun membuat kampanye terlihat sebagai satu suara.",
			EN: "The platforms ignore capitals in hashtags, but readers and screen readers do not: #BantenMaju reads as two words, #bantenmaju does not. One spelling across every account makes the campaign look like one voice."},
		Bad:       "Vaksinasi gratis di Puskesmas Serang hari ini. #bantenmaju",
		Good:      "Vaksinasi gratis di Puskesmas Serang hari ini. #BantenMaju",
		Fix:       lint.Text{ID: "Ganti dengan ejaan kit; bagi platform tagarnya tetap sama.", EN: "Replace it with the kit's spelling; the platforms see the same tag."},
		FixSafety: "safe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[hashtags] required", "[hashtags] known", "[accounts.SLUG] hashtags", "[platforms.NAME] hashtags", "[[campaigns]] hashtags", "[hashtags] replace"},
		Kit:       "[hashtags]\nrequired = [\"#BantenMaju\"]\n",
	},
	Check: checkCase,
}

func checkCase(p *lint.Pass) error {
	kt := tagsOf(p.Kit)
	for _, t := range tagsIn(p.Draft) {
		if t.brokenEnd != 0 {
			continue // hashtag-malformed speaks about it
		}
		want, ok := kt.spelled[t.fold]
		if !ok || want == t.Text {
			continue
		}
		p.Report(lint.Finding{
			Span:        lint.Span{Start: t.Start, End: t.End},
			Match:       t.Text,
			Suggestions: []string{want},
			Message: lint.Tf("%s: tulis %s, sesuai ejaan kit",
				"%s: write %s, as the kit spells it", t.Text, want),
			Fix: &lint.Fix{Span: lint.Span{Start: t.Start, End: t.End}, Replacement: want, Safe: true},
		})
	}
	return nil
}
