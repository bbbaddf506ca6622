package lint

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// Sentinels of ReadRegular's refusals, for errors.Is. The errors returned
// also carry a TextError saying the same in both languages.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("too large")
)

// fileError is a refusal of ReadRegular: its text in both languages and
// the sentinel it stands for.
type fileError struct {
	text TextError
	kind error
}

func (e *fileError) Error() string         { return e.text.EN }
func (e *fileError) In(lang string) string { return e.text.In(lang) }
func (e *fileError) Unwrap() error         { return e.kind }
func (e *fileError) As(target any) bool {
	if t, ok := target.(**TextError); ok {
		*t = &e.text
		return true
	}
	return false
}

// KindError is an error told in both languages (errors.As finds its
// *TextError) that also stands for kind (errors.Is(err, kind)).
func KindError(kind error, t Text) error {
	return &fileError{text: TextError{t}, kind: kind}
}

// NotRegularError says, in both languages, that a path is a folder, pipe,
// device or socket rather than a file; errors.Is(err, ErrNotRegular).
func NotRegularError() error {
	return &fileError{text: TextError{Text{
		ID: "bukan berkas biasa (folder, pipa atau perangkat)",
		EN: "not a regular file (a folder, pipe or device)"}}, kind: ErrNotRegular}
}

// TooLargeError says, in both languages, that a file is over limit bytes;
// errors.Is(err, ErrTooLarge).
func TooLargeError(limit int64) error {
	return &fileError{text: TextError{Tf("lebih besar dari %d MiB", "larger than %d MiB", limit>>20)}, kind: ErrTooLarge}
}

// ReadRegular reads the regular file at path (a symbolic link is
// followed), at most limit bytes. It is the one bounded reader for files
// selaras reads but does not control: drafts, images, logos, hooks, audit
// cache packs and reports. A folder, named pipe, device or socket, or a
// link to one, is refused before it is opened, since opening a pipe waits
// for a writer forever and a device such as /dev/zero never ends; a file
// over limit is refused rather than read.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, info, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > limit {
		return nil, TooLargeError(limit)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, TooLargeError(limit) // it grew while being read
	}
	return b, nil
}

// OpenRegular opens the regular file at path for reading (a symbolic link
// is followed) and returns it with its information. Anything else is
// refused (ErrNotRegular) without blocking: the name is looked at first,
// and opened without waiting for a pipe's writer in case it was swapped
// meanwhile.
func OpenRegular(path string) (*os.File, os.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, NotRegularError()
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	if info, err = f.Stat(); err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, NotRegularError()
	}
	return f, info, nil
}

// IsRegularOrMissing tells whether path (not following a final symbolic
// link) is absent or a regular file: what a file selaras is about to
// replace must be. A link, pipe, device or folder there is refused
// (ErrNotRegular) rather than read or written through.
func IsRegularOrMissing(path string) error {
	info, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return NotRegularError()
	}
	return nil
}
