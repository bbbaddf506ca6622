// Command genlexicon builds the word lists that lint/lexicon embeds from the
// open lists kept in brandkit/data/lexicon/ (licences beside them):
//
//   - sastrawi-kata-dasar.txt: Indonesian root words of the Sastrawi
//     project (MIT). Kept whole: lower case, reduplicated roots (aba-aba)
//     included.
//   - selaras-id-extra.txt: Indonesian words the root list lacks (function
//     words, informal words people write, current KBBI words, government
//     words), written by the project; added to the Indonesian list.
//   - scowl-american-english.txt: SCOWL's American English list as Debian's
//     wamerican ships it (SCOWL licence). Only words written entirely in
//     lower-case ASCII letters are taken: capitalised entries are names
//     (Jakarta, Kevin), and "'s" entries are possessives, neither of which
//     tells whether a word of a draft is English.
//
// The output is one word a line, sorted by bytes and without repeats, which
// is what lexicon.List searches without building anything at start-up, and
// beside it (id.off, en.off) where each line starts, as little-endian
// uint32s.
//
// Run from the repository root: go run ./brandkit/internal/genlexicon
package main

import (
	"fmt"
	"github.com/selaras/selaras/lint/lexicon"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

const (
	dataDir = "brandkit/data/lexicon"
	outDir  = "lint/lexicon"
)

// lists maps each generated file to its source and the filter it needs.
var lists = []struct {
	out  string
	srcs []string
	keep func(string) bool
}{
	{"id.txt", []string{"sastrawi-kata-dasar.txt", "selaras-id-extra.txt"}, isIndonesianRoot},
	{"en.txt", []string{"scowl-american-english.txt"}, isLowerASCII},
}

// readSources joins a list's source files (from the repository root or,
// in tests, from dir).
func readSources(dir string, srcs []string) (string, error) {
	var b strings.Builder
	for _, s := range srcs {
		data, err := os.ReadFile(filepath.Join(dir, dataDir, s))
		if err != nil {
			return "", err
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String(), nil
}

func main() {
	for _, l := range lists {
		src, err := readSources(".", l.srcs)
		if err != nil {
			fail(err)
		}
		out := Build(src, l.keep)
		if err := os.WriteFile(filepath.Join(outDir, l.out), []byte(out), 0o644); err != nil {
			fail(err)
		}
		if err := os.WriteFile(filepath.Join(outDir, offName(l.out)), []byte(lexicon.Offsets(out)), 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genlexicon:", err)
	os.Exit(1)
}

// Build turns a source list into the embedded form: the kept words, trimmed,
// sorted by bytes, each once, one a line.
func Build(src string, keep func(string) bool) string {
	seen := map[string]bool{}
	var words []string
	for _, line := range strings.Split(src, "\n") {
		w := strings.TrimSpace(line)
		if w == "" || seen[w] || !keep(w) {
			continue
		}
		seen[w] = true
		words = append(words, w)
	}
	sort.Strings(words)
	return strings.Join(words, "\n") + "\n"
}

// isIndonesianRoot keeps Sastrawi's entries made of lower-case letters and
// inner hyphens (one entry of the list is a stray "oper "v,"" fragment).
func isIndonesianRoot(w string) bool {
	if strings.HasPrefix(w, "-") || strings.HasSuffix(w, "-") {
		return false
	}
	for _, c := range w {
		if (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}

func isLowerASCII(w string) bool {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return len(w) > 1
}

// offName is the offsets file of a list: id.txt → id.off.
func offName(list string) string { return strings.TrimSuffix(list, ".txt") + ".off" }
