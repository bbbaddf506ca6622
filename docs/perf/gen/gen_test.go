package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/selaras/selaras/brandkit"
)

// The corpus is the same on every run: same seed, same bytes.
func TestCorpusDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := writeCorpus(d, 40, 0, 7, nil); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	filepath.WalkDir(a, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || string(x) != string(y) {
			t.Errorf("%s differs between two runs with the same seed", rel)
		}
		n++
		return nil
	})
	if n != 42 { // 40 drafts, the kit and its logo
		t.Errorf("%d files, want 42", n)
	}
}

// The generated kit is a valid kit for the current schema (a renamed key
// would otherwise only show when the long script runs).
func TestCorpusKitLoads(t *testing.T) {
	dir := t.TempDir()
	if err := writeCorpus(dir, 1, 0, 1, nil); err != nil {
		t.Fatal(err)
	}
	kit, err := (&brandkit.Loader{}).Load(filepath.Join(dir, "selaras.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(kit.Logos) != 1 || len(kit.Accounts) != len(accounts) {
		t.Errorf("kit has %d logos and %d accounts", len(kit.Logos), len(kit.Accounts))
	}
}

// Drafts carry front matter, a caption of realistic length and hashtags.
func TestDraftText(t *testing.T) {
	r := newRand(3)
	words := 0
	for i := 0; i < 200; i++ {
		d := draftText(r, i, "")
		parts := strings.SplitN(d, "+++", 3)
		if len(parts) != 3 || !strings.Contains(parts[1], "account") {
			t.Fatalf("draft %d has no front matter:\n%s", i, d)
		}
		if strings.Contains(parts[2], "{") {
			t.Errorf("draft %d has an unfilled slot:\n%s", i, d)
		}
		words += len(strings.Fields(parts[2]))
	}
	if avg := words / 200; avg < 100 || avg > 200 {
		t.Errorf("%d words per draft on average, want 100-200", avg)
	}
}

// Every default jargon entry becomes a Vale rule entry.
func TestValeStyle(t *testing.T) {
	dir := t.TempDir()
	cfg, n, err := writeValeStyle(dir)
	if err != nil {
		t.Fatal(err)
	}
	kit, _ := (&brandkit.Loader{}).Default()
	if n != len(kit.Jargon) {
		t.Errorf("%d Vale entries for %d jargon entries", n, len(kit.Jargon))
	}
	sub, _ := os.ReadFile(filepath.Join(dir, "styles", "Selaras", "Jargon.yml"))
	ex, _ := os.ReadFile(filepath.Join(dir, "styles", "Selaras", "JargonWords.yml"))
	if !strings.Contains(string(sub), `"dalam\\s+rangka": "untuk"`) {
		t.Errorf("substitution rule lacks dalam rangka:\n%.300s", sub)
	}
	if got := strings.Count(string(sub), "\n  \"") + strings.Count(string(ex), "\n  - "); got != n {
		t.Errorf("%d entries written, want %d", got, n)
	}
	if ini, _ := os.ReadFile(cfg); !strings.Contains(string(ini), "BasedOnStyles = Selaras") {
		t.Errorf(".vale.ini: %s", ini)
	}
}

func TestJargonOnlyKit(t *testing.T) {
	src := jargonOnlyKit([]string{"draft-encoding", "jargon", "term", "image-logo"})
	kit, err := brandkit.Parse("jargon-only.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !kit.RuleEnabled("jargon") || kit.RuleEnabled("term") || kit.RuleEnabled("image-logo") || !kit.RuleEnabled("draft-encoding") {
		t.Errorf("disable list: %v", kit.Rules.Disable)
	}
}

func TestParseBench(t *testing.T) {
	out := `goos: linux
BenchmarkStem    	      10	   1300000 ns/op	  12000000 words/s
BenchmarkStem    	      10	   1100000 ns/op	  14000000 words/s
BenchmarkStem    	      10	   1200000 ns/op	  13000000 words/s
BenchmarkPipeline/jargon=100-2 	 100	 70000 ns/op	 14000 drafts/s
PASS
`
	res := parseBench(out)
	if res["BenchmarkStem"]["ns/op"] != 1200000 || res["BenchmarkStem"]["words/s"] != 13000000 {
		t.Errorf("median: %v", res["BenchmarkStem"])
	}
	if res["BenchmarkPipeline/jargon=100"]["drafts/s"] != 14000 {
		t.Errorf("-N suffix not stripped: %v", res)
	}
}

func TestMedian(t *testing.T) {
	ss := []sample{{Wall: 3 * time.Second, CPU: 1, RSS: 30}, {Wall: 1 * time.Second, CPU: 3, RSS: 10}, {Wall: 2 * time.Second, CPU: 2, RSS: 20}}
	if m := median(ss); m.Wall != 2*time.Second || m.CPU != 2 || m.RSS != 20 {
		t.Errorf("median %+v", m)
	}
	if m := median(ss[:2]); m.Wall != 2*time.Second {
		t.Errorf("median of two %+v", m)
	}
}
