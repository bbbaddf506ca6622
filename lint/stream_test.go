package lint

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/selaras/selaras/brandkit"
)

// RunEach gives, for every input, the same findings as Run, each input
// exactly once.
func TestRunEachMatchesRun(t *testing.T) {
	kit, err := brandkit.Parse("test.toml", []byte("[kit]\nname = \"t\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	shout := &Rule{Name: "test-shout", Doc: Doc{Severity: Warning}, Check: func(p *Pass) error {
		for _, tok := range p.Draft.Tokens {
			if tok.Kind == TokWord && tok.Text == strings.ToUpper(tok.Text) && len(tok.Text) > 2 {
				p.ReportSpan(tok.Start, tok.End, Text{ID: "huruf besar", EN: "capitals"})
			}
		}
		return nil
	}}
	var inputs []Input
	for i := 0; i < 50; i++ {
		text := fmt.Sprintf("Draf nomor %d biasa saja.", i)
		if i%3 == 0 {
			text = fmt.Sprintf("Draf PENTING nomor %d, SEGERA baca.", i)
		}
		inputs = append(inputs, Input{Path: fmt.Sprintf("d%02d.md", i), Abs: fmt.Sprintf("/x/d%02d.md", i), Root: "/x", Data: []byte(text)})
	}
	eng := &Engine{Rules: []*Rule{shout}, Kits: &brandkit.Loader{Fixed: kit}, Jobs: 4}
	want := map[string]string{}
	for _, fr := range eng.Run(inputs).Files {
		want[fr.Path] = fmt.Sprint(fr.Findings)
	}
	var mu sync.Mutex
	got := map[string]string{}
	calls := 0
	eng.RunEach(inputs, func(in Input, frs []*FileResult, errs []error) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if len(errs) > 0 || len(frs) == 0 || frs[0].Path != in.Path || frs[0].Draft == nil {
			t.Errorf("%s: %v %v", in.Path, frs, errs)
			return
		}
		got[in.Path] = fmt.Sprint(frs[0].Findings)
	})
	if calls != len(inputs) {
		t.Errorf("%d calls for %d inputs", calls, len(inputs))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("RunEach differs from Run\n got %v\nwant %v", got, want)
	}
	if !strings.Contains(want["d00.md"], "PENTING") {
		t.Errorf("the test rule found nothing: %v", want["d00.md"])
	}
}
