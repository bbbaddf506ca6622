package lint

import "github.com/selaras/selaras/brandkit"

// Finding is one problem a rule found.
type Finding struct {
	Rule     string
	Severity Severity
	// Path is the file the finding is about when it is not the draft itself
	// (an attached image); empty means the draft.
	Path string
	// Span is the offending text, as byte offsets into Draft.Source.
	Span Span
	// FileLevel marks a finding about the whole file (line 0 in output).
	FileLevel bool
	Message   Text
	// Match is the offending text as written (or the missing tag).
	Match       string
	Suggestions []string
	// Region is the part of an image the finding is about, in pixels.
	Region *Region
	// Fix, when set, is the edit that resolves the finding.
	Fix *Fix

	// More is how many further findings of the rule in the file this one
	// stands for: a file past the kit's cap ([rules] max_per_file) gets
	// one finding saying how many were not listed. Totals count them.
	More int

	// Positions, filled by the engine from Span: 1-based line and column
	// (code points), end column exclusive. Zero for file-level findings.
	Line, Column, EndLine, EndColumn int
}

// Region is a rectangle of an image, in pixels.
type Region struct {
	X      int `json:"x"`
	Y      int `json:"y"`
	Width  int `json:"width"`
	Height int `json:"height"`
}

// Fix replaces Span of Draft.Source with Replacement.
type Fix struct {
	Span        Span
	Replacement string
	// Safe fixes are applied by --fix; unsafe ones only with --unsafe-fixes.
	Safe bool
}

// Pass is what a rule sees of one draft.
type Pass struct {
	Draft *Draft
	Kit   *brandkit.Kit
	// ReadFile reads an attached image or a kit asset (logos), from disk or
	// from the git index in staged mode.
	ReadFile func(path string) ([]byte, error)
	report   func(Finding)
}

// Report records a finding. The engine fills in positions and severity.
func (p *Pass) Report(f Finding) { p.report(f) }

// ReportSpan reports the text between start and end.
func (p *Pass) ReportSpan(start, end int, msg Text, suggestions ...string) {
	p.report(Finding{Span: Span{start, end}, Message: msg, Match: p.Draft.Source[start:end], Suggestions: suggestions})
}

// ReportFile reports something about the whole draft; match names what is
// missing or wrong (a tag, a pillar).
func (p *Pass) ReportFile(msg Text, match string, suggestions ...string) {
	p.report(Finding{FileLevel: true, Message: msg, Match: match, Suggestions: suggestions})
}
