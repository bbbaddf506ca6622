package narrative

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/stem/indonesian"
)

// Bounds on what an exemplars folder may hold: a few hundred example
// posts is plenty to learn a campaign's words from.
const (
	maxExemplars     = 1000
	maxExemplarBytes = 1 << 20
)

// profile is the campaign's vocabulary learnt from the exemplar posts: for
// each content word's stem, the share of exemplars that use it.
type profile struct {
	n       int
	weight  map[string]float64
	norm    float64
	surface map[string]string // stem -> the form the exemplars write most
	ranked  []string          // stems, heaviest first
	err     error
}

type profileKey struct{}

func loadProfile(k *brandkit.Kit) *profile {
	return k.Memo(profileKey{}, func() any { return buildProfile(k) }).(*profile)
}

// fillers are frequent words that the Snowball stop list lacks and that
// say nothing about a campaign.
var fillers = map[string]bool{
	"kini": true, "sudah": true, "lewat": true, "mulai": true, "masih": true, "baru": true, "agar": true,
	"para": true, "pun": true, "lagi": true, "yuk": true, "ayo": true, "mari": true, "hari": true, "sini": true,
	"sana": true, "nya": true, "pula": true, "tetap": true, "terus": true, "sangat": true, "makin": true,
}

// contentStems returns the stems of a draft's content words (no stop
// words, no numbers, at least three letters), each once, and the surface
// forms they were written in.
func contentStems(d *lint.Draft, st func(string) string, forms map[string]map[string]int) map[string]bool {
	out := map[string]bool{}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != lint.TokWord || utf8.RuneCountInString(t.Lower) < 3 || indonesian.IsStopWord(t.Lower) || fillers[t.Lower] {
			continue
		}
		s := t.Stem
		if st != nil {
			s = st(t.Lower)
		}
		out[s] = true
		if forms != nil {
			if forms[s] == nil {
				forms[s] = map[string]int{}
			}
			forms[s][t.Lower]++
		}
	}
	return out
}

func buildProfile(k *brandkit.Kit) *profile {
	dir := k.Narrative.Exemplars
	pr := &profile{weight: map[string]float64{}, surface: map[string]string{}}
	st := lint.StemmerFor(k)
	df := map[string]int{}
	forms := map[string]map[string]int{}
	// The folder itself may be a symbolic link (WalkDir would take the
	// link for a file and find nothing); links inside it are not followed.
	root := dir
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		root = real
	}
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if path != root && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if kind, ok := lint.KindOf(path); !ok || kind != lint.KindText || pr.n >= maxExemplars {
			return nil
		}
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || info.Size() > maxExemplarBytes {
			return nil
		}
		data, err := lint.ReadRegular(path, maxExemplarBytes)
		if err != nil {
			return err
		}
		d, _ := lint.ParseDraft(path, path, dir, data)
		pr.n++
		for s := range contentStems(d, st, forms) {
			df[s]++
		}
		return nil
	})
	if err != nil {
		var pe *fs.PathError
		reason := err.Error()
		if errors.As(err, &pe) {
			reason = pe.Err.Error()
		}
		pr.err = fmt.Errorf("[narrative] exemplars: the folder %s cannot be read (%s)", dir, reason)
		return pr
	}
	if pr.n == 0 {
		pr.err = fmt.Errorf("[narrative] exemplars: the folder %s holds no .md or .txt example posts", dir)
		return pr
	}
	minDF := 2
	if pr.n < 3 {
		minDF = 1
	}
	for s, c := range df {
		if c < minDF {
			continue
		}
		w := float64(c) / float64(pr.n)
		pr.weight[s] = w
		pr.norm += w * w
		pr.ranked = append(pr.ranked, s)
		best, bestN := s, 0
		for f, n := range forms[s] {
			if n > bestN || n == bestN && f < best {
				best, bestN = f, n
			}
		}
		pr.surface[s] = best
	}
	pr.norm = math.Sqrt(pr.norm)
	sort.Slice(pr.ranked, func(i, j int) bool {
		a, b := pr.ranked[i], pr.ranked[j]
		if pr.weight[a] != pr.weight[b] {
			return pr.weight[a] > pr.weight[b]
		}
		return pr.surface[a] < pr.surface[b]
	})
	return pr
}

// Similarity is the cosine between the post's content words (each once)
// and the exemplars' word weights: 0 shares no campaign word, 1 would use
// exactly the campaign's vocabulary.
func (pr *profile) similarity(post map[string]bool) float64 {
	if len(post) == 0 || pr.norm == 0 {
		return 0
	}
	dot := 0.0
	for s := range post {
		dot += pr.weight[s]
	}
	return dot / (math.Sqrt(float64(len(post))) * pr.norm)
}

func checkExemplars(p *lint.Pass) error {
	if p.Kit.Narrative.Exemplars == "" {
		return nil
	}
	pr := loadProfile(p.Kit)
	if pr.err != nil {
		return pr.err
	}
	post := contentStems(p.Draft, nil, nil)
	if len(post) == 0 {
		return nil
	}
	threshold := p.Kit.Narrative.Threshold
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	sim := pr.similarity(post)
	if sim >= threshold {
		return nil
	}
	var lacking []string
	for _, s := range pr.ranked {
		if !post[s] {
			lacking = append(lacking, pr.surface[s])
			if len(lacking) == 6 {
				break
			}
		}
	}
	words := strings.Join(lacking, ", ")
	simID := strings.Replace(fmt.Sprintf("%.2f", sim), ".", ",", 1)
	minID := strings.Replace(fmt.Sprintf("%.2f", threshold), ".", ",", 1)
	p.Report(lint.Finding{
		FileLevel: true,
		Match:     words,
		Message: lint.Text{
			ID: fmt.Sprintf("kosakata unggahan ini jauh dari contoh narasi kampanye (kemiripan %s, minimum %s dari %d contoh); kata kampanye yang belum dipakai: %s", simID, minID, pr.n, words),
			EN: fmt.Sprintf("this post's words are far from the campaign's example posts (similarity %.2f, minimum %.2f, over %d examples); campaign words it lacks: %s", sim, threshold, pr.n, words),
		},
	})
	return nil
}
