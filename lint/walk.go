package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/selaras/selaras/brandkit"
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

// Collect turns command-line paths into inputs, as CollectNotes does,
// without the notes.
func Collect(paths []string) ([]Input, error) {
	ins, _, err := CollectNotes(paths)
	return ins, err
}

// CollectNotes turns command-line paths into inputs. A folder is walked
// recursively: hidden names are skipped (.git, and the temporaries a
// --fix leaves behind when it is killed, .NAME.selaras-*); a symbolic link
// to a folder is followed only when the folder it points to lies inside
// the folder being walked or the folder of a kit (selaras.toml) above it,
// and once, so loops end; a link leading elsewhere (ln -s / konten/root
// would walk the whole machine) is skipped and named once in the notes.
// A file is checked once, by its real path, however many links lead to
// it, under its own name when the walk meets it (else under the first
// link's). A file given on the command line is taken whatever its ending.
// A path that does not exist is an error naming it.
func CollectNotes(paths []string) ([]Input, []Text, error) {
	var out []Input
	var notes []Text
	seen := map[string]int{} // real path -> index in out
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			why := ErrorText(err)
			return nil, nil, &TextError{Text{ID: p + ": " + why.ID, EN: p + ": " + why.EN}}
		}
		if !info.IsDir() {
			k, _ := KindOf(p)
			abs, _ := filepath.Abs(p)
			real := realPath(abs)
			if _, dup := seen[real]; !dup {
				seen[real] = len(out)
				out = append(out, Input{Path: p, Abs: abs, Root: filepath.Dir(abs), Kind: k})
			}
			continue
		}
		root, _ := filepath.Abs(p)
		w := walker{root: root, seen: seen, visited: map[string]bool{}, out: out, allowed: allowedRoots(root)}
		w.walk(p, root, false)
		// Folders reached through links come after every folder reached
		// by its own name, so that a file is shown under its own name.
		for len(w.pending) > 0 {
			next := w.pending[0]
			w.pending = w.pending[1:]
			w.walk(next[0], next[1], true)
		}
		out = w.out
		notes = append(notes, w.notes...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, notes, nil
}

// realPath is abs with every symbolic link resolved (abs itself when that
// fails).
func realPath(abs string) string {
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

// allowedRoots are the real folders a walk from root may enter through a
// link: root itself and the folder of every kit file above it (a content
// root: images and drafts shared by its agencies' folders).
func allowedRoots(root string) []string {
	real := realPath(root)
	out := []string{real}
	for dir := filepath.Dir(real); ; dir = filepath.Dir(dir) {
		if info, err := os.Stat(filepath.Join(dir, brandkit.FileName)); err == nil && info.Mode().IsRegular() {
			out = append(out, dir)
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return out
}

// within tells whether path is dir or inside it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

type walker struct {
	root    string
	allowed []string
	seen    map[string]int  // real paths of files taken -> index in out
	visited map[string]bool // real paths of folders already walked
	out     []Input
	notes   []Text
	skipped map[string]bool // links already named in notes
	viaLink map[string]bool // real paths of files taken through a link
	pending [][2]string     // folders reached through a link: shown, abs
}

// walk takes the files under the folder abs, shown as shown; linked is
// true when the folder was reached through a link.
func (w *walker) walk(shown, abs string, linked bool) {
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
		link := mode&fs.ModeSymlink != 0
		if link {
			info, err := os.Stat(a)
			if err != nil {
				continue // a dangling link is not content
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			if link && !w.inside(a) {
				w.skip(s, a)
				continue
			}
			if link || linked {
				w.pending = append(w.pending, [2]string{s, a})
				continue
			}
			w.walk(s, a, false)
		case mode.IsRegular():
			k, ok := KindOf(name)
			if !ok {
				continue
			}
			r := realPath(a)
			in := Input{Path: s, Abs: a, Root: w.root, Kind: k}
			link = link || linked
			if i, dup := w.seen[r]; dup {
				// The file itself wins over a link to it: --fix writes
				// it, and the user sees its own name.
				if !link && w.viaLink[r] {
					w.out[i] = in
					w.viaLink[r] = false
				}
				continue
			}
			if w.viaLink == nil {
				w.viaLink = map[string]bool{}
			}
			w.viaLink[r] = link
			w.seen[r] = len(w.out)
			w.out = append(w.out, in)
		}
	}
}

// inside tells whether the real folder a link at a leads to is one the
// walk may enter.
func (w *walker) inside(a string) bool {
	r := realPath(a)
	for _, root := range w.allowed {
		if within(root, r) {
			return true
		}
	}
	return false
}

// skip names a folder link leading outside the walk, once.
func (w *walker) skip(shown, abs string) {
	target := realPath(abs)
	if w.skipped == nil {
		w.skipped = map[string]bool{}
	}
	if w.skipped[shown] {
		return
	}
	w.skipped[shown] = true
	w.notes = append(w.notes, Tf(
		"%s dilewati: tautan ke folder di luar folder yang diperiksa (%s); periksa folder itu dengan menyebutnya langsung",
		"%s skipped: a link to a folder outside the folder being checked (%s); check that folder by naming it", shown, target))
}
