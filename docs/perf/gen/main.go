// Command gen produces docs/PERFORMANCE.md: it generates corpora of
// realistic drafts and posters in a temporary folder, runs the selaras
// binary on them (and Vale, when given, on the same drafts), measures wall
// time, CPU time and peak memory of every run, runs the repository's Go
// benchmarks for the issues' budgets, and writes the report. It is driven
// by docs/perf/run.sh; see docs/PERFORMANCE.md for how to run it.
//
//	go run ./docs/perf/gen -selaras BIN -work DIR -out docs/PERFORMANCE.md
//	go run ./docs/perf/gen corpus DIR DRAFTS [IMAGES]   # only write a corpus
//	go run ./docs/perf/gen vale DIR                     # only write the Vale style
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "corpus":
			os.Exit(corpusCmd(os.Args[2:]))
		case "vale":
			os.Exit(valeCmd(os.Args[2:]))
		}
	}
	var o options
	flag.StringVar(&o.selaras, "selaras", "", "the selaras binary to measure (required)")
	flag.StringVar(&o.vale, "vale", "", "the vale binary for the side-by-side (empty: skipped)")
	flag.StringVar(&o.work, "work", "", "temporary folder for the corpora (required; emptied by the caller)")
	flag.StringVar(&o.out, "out", "docs/PERFORMANCE.md", "report to write")
	flag.StringVar(&o.repo, "repo", ".", "the repository (for go test benchmarks and the commit)")
	sizes := flag.String("sizes", "1000,10000,100000", "draft counts of the text corpora")
	images := flag.String("images", "100,1000", "poster counts of the image corpora")
	flag.IntVar(&o.repeat, "repeat", 3, "runs of each measurement on corpora of up to 10,000 files (median reported)")
	flag.IntVar(&o.repeatLarge, "repeat-large", 1, "runs of each measurement on larger corpora")
	flag.IntVar(&o.startupRuns, "startup-runs", 31, "runs of the one-draft start-up measurement")
	flag.IntVar(&o.valeMax, "vale-max", 100000, "largest text corpus Vale runs on")
	flag.BoolVar(&o.auditBudget, "audit-budget", true, "measure the audit budget corpus (10,000 drafts + 2,000 posters)")
	flag.IntVar(&o.budgetDrafts, "budget-drafts", 10000, "drafts of the audit budget corpus")
	flag.IntVar(&o.budgetImages, "budget-images", 2000, "posters of the audit budget corpus")
	flag.BoolVar(&o.hook, "hook", true, "measure the pre-commit hook in a git repository of the 10,000-draft corpus")
	flag.BoolVar(&o.gobench, "gobench", true, "run the repository's Go benchmarks for the budgets")
	flag.Int64Var(&o.seed, "seed", 20251001, "seed of the corpus generator")
	gnuTime := flag.String("time", "/usr/bin/time", "GNU time, for the peak memory of each run (empty: Go's rusage, less exact)")
	memMB := flag.Int64("mem-limit", 2000, "stop a measured run on images whose resident memory passes this many MB (the machine is shared)")
	flag.Int64Var(&o.textMemMB, "mem-limit-text", 8000, "the same for runs on the text corpora (100,000 drafts need more)")
	flag.StringVar(&o.note, "note", "", "a sentence added to the report (e.g. why a part was skipped)")
	flag.Parse()
	memLimit = *memMB * 1e6
	if *gnuTime != "" {
		if out, err := exec.Command(*gnuTime, "-f", "%M", "true").CombinedOutput(); err == nil && len(strings.Fields(string(out))) > 0 {
			timeBin = *gnuTime
		} else {
			fmt.Fprintf(os.Stderr, "gen: %s does not work as GNU time; peak memory will include this program's own\n", *gnuTime)
		}
	}
	var err error
	if o.sizes, err = ints(*sizes); err == nil {
		o.images, err = ints(*images)
	}
	if err != nil || o.selaras == "" || o.work == "" {
		fmt.Fprintln(os.Stderr, "gen: -selaras and -work are required; -sizes and -images are comma-separated counts")
		os.Exit(2)
	}
	if err := run(&o); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("bad count %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func corpusCmd(args []string) int {
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gen corpus DIR DRAFTS [IMAGES]")
		return 2
	}
	drafts, err := strconv.Atoi(args[1])
	images := 0
	if err == nil && len(args) > 2 {
		images, err = strconv.Atoi(args[2])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen corpus: DRAFTS and IMAGES are numbers")
		return 2
	}
	pool := &posterPool{dir: args[0] + ".posters"}
	// The corpus's own errors, not the parse error checked above.
	if err = pool.ensure(images, 2); err == nil {
		err = writeCorpus(args[0], drafts, images, 20251001, pool)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen corpus:", err)
		return 1
	}
	return 0
}

func valeCmd(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: gen vale DIR")
		return 2
	}
	cfg, n, err := writeValeStyle(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen vale:", err)
		return 1
	}
	fmt.Printf("%s (%d jargon phrases)\n", cfg, n)
	return 0
}
