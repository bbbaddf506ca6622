package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrChanged is returned when a file on disk no longer holds the content
// that was checked: someone edited it meanwhile, and fixing it would throw
// their edit away.
var ErrChanged = errors.New("the file changed on disk while it was being checked; run selaras again")

// beforeRename is a test hook: it runs after the new content is on disk in
// the temporary file and before the final check and rename.
var beforeRename func(path string)

// WriteFile replaces the file at path with data, atomically: data goes to a
// temporary file in the same folder, which is synced, given the file's mode
// and renamed over the file, so a reader sees the old content or the new,
// never half of each. It refuses (ErrChanged) when the file's content is not
// expected, the content that was checked, both before writing and right
// before the rename. A symbolic link is followed: the file it points to is
// replaced and the link stays. On any failure the temporary file is removed
// and the original is untouched.
func WriteFile(path string, data, expected []byte) (err error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	if err := unchanged(real, info, expected); err != nil {
		return err
	}
	mode := info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	tmpName, err := writeTemp(real, data, mode)
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
// when the file does not exist yet; an existing file keeps its mode.
func WriteNew(path string, data []byte, mode fs.FileMode) (err error) {
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		mode = info.Mode().Perm()
	}
	return Replace(path, data, mode)
}

// Replace writes data to path atomically (temporary file beside it, sync,
// rename), with exactly mode, whatever was there: for files whose owner
// the caller has already checked (a hook selaras installed, an evidence
// image it wrote). On failure the temporary file is removed and path is
// untouched.
func Replace(path string, data []byte, mode fs.FileMode) (err error) {
	tmpName, err := writeTemp(path, data, mode)
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
	syncDir(filepath.Dir(path))
	return nil
}

// writeTemp writes data, synced and with mode, to a new hidden temporary
// file beside path (".NAME.selaras-*", which a folder walk skips) and
// returns its name; on failure nothing is left behind.
func writeTemp(path string, data []byte, mode fs.FileMode) (name string, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".selaras-*")
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
	if err = tmp.Close(); err != nil {
		return "", err
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}
