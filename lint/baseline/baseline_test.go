package baseline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// wordRule reports every "rangka" and "sinergitas", standing in for a rule.
var wordRule = &lint.Rule{
	Name: "word-test",
	Check: func(p *lint.Pass) error {
		for _, t := range p.Draft.Tokens {
			if t.Kind == lint.TokWord && (t.Lower == "rangka" || t.Lower == "sinergitas") {
				p.ReportSpan(t.Start, t.End, lint.Text{ID: "kata uji", EN: "test word"})
			}
		}
		return nil
	},
}

func run(t *testing.T, dir string, files map[string]string) *lint.Result {
	t.Helper()
	var in []lint.Input
	for name, src := range files {
		abs := filepath.Join(dir, name)
		in = append(in, lint.Input{Path: name, Abs: abs, Root: dir, Data: []byte(src)})
	}
	eng := &lint.Engine{Rules: []*lint.Rule{wordRule}, Kits: &brandkit.Loader{}, Jobs: 1}
	res := eng.Run(in)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	return res
}

func count(res *lint.Result) (n int, lines []int) {
	for _, fr := range res.Files {
		for _, f := range fr.Findings {
			n++
			lines = append(lines, f.Line)
		}
	}
	return
}

func TestBaselineSurvivesEditsAndCatchesNew(t *testing.T) {
	dir := t.TempDir()
	rel := RelTo(dir, func(p string) string { return filepath.Join(dir, p) })
	before := map[string]string{
		"a.md": "Dalam rangka HUT.\nSinergitas OPD.\n",
		"b.md": "Rangka baja jembatan.\n",
	}
	b := New(run(t, dir, before), rel)
	if len(b.Findings) != 3 {
		t.Fatalf("recorded %d findings, want 3: %+v", len(b.Findings), b.Findings)
	}
	path := filepath.Join(dir, FileName)
	if err := b.Write(path); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}

	// Lines inserted above the baselined findings: nothing new.
	after := map[string]string{
		"a.md": "Baris baru.\n\nBaris lain.\nDalam RANGKA HUT.\nSinergitas OPD.\n",
		"b.md": "Rangka baja jembatan.\n",
	}
	got, st := b.Filter(run(t, dir, after), rel)
	if n, _ := count(got); n != 0 || st.Baselined != 3 || st.Gone != 0 {
		t.Fatalf("after inserting lines: %d findings left, stats %+v; want 0 and 3 baselined", n, st)
	}

	// A new occurrence is reported; one fixed is counted as gone.
	after["a.md"] = "Dalam rangka HUT.\nSinergitas OPD.\nRangka acara baru.\n"
	after["b.md"] = "Baja jembatan.\n"
	got, st = b.Filter(run(t, dir, after), rel)
	n, lines := count(got)
	if n != 1 || lines[0] != 3 || st.Baselined != 2 || st.Gone != 1 {
		t.Fatalf("new finding: %d left on lines %v, stats %+v; want 1 on line 3, 2 baselined, 1 gone", n, lines, st)
	}
}

func TestMergeKeepsUncheckedFiles(t *testing.T) {
	old := &File{Version: 1, Tool: "selaras", Findings: []Entry{{Path: "a.md", Rule: "x"}, {Path: "b.md", Rule: "x"}}}
	nw := &File{Version: 1, Tool: "selaras", Findings: []Entry{{Path: "a.md", Rule: "y"}}}
	m := Merge(old, nw, map[string]bool{"a.md": true})
	if len(m.Findings) != 2 || m.Findings[0].Rule != "y" || m.Findings[1].Path != "b.md" {
		t.Fatalf("merge: %+v", m.Findings)
	}
}

func TestWriteNeverClobbersForeignFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	os.WriteFile(p, []byte(`{"some": "other tool"}`), 0o644)
	err := New(&lint.Result{}, RelTo(dir, nil)).Write(p)
	if !errors.Is(err, ErrNotBaseline) {
		t.Fatalf("err = %v, want ErrNotBaseline", err)
	}
	if got, _ := os.ReadFile(p); string(got) != `{"some": "other tool"}` {
		t.Errorf("foreign file overwritten: %s", got)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	b := &File{Version: 2, Tool: "selaras", Findings: []Entry{{Path: "dinkes/a.md", Rule: "jargon", Match: "dalam rangka", Text: "0123456789abcdef", Context: "fedcba9876543210", Occurrence: 1}}}
	data := b.Marshal()
	if !strings.Contains(string(data), "\n    {\"path\":\"dinkes/a.md\",\"rule\":\"jargon\",\"match\":\"dalam rangka\",\"text\":\"0123456789abcdef\",\"context\":\"fedcba9876543210\",\"occurrence\":1}\n") {
		t.Errorf("not one finding per line:\n%s", data)
	}
	back, err := Parse(data)
	if err != nil || len(back.Findings) != 1 || back.Findings[0] != b.Findings[0] {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
	if _, err := Parse([]byte(`{"version": 3, "tool": "selaras", "findings": []}`)); err == nil || errors.Is(err, ErrNotBaseline) {
		t.Errorf("future version: %v", err)
	}
	if empty := New(&lint.Result{}, nil).Marshal(); string(empty) != "{\n  \"version\": 2,\n  \"tool\": \"selaras\",\n  \"findings\": []\n}\n" {
		t.Errorf("empty baseline: %q", empty)
	}
}

// A new "dalam rangka" written above an old one is the one reported: the
// old one is found by the text of its line, not by its order.
func TestBaselineMatchesByLineText(t *testing.T) {
	dir := t.TempDir()
	rel := RelTo(dir, func(p string) string { return filepath.Join(dir, p) })
	b := New(run(t, dir, map[string]string{"a.md": "Pembuka.\nDalam rangka HUT kota.\nPenutup.\n"}), rel)
	got, st := b.Filter(run(t, dir, map[string]string{"a.md": "Pembuka.\nDalam rangka lomba baru.\nDalam rangka HUT kota.\nPenutup.\n"}), rel)
	n, lines := count(got)
	if n != 1 || lines[0] != 2 || st.Baselined != 1 || st.Gone != 0 {
		t.Fatalf("%d reported on lines %v, stats %+v; want the new one on line 2", n, lines, st)
	}
	// Among identical lines, order decides: a copy of the line is new.
	got, st = b.Filter(run(t, dir, map[string]string{"a.md": "Pembuka.\nDalam rangka HUT kota.\nPenutup.\nDalam rangka HUT kota.\n"}), rel)
	if n, lines := count(got); n != 1 || lines[0] != 4 || st.Baselined != 1 {
		t.Fatalf("identical lines: %d reported on lines %v, stats %+v; want line 4", n, lines, st)
	}
	// The neighbours decide between identical lines first: the copy above,
	// with other neighbours, is the new one.
	got, _ = b.Filter(run(t, dir, map[string]string{"a.md": "Lain.\nDalam rangka HUT kota.\nLain.\nPembuka.\nDalam rangka HUT kota.\nPenutup.\n"}), rel)
	if n, lines := count(got); n != 1 || lines[0] != 2 {
		t.Fatalf("identical lines, other neighbours: %d reported on lines %v; want line 2", n, lines)
	}
}

// A version 1 baseline (no line hashes) still hides findings by order.
func TestBaselineVersion1StillRead(t *testing.T) {
	dir := t.TempDir()
	rel := RelTo(dir, func(p string) string { return filepath.Join(dir, p) })
	v1, err := Parse([]byte(`{"version": 1, "tool": "selaras", "findings": [
    {"path":"a.md","rule":"word-test","match":"rangka","occurrence":0}
  ]}`))
	if err != nil {
		t.Fatal(err)
	}
	got, st := v1.Filter(run(t, dir, map[string]string{"a.md": "Dalam rangka HUT.\nRangka baru.\n"}), rel)
	if n, lines := count(got); n != 1 || lines[0] != 2 || st.Baselined != 1 {
		t.Fatalf("version 1: %d reported on lines %v, stats %+v", n, lines, st)
	}
}
