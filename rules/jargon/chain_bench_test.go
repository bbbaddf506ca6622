package jargon_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/rules/jargon"
)

// BenchmarkChains measures the jargon rule over the drafts of the
// evaluation set (testdata/eval), with the nominal-chain and wordiness
// checks switched off ("dictionary") and on ("dictionary+chains"): the
// difference is their cost. cpu-ns/draft counts CPU time, which a loaded
// machine disturbs less than wall-clock time. Run both in one process,
// several times:
//
//	go test ./rules/jargon -run '^$' -bench Chains -cpu 1 -benchtime 50x -count 5
func BenchmarkChains(b *testing.B) {
	files, err := filepath.Glob("../../testdata/eval/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no evaluation drafts: %v", err)
	}
	inputs := make([]lint.Input, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		abs, _ := filepath.Abs(f)
		inputs[i] = lint.Input{Path: f, Abs: abs, Root: filepath.Dir(abs), Data: data}
	}
	base, err := (&brandkit.Loader{}).Default()
	if err != nil {
		b.Fatal(err)
	}
	off, err := brandkit.ParseOver(base, "bench.toml", []byte("[chains]\nenabled = false\n[wordiness]\nenabled = false\n"))
	if err != nil {
		b.Fatal(err)
	}
	for _, set := range []struct {
		name string
		kit  *brandkit.Kit
	}{{"dictionary", off}, {"dictionary+chains", base}} {
		b.Run(set.name, func(b *testing.B) {
			eng := &lint.Engine{Rules: []*lint.Rule{jargon.Rule}, Kits: &brandkit.Loader{Fixed: set.kit}, Jobs: 1}
			eng.Run(inputs) // build the kit's tables and word cache once
			b.ResetTimer()
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				eng.Run(inputs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(inputs)), "ns/draft")
			if c := cpuTime() - cpu; c > 0 {
				b.ReportMetric(float64(c.Nanoseconds())/float64(b.N*len(inputs)), "cpu-ns/draft")
			}
		})
	}
}
