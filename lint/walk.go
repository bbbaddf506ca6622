package lint

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DraftExts and ImageExts are the file endings a folder walk picks up.
var (
	DraftExts = []string{".md", ".txt"}
	ImageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp"}
)

// KindOf tells a draft from an image by the file's ending; ok is false for
// files selaras does not check.
func KindOf(name string) (k Kind, ok bool) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range DraftExts {
		if ext == e {
			return KindText, true
		}
	}
	for _, e := range ImageExts {
		if ext == e {
			return KindImage, true
		}
	}
	return KindText, false
}

// Collect turns command-line paths into inputs. A folder is walked
// recursively (hidden folders and .git skipped; symbolic links to folders
// followed once, so loops end); a file is taken whatever its ending. A path
// that does not exist is an error naming it.
func Collect(paths []string) ([]Input, error) {
	var out []Input
	seen := map[string]bool{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", p, PlainError(err))
		}
		if !info.IsDir() {
			k, _ := KindOf(p)
			abs, _ := filepath.Abs(p)
			if !seen[abs] {
				seen[abs] = true
				out = append(out, Input{Path: p, Abs: abs, Root: filepath.Dir(abs), Kind: k})
			}
			continue
		}
		root, _ := filepath.Abs(p)
		w := walker{root: root, seen: seen, visited: map[string]bool{}}
		w.walk(p, root)
		out = append(out, w.out...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

type walker struct {
	root    string
	seen    map[string]bool
	visited map[string]bool // real paths of folders already walked
	out     []Input
}

func (w *walker) walk(shown, abs string) {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil || w.visited[real] {
		return
	}
	w.visited[real] = true
	entries, err := os.ReadDir(abs)
	if err != nil {
		// An unreadable folder is reported as an unreadable input.
		w.out = append(w.out, Input{Path: shown, Abs: abs, Root: w.root})
		return
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		s, a := filepath.Join(shown, name), filepath.Join(abs, name)
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(a)
			if err != nil {
				continue // a dangling link is not content
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			w.walk(s, a)
		case mode.IsRegular():
			k, ok := KindOf(name)
			if ok && !w.seen[a] {
				w.seen[a] = true
				w.out = append(w.out, Input{Path: s, Abs: a, Root: w.root, Kind: k})
			}
		}
	}
}
