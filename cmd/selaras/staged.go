package main

import (
	"fmt"
	"io"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/gitindex"
)

// staged is what `selaras check --staged` checks: the staged version of
// every added, copied, modified or renamed draft and image, read from the
// git index, and the index itself as the source of kits and attached
// images.
type staged struct {
	inputs []lint.Input
	index  *gitindex.Index
}

// stagedInputs lists the staged drafts and images (narrowed by pathspecs,
// relative to the current folder, when given). Inputs carry absolute paths
// in the work tree, so kit lookup, account globs and image paths work as in
// a plain check; the user sees paths relative to the current folder.
func stagedInputs(pathspecs []string) (*staged, error) {
	repo, err := gitindex.Open("")
	if err != nil {
		return nil, err
	}
	entries, err := repo.Staged(pathspecs...)
	if err != nil {
		return nil, err
	}
	s := &staged{}
	var keep []gitindex.Entry
	for _, en := range entries {
		kind, ok := lint.KindOf(en.Path)
		if !ok {
			continue
		}
		keep = append(keep, en)
		s.inputs = append(s.inputs, lint.Input{
			Path: repo.Rel(en.Path),
			Abs:  repo.Abs(en.Path),
			Root: repo.Top,
			Kind: kind,
		})
	}
	s.index = repo.Index(keep)
	return s, nil
}

// stagedError is the one line shown when git could not tell what is
// staged.
func stagedError(err error) lang2 {
	return lang2{
		id: fmt.Sprintf("--staged membaca indeks git, tetapi gagal: %v", err),
		en: fmt.Sprintf("--staged reads the git index, but failed: %v", err),
	}
}

// stagedHint is the last line of hook-mode output: how to see a rule's
// details and, when the findings refuse the commit, how to bypass the
// check. The rule named is the first that refuses the commit (else the
// first found). inHook tells a refused commit from a manual run.
func stagedHint(w io.Writer, res *lint.Result, lang string, failRank int, inHook bool) {
	rule, blocking := "", false
	for _, fr := range res.Files {
		for _, f := range fr.Findings {
			if rule == "" {
				rule = f.Rule
			}
			if lint.SeverityRank(f.Severity) >= failRank && !blocking {
				rule, blocking = f.Rule, true
			}
		}
	}
	if rule == "" {
		return
	}
	t := lint.Tf("Penjelasan aturan: selaras explain %s", "Rule details: selaras explain %s", rule)
	switch {
	case blocking && inHook:
		t = lint.Tf("Commit ditolak. Penjelasan aturan: selaras explain %s · melewati pemeriksaan (tidak disarankan): git commit --no-verify",
			"Commit refused. Rule details: selaras explain %s · to bypass the check (not recommended): git commit --no-verify", rule)
	case blocking:
		t = lint.Tf("Commit akan ditolak. Penjelasan aturan: selaras explain %s · melewati pemeriksaan (tidak disarankan): git commit --no-verify",
			"A commit would be refused. Rule details: selaras explain %s · to bypass the check (not recommended): git commit --no-verify", rule)
	}
	fmt.Fprintln(w, t.In(lang))
}

// hint ends hook-mode output with stagedHint: on stdout after text output,
// on stderr after a format meant for machines (which must stay parseable).
func (s *staged) hint(e *env, format string, res *lint.Result, lang string, failRank int) {
	w := e.stdout
	if format != "text" {
		w = e.stderr
	}
	// git sets GIT_INDEX_FILE for the pre-commit hook (the index being
	// committed); a manual run has none.
	stagedHint(w, res, lang, failRank, e.getenv("GIT_INDEX_FILE") != "")
}
