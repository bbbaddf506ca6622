package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/selaras/selaras/brandkit"
)

func init() {
	register("init", command{
		summary: lang2{id: "tulis selaras.toml awal berkomentar di folder ini (--from demo: kit contoh Banten)", en: "write a commented starter selaras.toml here (--from demo: the Banten example kit)"},
		run:     runInit,
	})
}

func runInit(e *env, args []string) int {
	f := newFlags(e, "init", lang2{id: "menulis selaras.toml awal; tidak pernah menimpa yang sudah ada", en: "writes a starter selaras.toml; never over an existing one"})
	from := f.string("from", "", lang2{
		id: "mulai dari `demo` (kit contoh Banten); tanpa opsi ini: kit awal berkomentar",
		en: "start from `demo` (the Banten example kit); without it: the commented starter kit"}, "demo")
	dir := f.string("dir", ".", lang2{
		id: "`FOLDER` tempat selaras.toml ditulis",
		en: "the folder `DIR` to write selaras.toml in"}, "konten")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		f.fail("%s", lang2{id: fmt.Sprintf("init tidak menerima %q; pakai --dir FOLDER", pos[0]), en: fmt.Sprintf("init takes no %q; use --dir FOLDER", pos[0])}.in(f.lang))
		return exitError
	}
	var src []byte
	switch *from {
	case "":
		src = brandkit.StarterSource()
	case "demo":
		src = brandkit.DemoSource()
	default:
		f.fail("%s", lang2{id: fmt.Sprintf("--from %q: pilihannya demo", *from), en: fmt.Sprintf("--from %q: the choice is demo", *from)}.in(f.lang))
		return exitError
	}
	if info, err := os.Stat(*dir); err != nil {
		f.fail("%s", lang2{id: fmt.Sprintf("folder %s tidak ada", *dir), en: fmt.Sprintf("folder %s does not exist", *dir)}.in(f.lang))
		return exitError
	} else if !info.IsDir() {
		f.fail("%s", lang2{id: fmt.Sprintf("%s bukan folder", *dir), en: fmt.Sprintf("%s is not a folder", *dir)}.in(f.lang))
		return exitError
	}
	target := filepath.Join(*dir, brandkit.FileName)
	if err := createNew(target, src); err != nil {
		if errors.Is(err, fs.ErrExist) {
			f.fail("%s", lang2{
				id: fmt.Sprintf("%s sudah ada; init tidak menimpanya (periksa dengan: selaras kit check %s)", target, target),
				en: fmt.Sprintf("%s already exists; init does not overwrite it (check it with: selaras kit check %s)", target, target)}.in(f.lang))
			return exitError
		}
		f.fail("%s", lang2{id: fmt.Sprintf("tidak bisa menulis %s: %s", target, plainReason(err)), en: fmt.Sprintf("cannot write %s: %s", target, plainReason(err))}.in(f.lang))
		return exitError
	}
	if *from == "demo" {
		// The demo kit's logo, beside it; one already there is kept.
		logo := filepath.Join(*dir, brandkit.DemoLogoName)
		if err := createNew(logo, brandkit.DemoLogo()); err == nil {
			fmt.Fprintln(e.stdout, lang2{id: fmt.Sprintf("%s ditulis (logo kit contoh).", logo), en: fmt.Sprintf("wrote %s (the demo kit's logo).", logo)}.in(f.lang))
		} else if !errors.Is(err, fs.ErrExist) {
			f.fail("%s", lang2{id: fmt.Sprintf("tidak bisa menulis %s: %s", logo, plainReason(err)), en: fmt.Sprintf("cannot write %s: %s", logo, plainReason(err))}.in(f.lang))
			return exitError
		}
	}
	fmt.Fprintln(e.stdout, lang2{
		id: fmt.Sprintf("%s ditulis. Ubah sesuai instansi Anda, lalu periksa dengan: selaras kit check %s", target, target),
		en: fmt.Sprintf("wrote %s. Adapt it to your government, then check it with: selaras kit check %s", target, target)}.in(f.lang))
	return exitOK
}

// createNew writes data to a new file at path and never replaces one that
// exists: the content goes to a temporary file in the same folder, which
// is then hard-linked to path (link fails if path exists, atomically, and
// a reader never sees a half-written kit). Where hard links are not
// supported it falls back to an exclusive create.
func createNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".selaras-init-*.tmp")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmpName, 0o644); err != nil {
		return err
	}
	err = os.Link(tmpName, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// No hard links here (some network or FAT file systems): create the
	// file exclusively instead; remove it again if writing fails, since we
	// made it.
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := out.Write(data); err != nil {
		out.Close()
		os.Remove(path)
		return err
	}
	if err := out.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// plainReason is an OS error without Go's "op path:" prefix.
func plainReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
