package brandkit

import (
	"fmt"
	"os"
	"strings"
)

// Strict checks are what `selaras kit check` adds to loading a kit: a kit
// that loads can still not work. A logo file that does not exist is
// noticed only when a poster is checked; a phrase the draft's words can
// never spell is never reported at all.

// strictProblems returns what the strict checks find in k (one kit file,
// validated, its paths already made relative to the working folder).
func (l *Loader) strictProblems(file string, loc *locator, k *Kit) []error {
	var probs []error
	add := func(line int, key, idFormat, enFormat string, args ...any) {
		probs = append(probs, problemf(file, line, key, idFormat, enFormat, args...))
	}
	for i, lg := range k.Logos {
		if lg.File == "" || strings.HasPrefix(lg.File, "data:") {
			continue
		}
		line, key := loc.at(fmt.Sprintf("logos[%d].file", i)), fmt.Sprintf("logos[%d].file", i)
		info, err := os.Stat(lg.File)
		switch {
		case os.IsNotExist(err):
			add(line, key, "berkas logo %s tidak ada (jalur relatif terhadap folder kit)", "logo file %s does not exist (the path is relative to the kit's folder)", lg.File)
		case err != nil:
			add(line, key, "berkas logo %s tidak bisa dibuka: %s", "logo file %s cannot be opened: %s", lg.File, plainErr(err))
		case !info.Mode().IsRegular():
			add(line, key, "berkas logo %s bukan berkas biasa", "logo file %s is not a regular file", lg.File)
		}
	}
	if l.Unfindable == nil {
		return probs
	}
	check := func(line int, key, phrase string) {
		if strings.TrimSpace(phrase) == "" {
			return
		}
		if id, en := l.Unfindable(phrase); en != "" {
			probs = append(probs, Problem{File: file, Line: line, Key: key,
				MsgID: fmt.Sprintf("frasa %q tidak akan pernah ditemukan: %s; tulis sebagai kata-kata biasa, atau hapus entri ini", phrase, id),
				Msg:   fmt.Sprintf("phrase %q can never be found: %s; write it as plain words, or remove the entry", phrase, en)})
		}
	}
	for i, j := range k.Jargon {
		check(loc.at(fmt.Sprintf("jargon[%d].phrase", i)), fmt.Sprintf("jargon[%d].phrase", i), j.Phrase)
	}
	for i, t := range k.Terms {
		for _, a := range t.Avoid {
			check(loc.at(fmt.Sprintf("terms[%d].avoid", i)), fmt.Sprintf("terms[%d].avoid", i), a)
		}
	}
	return probs
}
