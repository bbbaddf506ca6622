package tone

import (
	"strings"

	"github.com/selaras/selaras/lint"
)

// Exclamation is the tone-exclamation rule.
var Exclamation = &lint.Rule{
	Name: "tone-exclamation",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Hemat tanda seru", EN: "Go easy on exclamation marks"},
		Why: lint.Text{
			ID: "Tanda seru beruntun (\"!!!\") dan terlalu banyak seruan membuat unggahan pemerintah terdengar panik atau seperti iklan, dan melemahkan seruan yang benar-benar penting. Aturan ini melapor setiap deretan tanda seru dan seruan yang melewati batas per unggahan (bawaan 3); emoji ❗ dan ‼ ikut dihitung.",
			EN: "Runs of exclamation marks (\"!!!\") and too many exclamations make a government post sound alarmed or like an advert, and blunt the warnings that matter. The rule reports every run of exclamation marks and the exclamations beyond the per-post limit (3 by default); the ❗ and ‼ emoji count too."},
		Bad:       "Pendaftaran beasiswa dibuka!!! Jangan sampai terlewat!!",
		Good:      "Pendaftaran beasiswa dibuka sampai 30 November. Jangan sampai terlewat!",
		Fix:       lint.Text{ID: "Pakai satu tanda seru, untuk satu seruan yang paling penting; sisanya akhiri dengan titik.", EN: "Use one exclamation mark, for the one call that matters most; end the other sentences with a full stop."},
		FixSafety: "unsafe",
		Severity:  lint.Warning,
		KitKeys:   []string{"[tone] exclamation_max"},
	},
	Check: checkExclamation,
}

// bangs counts the exclamation marks a token stands for: "!" 1, "‼" 2,
// the ❗ and ❕ emoji 1; 0 for any other token.
func bangs(t *lint.Token) int {
	if t.Kind != lint.TokPunct && t.Kind != lint.TokEmoji {
		return 0
	}
	return strings.Count(t.Text, "!") + 2*strings.Count(t.Text, "‼") + strings.Count(t.Text, "❗") + strings.Count(t.Text, "❕")
}

func checkExclamation(p *lint.Pass) error {
	toks := p.Draft.Tokens
	src := p.Draft.Source
	max := exclamationMax(p.Kit)
	count := 0
	over := false
	for i := 0; i < len(toks); i++ {
		if bangs(&toks[i]) == 0 && !(toks[i].Text == "?" && i+1 < len(toks) && toks[i+1].Start == toks[i].End && bangs(&toks[i+1]) > 0) {
			continue
		}
		if p.Draft.ImageMark(toks[i].Start) {
			continue // the "!" of "![alt](poster.jpg)"
		}
		// A run: adjacent "!", "?", "‼", "❗" with nothing between.
		j, n := i, bangs(&toks[i])
		for j+1 < len(toks) && toks[j+1].Start == toks[j].End && (bangs(&toks[j+1]) > 0 && !p.Draft.ImageMark(toks[j+1].Start) || toks[j+1].Text == "?") {
			j++
			n += bangs(&toks[j])
		}
		a, b := toks[i].Start, toks[j].End
		run := src[a:b]
		count++
		switch {
		case n >= 2:
			one := "!"
			if strings.Contains(run, "?") {
				one = "?"
			}
			p.Report(lint.Finding{
				Span: lint.Span{Start: a, End: b}, Match: run, Suggestions: []string{one},
				Message: lint.Tf("tanda seru beruntun %q; satu tanda seru sudah cukup", "a run of exclamation marks %q; one is enough", run),
				Fix:     &lint.Fix{Span: lint.Span{Start: a, End: b}, Replacement: one, Safe: false},
			})
		case count > max && !over:
			over = true
			total := count
			for k := j + 1; k < len(toks); k++ {
				if bangs(&toks[k]) > 0 && !p.Draft.ImageMark(toks[k].Start) && (toks[k-1].End != toks[k].Start || bangs(&toks[k-1]) == 0 && toks[k-1].Text != "?") {
					total++
				}
			}
			p.Report(lint.Finding{
				Span: lint.Span{Start: a, End: b}, Match: run,
				Message: lint.Tf("seruan ke-%d dari %d dalam satu unggahan (batas %d); mulai dari sini akhiri kalimat dengan titik",
					"exclamation %d of %d in one post (limit %d); from here on, end sentences with a full stop", count, total, max),
			})
		}
		i = j
	}
	return nil
}
