package fix

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/selaras/selaras/lint"
)

// ErrChanged is returned when a file on disk no longer holds the content
// that was checked: someone edited it meanwhile, and fixing it would throw
// their edit away.
var ErrChanged = errors.New("the file changed on disk while it was being checked; run selaras again")

// Refusals of WriteFile besides ErrChanged, for errors.Is; each error
// also carries its reason in both languages (lint.ErrorText).
var (
	// ErrReadOnly: the file has no write permission for anyone, and
	// Options.ReadOnly was not given.
	ErrReadOnly = errors.New("read-only file")
	// ErrHardLinks: the file has other names (hard links), which would
	// keep the old text while this one got the new.
	ErrHardLinks = errors.New("file with several hard links")
	// ErrOwner: the new file could not be given the old one's owner and
	// group.
	ErrOwner = errors.New("owner cannot be kept")
)

// beforeRename is a test hook: it runs after the new content is on disk in
// the temporary file and before the final check and rename.
var beforeRename func(path string)

// Options change what WriteFileWith accepts.
type Options struct {
	// ReadOnly rewrites a file without write permission too (the user
	// asked for it); otherwise such a file is refused (ErrReadOnly).
	ReadOnly bool
}

// WriteFile is WriteFileWith with the default options.
func WriteFile(path string, data, expected []byte) error {
	return WriteFileWith(path, data, expected, Options{})
}

// WriteFileWith replaces the file at path with data, atomically: data
// goes to a temporary file in the same folder, which is synced, given the
// file's owner, group and mode and renamed over the file, so a reader sees
// the old content or the new, never half of each. It refuses (ErrChanged)
// when the file's content is not expected, the content that was checked,
// both before writing and right before the rename. It also refuses a
// read-only file unless opt.ReadOnly (ErrReadOnly), a file with more than
// one hard link (ErrHardLinks), and a file whose owner and group the new
// one cannot be given (ErrOwner: fixing another user's file without the
// right to). A symbolic link is followed: the file it points to is
// replaced and the link stays. On any failure the temporary file is
// removed and the original is untouched. Temporaries an earlier run left
// in the folder (killed while writing) are removed first.
func WriteFileWith(path string, data, expected []byte, opt Options) (err error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return lint.NotRegularError()
	}
	own := ownerOf(info)
	if own.known && own.links > 1 {
		return lint.KindError(ErrHardLinks, lint.Tf(
			"berkas ini punya %d nama (hard link); nama lainnya akan tetap memuat teks lama, jadi tidak ditulis. Perbaiki dengan selaras check --diff dan patch, atau pisahkan dulu namanya",
			"the file has %d names (hard links); its other names would keep the old text, so it was not written. Apply the fixes with selaras check --diff and patch, or give it a name of its own first", own.links))
	}
	if info.Mode().Perm()&0o222 == 0 && !opt.ReadOnly {
		return lint.KindError(ErrReadOnly, lint.Text{
			ID: "berkas hanya-baca (tanpa izin tulis); tidak ditulis. Untuk tetap memperbaikinya: --fix-readonly",
			EN: "the file is read-only (no write permission); not written. To fix it anyway: --fix-readonly"})
	}
	if err := unchanged(real, info, expected); err != nil {
		return err
	}
	CleanStale(filepath.Dir(real))
	mode := info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	tmpName, err := writeTemp(real, data, mode, own)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmpName)
		}
	}()
	if beforeRename != nil {
		beforeRename(real)
	}
	if err = unchanged(real, info, expected); err != nil {
		return err
	}
	if err = os.Rename(tmpName, real); err != nil {
		return err
	}
	syncDir(filepath.Dir(real))
	return nil
}

// owner is a file's owner and group and its number of hard links; known
// is false where the system does not say.
type owner struct {
	uid, gid int
	links    uint64
	known    bool
}

// unchanged checks that the file still has the size, modification time
// and content it had.
func unchanged(path string, was fs.FileInfo, expected []byte) error {
	now, err := os.Stat(path)
	if err != nil {
		return err
	}
	if now.Size() != was.Size() || !now.ModTime().Equal(was.ModTime()) || int64(len(expected)) != now.Size() {
		return ErrChanged
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, expected) {
		return ErrChanged
	}
	return nil
}

// syncDir makes the rename durable where the system allows it.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}

// WriteNew writes data to path atomically (temporary file, sync, rename),
// for files selaras creates and owns, such as the baseline. mode is used
// when the file does not exist yet; an existing file keeps its mode,
// owner and group. A symbolic link is followed: the file it points to is
// replaced and the link stays a link.
func WriteNew(path string, data []byte, mode fs.FileMode) (err error) {
	own := owner{}
	if l, err := os.Lstat(path); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return lint.KindError(lint.ErrNotRegular, lint.Text{
				ID: "tautan ke berkas yang tidak ada", EN: "a link to a file that does not exist"})
		}
		path = real
	}
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return lint.KindError(lint.ErrNotRegular, lint.Text{
				ID: "bukan berkas biasa (folder, pipa atau perangkat)", EN: "not a regular file (a folder, pipe or device)"})
		}
		mode = info.Mode().Perm()
		own = ownerOf(info)
	}
	return replace(path, data, mode, own)
}

// Replace writes data to path atomically (temporary file beside it, sync,
// rename), with exactly mode, whatever was there: for files whose owner
// the caller has already checked (a hook selaras installed, an evidence
// image it wrote). On failure the temporary file is removed and path is
// untouched.
func Replace(path string, data []byte, mode fs.FileMode) (err error) {
	return replace(path, data, mode, owner{})
}

func replace(path string, data []byte, mode fs.FileMode, own owner) (err error) {
	dir := filepath.Dir(path)
	CleanStale(dir)
	tmpName, err := writeTemp(path, data, mode, own)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmpName)
		}
	}()
	if err = os.Rename(tmpName, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// tempMark is in the name of every temporary file selaras writes:
// ".NAME" + tempMark + digits (os.CreateTemp's random part).
const tempMark = ".selaras-"

// staleAfter is how old a temporary must be before CleanStale takes it for
// the leftover of a killed run rather than another run's file in flight
// (a write takes milliseconds).
const staleAfter = time.Minute

var cleaned sync.Map // folders CleanStale looked at in this run

// CleanStale removes from dir, once per run, the temporary files a run of
// selaras left when it was killed while writing (".NAME.selaras-123"):
// regular files of selaras's own pattern older than a minute. Nothing else
// is touched; errors are ignored (the temporaries are hidden and harmless).
func CleanStale(dir string) {
	if _, done := cleaned.LoadOrStore(dir, true); done {
		return
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range ents {
		if !IsTemp(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// IsTemp tells whether a file name is of selaras's temporary pattern.
func IsTemp(name string) bool {
	if !strings.HasPrefix(name, ".") {
		return false
	}
	i := strings.LastIndex(name, tempMark)
	if i <= 1 {
		return false
	}
	digits := name[i+len(tempMark):]
	if digits == "" {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// writeTemp writes data, synced, with own's owner and group (when known)
// and mode, to a new hidden temporary file beside path (".NAME.selaras-*",
// which a folder walk skips) and returns its name; on failure nothing is
// left behind.
func writeTemp(path string, data []byte, mode fs.FileMode, own owner) (name string, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+tempMark+"*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	if own.known {
		// Before the mode: changing the owner clears set-id bits.
		if err = tmp.Chown(own.uid, own.gid); err != nil {
			return "", lint.KindError(ErrOwner, lint.Tf(
				"pemilik berkas (uid %d, gid %d) tidak bisa dipertahankan, jadi tidak ditulis; jalankan selaras sebagai pemiliknya",
				"the file's owner and group (uid %d, gid %d) cannot be kept, so it was not written; run selaras as its owner", own.uid, own.gid))
		}
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}
