// Package gitindex reads what is staged in a git repository: the list of
// added, copied, modified and renamed files, and their content as it sits
// in the index (not in the working tree). It runs the installed git binary;
// every command takes NUL-separated names, so spaces, non-ASCII letters and
// even newlines in file names are safe.
//
// Inside a hook git sets GIT_DIR and GIT_INDEX_FILE (for `git commit -a`
// the index is a temporary file); the commands here inherit them, so they
// see exactly what is being committed.
package gitindex

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Error is a git command that failed, with git's own reason on one line.
type Error struct {
	Cmd    string // e.g. "git diff"
	Reason string
}

func (e *Error) Error() string {
	if e.Cmd == "" {
		return e.Reason
	}
	return e.Cmd + ": " + e.Reason
}

// Repo is a work tree of a git repository.
type Repo struct {
	// Top is the absolute path of the top of the work tree.
	Top string
	// Prefix is the current folder relative to Top, in slash form: "" at
	// the top, else ending in "/".
	Prefix string
	// dir is the folder git runs in ("" for the current one).
	dir string
}

// Open finds the repository around dir ("" for the current folder).
func Open(dir string) (*Repo, error) {
	r := &Repo{dir: dir}
	out, err := r.git(nil, "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) < 1 || lines[0] == "" {
		return nil, &Error{Cmd: "git rev-parse", Reason: "not inside a work tree"}
	}
	r.Top = filepath.Clean(lines[0])
	if len(lines) > 1 {
		r.Prefix = lines[1]
	}
	return r, nil
}

// HooksDir is the folder git runs hooks from (core.hooksPath honoured; in
// a linked work tree, the shared one), as an absolute path.
func (r *Repo) HooksDir() (string, error) {
	out, err := r.git(nil, "rev-parse", "--git-path", "hooks")
	if err != nil {
		return "", err
	}
	p := strings.TrimSuffix(string(out), "\n")
	if p == "" {
		return "", &Error{Cmd: "git rev-parse", Reason: "no hooks folder"}
	}
	if !filepath.IsAbs(p) {
		// Relative to where git ran: the current folder, i.e. Top/Prefix.
		p = filepath.Join(r.Top, filepath.FromSlash(r.Prefix), p)
	}
	return filepath.Clean(p), nil
}

// Abs turns a repository path (slash form, relative to Top) into an
// absolute OS path.
func (r *Repo) Abs(p string) string { return filepath.Join(r.Top, filepath.FromSlash(p)) }

// Rel turns a repository path into a path relative to the current folder,
// for showing to the user.
func (r *Repo) Rel(p string) string {
	if r.Prefix == "" {
		return filepath.FromSlash(p)
	}
	rel, err := filepath.Rel(filepath.FromSlash(r.Prefix), filepath.FromSlash(p))
	if err != nil {
		return filepath.FromSlash(p)
	}
	return rel
}

// Entry is one staged file.
type Entry struct {
	Path string // slash form, relative to the top of the work tree
	Mode string // "100644" or "100755"
	Hash string // the staged blob
}

// Staged lists the regular files added, copied, modified or renamed in the
// index compared with HEAD (with the empty tree before the first commit).
// Deleted files, symbolic links and submodules are left out. pathspecs,
// when given, narrow the list as in `git diff` (relative to the current
// folder).
func (r *Repo) Staged(pathspecs ...string) ([]Entry, error) {
	args := []string{"diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-relative",
		"--no-ext-diff", "--no-textconv", "--no-color", "--ignore-submodules=all", "--diff-filter=ACMR", "--"}
	out, err := r.git(nil, append(args, pathspecs...)...)
	if err != nil {
		return nil, err
	}
	return parseRaw(out)
}

// parseRaw reads `git diff --raw -z` output:
// ":old new oldhash newhash STATUS\0path\0" (two paths for R and C).
func parseRaw(out []byte) ([]Entry, error) {
	var list []Entry
	out = bytes.TrimSuffix(out, []byte{0})
	if len(out) == 0 {
		return nil, nil
	}
	fields := bytes.Split(out, []byte{0})
	for i := 0; i < len(fields); i++ {
		head := string(fields[i])
		if head == "" {
			continue
		}
		if !strings.HasPrefix(head, ":") {
			return nil, &Error{Cmd: "git diff", Reason: fmt.Sprintf("unexpected output %q", head)}
		}
		f := strings.Fields(head[1:])
		if len(f) < 5 || i+1 >= len(fields) {
			return nil, &Error{Cmd: "git diff", Reason: fmt.Sprintf("unexpected output %q", head)}
		}
		p := string(fields[i+1])
		i++
		if st := f[4]; st != "" && (st[0] == 'R' || st[0] == 'C') {
			if i+1 >= len(fields) {
				return nil, &Error{Cmd: "git diff", Reason: fmt.Sprintf("unexpected output %q", head)}
			}
			p = string(fields[i+1])
			i++
		}
		mode := f[1]
		if mode != "100644" && mode != "100755" {
			continue // symbolic link, submodule, or deleted
		}
		list = append(list, Entry{Path: p, Mode: mode, Hash: f[3]})
	}
	return list, nil
}

// git runs a git command and returns its standard output; a failure is an
// *Error with git's first line of complaint.
func (r *Repo) git(stdin io.Reader, args ...string) ([]byte, error) {
	return r.gitEnv(nil, stdin, args...)
}

func (r *Repo) gitEnv(env []string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(gitEnv(), env...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, cmdError(args[0], err, errb.Bytes())
	}
	return out.Bytes(), nil
}

// gitEnv is the environment git runs with: ours (GIT_DIR, GIT_INDEX_FILE
// set by a hook included), without optional locks, so that reading never
// competes with the commit in progress for the index lock.
func gitEnv() []string { return append(os.Environ(), "GIT_OPTIONAL_LOCKS=0") }

func cmdError(sub string, err error, stderr []byte) error {
	name := "git " + sub
	if errors.Is(err, exec.ErrNotFound) {
		return &Error{Reason: "git is not installed (or not on PATH)"}
	}
	reason := ""
	for _, line := range strings.Split(string(stderr), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		for _, p := range []string{"fatal: ", "error: "} {
			line = strings.TrimPrefix(line, p)
		}
		reason = line
		break
	}
	if reason == "" {
		reason = err.Error()
	}
	return &Error{Cmd: name, Reason: reason}
}

var pathspecEnv = []string{"GIT_LITERAL_PATHSPECS=0", "GIT_GLOB_PATHSPECS=0", "GIT_NOGLOB_PATHSPECS=0", "GIT_ICASE_PATHSPECS=0"}

// Limits on what is read from the index, as for files on disk: a draft
// beyond lint.MaxDraftBytes is not a draft, a kit beyond 4 MiB is not a
// kit, and nothing else (images) may pass maxBlob.
const (
	maxKit  = 4 << 20
	maxBlob = 256 << 20
)

// Index is a brandkit.Source (and lint.Engine.Files) that reads files from
// the index: staged files by their blob, kit files from one listing of the
// index's selaras.toml files, anything else (an attached image that did not
// change) by asking git for it. Paths outside the work tree are read from
// the file system, as `selaras check` would. It is safe for concurrent use.
type Index struct {
	repo   *Repo
	staged map[string]string // repository path -> blob

	kitsOnce sync.Once
	kits     map[string]string // repository path of every selaras.toml -> blob
	kitsErr  error

	mu    sync.Mutex
	cache map[string][]byte // kit contents by blob
	cat   *catFile
	// Reads counts blobs read from git (tests use it to prove that
	// unchanged files are not read).
	Reads int
}

// Index returns a source reading from the index; staged are the entries
// Staged returned (their blobs are known, so no lookup is needed).
func (r *Repo) Index(staged []Entry) *Index {
	ix := &Index{repo: r, staged: map[string]string{}, cache: map[string][]byte{}}
	for _, e := range staged {
		ix.staged[e.Path] = e.Hash
	}
	return ix
}

var _ brandkit.Source = (*Index)(nil)

// Close ends the git process reading blobs, if one was started.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.cat == nil {
		return nil
	}
	err := ix.cat.close()
	ix.cat = nil
	return err
}

// listKits lists the index's kit files once, whatever their number of
// readers.
func (ix *Index) listKits() (map[string]string, error) {
	ix.kitsOnce.Do(func() {
		// The pathspec's magic must mean what it says, whatever the
		// user's GIT_*_PATHSPECS settings.
		out, err := ix.repo.gitEnv(pathspecEnv, nil, "ls-files", "-z", "--cached", "--stage", "--full-name", "--",
			":(top,glob)**/"+brandkit.FileName)
		if err != nil {
			ix.kitsErr = err
			return
		}
		ix.kits = map[string]string{}
		for _, rec := range bytes.Split(out, []byte{0}) {
			// "<mode> <blob> <stage>\t<path>"
			meta, p, ok := strings.Cut(string(rec), "\t")
			if !ok {
				continue
			}
			f := strings.Fields(meta)
			if len(f) != 3 || f[2] != "0" || (f[0] != "100644" && f[0] != "100755") {
				continue // unmerged stages, links, submodules
			}
			if path.Base(p) == brandkit.FileName {
				ix.kits[p] = f[1]
			}
		}
	})
	return ix.kits, ix.kitsErr
}

// ReadFile reads the staged content of name (absolute, or relative to the
// current folder). A file missing from the index is an error satisfying
// errors.Is(err, fs.ErrNotExist).
func (ix *Index) ReadFile(name string) ([]byte, error) {
	abs := name
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(ix.repo.Top, filepath.FromSlash(ix.repo.Prefix), name)
	}
	abs = filepath.Clean(abs)
	rel, err := filepath.Rel(ix.repo.Top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return readOS(abs)
	}
	p := filepath.ToSlash(rel)
	notExist := &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	if p == "." {
		return nil, notExist
	}
	limit, what := int64(maxBlob), ""
	isKit := path.Base(p) == brandkit.FileName
	switch k, ok := lint.KindOf(p); {
	case isKit:
		limit, what = maxKit, "kit"
	case ok && k == lint.KindText:
		limit, what = lint.MaxDraftBytes, "draft"
	}
	if h, ok := ix.staged[p]; ok {
		b, err := ix.read(h, name, limit, what, isKit)
		if err != nil || isKit {
			return b, err
		}
		return ix.unLFS(p, b, limit, what)
	}
	if isKit {
		kits, err := ix.listKits()
		if err != nil {
			return nil, err
		}
		h, ok := kits[p]
		if !ok {
			return nil, notExist
		}
		return ix.read(h, name, limit, what, true)
	}
	if strings.ContainsAny(p, "\n") {
		// cat-file's batch input is one name per line; such a name cannot
		// be asked for (staged files and kits are read by blob instead).
		return nil, notExist
	}
	// ":0:" names stage 0 of the path explicitly: ":" alone would read
	// "0:a.png" as stage 0 of "a.png", and ":/x" as a commit message
	// search.
	b, err := ix.read(":0:"+p, name, limit, what, false)
	if err != nil {
		return nil, err
	}
	return ix.unLFS(p, b, limit, what)
}

// lfsVersion starts a Git LFS pointer: what the index holds for a file
// stored with Git LFS (content repositories often keep images so).
const lfsVersion = "version https://git-lfs.github.com/spec/v1\n"

// unLFS turns a Git LFS pointer into the file it stands for. The index has
// only the pointer; the content is the working tree's file when its hash is
// the one the pointer names (then it is exactly what is staged).
func (ix *Index) unLFS(p string, b []byte, limit int64, what string) ([]byte, error) {
	if len(b) >= 1024 || !bytes.HasPrefix(b, []byte(lfsVersion)) {
		return b, nil
	}
	var oid string
	size := int64(-1)
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "oid sha256:"); ok {
			oid = v
		}
		if v, ok := strings.CutPrefix(line, "size "); ok {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				size = n
			}
		}
	}
	if oid == "" || size < 0 {
		return b, nil // not a pointer after all
	}
	if size > limit {
		return nil, tooLarge(limit, what)
	}
	stale := &lint.TextError{Text: lint.Text{
		ID: "disimpan dengan Git LFS, dan berkas di disk bukan versi yang di-stage: jalankan git add lagi",
		EN: "stored with Git LFS, and the file on disk is not the staged version: git add it again"}}
	abs := ix.repo.Abs(p)
	info, err := os.Stat(abs)
	if err != nil || !info.Mode().IsRegular() || info.Size() != size {
		return nil, stale
	}
	data, err := lint.ReadRegular(abs, limit)
	if err != nil {
		return nil, stale
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != oid {
		return nil, stale
	}
	return data, nil
}

func (ix *Index) read(object, name string, limit int64, what string, keep bool) ([]byte, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if b, ok := ix.cache[object]; ok {
		return b, nil
	}
	if ix.cat == nil {
		c, err := startCat(ix.repo)
		if err != nil {
			return nil, err
		}
		ix.cat = c
	}
	ix.Reads++
	b, err := ix.cat.get(object, limit)
	switch {
	case errors.Is(err, errMissing):
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	case errors.Is(err, errTooLarge):
		return nil, tooLarge(limit, what)
	case err != nil:
		ix.cat.close()
		ix.cat = nil
		return nil, err
	}
	if keep {
		ix.cache[object] = b
	}
	return b, nil
}

// readOS reads a file outside the repository (a kit it extends, an asset
// above it) from disk, bounded like a blob.
func readOS(p string) ([]byte, error) { return lint.ReadRegular(p, maxBlob) }

// tooLarge is why a staged file is not read; what is "kit", "draft" or ""
// (an image or another asset).
func tooLarge(limit int64, what string) error {
	mib := limit >> 20
	switch what {
	case "kit":
		return &lint.TextError{Text: lint.Tf("lebih besar dari %d MiB, bukan kit", "larger than %d MiB, not a kit", mib)}
	case "draft":
		return &lint.TextError{Text: lint.Tf("lebih besar dari %d MiB, bukan draf", "larger than %d MiB, not a draft", mib)}
	}
	return &lint.TextError{Text: lint.Tf("lebih besar dari %d MiB", "larger than %d MiB", mib)}
}

var (
	errMissing  = errors.New("missing")
	errTooLarge = errors.New("too large")
)

// catFile is one `git cat-file --batch` process answering requests one at
// a time.
type catFile struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	errb bytes.Buffer
}

func startCat(r *Repo) (*catFile, error) {
	c := &catFile{cmd: exec.Command("git", "cat-file", "--batch")}
	c.cmd.Dir = r.dir
	c.cmd.Env = gitEnv()
	c.cmd.Stderr = &c.errb
	in, err := c.cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := c.cmd.Start(); err != nil {
		return nil, cmdError("cat-file", err, nil)
	}
	c.in, c.out = in, bufio.NewReaderSize(out, 64<<10)
	return c, nil
}

// get asks for one object (a blob hash or ":path") and reads the answer:
// "<hash> <type> <size>\n<content>\n" or "<object> missing\n".
func (c *catFile) get(object string, limit int64) ([]byte, error) {
	if _, err := io.WriteString(c.in, object+"\n"); err != nil {
		return nil, c.fail(err)
	}
	line, err := c.out.ReadString('\n')
	if err != nil {
		return nil, c.fail(err)
	}
	line = strings.TrimSuffix(line, "\n")
	if strings.HasSuffix(line, " missing") || strings.HasSuffix(line, " ambiguous") {
		return nil, errMissing
	}
	f := strings.Fields(line)
	if len(f) != 3 {
		return nil, &Error{Cmd: "git cat-file", Reason: fmt.Sprintf("unexpected answer %q", line)}
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 {
		return nil, &Error{Cmd: "git cat-file", Reason: fmt.Sprintf("unexpected answer %q", line)}
	}
	if f[1] != "blob" || size > limit {
		if _, err := io.CopyN(io.Discard, c.out, size+1); err != nil {
			return nil, c.fail(err)
		}
		if f[1] != "blob" {
			return nil, errMissing
		}
		return nil, errTooLarge
	}
	buf := make([]byte, size+1)
	if _, err := io.ReadFull(c.out, buf); err != nil {
		return nil, c.fail(err)
	}
	return buf[:size], nil
}

func (c *catFile) fail(err error) error {
	c.in.Close()
	c.cmd.Wait()
	return cmdError("cat-file", err, c.errb.Bytes())
}

func (c *catFile) close() error {
	c.in.Close()
	return c.cmd.Wait()
}
