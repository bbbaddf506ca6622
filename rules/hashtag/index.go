package hashtag

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// fold is the case-insensitive form of a tag or handle, as the platforms
// compare them: every rune is mapped to one representative of its Unicode
// case orbit (so "Σ", "σ" and "ς" fold alike, as do "K" and the Kelvin sign).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	return strings.Map(foldRune, s)
}

func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < least {
			least = f
		}
	}
	return unicode.ToLower(least)
}

// kitTags is what the hashtag rules derive from a kit, built once per kit.
type kitTags struct {
	// spelled maps the folded form of every tag the kit asks for or knows
	// (required anywhere, known, a replacement) to the kit's own spelling.
	spelled map[string]string
	// targets are the same tags, for the typo search, by length (runes
	// without '#').
	targets map[int][]target
	longest int
	// banned maps a banned tag's folded form to the kit's spelling.
	banned map[string]string
	// replace maps a banned tag's folded form to its successor.
	replace map[string]string
}

type target struct {
	tag  string // as the kit writes it
	body []rune // folded, without '#'
}

type kitTagsKey struct{}

func tagsOf(k *brandkit.Kit) *kitTags {
	return k.Memo(kitTagsKey{}, func() any { return buildKitTags(k) }).(*kitTags)
}

func buildKitTags(k *brandkit.Kit) *kitTags {
	x := &kitTags{spelled: map[string]string{}, banned: map[string]string{}, replace: map[string]string{}}
	for _, b := range k.Hashtags.Banned {
		if _, dup := x.banned[fold(string(b))]; !dup {
			x.banned[fold(string(b))] = string(b)
		}
	}
	for old, repl := range k.Hashtags.Replace {
		x.replace[fold(old)] = string(repl)
	}
	add := func(tags []brandkit.Hashtag) {
		for _, h := range tags {
			f := fold(string(h))
			if _, banned := x.banned[f]; banned {
				continue
			}
			if _, seen := x.spelled[f]; !seen {
				x.spelled[f] = string(h)
			}
		}
	}
	// The first spelling wins: required tags before the rest.
	add(k.Hashtags.Required)
	for _, slug := range sortedKeys(k.Accounts) {
		add(k.Accounts[slug].Hashtags)
	}
	for _, name := range sortedKeys(k.Platforms) {
		add(k.Platforms[name].Hashtags)
	}
	for _, c := range k.Campaigns {
		add(c.Hashtags)
	}
	add(k.Hashtags.Known)
	for _, old := range sortedKeys(k.Hashtags.Replace) {
		add([]brandkit.Hashtag{k.Hashtags.Replace[old]})
	}
	x.targets = map[int][]target{}
	for _, f := range sortedKeys(x.spelled) {
		body := []rune(f[1:])
		x.targets[len(body)] = append(x.targets[len(body)], target{tag: x.spelled[f], body: body})
		x.longest = max(x.longest, len(body))
	}
	return x
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// draftTag is one hashtag as the platforms read it in a draft.
type draftTag struct {
	lint.Token
	fold string
	// brokenEnd, when not zero, is where the tag the author meant ends:
	// punctuation cut it ("#Banten-Maju" is read as "#Banten").
	brokenEnd int
}

type draftTagsKey struct{}

// tagsIn returns the draft's hashtags, in order, built once per draft.
func tagsIn(d *lint.Draft) []draftTag {
	return d.Memo(draftTagsKey{}, func() any {
		n := 0
		for _, t := range d.Tokens {
			if t.Kind == lint.TokHashtag {
				n++
			}
		}
		// Sized once: a draft of a million tags must not copy the list
		// twenty times as it grows.
		out := make([]draftTag, 0, n)
		for _, t := range d.Tokens {
			if t.Kind != lint.TokHashtag {
				continue
			}
			out = append(out, draftTag{Token: t, fold: fold(t.Text), brokenEnd: brokenEnd(d.Source, t.End)})
		}
		return out
	}).([]draftTag)
}

// isTagRune is what a tag's body is made of on the platforms.
func isTagRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// isJoiner is punctuation authors put inside a tag that ends it on every
// platform: hyphens and dashes, apostrophes, '&' and '+'.
func isJoiner(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2013', '\'', '\u2019', '&', '+':
		return true
	}
	return false
}

// brokenEnd returns the end of the tag the author meant when the tag
// ending at end is cut by a joiner followed by more tag characters; 0 when
// the tag is whole.
func brokenEnd(src string, end int) int {
	j := end
	for j < len(src) {
		r, size := utf8.DecodeRuneInString(src[j:])
		if !isJoiner(r) {
			break
		}
		k := j + size
		for k < len(src) {
			r2, s2 := utf8.DecodeRuneInString(src[k:])
			if !isTagRune(r2) {
				break
			}
			k += s2
		}
		if k == j+size {
			break
		}
		j = k
	}
	if j == end {
		return 0
	}
	return j
}

// hasLetter reports whether a tag has a non-digit character: a tag of
// digits only is not linked by the platforms.
func hasLetter(tag string) bool {
	for _, r := range strings.TrimPrefix(tag, "#") {
		if !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// requirement is a tag or mention a draft must carry, with where the
// requirement comes from.
type requirement struct {
	text    string
	sources []lint.Text
}

// requirements collects what the draft must carry, from the kit, the
// draft's account, its platform and (for tags) the campaigns running on its
// date, in that order. The same tag asked for twice is listed once with
// every source. Skip, when set, drops entries (banned tags).
func requirements(p *lint.Pass, kitList, accountList, platformList func() []string, campaigns bool, skip func(string) bool) []requirement {
	var out []requirement
	at := map[string]int{}
	add := func(items []string, src lint.Text) {
		for _, it := range items {
			f := fold(it)
			if skip != nil && skip(f) {
				continue
			}
			if i, ok := at[f]; ok {
				out[i].sources = appendSource(out[i].sources, src)
				continue
			}
			at[f] = len(out)
			out = append(out, requirement{text: it, sources: []lint.Text{src}})
		}
	}
	add(kitList(), lint.Text{ID: "kit", EN: "the kit"})
	if slug := p.Draft.Account(p.Kit); slug != "" {
		add(accountList(), lint.Tf("akun %s", "account %s", slug))
	}
	if pl := p.Draft.Front.Platform; pl != "" {
		add(platformList(), lint.Tf("platform %s", "platform %s", pl))
	}
	if campaigns && p.Draft.Front.HasDate {
		day := civil(p.Draft.Front.Date)
		for _, c := range p.Kit.Campaigns {
			if civil(c.From) <= day && day <= civil(c.Until) {
				name := c.Name
				if name == "" {
					name = c.From.Format(time.DateOnly)
				}
				add(strs(c.Hashtags), lint.Tf("kampanye %q yang berjalan %s s.d. %s", "campaign %q, running %s to %s",
					name, c.From.Format(time.DateOnly), c.Until.Format(time.DateOnly)))
			}
		}
	}
	return out
}

func appendSource(list []lint.Text, s lint.Text) []lint.Text {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// joinSources writes "kit dan akun dinkes" / "the kit and account dinkes".
func joinSources(list []lint.Text) lint.Text {
	var id, en []string
	for _, s := range list {
		id = append(id, s.ID)
		en = append(en, s.EN)
	}
	return lint.Text{ID: joinWords(id, "dan"), EN: joinWords(en, "and")}
}

func joinWords(list []string, and string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " " + and + " " + list[len(list)-1]
}

// civil is a date as written (its own calendar day, whatever the zone), as
// a comparable number: 2025-10-10 is 20251010.
func civil(t time.Time) int {
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

func strs[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// appendAtEnd inserts text after the post's last text: on the last line
// when it already holds tags or mentions, else on a line of its own.
func appendAtEnd(src, text string) *lint.Fix {
	trimmed := strings.TrimRight(src, " \t\r\n")
	at := lint.Span{Start: len(trimmed), End: len(trimmed)}
	lastLine := strings.TrimSpace(trimmed[strings.LastIndexByte(trimmed, '\n')+1:])
	if strings.HasPrefix(lastLine, "#") || strings.HasPrefix(lastLine, "@") {
		return &lint.Fix{Span: at, Replacement: " " + text}
	}
	nl := "\n"
	if strings.Contains(src, "\r\n") {
		nl = "\r\n"
	}
	return &lint.Fix{Span: at, Replacement: nl + nl + text}
}

// msg formats a message in both languages; an argument that is a lint.Text
// is written in the message's own language.
func msg(id, en string, args ...any) lint.Text {
	idArgs, enArgs := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		idArgs[i], enArgs[i] = a, a
		if t, ok := a.(lint.Text); ok {
			idArgs[i], enArgs[i] = t.ID, t.EN
		}
	}
	return lint.Text{ID: fmt.Sprintf(id, idArgs...), EN: fmt.Sprintf(en, enArgs...)}
}
