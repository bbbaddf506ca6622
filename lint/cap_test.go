package lint

import (
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
)

// A rule lists at most [rules] max_per_file findings per file; one more
// finding counts the rest, and the totals stay true.
func TestFindingsCappedPerRulePerFile(t *testing.T) {
	src := strings.Repeat("halo ", 1000) + "\n"
	for _, c := range []struct {
		kit    string
		listed int
	}{
		{"", brandkit.DefaultMaxPerFile},
		{"[rules]\nmax_per_file = 10\n", 10},
		{"[rules]\nmax_per_file = 5000\n", 1000},
	} {
		eng := &Engine{Rules: []*Rule{wordRule("halo-rule", "halo", Warning), wordRule("other", "halo", Info)},
			Kits: &brandkit.Loader{Fixed: kitFrom(t, c.kit)}, Jobs: 1}
		res := eng.Run([]Input{{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte(src)}})
		if len(res.Errors) > 0 {
			t.Fatal(res.Errors)
		}
		byRule := map[string][]Finding{}
		for _, f := range res.Files[0].Findings {
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
		for rule, fs := range byRule {
			withPos, more := 0, 0
			for _, f := range fs {
				if f.FileLevel {
					more = f.More + 1
					if !strings.Contains(f.Message.EN, "more findings of this rule") || !strings.Contains(f.Message.ID, "temuan lain") {
						t.Errorf("%q: the count's message: %+v", c.kit, f.Message)
					}
				} else {
					withPos++
				}
			}
			if withPos != c.listed || withPos+more != 1000 {
				t.Errorf("%q %s: %d listed and %d counted, want %d listed of 1000", c.kit, rule, withPos, more, c.listed)
			}
		}
		e, w, i := res.Counts()
		if e != 0 || w != 1000 || i != 1000 {
			t.Errorf("%q: counts %d %d %d, want 0 1000 1000", c.kit, e, w, i)
		}
	}
}

func TestMaxPerFileValidated(t *testing.T) {
	_, err := brandkit.Parse("k.toml", []byte("[rules]\nmax_per_file = -1\n"))
	if err == nil || !strings.Contains(err.Error(), "rules.max_per_file") {
		t.Errorf("negative max_per_file: %v", err)
	}
}

// When fixing (KeepDrafts), the fixes of findings past the cap are kept as
// edits, unless the front matter ignores the rule.
func TestCapKeepsEditsWhenFixing(t *testing.T) {
	fixing := &Rule{Name: "fix-rule", Doc: Doc{Severity: Warning}, Check: func(p *Pass) error {
		for _, tk := range p.Draft.Tokens {
			if tk.Lower == "halo" {
				p.Report(Finding{Span: Span{tk.Start, tk.End}, Match: tk.Text, Message: Text{ID: "x", EN: "x"},
					Fix: &Fix{Span: Span{tk.Start, tk.End}, Replacement: "hai", Safe: true}})
			}
		}
		return nil
	}}
	run := func(src string, keep bool) *FileResult {
		eng := &Engine{Rules: []*Rule{fixing}, Kits: &brandkit.Loader{Fixed: kitFrom(t, "[rules]\nmax_per_file = 5\n")}, Jobs: 1, KeepDrafts: keep}
		res := eng.Run([]Input{{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte(src)}})
		return res.Files[0]
	}
	body := strings.Repeat("halo ", 20) + "\n"
	if fr := run(body, true); len(fr.Edits) != 15 || fr.Edits[0].Fix == nil || fr.Edits[0].Line != 1 {
		t.Errorf("fixing: %d edits, want 15: %+v", len(fr.Edits), fr.Edits)
	}
	if fr := run(body, false); len(fr.Edits) != 0 {
		t.Errorf("checking: %d edits kept, want none", len(fr.Edits))
	}
	ignored := "+++\nignore = [{ rule = \"fix-rule\", reason = \"uji\" }]\n+++\n" + body
	if fr := run(ignored, true); len(fr.Edits) != 0 || len(fr.Findings) != 0 {
		t.Errorf("ignored rule: %d edits kept, findings %+v", len(fr.Edits), fr.Findings)
	}
	other := "+++\nignore = [{ rule = \"fix-rule\", match = \"hai\", reason = \"uji\" }]\n+++\n" + body
	if fr := run(other, true); len(fr.Edits) != 15 {
		t.Errorf("an ignore of another match: %d edits kept, want 15", len(fr.Edits))
	}
}

// Findings past the cap keep their severities in the totals.
func TestCapCountsEachSeverity(t *testing.T) {
	mixed := &Rule{Name: "mixed", Doc: Doc{Severity: Warning}, Check: func(p *Pass) error {
		n := 0
		for _, tk := range p.Draft.Tokens {
			if tk.Lower == "halo" {
				sev := Warning
				if n%2 == 0 {
					sev = Error
				}
				n++
				p.Report(Finding{Span: Span{tk.Start, tk.End}, Severity: sev, Message: Text{ID: "x", EN: "x"}})
			}
		}
		return nil
	}}
	eng := &Engine{Rules: []*Rule{mixed}, Kits: &brandkit.Loader{Fixed: kitFrom(t, "[rules]\nmax_per_file = 3\n")}, Jobs: 1}
	res := eng.Run([]Input{{Path: "a.md", Abs: "/t/a.md", Root: "/t", Data: []byte(strings.Repeat("halo ", 40))}})
	// Every other "halo" is an error.
	if e, w, i := res.Counts(); e != 20 || w != 20 || i != 0 {
		t.Errorf("counts %d %d %d, want 20 errors and 20 warnings", e, w, i)
	}
}
