package format

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/selaras/selaras/lint"
)

func init() { Register("checkstyle", Checkstyle) }

type csReport struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []csFile `xml:"file"`
}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes Checkstyle XML (Jenkins, reviewdog, many CI
// dashboards). Columns count UTF-16 code units, as Checkstyle itself (a
// Java tool) does; a finding about a whole file is on line 1 without a
// column. The source attribute is "selaras.RULE". Text is escaped by the
// XML encoder; characters XML cannot hold become U+FFFD.
func Checkstyle(w io.Writer, res *lint.Result, o Options) error {
	rep := csReport{Version: "4.3"}
	for _, fr := range res.Files {
		if len(fr.Findings) == 0 {
			continue
		}
		cf := csFile{Name: validXML(slashPath(fr.Path))}
		cols := newUTF16Cols(fr)
		for _, f := range fr.Findings {
			e := csError{Line: 1, Severity: string(f.Severity), Message: validXML(plainMessage(f, o.Lang)), Source: "selaras." + f.Rule}
			if hasPosition(f) {
				e.Line, e.Column = f.Line, cols.col(f.Line, f.Column)
			}
			cf.Errors = append(cf.Errors, e)
		}
		rep.Files = append(rep.Files, cf)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// validXML replaces what XML 1.0 cannot carry at all (control characters
// other than tab, LF, CR; invalid UTF-8) with U+FFFD.
func validXML(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
