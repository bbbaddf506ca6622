package format

import (
	"fmt"
	"io"
	"strings"

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
// message is in --lang. Line breaks inside a message become spaces.
func Line(w io.Writer, res *lint.Result, o Options) error {
	var b strings.Builder
	for _, fr := range res.Files {
		// Printed file by file: a whole archive's output is not held twice.
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
		for _, f := range fr.Findings {
			line, col := 1, 1
			if hasPosition(f) {
				line, col = f.Line, f.Column
			}
			fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", oneLine(fr.Path), line, col, f.Severity, f.Rule, oneLine(plainMessage(f, o.Lang)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
