// Package hashtag holds the hashtag and mention rules: the campaign is
// tracked through its tags, so a missing or misspelled tag silently drops a
// post out of the campaign's reach and statistics.
package hashtag

import (
	"strings"

	"github.com/selaras/selaras/lint"
)

// Missing is the hashtag-missing rule.
var Missing = &lint.Rule{
	Name: "hashtag-missing",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Tagar wajib harus ada", EN: "Required hashtags must be present"},
		Why: lint.Text{
			ID: "Kampanye terpadu dihitung lewat tagarnya. Unggahan tanpa tagar wajib tidak muncul di pencarian kampanye dan tidak terhitung di laporannya.",
			EN: "An integrated campaign is tracked through its hashtags. A post without the required tags does not show up in the campaign's search and is missing from its statistics."},
		Bad:       "Vaksinasi gratis di Puskesmas Serang hari ini.",
		Good:      "Vaksinasi gratis di Puskesmas Serang hari ini. #BantenMaju",
		Fix:       lint.Text{ID: "Tambahkan tagar di akhir unggahan (perbaikan tidak aman: letaknya pilihan penulis).", EN: "Add the tag at the end of the post (an unsafe fix: where it goes is the author's choice)."},
		FixSafety: "unsafe",
		Severity:  lint.Error,
		KitKeys:   []string{"[hashtags] required"},
		Kit:       "[hashtags]\nrequired = [\"#BantenMaju\"]\n",
	},
	Check: checkMissing,
}

func checkMissing(p *lint.Pass) error {
	present := map[string]bool{}
	for _, t := range p.Draft.Tokens {
		if t.Kind == lint.TokHashtag {
			present[t.Lower] = true
		}
	}
	for _, tag := range p.Kit.Hashtags.Required {
		if present[strings.ToLower(string(tag))] {
			continue
		}
		p.Report(lint.Finding{
			FileLevel:   true,
			Match:       string(tag),
			Suggestions: []string{string(tag)},
			Message: lint.Tf("tagar wajib %s tidak ada; tambahkan di akhir unggahan (diwajibkan oleh kit)",
				"required hashtag %s is missing; add it at the end of the post (required by the kit)", tag),
			Fix: appendTag(p.Draft.Source, string(tag)),
		})
	}
	return nil
}

// appendTag inserts tag after the post's last text: on the last line when
// it already holds tags, else on a line of its own.
func appendTag(src, tag string) *lint.Fix {
	trimmed := strings.TrimRight(src, " \t\r\n")
	at := lint.Span{Start: len(trimmed), End: len(trimmed)}
	lastLine := trimmed[strings.LastIndexByte(trimmed, '\n')+1:]
	if strings.HasPrefix(strings.TrimSpace(lastLine), "#") {
		return &lint.Fix{Span: at, Replacement: " " + tag}
	}
	nl := "\n"
	if strings.Contains(src, "\r\n") {
		nl = "\r\n"
	}
	return &lint.Fix{Span: at, Replacement: nl + nl + tag}
}
