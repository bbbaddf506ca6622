package hashtag

import "github.com/selaras/selaras/lint"

// MentionMissing is the mention-missing rule.
var MentionMissing = &lint.Rule{
	Name: "mention-missing",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Sebut akun wajib", EN: "Mention the required accounts"},
		Why: lint.Text{
			ID: "Menyebut akun resmi provinsi (dan akun mitra yang diwajibkan) menghubungkan unggahan dinas dengan kanal utama: pengikutnya ikut melihat, dan akun provinsi dapat membagikannya ulang. Sebutan wajib datang dari kit ([mentions] required), dari akun pengunggah dan dari platform draf.",
			EN: "Mentioning the province's official account (and any partner account the kit requires) links an agency's post to the main channel: its followers see it and the province can share it. Required mentions come from the kit ([mentions] required), from the posting account and from the draft's platform."},
		Bad:       "Vaksinasi gratis di Puskesmas Serang hari ini.",
		Good:      "Vaksinasi gratis di Puskesmas Serang hari ini, bersama @bantenprov.",
		Fix:       lint.Text{ID: "Tambahkan sebutan di akhir unggahan; letaknya tetap pilihan penulis.", EN: "Add the mention at the end of the post; where it goes remains the author's choice."},
		FixSafety: "unsafe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[mentions] required", "[accounts.SLUG] mentions", "[platforms.NAME] mentions"},
		Kit:       "[mentions]\nrequired = [\"@bantenprov\"]\n",
	},
	Check: checkMentions,
}

func checkMentions(p *lint.Pass) error {
	present := map[string]bool{}
	for _, t := range p.Draft.Tokens {
		if t.Kind == lint.TokMention {
			present[fold(t.Text)] = true
		}
	}
	k := p.Kit
	reqs := requirements(p,
		func() []string { return strs(k.Mentions.Required) },
		func() []string { return strs(k.Accounts[p.Draft.Account(k)].Mentions) },
		func() []string { return strs(k.Platforms[p.Draft.Front.Platform].Mentions) },
		false, nil)
	for _, r := range reqs {
		if present[fold(r.text)] {
			continue
		}
		p.Report(lint.Finding{
			FileLevel:   true,
			Match:       r.text,
			Suggestions: []string{r.text},
			Message: msg("akun %s tidak disebut; tambahkan %s di unggahan (diwajibkan oleh %s)",
				"%s is not mentioned; add %s to the post (required by %s)", r.text, r.text, joinSources(r.sources)),
			Fix: appendAtEnd(p.Draft.Source, r.text),
		})
	}
	return nil
}
