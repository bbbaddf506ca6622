package audit

import (
	"bytes"
	"hash/crc32"
	"sort"
	"strconv"
	"strings"
)

// The integrity of cache packs. A bit flipped on disk, a pack cut short or
// edited by hand must never change a report: 8 of 10 random bit flips in
// a pack without checksums changed it, and an edited pack changed line
// numbers and severities while compliance still counted the old errors.
//
// A pack's first line is its header:
//
//	selaras-audit-pack TAB format TAB build TAB kits TAB checksum
//
// (kits: the hashes of the kits of its entries, sorted, comma-separated;
// checksum: of everything before it). Each entry line is
//
//	key TAB checksum TAB JSON
//
// where the checksum covers the key and the JSON. Checksums are CRC-32C
// (Castagnoli) in 8 hex digits: they catch every flipped bit and burst of
// up to 32 bits, at the cost of hashing an entry again when it is read (a
// hit of a post reads a few kilobytes). A pack whose header does not check,
// or that another format or build wrote, is not indexed; an entry whose
// checksum does not match is a miss, and the post is checked again.

const packMagic = "selaras-audit-pack"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func checksum(parts ...[]byte) string {
	var c uint32
	for _, p := range parts {
		c = crc32.Update(c, castagnoli, p)
	}
	s := strconv.FormatUint(uint64(c), 16)
	return strings.Repeat("0", 8-len(s)) + s
}

// packHeader is the first line of a pack written by build, holding entries
// of the kits whose hashes are the keys of kits.
func packHeader(build string, kits map[string]bool) string {
	names := make([]string, 0, len(kits))
	for k := range kits {
		names = append(names, strings.NewReplacer("\t", " ", "\n", " ", ",", " ").Replace(k))
	}
	sort.Strings(names)
	clean := strings.NewReplacer("\t", " ", "\n", " ").Replace(build)
	head := packMagic + "\t" + cacheFormat + "\t" + clean + "\t" + strings.Join(names, ",")
	return head + "\t" + checksum([]byte(head)) + "\n"
}

// headerOK reports whether line is a sound header of this format and of
// build.
func headerOK(line []byte, build string) bool {
	i := bytes.LastIndexByte(line, '\t')
	if i < 0 {
		return false
	}
	head, sum := line[:i], string(line[i+1:])
	if checksum(head) != sum {
		return false
	}
	f := strings.Split(string(head), "\t")
	clean := strings.NewReplacer("\t", " ", "\n", " ").Replace(build)
	return len(f) == 4 && f[0] == packMagic && f[1] == cacheFormat && f[2] == clean
}

// entryLine is a pack line for the entry JSON b under key.
func entryLine(key string, b []byte) []byte {
	line := make([]byte, 0, len(key)+len(b)+11)
	line = append(line, key...)
	line = append(line, '\t')
	line = append(line, checksum([]byte(key), []byte{'\t'}, b)...)
	line = append(line, '\t')
	line = append(line, b...)
	return append(line, '\n')
}

// checkedEntry returns the JSON of an entry read as "checksum TAB JSON",
// or nil when it is not what was written under key.
func checkedEntry(key string, b []byte) []byte {
	if len(b) < 9 || b[8] != '\t' {
		return nil
	}
	js := b[9:]
	if checksum([]byte(key), []byte{'\t'}, js) != string(b[:8]) {
		return nil
	}
	return js
}

// indexPack records where each entry of pack p (its content b) is, when
// its header checks; a later pack's entry for a key wins.
func (c *Cache) indexPack(p string, b []byte) {
	head, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok || !headerOK(head, c.Build) {
		return
	}
	pack := int32(len(c.packs))
	c.packs = append(c.packs, p)
	base := len(head) + 1
	off := 0
	for off < len(rest) {
		line := rest[off:]
		j := bytes.IndexByte(line, '\n')
		if j < 0 {
			break // a last line without its newline was cut short
		}
		line, next := line[:j], off+j+1
		if k, v, ok := bytes.Cut(line, []byte("\t")); ok && len(k) == 64 && len(v) < cacheEntryMax {
			c.index[string(k)] = packSpan{pack: pack, off: int64(base + off + len(k) + 1), len: int32(len(v))}
		}
		off = next
	}
}
