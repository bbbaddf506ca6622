package brandkit

import (
	"fmt"
	"sort"
	"strings"
)

// validateTags checks the hashtag keys against each other: a tag the kit
// asks for (known, per account, per platform, in a campaign, as a
// replacement) must not also be banned, and every key of [hashtags] replace
// must be a tag banned in the same file. Like the rest of validate, it sees
// one kit file, before it is merged over its parent.
func (k *Kit) validateTags(file string, loc *locator) []error {
	var probs []error
	add := func(line int, key, idFormat, enFormat string, args ...any) {
		probs = append(probs, problemf(file, line, key, idFormat, enFormat, args...))
	}
	banned := map[string]bool{}
	for _, b := range k.Hashtags.Banned {
		banned[strings.ToLower(string(b))] = true
	}
	isBanned := func(h Hashtag) bool { return banned[strings.ToLower(string(h))] }

	for _, h := range k.Hashtags.Known {
		if isBanned(h) {
			add(loc.key("hashtags", "known"), "hashtags.known", "%s sekaligus dikenal (known) dan dilarang", "%s is both known and banned", h)
		}
	}
	for _, slug := range sortedKeys(k.Accounts) {
		for _, h := range k.Accounts[slug].Hashtags {
			if isBanned(h) {
				add(loc.key("accounts", slug, "hashtags"), "accounts."+slug+".hashtags", "%s diwajibkan akun ini tetapi dilarang di [hashtags]", "%s is required by the account but banned in [hashtags]", h)
			}
		}
	}
	for _, name := range sortedKeys(k.Platforms) {
		for _, h := range k.Platforms[name].Hashtags {
			if isBanned(h) {
				add(loc.key("platforms", name, "hashtags"), "platforms."+name+".hashtags", "%s diwajibkan di platform ini tetapi dilarang di [hashtags]", "%s is required on the platform but banned in [hashtags]", h)
			}
		}
	}
	for i, c := range k.Campaigns {
		for _, h := range c.Hashtags {
			if isBanned(h) {
				add(loc.table("campaigns", i), fmt.Sprintf("campaigns[%d].hashtags", i), "%s adalah tagar kampanye tetapi dilarang di [hashtags]", "%s is a campaign tag but banned in [hashtags]", h)
			}
		}
	}
	line := 0
	if len(k.Hashtags.Replace) > 0 { // finding the line reads the whole kit again
		line = loc.key("hashtags", "replace")
	}
	for _, old := range sortedKeys(k.Hashtags.Replace) {
		key := fmt.Sprintf("hashtags.replace.%q", old)
		repl := k.Hashtags.Replace[old]
		switch {
		case !ValidHashtag(old):
			add(line, key, "%q bukan tagar: tulis '#' lalu huruf, angka atau '_' saja", "%q is not a hashtag: write '#' then letters, digits or '_' only", old)
			continue
		case !isBanned(Hashtag(old)):
			add(line, key, "%s tidak dilarang: tambahkan ke banned di [hashtags] kit ini, atau hapus penggantinya", "%s is not banned: add it to [hashtags] banned of this kit, or drop the replacement", old)
		}
		if strings.EqualFold(old, string(repl)) {
			add(line, key, "%s akan diganti dengan dirinya sendiri", "%s would be replaced by itself", old)
		} else if isBanned(repl) {
			add(line, key, "penggantinya, %s, juga dilarang", "the replacement %s is banned too", repl)
		}
	}
	return probs
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
