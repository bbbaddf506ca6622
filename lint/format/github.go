package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/selaras/selaras/lint"
)

func init() { Register("github", GitHub) }

// GitHub writes GitHub Actions workflow commands, one per finding:
//
//	::warning file=a.md,line=3,endLine=3,col=5,endColumn=16,title=selaras jargon::message
//
// The runner turns them into annotations on the pull request. Columns
// count UTF-16 code units like the rest of GitHub, and endColumn is the
// last character's column (inclusive): the runner refuses an endColumn
// before col, and columns when the finding spans several lines, so those
// get lines only. A finding about a whole file names the file alone.
// Severities: error -> error, warning -> warning, info -> notice. The
// runner's log shows the commands as they are: control characters other
// than line breaks, in messages and file names, are shown escaped.
func GitHub(w io.Writer, res *lint.Result, o Options) error {
	var cols *utf16Cols
	return writeLines(w, res, func(fr *lint.FileResult, f lint.Finding) string {
		if cols == nil || cols.fr != fr {
			cols = newUTF16Cols(fr)
		}
		props := []string{"file=" + ghProperty(slashPath(lint.VisibleLines(fr.Path)))}
		if hasPosition(f) {
			props = append(props, fmt.Sprintf("line=%d", f.Line), fmt.Sprintf("endLine=%d", f.EndLine))
			if f.EndLine == f.Line {
				col := cols.col(f.Line, f.Column)
				end := max(col, cols.col(f.EndLine, f.EndColumn)-1)
				props = append(props, fmt.Sprintf("col=%d", col), fmt.Sprintf("endColumn=%d", end))
			}
		}
		props = append(props, "title="+ghProperty("selaras "+f.Rule))
		return fmt.Sprintf("::%s %s::%s", ghCommand(f.Severity), strings.Join(props, ","), ghData(lint.VisibleLines(plainMessage(f, o.Lang))))
	})
}

func ghCommand(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// ghData escapes a command's message as the Actions toolkit does: '%',
// CR and LF.
var ghDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a property value: also ':' and ',', which would end
// the value.
var ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
