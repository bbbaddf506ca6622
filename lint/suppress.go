package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/selaras/selaras/brandkit"
)

// Suppression: a draft's front matter may silence findings with a reason,
//
//	ignore = [{ rule = "jargon", match = "dalam rangka", reason = "kutipan langsung" }]
//
// The engine drops every finding of that rule (whose matched text equals
// match, ignoring case and runs of spaces, when match is given) from the
// draft and its attached images. An ignore without a reason still works
// but is reported (ignore-reason); one naming no existing rule is reported
// (ignore-unused), and so, with Engine.ReportUnusedIgnores, is one that
// silenced nothing. Findings of the ignore-* rules themselves cannot be
// silenced.

// ignoreRules are the built-in rules about ignores.
const (
	ruleIgnoreReason = "ignore-reason"
	ruleIgnoreUnused = "ignore-unused"
)

// IgnoreMatches reports whether ig silences f.
func IgnoreMatches(ig Ignore, f Finding) bool {
	if f.Rule == ruleIgnoreReason || f.Rule == ruleIgnoreUnused {
		return false
	}
	if strings.TrimSpace(ig.Rule) != f.Rule {
		return false
	}
	return ig.Match == "" || strings.EqualFold(collapse(ig.Match), collapse(f.Match))
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// suppress applies the draft's ignores to the findings of frs (the draft's
// result first, then its attached images') and reports ignores that are
// wrong or, when asked, unused.
func (e *Engine) suppress(d *Draft, kit *brandkit.Kit, frs []*FileResult) {
	igs := d.Front.Ignore
	if len(igs) == 0 || len(frs) == 0 {
		return
	}
	used := make([]bool, len(igs))
	for _, fr := range frs {
		kept := fr.Findings[:0]
		for _, f := range fr.Findings {
			hit := false
			for i, ig := range igs {
				if IgnoreMatches(ig, f) {
					used[i], hit = true, true
				}
			}
			if !hit {
				kept = append(kept, f)
			}
		}
		fr.Findings = kept
	}
	main := frs[0]
	seen := map[string]int{}
	var spans map[string][]Span // built on the first finding that needs one
	for i, ig := range igs {
		name := strings.TrimSpace(ig.Rule)
		nth := seen[name]
		seen[name]++
		report := func(rule string, msg Text) {
			f := Finding{Rule: rule, Message: msg, Match: name}
			if spans == nil {
				spans = ignoreSpans(d)
			}
			if s := spans[name]; nth < len(s) {
				f.Span = s[nth]
			} else {
				f.FileLevel = true
			}
			main.Findings = append(main.Findings, e.finish(kit, d, f)...)
		}
		what := fmt.Sprintf("%q", name)
		if ig.Match != "" {
			what += fmt.Sprintf(" (match %q)", ig.Match)
		}
		switch {
		case name == "":
			report(ruleIgnoreUnused, Text{
				ID: `pengabaian tanpa rule tidak membungkam apa pun; sebutkan aturannya, misalnya rule = "jargon"`,
				EN: `an ignore without a rule silences nothing; name the rule, for example rule = "jargon"`})
			continue
		}
		if strings.TrimSpace(ig.Reason) == "" {
			report(ruleIgnoreReason, Tf(
				"pengabaian aturan %s tanpa alasan; tambahkan reason = \"...\", misalnya \"kutipan langsung\"",
				"the ignore of rule %s has no reason; add reason = \"...\", for example \"direct quote\"", what))
		}
		if e.rule(name) == nil {
			report(ruleIgnoreUnused, Tf(
				"aturan %q tidak ada, jadi pengabaian ini tidak membungkam apa pun; periksa ejaannya (daftar aturan: selaras rules)",
				"there is no rule %q, so this ignore silences nothing; check the spelling (list of rules: selaras rules)", name))
			continue
		}
		if !used[i] && e.ReportUnusedIgnores {
			report(ruleIgnoreUnused, Tf(
				"pengabaian aturan %s tidak membungkam temuan apa pun; hapus dari front matter",
				"the ignore of rule %s silences no finding; remove it from the front matter", what))
		}
	}
}

var ruleKeyRe = regexp.MustCompile(`\brule\s*=\s*("([^"\\]*)"|'([^']*)')`)

// ignoreSpans finds every `rule = "name"` of the front matter in one pass:
// where each ignore is written, by rule name in order, for the position of
// findings about it. (Searching the block again for each ignore cost the
// square of its size: 10,000 ignores took 94 s.)
func ignoreSpans(d *Draft) map[string][]Span {
	out := map[string][]Span{}
	if !d.Front.Present {
		return out
	}
	fm := d.Source[d.Front.Span.Start:d.Front.Span.End]
	frontScanned.Add(int64(len(fm)))
	for _, m := range ruleKeyRe.FindAllStringSubmatchIndex(fm, -1) {
		name := strings.TrimSpace(fm[m[2]+1 : m[3]-1])
		out[name] = append(out[name], Span{d.Front.Span.Start + m[2] + 1, d.Front.Span.Start + m[3] - 1})
	}
	return out
}
