package lint

import (
	"strings"

	"github.com/selaras/selaras/brandkit"
)

type pillarKey struct{}

type pillarMatcher struct {
	m      *Matcher
	pillar []int // phrase -> pillar index
}

// TouchedPillars reports, for each of the kit's narrative pillars, whether
// the draft's words use one of its keywords (stem-matched; a keyword
// written "=word" matches as written). The narrative rule judges posts by
// it and the audit counts pillars by account with it, so that both agree.
func TouchedPillars(d *Draft, k *brandkit.Kit) []bool {
	touched := make([]bool, len(k.Narrative.Pillars))
	if len(touched) == 0 {
		return touched
	}
	pm := k.Memo(pillarKey{}, func() any {
		pm := &pillarMatcher{}
		var specs []PhraseSpec
		for i, pl := range k.Narrative.Pillars {
			for _, kw := range pl.Keywords {
				kw = strings.TrimSpace(kw)
				specs = append(specs, PhraseSpec{Text: strings.TrimPrefix(kw, "="), Exact: strings.HasPrefix(kw, "=")})
				pm.pillar = append(pm.pillar, i)
			}
		}
		pm.m = NewMatcher(specs, StemmerFor(k))
		return pm
	}).(*pillarMatcher)
	pm.m.Find(d, func(m Match) { touched[pm.pillar[m.ID]] = true })
	return touched
}
