package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/fix"
	"github.com/selaras/selaras/lint/gitindex"
)

func init() {
	register("hook", command{
		summary: lang2{id: "pasang atau lepas hook pre-commit git yang menjalankan selaras check --staged", en: "install or remove a git pre-commit hook running selaras check --staged"},
		run:     runHook,
	})
}

const (
	hookName = "pre-commit"
	// hookMarker marks a hook selaras wrote: only such a hook is ever
	// replaced or removed.
	hookMarker = "# selaras-hook: written by `selaras hook install`; remove it with `selaras hook uninstall`"
	// chainedPrefix starts the line naming the earlier hook kept by --chain.
	chainedPrefix = "# selaras-chained: "
	// sumPrefix starts the line with the SHA-256 of the rest of the hook:
	// a later selaras, whose script reads differently, still knows a hook
	// an earlier one wrote, and knows it unedited.
	sumPrefix   = "# selaras-sum: "
	chainedName = hookName + ".selaras-chained"
)

func runHook(e *env, args []string) int {
	lang := defaultLang(e)
	usageText := lang2{
		id: "pemakaian: selaras hook install [--chain] | selaras hook uninstall",
		en: "usage: selaras hook install [--chain] | selaras hook uninstall"}
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "install":
		return hookInstall(e, args)
	case "uninstall":
		return hookUninstall(e, args)
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, usageText.in(lang))
		return exitOK
	}
	fmt.Fprintf(e.stderr, "selaras hook: %s\n", usageText.in(lang))
	return exitError
}

// hookStart parses a hook subcommand's flags (it takes no arguments) and
// finds the folder git reads hooks from; ok is false when the command ends
// there with code.
func hookStart(f *flags, args []string) (dir string, code int, ok bool) {
	rest, code, ok := f.parse(args)
	if !ok {
		return "", code, false
	}
	if len(rest) > 0 {
		f.fail("%s", lang2{id: "tidak menerima argumen: " + rest[0], en: "takes no arguments: " + rest[0]}.in(f.lang))
		return "", exitError, false
	}
	dir, err := hooksDir()
	if err != nil {
		f.fail("%v", err)
		return "", exitError, false
	}
	return dir, 0, true
}

func hookInstall(e *env, args []string) int {
	f := newFlags(e, "hook install", lang2{
		id: "menulis hook pre-commit git yang menjalankan selaras check --staged",
		en: "writes a git pre-commit hook that runs selaras check --staged"})
	chain := f.bool("chain", false, lang2{
		id: "pertahankan hook pre-commit yang sudah ada (berganti nama menjadi " + chainedName + ") dan jalankan lebih dulu",
		en: "keep an existing pre-commit hook (renamed " + chainedName + ") and run it first"})
	dir, code, ok := hookStart(f, args)
	if !ok {
		return code
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		f.fail("%s: %v", dir, lint.PlainError(err))
		return exitError
	}
	target := filepath.Join(dir, hookName)
	bin, temporary := hookBinary()
	if temporary {
		fmt.Fprintln(e.stderr, lang2{
			id: "catatan: selaras berjalan dari biner sementara (go run); hook memanggil `selaras` dari PATH. Pasang dengan: go install ./cmd/selaras",
			en: "note: selaras runs from a temporary binary (go run); the hook calls `selaras` from PATH. Install it with: go install ./cmd/selaras"}.in(f.lang))
	}
	chained, undo := "", func() {}
	info, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		f.fail("%s: %v", target, lint.PlainError(err))
		return exitError
	case info.IsDir():
		f.fail("%s", lang2{id: target + " adalah folder, bukan hook; tidak diubah", en: target + " is a folder, not a hook; left alone"}.in(f.lang))
		return exitError
	default:
		state, prev, err := readOwnHook(target)
		if err != nil {
			f.fail("%s: %s", target, lint.ErrorText(err).In(f.lang))
			return exitError
		}
		switch {
		case state == hookOwn:
			chained = prev // refresh our hook, keeping what it chains
		case state == hookEdited && !*chain:
			f.fail("%s", editedHook(target).in(f.lang))
			return exitError
		case !*chain:
			f.fail("%s", lang2{
				id: fmt.Sprintf("sudah ada hook pre-commit yang bukan buatan selaras (%s); hook itu tidak diubah. Untuk mempertahankannya dan menjalankannya lebih dulu: selaras hook install --chain", target),
				en: fmt.Sprintf("a pre-commit hook not written by selaras already exists (%s); it was left alone. To keep it and run it first: selaras hook install --chain", target)}.in(f.lang))
			return exitError
		default:
			if chained, undo, err = keepExisting(dir, target); err != nil {
				f.fail("%s: %v", target, lint.PlainError(err))
				return exitError
			}
		}
	}
	if err := fix.Replace(target, []byte(hookScript(bin, chained, f.lang)), 0o755); err != nil {
		undo()
		f.fail("%s: %v", target, lint.PlainError(err))
		return exitError
	}
	msg := lang2{id: "hook pre-commit terpasang: " + target, en: "pre-commit hook installed: " + target}
	if chained != "" {
		msg = lang2{
			id: fmt.Sprintf("hook pre-commit terpasang: %s (hook lama disimpan sebagai %s dan dijalankan lebih dulu)", target, chained),
			en: fmt.Sprintf("pre-commit hook installed: %s (the earlier hook is kept as %s and runs first)", target, chained)}
	}
	fmt.Fprintln(e.stdout, msg.in(f.lang))
	fmt.Fprintln(e.stdout, lang2{
		id: fmt.Sprintf("setiap commit kini diperiksa dengan: %s check --staged (lewati sekali: git commit --no-verify)", bin),
		en: fmt.Sprintf("every commit is now checked with: %s check --staged (skip once: git commit --no-verify)", bin)}.in(f.lang))
	return exitOK
}

func hookUninstall(e *env, args []string) int {
	f := newFlags(e, "hook uninstall", lang2{
		id: "melepas hook pre-commit buatan selaras (dan memulihkan hook yang dirangkai)",
		en: "removes the pre-commit hook selaras wrote (and restores a chained one)"})
	dir, code, ok := hookStart(f, args)
	if !ok {
		return code
	}
	target := filepath.Join(dir, hookName)
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(e.stdout, lang2{id: "tidak ada hook pre-commit; tidak ada yang dilepas", en: "no pre-commit hook; nothing to remove"}.in(f.lang))
		return exitOK
	}
	state, chained, err := readOwnHook(target)
	if err != nil {
		f.fail("%s: %s", target, lint.ErrorText(err).In(f.lang))
		return exitError
	}
	if state == hookEdited {
		f.fail("%s", editedHook(target).in(f.lang))
		return exitError
	}
	if state != hookOwn {
		f.fail("%s", lang2{
			id: fmt.Sprintf("hook pre-commit %s bukan buatan selaras; tidak diubah", target),
			en: fmt.Sprintf("the pre-commit hook %s was not written by selaras; left alone", target)}.in(f.lang))
		return exitError
	}
	if chained != "" {
		prev := filepath.Join(dir, chained)
		if _, err := os.Lstat(prev); err == nil {
			// One rename puts the earlier hook back in place of ours.
			if err := os.Rename(prev, target); err != nil {
				f.fail("%s: %v", prev, lint.PlainError(err))
				return exitError
			}
			fmt.Fprintln(e.stdout, lang2{
				id: "hook pre-commit selaras dilepas; hook lama dipulihkan: " + target,
				en: "selaras's pre-commit hook removed; the earlier hook is restored: " + target}.in(f.lang))
			return exitOK
		}
	}
	if err := os.Remove(target); err != nil {
		f.fail("%s: %v", target, lint.PlainError(err))
		return exitError
	}
	fmt.Fprintln(e.stdout, lang2{id: "hook pre-commit selaras dilepas: " + target, en: "selaras's pre-commit hook removed: " + target}.in(f.lang))
	return exitOK
}

// hooksDir is the folder git runs hooks from.
func hooksDir() (string, error) {
	repo, err := gitindex.Open("")
	if err != nil {
		return "", err
	}
	return repo.HooksDir()
}

// maxHookBytes bounds the hook file read: selaras's own is a few hundred
// bytes, so a larger file is not selaras's and need not be read whole.
const maxHookBytes = 64 << 10

// hookState is what readOwnHook found at the hook's name.
type hookState int

const (
	hookForeign hookState = iota // not selaras's
	hookOwn                      // byte for byte a hook selaras writes
	hookEdited                   // selaras's marker, plus or minus lines of the user's
)

// readOwnHook tells whether the hook at p is selaras's, and which earlier
// hook it chains ("" for none). A hook is selaras's only when it is byte
// for byte what a selaras wrote: its sum line matches the SHA-256 of the
// rest (whichever version wrote it), or it is exactly what hookScript
// writes (for its binary, chained hook and either language). One with the
// marker and lines of the user's added or changed is edited, and is never
// replaced nor removed. Only a regular file (or a link to one)
// is read, and only so far: a pipe or device at the hook's name is an
// error, not a wait.
func readOwnHook(p string) (state hookState, chained string, err error) {
	data, err := lint.ReadRegular(p, maxHookBytes)
	switch {
	case errors.Is(err, lint.ErrTooLarge):
		return hookForeign, "", nil
	case err != nil:
		return hookForeign, "", err
	}
	marked, bin, binOK, sum := false, "", false, ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == hookMarker {
			marked = true
		}
		if v, ok := strings.CutPrefix(line, sumPrefix); ok && sum == "" {
			sum = v
		}
		if name, ok := strings.CutPrefix(line, chainedPrefix); ok && validChained(name) {
			chained = name
		}
		if q, ok := strings.CutPrefix(line, "selaras="); ok && !binOK {
			bin, binOK = shellUnquote(q)
		}
	}
	if !marked {
		return hookForeign, "", nil
	}
	if sum != "" && hookSum(strings.Replace(string(data), sumPrefix+sum+"\n", "", 1)) == sum {
		return hookOwn, chained, nil
	}
	if binOK {
		for _, lang := range []string{"id", "en"} {
			if string(data) == hookScript(bin, chained, lang) {
				return hookOwn, chained, nil
			}
		}
	}
	return hookEdited, "", nil
}

// shellUnquote undoes shellQuote; ok is false for anything else.
func shellUnquote(q string) (string, bool) {
	if len(q) < 2 || q[0] != '\'' || q[len(q)-1] != '\'' {
		return "", false
	}
	s := strings.ReplaceAll(q[1:len(q)-1], `'\''`, "\x00")
	if strings.Contains(s, "'") {
		return "", false
	}
	s = strings.ReplaceAll(s, "\x00", "'")
	return s, shellQuote(s) == q
}

// editedHook is the refusal to replace or remove a hook that carries
// selaras's marker but also lines selaras did not write.
func editedHook(target string) lang2 {
	return lang2{
		id: fmt.Sprintf("hook pre-commit %s memuat penanda selaras tetapi juga baris lain yang bukan tulisan selaras; hook itu tidak diubah agar baris Anda tidak hilang. Pindahkan baris Anda ke berkas lain lalu hapus hook ini, atau pertahankan seluruhnya dengan: selaras hook install --chain", target),
		en: fmt.Sprintf("the pre-commit hook %s carries selaras's marker but also lines selaras did not write; it was left alone so that your lines are not lost. Move your lines to a file of their own and delete this hook, or keep it whole with: selaras hook install --chain", target)}
}

// validChained accepts only the names keepExisting gives, so that a hook
// file cannot make uninstall move some other file.
func validChained(name string) bool {
	if !strings.HasPrefix(name, chainedName) || strings.ContainsAny(name, `/\'`) {
		return false
	}
	rest := strings.TrimPrefix(name, chainedName)
	if rest == "" {
		return true
	}
	if rest[0] != '-' || len(rest) == 1 {
		return false
	}
	for _, r := range rest[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// keepExisting gives the existing hook a second name (pre-commit.selaras-
// chained, or -2, -3 ... when that is taken: nothing is clobbered) and
// returns it, with a function that puts things back if our hook cannot be
// written. A hard link keeps the hook at its old name too until ours
// replaces it in one rename, so there is no moment without a hook.
func keepExisting(dir, target string) (string, func(), error) {
	for i := 1; i <= 100; i++ {
		name := chainedName
		if i > 1 {
			name = fmt.Sprintf("%s-%d", chainedName, i)
		}
		p := filepath.Join(dir, name)
		err := os.Link(target, p)
		if err == nil {
			return name, func() { os.Remove(p) }, nil
		}
		if _, statErr := os.Lstat(p); statErr == nil {
			continue // taken
		}
		// No hard links here (some file systems): rename, the name being free.
		if err := os.Rename(target, p); err != nil {
			return "", nil, err
		}
		return name, func() { os.Rename(p, target) }, nil
	}
	return "", nil, errors.New("too many earlier hooks kept already (" + chainedName + "-*)")
}

// hookBinary is the selaras the hook runs: this binary's absolute path,
// unless it is a temporary one built by `go run` (then `selaras` from
// PATH, and temporary is true).
func hookBinary() (path string, temporary bool) {
	exe, err := os.Executable()
	if err != nil {
		return "selaras", false
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	if goRunBinary(exe) {
		return "selaras", true
	}
	return exe, false
}

// goRunBinary tells a binary `go run` built (and removes after the run) in
// a go-build* temporary folder.
func goRunBinary(exe string) bool {
	for _, part := range strings.Split(filepath.ToSlash(exe), "/") {
		if strings.HasPrefix(part, "go-build") {
			return true
		}
	}
	return false
}

// hookScript is the pre-commit hook: run the chained hook first (when
// there is one and it is executable, as git would), then selaras on the
// staged files. The binary's absolute path is tried first, then PATH.
func hookScript(bin, chained, lang string) string {
	body := hookBody(bin, chained, lang)
	// The sum line goes right after the marker; it sums everything else.
	head, rest, _ := strings.Cut(body, hookMarker+"\n")
	return head + hookMarker + "\n" + sumPrefix + hookSum(body) + "\n" + rest
}

// hookSum is the hex SHA-256 of a hook without its sum line.
func hookSum(body string) string {
	h := sha256.Sum256([]byte(body))
	return hex.EncodeToString(h[:])
}

// hookBody is the hook script without its sum line.
func hookBody(bin, chained, lang string) string {
	var b strings.Builder
	b.WriteString("#!/bin/sh\n")
	b.WriteString(hookMarker + "\n")
	b.WriteString("# Checks the staged drafts and images against the brand kit. Skip once: git commit --no-verify\n")
	if chained != "" {
		b.WriteString(chainedPrefix + chained + "\n")
		fmt.Fprintf(&b, "chained=\"$(dirname \"$0\")\"/%s\n", shellQuote(chained))
		b.WriteString("if [ -x \"$chained\" ]; then\n\t\"$chained\" \"$@\" || exit $?\nfi\n")
	}
	fmt.Fprintf(&b, "selaras=%s\n", shellQuote(bin))
	b.WriteString("if [ ! -x \"$selaras\" ]; then selaras=selaras; fi\n")
	notFound := lang2{
		id: "selaras tidak ditemukan; pasang dengan: go install github.com/selaras/selaras/cmd/selaras@latest (lewati sekali: git commit --no-verify)",
		en: "selaras not found; install it with: go install github.com/selaras/selaras/cmd/selaras@latest (skip once: git commit --no-verify)"}.in(lang)
	fmt.Fprintf(&b, "if ! command -v \"$selaras\" >/dev/null 2>&1; then\n\techo %s >&2\n\texit 1\nfi\n", shellQuote("pre-commit: "+notFound))
	b.WriteString("exec \"$selaras\" check --staged\n")
	return b.String()
}

// shellQuote quotes s for sh.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
