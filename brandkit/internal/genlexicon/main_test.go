package main

import (
	"github.com/selaras/selaras/lint/lexicon"
	"os"
	"path/filepath"
	"testing"
)

// TestEmbeddedListsUpToDate fails when lint/lexicon's files are not what
// the sources in brandkit/data/lexicon make: run
// `go run ./brandkit/internal/genlexicon` from the repository root.
func TestEmbeddedListsUpToDate(t *testing.T) {
	for _, l := range lists {
		src, err := readSources(filepath.Join("..", "..", ".."), l.srcs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "..", "..", outDir, l.out))
		if err != nil {
			t.Fatal(err)
		}
		want := Build(src, l.keep)
		if string(got) != want {
			t.Errorf("%s/%s is stale: run `go run ./brandkit/internal/genlexicon`", outDir, l.out)
		}
		off, err := os.ReadFile(filepath.Join("..", "..", "..", outDir, offName(l.out)))
		if err != nil || string(off) != lexicon.Offsets(want) {
			t.Errorf("%s/%s is stale or missing: run `go run ./brandkit/internal/genlexicon`", outDir, offName(l.out))
		}
	}
}

func TestBuildFilters(t *testing.T) {
	got := Build("beta\nAlpha\nalpha\nalpha\ncat's\n x \n\n", isLowerASCII)
	if want := "alpha\nbeta\n"; got != want {
		t.Errorf("Build = %q, want %q", got, want)
	}
	got = Build("aba-aba\noper \"v,\"\n-an\nabad\n", isIndonesianRoot)
	if want := "aba-aba\nabad\n"; got != want {
		t.Errorf("Build = %q, want %q", got, want)
	}
}
