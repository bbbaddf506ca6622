package hashtag

import (
	"strings"
	"unicode/utf8"

	"github.com/selaras/selaras/lint"
)

// Malformed is the hashtag-malformed rule.
var Malformed = &lint.Rule{
	Name: "hashtag-malformed",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Tagar yang terpotong tanda baca atau tidak terbaca sebagai tagar", EN: "Hashtags cut by punctuation or not read as hashtags"},
		Why: lint.Text{
			ID: "Platform hanya membaca huruf, angka dan garis bawah dalam tagar. #Banten-Maju terbaca #Banten, #Jum'atBerkah terbaca #Jum: unggahan masuk ke tagar yang salah. Tagar yang hanya angka (#2025) tidak ditautkan, dan # yang menempel pada kata sebelumnya (Banten#Maju) tidak menjadi tagar.",
			EN: "The platforms read only letters, digits and underscores in a hashtag. #Banten-Maju is read as #Banten, #Jum'atBerkah as #Jum: the post lands in the wrong tag. A tag of digits only (#2025) is not linked, and a # glued to the word before it (Banten#Maju) makes no tag at all."},
		Bad:       "Ayo ramaikan Festival Tanjung Lesung! #Banten-Maju",
		Good:      "Ayo ramaikan Festival Tanjung Lesung! #BantenMaju",
		Fix:       lint.Text{ID: "Gabungkan bagian-bagian tagar tanpa tanda baca, lalu periksa ejaannya. Spasi sebelum # yang menempel adalah perbaikan aman yang diterapkan --fix.", EN: "Join the parts of the tag without the punctuation, then check the spelling. A space before a glued # is a safe fix that --fix applies."},
		FixSafety: "unsafe",
		Severity:  lint.Warning,
	},
	Check: checkMalformed,
}

func checkMalformed(p *lint.Pass) error {
	kt := tagsOf(p.Kit)
	src := p.Draft.Source
	for _, t := range tagsIn(p.Draft) {
		switch {
		case t.brokenEnd != 0:
			meant := src[t.Start:t.brokenEnd]
			joined := strings.Map(func(r rune) rune {
				if isJoiner(r) {
					return -1
				}
				return r
			}, meant)
			if s, ok := kt.spelled[fold(joined)]; ok {
				joined = s
			}
			cut, _ := utf8.DecodeRuneInString(src[t.End:])
			span := lint.Span{Start: t.Start, End: t.brokenEnd}
			p.Report(lint.Finding{
				Span:        span,
				Match:       meant,
				Suggestions: []string{joined},
				Message: lint.Tf("%s terbaca sebagai %s karena %q memutus tagar; tulis %s",
					"%s is read as %s because %q ends the tag; write %s", meant, t.Text, string(cut), joined),
				Fix: &lint.Fix{Span: span, Replacement: joined},
			})
		}
	}
	toks := p.Draft.Tokens
	for i, t := range toks {
		// A tag of digits only among other tags ("#BantenMaju #2025") was
		// meant as a tag; alone ("juara #1") it is a number.
		if t.Kind == lint.TokHashtag && !hasLetter(t.Text) &&
			(i > 0 && toks[i-1].Kind == lint.TokHashtag || i+1 < len(toks) && toks[i+1].Kind == lint.TokHashtag) {
			p.Report(lint.Finding{
				Span:  lint.Span{Start: t.Start, End: t.End},
				Match: t.Text,
				Message: lint.Tf("%s: tagar yang hanya angka tidak ditautkan platform; tambahkan huruf, misalnya nama kegiatannya",
					"%s: a tag of digits only is not linked by the platforms; add letters, such as the event's name", t.Text),
			})
			continue
		}
		// A '#' right after a letter or digit ("Banten#Maju") starts no tag.
		if t.Kind != lint.TokPunct || t.Text != "#" || i == 0 || i+1 >= len(toks) {
			continue
		}
		prev, next := toks[i-1], toks[i+1]
		if prev.End != t.Start || next.Start != t.End || (prev.Kind != lint.TokWord && prev.Kind != lint.TokNumber) ||
			(next.Kind != lint.TokWord && next.Kind != lint.TokNumber) {
			continue
		}
		end := t.End
		for end < len(src) {
			r, size := utf8.DecodeRuneInString(src[end:])
			if !isTagRune(r) {
				break
			}
			end += size
		}
		tag := src[t.Start:end]
		if !hasLetter(tag) {
			continue
		}
		p.Report(lint.Finding{
			Span:  lint.Span{Start: t.Start, End: end},
			Match: tag,
			Message: lint.Tf("%s menempel pada kata sebelumnya sehingga tidak menjadi tagar; beri spasi sebelum #",
				"%s is glued to the word before it, so it is no hashtag; put a space before #", tag),
			Fix: &lint.Fix{Span: lint.Span{Start: t.Start, End: t.Start}, Replacement: " ", Safe: true},
		})
	}
	return nil
}
