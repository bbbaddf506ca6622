package format

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// tagRule reports every '#' word, as hashtag rules do on a caption of
// tags.
var tagRule = &lint.Rule{
	Name: "test-tag",
	Doc:  lint.Doc{Title: lint.Text{ID: "uji", EN: "test"}, Why: lint.Text{ID: "uji", EN: "test"}, Severity: lint.Warning},
	Check: func(p *lint.Pass) error {
		src := p.Draft.Source
		for i := 0; i < len(src); i++ {
			if src[i] == '#' {
				j := i + 1
				for j < len(src) && src[j] != ' ' && src[j] != '\n' {
					j++
				}
				p.ReportSpan(i, j, lint.Text{ID: "tagar", EN: "tag"})
			}
		}
		return nil
	},
}

// oneLineOfTags checks a one-line draft of n tags, each after an emoji.
func oneLineOfTags(t testing.TB, n int) *lint.Result {
	kit, err := brandkit.Parse("t.toml", []byte("[kit]\nname = \"uji\"\n[rules]\nmax_per_file = 100000\n"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Repeat("👋🏽 #tagar ", n) + "\n"
	eng := &lint.Engine{Rules: []*lint.Rule{tagRule}, Kits: &brandkit.Loader{Fixed: kit}, Jobs: 1}
	res := eng.Run([]lint.Input{{Path: "a.md", Abs: "/x/a.md", Root: "/x", Data: []byte(src)}})
	if len(res.Errors) > 0 || len(res.Files) != 1 || len(res.Files[0].Findings) != n {
		t.Fatalf("fixture: %v, %d files", res.Errors, len(res.Files))
	}
	return res
}

// The UTF-16 columns of SARIF, GitHub and Checkstyle read each line once,
// not once per finding: doubling a one-line draft's findings doubles the
// bytes read (it quadrupled, and a 1 MB line took 40 s).
func TestUTF16ColumnsLinear(t *testing.T) {
	for _, name := range []string{"sarif", "github", "checkstyle"} {
		scanned := func(n int) int64 {
			res := oneLineOfTags(t, n)
			before := lineBytesScanned.Load()
			var buf bytes.Buffer
			if err := formats[name](&buf, res, Options{Lang: "en"}); err != nil {
				t.Fatal(err)
			}
			return lineBytesScanned.Load() - before
		}
		a, b := scanned(500), scanned(1000)
		lineLen := int64(len(strings.Repeat("👋🏽 #tagar ", 1000)))
		if b > 2*lineLen || b > 2*a+64 {
			t.Errorf("%s: %d bytes read for 500 findings, %d for 1000 on a %d-byte line: not linear", name, a, b, lineLen)
		}
	}
}

// The converted columns are those of UTF-16 itself.
func TestUTF16ColumnsExact(t *testing.T) {
	res := oneLineOfTags(t, 50)
	fr := res.Files[0]
	line := fr.Line(1)
	cols := newUTF16Cols(fr)
	runes := []rune(line)
	for c := 1; c <= len(runes)+3; c++ {
		want := len(utf16.Encode(runes[:min(c-1, len(runes))])) + 1 + max(0, c-1-len(runes))
		if got := cols.col(1, c); got != want {
			t.Fatalf("column %d: %d, want %d", c, got, want)
		}
	}
}
