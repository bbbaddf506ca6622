package hashtag

import "github.com/selaras/selaras/lint"

// Banned is the hashtag-banned rule.
var Banned = &lint.Rule{
	Name: "hashtag-banned",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Jangan pakai tagar terlarang", EN: "Do not use banned hashtags"},
		Why: lint.Text{
			ID: "Tagar lama (nama dinas sebelum berganti, kampanye yang sudah selesai) memecah percakapan dan membawa pembaca ke konten usang. Kit mendaftarnya di [hashtags] banned dan dapat menyebut penggantinya di [hashtags] replace.",
			EN: "Old tags (an agency's former name, a finished campaign) split the conversation and lead readers to stale content. The kit lists them in [hashtags] banned and may name their successor in [hashtags] replace."},
		Bad:       "Layanan pengaduan informasi publik dibuka setiap hari kerja. #KominfoBanten",
		Good:      "Layanan pengaduan informasi publik dibuka setiap hari kerja. #DiskominfoBanten",
		Fix:       lint.Text{ID: "Ganti dengan tagar pengganti dari [hashtags] replace. Tanpa pengganti, atau bila penggantinya sudah ada di unggahan, hapus tagarnya sendiri.", EN: "Replace it with the successor from [hashtags] replace. Without one, or when the successor is already in the post, remove the tag yourself."},
		FixSafety: "safe",
		Severity:  lint.Error,
		KitKeys:   []string{"[hashtags] banned", "[hashtags] replace"},
		Kit:       "[hashtags]\nbanned = [\"#KominfoBanten\"]\nreplace = { \"#KominfoBanten\" = \"#DiskominfoBanten\" }\n",
	},
	Check: checkBanned,
}

func checkBanned(p *lint.Pass) error {
	kt := tagsOf(p.Kit)
	if len(kt.banned) == 0 {
		return nil
	}
	tags := tagsIn(p.Draft)
	present := map[string]bool{}
	for _, t := range tags {
		present[t.fold] = true
	}
	for _, t := range tags {
		if _, ok := kt.banned[t.fold]; !ok || t.brokenEnd != 0 {
			continue
		}
		f := lint.Finding{
			Span:  lint.Span{Start: t.Start, End: t.End},
			Match: t.Text,
		}
		repl, ok := kt.replace[t.fold]
		switch {
		case !ok:
			f.Message = lint.Tf("%s: tagar ini dilarang oleh kit; hapus", "%s: the kit bans this tag; remove it", t.Text)
		case present[fold(repl)]:
			f.Message = lint.Tf("%s: tagar ini dilarang oleh kit dan penggantinya %s sudah ada; hapus yang ini",
				"%s: the kit bans this tag and its successor %s is already there; remove this one", t.Text, repl)
		default:
			f.Message = lint.Tf("%s: tagar ini dilarang oleh kit; ganti dengan %s", "%s: the kit bans this tag; use %s instead", t.Text, repl)
			f.Suggestions = []string{repl}
			f.Fix = &lint.Fix{Span: f.Span, Replacement: repl, Safe: true}
		}
		p.Report(f)
	}
	return nil
}
