package brandkit

import (
	"fmt"
	"strings"
)

// HandleKey is how an account handle or display name from an export is
// compared: without a leading '@', without case, spaces folded.
func HandleKey(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "@")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// AccountByHandle returns the slug of the kit account that an export's
// account cell names: its slug, its name or one of its handles, compared
// by HandleKey. ok is false when no account matches.
func (k *Kit) AccountByHandle(s string) (slug string, ok bool) {
	key := HandleKey(s)
	if key == "" || k == nil {
		return "", false
	}
	for _, sl := range sortedKeys(k.Accounts) {
		a := k.Accounts[sl]
		if HandleKey(sl) == key || (a.Name != "" && HandleKey(a.Name) == key) {
			return sl, true
		}
		for _, h := range a.Handles {
			if HandleKey(h) == key {
				return sl, true
			}
		}
	}
	return "", false
}

// validateHandles refuses an empty handle and a handle two accounts claim
// (an export row would then belong to either).
func (k *Kit) validateHandles(loc *locator, add func(line int, key, idFormat, enFormat string, args ...any)) {
	owner := map[string]string{}
	for _, slug := range sortedKeys(k.Accounts) {
		for i, h := range k.Accounts[slug].Handles {
			key := fmt.Sprintf("accounts.%s.handles[%d]", slug, i)
			hk := HandleKey(h)
			switch other, taken := owner[hk]; {
			case hk == "":
				add(loc.key("accounts", slug, "handles"), key, "nama akun kosong", "empty handle")
			case taken && other != slug:
				add(loc.key("accounts", slug, "handles"), key, "%q sudah menjadi nama akun %s", "%q is already a handle of account %s", h, other)
			default:
				owner[hk] = slug
			}
		}
	}
}

// validateCap refuses a negative [rules] max_per_file.
func (k *Kit) validateCap(loc *locator, add func(line int, key, idFormat, enFormat string, args ...any)) {
	if k.Rules.MaxPerFile < 0 {
		add(loc.key("rules", "max_per_file"), "rules.max_per_file", "harus 0 (bawaan: %d) atau lebih", "must be 0 (the default: %d) or more", DefaultMaxPerFile)
	}
}
