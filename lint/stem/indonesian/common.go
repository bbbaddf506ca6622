package indonesian

// isVowel reports whether b is one of the Indonesian vowels a, e, i, o,
// u. Bytes of multi-byte UTF-8 sequences are never vowels.
func isVowel(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
