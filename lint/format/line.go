package format

import (
	"fmt"
	"io"

	"github.com/selaras/selaras/lint"
)

func init() { Register("line", Line) }

// Line writes one finding a line, for editors (quickfix, compilation
// buffers) and grep:
//
//	path:line:col: severity rule: message
//
// Columns count Unicode characters (code points), as `--format text` and
// `--format json` do. A finding about a whole file (or an image) is at
// 1:1, where an editor can jump. The severity word is always English
// (error, warning, info) so that patterns match whatever --lang says; the
// message is in --lang. Line breaks inside a message become spaces; other
// control characters, and those of a file name, are shown escaped (a file
// name holding any is quoted, as in --format text).
func Line(w io.Writer, res *lint.Result, o Options) error {
	return writeLines(w, res, func(fr *lint.FileResult, f lint.Finding) string {
		line, col := 1, 1
		if hasPosition(f) {
			line, col = f.Line, f.Column
		}
		return fmt.Sprintf("%s:%d:%d: %s %s: %s", shownPath(fr.Path), line, col, f.Severity, f.Rule, lint.Visible(oneLine(plainMessage(f, o.Lang))))
	})
}
