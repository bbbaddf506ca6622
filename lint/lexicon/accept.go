package lexicon

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// AcceptFile is the name of the per-folder accept file: words (one a line,
// # starts a comment) that neither spelling nor the loanword check
// reports in drafts of that folder and the folders below it, up to the
// content root.
const AcceptFile = ".selaras-accept"

// maxAcceptBytes bounds an accept file: a word list, never megabytes.
const maxAcceptBytes = 1 << 20

var acceptDirs sync.Map // folder -> map[string]bool (nil: no file)

// Accepted returns the words of the accept files from the folder of the
// file abs up to the content root root, read once per folder and run. Nil
// when there are none.
func Accepted(abs, root string) map[string]bool {
	if abs == "" {
		return nil
	}
	dir := filepath.Dir(abs)
	key := acceptKey{dir, root}
	if v, ok := acceptMerged.Load(key); ok {
		return v.(map[string]bool)
	}
	out := merged(dir, root)
	acceptMerged.Store(key, out)
	return out
}

type acceptKey struct{ dir, root string }

// acceptMerged holds, per folder and content root, the words of all the
// accept files that apply there: a draft's rules ask many times.
var acceptMerged sync.Map

func merged(dir, root string) map[string]bool {
	var out map[string]bool
	for i := 0; i < 64; i++ {
		for w := range readAccept(dir) {
			if out == nil {
				out = map[string]bool{}
			}
			out[w] = true
		}
		if root == "" || dir == root || !strings.HasPrefix(dir, root) {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return out
}

func readAccept(dir string) map[string]bool {
	if v, ok := acceptDirs.Load(dir); ok {
		return v.(map[string]bool)
	}
	var words map[string]bool
	if f, err := os.Open(filepath.Join(dir, AcceptFile)); err == nil {
		data, _ := io.ReadAll(io.LimitReader(f, maxAcceptBytes))
		f.Close()
		words = ParseAccept(string(data))
	}
	acceptDirs.Store(dir, words)
	return words
}

// ParseAccept reads an accept file: one word or phrase a line, lower-cased;
// blank lines and lines starting with # are skipped.
func ParseAccept(text string) map[string]bool {
	words := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		words[strings.ToLower(strings.Join(strings.Fields(l), " "))] = true
	}
	return words
}
