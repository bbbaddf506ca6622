// Package format writes results in the formats users choose with --format,
// one file per format. Byte offsets stay inside the engine; each format
// converts them to its own column convention here.
package format

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/selaras/selaras/lint"
)

// Options are what every format may use.
type Options struct {
	Lang  string // "id" or "en"
	Color bool
	// Rules documents the rules (SARIF descriptions, hints).
	Rules []*lint.Rule
	// Version is selaras's version.
	Version string
	// Summary adds a summary line where the format has room for one.
	Summary bool
	// Notes are extra lines for the end of human output (baselined counts,
	// hints); formats for machines ignore them.
	Notes []lint.Text
	// Full, when set, is the whole result of which res lists only a part
	// (--max-findings): summaries count Full, so that totals never depend
	// on how much is shown.
	Full *lint.Result
}

// totals are the summary's counts: those of Full when set.
func (o Options) totals(res *lint.Result) (errs, warns, infos int) {
	if o.Full != nil {
		return o.Full.Counts()
	}
	return res.Counts()
}

// notShown is how many counted findings res leaves out of Full.
func (o Options) notShown(res *lint.Result) int {
	if o.Full == nil {
		return 0
	}
	e, w, i := o.Full.Counts()
	se, sw, si := res.Counts()
	return e + w + i - se - sw - si
}

// Formatter writes a result.
type Formatter func(w io.Writer, res *lint.Result, o Options) error

var formats = map[string]Formatter{}

// Register adds a format under name; each format's file registers itself.
func Register(name string, f Formatter) { formats[name] = f }

// Get returns the format called name.
func Get(name string) (Formatter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (known: %v)", name, Names())
	}
	return f, nil
}

// Names lists the formats, sorted.
func Names() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// writeLines writes line's text for every finding, one a line, file by
// file: a large run's output is never held whole.
func writeLines(w io.Writer, res *lint.Result, line func(fr *lint.FileResult, f lint.Finding) string) error {
	var b strings.Builder
	for _, fr := range res.Files {
		b.Reset()
		for _, f := range fr.Findings {
			b.WriteString(line(fr, f))
			b.WriteByte('\n')
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}
