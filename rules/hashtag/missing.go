// Package hashtag holds the hashtag and mention rules: the campaign is
// tracked through its tags, so a missing or misspelled tag silently drops a
// post out of the campaign's reach and statistics.
//
// Tags are compared as the platforms compare them: case-insensitively
// (Unicode case folding), letters of any script, digits and '_'.
package hashtag

import (
	"github.com/selaras/selaras/lint"
)

// Missing is the hashtag-missing rule.
var Missing = &lint.Rule{
	Name: "hashtag-missing",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Tagar wajib harus ada", EN: "Required hashtags must be present"},
		Why: lint.Text{
			ID: "Kampanye terpadu dihitung lewat tagarnya. Unggahan tanpa tagar wajib tidak muncul di pencarian kampanye dan tidak terhitung di laporannya. Tagar wajib datang dari kit ([hashtags] required), dari akun pengunggah (front matter account, atau folder draf yang cocok dengan paths akun), dari platform (front matter platform), dan dari kampanye yang sedang berjalan pada tanggal unggahan (front matter date di antara from dan until, keduanya termasuk).",
			EN: "An integrated campaign is tracked through its hashtags. A post without the required tags does not show up in the campaign's search and is missing from its statistics. Required tags come from the kit ([hashtags] required), from the posting account (front matter account, or the draft's folder matching the account's paths), from the platform (front matter platform), and from campaigns running on the post's date (front matter date between from and until, both included)."},
		Bad:       "Vaksinasi gratis di Puskesmas Serang hari ini.",
		Good:      "Vaksinasi gratis di Puskesmas Serang hari ini. #BantenMaju",
		Fix:       lint.Text{ID: "Tambahkan tagar di akhir unggahan; letaknya tetap pilihan penulis.", EN: "Add the tag at the end of the post; where it goes remains the author's choice."},
		FixSafety: "unsafe",
		Severity:  lint.Error,
		KitKeys:   []string{"[hashtags] required", "[accounts.SLUG] hashtags", "[accounts.SLUG] paths", "[platforms.NAME] hashtags", "[[campaigns]]"},
		Kit:       "[hashtags]\nrequired = [\"#BantenMaju\"]\n",
	},
	Check: checkMissing,
}

func checkMissing(p *lint.Pass) error {
	kt := tagsOf(p.Kit)
	present := map[string]bool{}
	for _, t := range tagsIn(p.Draft) {
		present[t.fold] = true
	}
	k := p.Kit
	reqs := requirements(p,
		func() []string { return strs(k.Hashtags.Required) },
		func() []string { return strs(k.Accounts[p.Draft.Account(k)].Hashtags) },
		func() []string { return strs(k.Platforms[p.Draft.Front.Platform].Hashtags) },
		true,
		// A tag both required (by a parent kit) and banned (by a child) is
		// banned: the nearer kit decided it is retired.
		func(f string) bool { _, banned := kt.banned[f]; return banned })
	for _, r := range reqs {
		if present[fold(r.text)] {
			continue
		}
		src := joinSources(r.sources)
		p.Report(lint.Finding{
			FileLevel:   true,
			Match:       r.text,
			Suggestions: []string{r.text},
			Message: msg("tagar wajib %s tidak ada; tambahkan di akhir unggahan (diwajibkan oleh %s)",
				"required hashtag %s is missing; add it at the end of the post (required by %s)", r.text, src),
			Fix: appendAtEnd(p.Draft.Source, r.text),
		})
	}
	return nil
}
