package brandkit

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
)

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Platforms lists the platform names DESIGN.md defines. A kit may add its
// own (kebab-case) for channels not listed here.
var Platforms = []string{"instagram", "instagram-story", "instagram-reels", "facebook", "x", "tiktok", "threads", "youtube", "linkedin"}

// validate checks what the TOML types cannot: required fields, cross-field
// agreement, rule names. Every problem is returned, none stops the others.
func (k *Kit) validate(file string, loc *locator, knownRule func(string) bool) []error {
	var probs []error
	add := func(line int, key, idFormat, enFormat string, args ...any) {
		probs = append(probs, problemf(file, line, key, idFormat, enFormat, args...))
	}
	kitDir := ""
	if file != defaultName {
		kitDir = filepath.Dir(file)
	}

	phrases := map[string]int{}
	for i, j := range k.Jargon {
		line, key := loc.table("jargon", i), fmt.Sprintf("jargon[%d]", i)
		p := strings.ToLower(strings.Join(strings.Fields(j.Phrase), " "))
		if p == "" {
			add(line, key+".phrase", "entri jargon perlu frasa", "a jargon entry needs a phrase")
			continue
		}
		if prev, dup := phrases[p]; dup {
			add(line, key+".phrase", "%q sudah tercantum di jargon[%d]", "%q is already listed in jargon[%d]", j.Phrase, prev)
		}
		phrases[p] = i
		for _, s := range j.Suggest {
			if strings.TrimSpace(s) == "" {
				add(line, key+".suggest", "saran untuk %q kosong", "empty suggestion for %q", j.Phrase)
			}
		}
		for _, ctx := range []struct {
			key   string
			words []string
		}{{"not_after", j.NotAfter}, {"not_before", j.NotBefore}} {
			for _, w := range ctx.words {
				if f := strings.Fields(w); len(f) != 1 {
					add(line, key+"."+ctx.key, "%q: tulis satu kata per entri", "%q: write one word per entry", w)
				}
			}
		}
	}
	for i, t := range k.Terms {
		line, key := loc.table("terms", i), fmt.Sprintf("terms[%d]", i)
		if strings.TrimSpace(t.Use) == "" {
			add(line, key+".use", "istilah perlu bentuk yang dipakai", "a term needs the form to use")
		}
		if len(t.Avoid) == 0 {
			add(line, key+".avoid", "istilah perlu sedikitnya satu bentuk yang dihindari", "a term needs at least one form to avoid")
		}
		for _, a := range t.Avoid {
			if strings.TrimSpace(a) == "" {
				add(line, key+".avoid", "bentuk yang dihindari kosong", "empty form to avoid")
			} else if a == t.Use {
				add(line, key+".avoid", "%q sekaligus bentuk yang dipakai dan yang dihindari", "%q is both the form to use and one to avoid", a)
			}
		}
		for _, ctx := range []struct {
			key   string
			words []string
		}{{"not_after", t.NotAfter}, {"not_before", t.NotBefore}} {
			for _, w := range ctx.words {
				if f := strings.Fields(w); len(f) != 1 {
					add(line, key+"."+ctx.key, "%q: tulis satu kata per entri", "%q: write one word per entry", w)
				}
			}
		}
		for _, u := range t.AlsoUse {
			if strings.TrimSpace(u) == "" {
				add(line, key+".also_use", "bentuk pengganti kosong", "empty successor")
				continue
			}
			for _, a := range t.Avoid {
				if strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(u), " ")) {
					add(line, key+".also_use", "%q sekaligus pengganti dan bentuk yang dihindari", "%q is both a successor and a form to avoid", u)
				}
			}
		}
	}
	ids := map[string]bool{}
	for i, p := range k.Narrative.Pillars {
		line, key := loc.key("narrative", "pillars"), fmt.Sprintf("narrative.pillars[%d]", i)
		if p.ID == "" {
			add(line, key+".id", "pilar perlu id", "a pillar needs an id")
		} else if ids[p.ID] {
			add(line, key+".id", "id pilar %q dipakai dua kali", "pillar id %q is used twice", p.ID)
		}
		ids[p.ID] = true
		if len(p.Keywords) == 0 {
			add(line, key+".keywords", "pilar %q perlu kata kunci (keywords)", "pillar %q needs keywords", p.ID)
		}
	}
	for _, r := range k.Hashtags.Required {
		for _, b := range k.Hashtags.Banned {
			if strings.EqualFold(string(r), string(b)) {
				add(loc.key("hashtags", "banned"), "hashtags.banned", "%s sekaligus wajib dan dilarang", "%s is both required and banned", b)
			}
		}
	}
	if k.Hashtags.Max < 0 {
		add(loc.key("hashtags", "max"), "hashtags.max", "harus 0 (tanpa batas) atau lebih", "must be 0 (no limit) or more")
	}
	probs = append(probs, k.validateTags(file, loc)...)
	for slug, a := range k.Accounts {
		key := "accounts." + slug
		if !kebab.MatchString(slug) {
			add(loc.key("accounts", slug), key, "nama akun %q: pakai huruf kecil, angka dan '-'", "account slug %q: use lower-case letters, digits and '-'", slug)
		}
		for i, g := range a.Paths {
			if _, err := path.Match(g, ""); err != nil || g == "" {
				add(loc.key("accounts", slug, "paths"), fmt.Sprintf("%s.paths[%d]", key, i), "pola jalur %q tidak sah", "bad glob %q", g)
				continue
			}
			if kitDir != "" && !path.IsAbs(g) {
				a.Paths[i] = path.Join(filepath.ToSlash(kitDir), g)
			}
		}
	}
	for name, p := range k.Platforms {
		key := "platforms." + name
		if !kebab.MatchString(name) {
			add(loc.key("platforms", name), key, "nama platform %q: pakai huruf kecil, angka dan '-' (yang dikenal: %s)", "platform name %q: use lower-case letters, digits and '-' (known: %s)", name, strings.Join(Platforms, ", "))
		}
		if p.CaptionMax < 0 || p.SafeTop < 0 || p.SafeBottom < 0 || p.HashtagMax < 0 {
			add(loc.key("platforms", name), key, "batas harus 0 atau lebih", "limits must be 0 or more")
		}
	}
	for i, c := range k.Campaigns {
		line, key := loc.table("campaigns", i), fmt.Sprintf("campaigns[%d]", i)
		if len(c.Hashtags) == 0 {
			add(line, key+".hashtags", "kampanye perlu tagar", "a campaign needs hashtags")
		}
		if c.From.IsZero() || c.Until.IsZero() {
			add(line, key, "kampanye perlu tanggal from dan until", "a campaign needs from and until dates")
		} else if c.Until.Before(c.From) {
			add(line, key+".until", "until (%s) lebih awal daripada from (%s)", "until (%s) is before from (%s)", c.Until.Format("2006-01-02"), c.From.Format("2006-01-02"))
		}
	}
	if k.Palette.Tolerance < 0 {
		add(loc.key("palette", "tolerance"), "palette.tolerance", "harus 0 atau lebih", "must be 0 or more")
	}
	for i, lg := range k.Logos {
		line, key := loc.table("logos", i), fmt.Sprintf("logos[%d]", i)
		if lg.File == "" {
			add(line, key+".file", "logo perlu berkas (file)", "a logo needs a file")
		} else if kitDir != "" && !filepath.IsAbs(lg.File) && !strings.HasPrefix(lg.File, "data:") { // data: an inline image
			k.Logos[i].File = filepath.Join(kitDir, lg.File)
		}
		if lg.MinWidth < 0 || lg.MinWidth > 1 {
			add(line, key+".min_width", "bagian dari lebar gambar, antara 0 dan 1", "a share of the image width, between 0 and 1")
		}
	}
	k.validateImages(file, loc, add)
	probs = append(probs, k.validateText(file, loc, kitDir)...)
	probs = append(probs, k.validateChains(file, loc)...)
	if knownRule != nil {
		for _, list := range []struct {
			key   string
			names []string
		}{{"disable", k.Rules.Disable}, {"enable", k.Rules.Enable}} {
			for _, n := range list.names {
				if !knownRule(n) {
					add(loc.key("rules", list.key), "rules."+list.key, "tidak ada aturan bernama %q (lihat `selaras rules`)", "no rule is named %q (see `selaras rules`)", n)
				}
			}
		}
		for n := range k.Rules.Severity {
			if !knownRule(n) {
				add(loc.key("rules", "severity"), "rules.severity."+n, "tidak ada aturan bernama %q (lihat `selaras rules`)", "no rule is named %q (see `selaras rules`)", n)
			}
		}
	}
	return probs
}

// locator finds the line of a key in kit source, for messages. TOML's
// decoder keeps key positions private, so this reads the text again; it only
// has to be right for hand-written kits, and falls back to 0 (no line).
//
// The text is indexed in one pass, on first use: every lookup after that is
// a map access. (Scanning the kit again for each key cost the square of its
// size: 10,000 unknown keys took 14 s, 10,000 unknown tables 52 s.)
type locator struct {
	lines   []string
	indexed bool
	tables  map[string][]int // [[name]] -> header lines
	keys    map[string]int   // full dotted key -> first line; "name[i].key" inside the i-th [[name]]
	headers map[string]int   // [name] or [[name]] -> first header line; "name[i]" for the i-th [[name]]
}

// locatorScanned counts the lines the locators have read: tests check that
// it grows with the kit, not with the kit times its problems.
var locatorScanned atomic.Int64

func newLocator(src []byte) *locator {
	return &locator{lines: strings.Split(string(src), "\n")}
}

var headerRe = regexp.MustCompile(`^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?`)
var keyRe = regexp.MustCompile(`^\s*("[^"]*"|[A-Za-z0-9_.-]+)\s*=`)

func normKey(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// index reads the kit once: headers, array tables and keys.
func (l *locator) index() {
	if l.indexed {
		return
	}
	l.indexed = true
	locatorScanned.Add(int64(len(l.lines)))
	l.tables, l.keys, l.headers = map[string][]int{}, map[string]int{}, map[string]int{}
	first := func(m map[string]int, k string, line int) {
		if _, ok := m[k]; !ok {
			m[k] = line
		}
	}
	table, elem := "", "" // the current table, and "name[i]" inside an array table
	for ln, s := range l.lines {
		trimmed := strings.TrimLeft(s, " \t")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if trimmed[0] != '[' && !strings.Contains(s, "=") {
			continue // a continued array or a comment: neither header nor key
		}
		if m := headerRe.FindStringSubmatch(s); m != nil {
			table, elem = normKey(m[2]), ""
			first(l.headers, table, ln+1)
			if m[1] == "[[" {
				elem = fmt.Sprintf("%s[%d]", table, len(l.tables[table]))
				l.tables[table] = append(l.tables[table], ln+1)
				first(l.headers, elem, ln+1)
			}
			continue
		}
		if m := keyRe.FindStringSubmatch(s); m != nil {
			k := normKey(m[1])
			full := k
			if table != "" {
				full = table + "." + k
			}
			first(l.keys, full, ln+1)
			if elem != "" {
				first(l.keys, elem+"."+k, ln+1)
			}
		}
	}
}

// table returns the line of the i-th [[name]] header.
func (l *locator) table(name string, i int) int {
	l.index()
	if i < len(l.tables[name]) {
		return l.tables[name][i]
	}
	return 0
}

// key returns the line where the dotted key is set (or its table opens),
// else that of its nearest parent.
func (l *locator) key(parts ...string) int {
	return l.at(strings.Join(parts, "."))
}

// at is key for a dotted key that may name an element of an array table:
// "logos[1].zone".
func (l *locator) at(k string) int {
	l.index()
	for {
		if line, ok := l.keys[k]; ok {
			return line
		}
		if line, ok := l.headers[k]; ok {
			return line
		}
		i := strings.LastIndexAny(k, ".[")
		if i <= 0 {
			return 0
		}
		k = k[:i]
	}
}
