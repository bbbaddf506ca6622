package lint

import (
	"github.com/selaras/selaras/brandkit"
)

// Severity is how serious a finding is: error, warning or info.
type Severity = brandkit.Severity

const (
	Error   = brandkit.SeverityError
	Warning = brandkit.SeverityWarning
	Info    = brandkit.SeverityInfo
)

// SeverityRank orders severities: info 1, warning 2, error 3; unknown 0.
func SeverityRank(s Severity) int {
	switch s {
	case Info:
		return 1
	case Warning:
		return 2
	case Error:
		return 3
	}
	return 0
}

// Rule is one check: its name, its documentation as data, and a function
// that reads a draft and reports. In the spirit of go/analysis, a rule is a
// value, not a type hierarchy; the engine decides severity, suppression and
// output.
type Rule struct {
	// Name is stable and kebab-case: users write it in kits and suppressions.
	Name string
	Doc  Doc
	// Check reads p.Draft and p.Kit and reports through p.Report. It returns
	// an error only when the rule itself broke, never for a finding. Nil for
	// the engine's built-in rules, which the engine reports itself.
	Check func(p *Pass) error
	// OnImages makes the engine also run the rule on image files checked on
	// their own (named on the command line or found in a folder), where
	// p.Draft.Kind is KindImage.
	OnImages bool
}

// Doc is a rule's documentation: `selaras explain`, `selaras rules` and the
// README's rule table are generated from it.
type Doc struct {
	Title Text // one line, no final full stop
	Why   Text // why it matters to the campaign and to citizens
	// Bad and Good are example drafts (front matter allowed): the rule
	// reports Bad and stays silent on Good; a test holds every rule to it.
	Bad  string
	Good string
	// Fix says what the suggestion or automatic fix does; empty if none.
	Fix Text
	// FixSafety is "safe" (applied by --fix), "unsafe" (only with
	// --unsafe-fixes) or "" (no automatic fix).
	FixSafety string
	// Severity is the default severity.
	Severity Severity
	// KitKeys lists the kit keys the rule reads, e.g. "[[jargon]]".
	KitKeys []string
	// Kit is TOML laid over the default kit when the Bad and Good examples
	// are checked (and shown by `selaras explain`), for rules that need
	// kit entries the default kit does not have.
	Kit string
}
