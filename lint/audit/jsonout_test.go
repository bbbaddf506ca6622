package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"

	"github.com/selaras/selaras/lint"
)

// The streamed JSON must be exactly what encoding/json prints for the
// whole report, so that reports stay mergeable and diffable.
func TestStreamedJSONMatchesEncoder(t *testing.T) {
	full := &Report{
		Version: ReportVersion, Kit: "Banten <&>", Kits: []string{"a", "b"}, Selaras: "dev", Posts: 2,
		Period:       PeriodJSON{Since: "2025-10-01", Until: "2025-11-01", TZ: "UTC"},
		Accounts:     []AccountStat{{Account: "dinkes", Posts: 2, Compliance: 0.5, FindingsPerPost: 1.25}},
		Findings:     []Finding{{Post: "a.md", Path: "a.md", Rule: "jargon", Message: "<script>alert(1)</script> \u2028 \"q\"", Messages: lint.Text{ID: "x", EN: "y"}, Suggestions: []string{}, Region: &lint.Region{X: 1, Y: 2, Width: 3, Height: 4}}, {Post: "b.md", Suggestions: []string{"s"}}},
		Details:      []Post{{Path: "a.md", Images: []ImageSig{{Path: "p.png", DHash: "00ff", Luma: 3}}}, {Path: "b.md"}},
		AccountNames: map[string]string{"dinkes": "Dinas Kesehatan"},
		Worst:        []Worst{}, Duplicates: []Duplicate{}, Skipped: nil,
	}
	empty := &Report{}
	empty.nonNil()
	for name, r := range map[string]*Report{"full": full, "empty": empty, "nil lists": {}} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		bw := bufio.NewWriter(&got)
		if err := writeJSON(bw, r); err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		if got.String() != want.String() {
			t.Errorf("%s: streamed JSON differs from encoding/json\n got: %s\nwant: %s", name, got.String(), want.String())
		}
	}
}
