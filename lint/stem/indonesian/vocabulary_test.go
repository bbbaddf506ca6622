package indonesian

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"
)

// readLines reads a testdata file, one word per line.
func readLines(tb testing.TB, name string) []string {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return lines
}

// TestVocabulary checks Stem against the output of the reference Snowball
// implementation (stemwords -l indonesian) on the sample vocabulary of the
// snowball-data repository. The reference stems stop words too.
func TestVocabulary(t *testing.T) {
	voc := readLines(t, "voc.txt")
	out := readLines(t, "output.txt")
	if len(voc) != len(out) {
		t.Fatalf("voc.txt has %d lines, output.txt has %d", len(voc), len(out))
	}
	if len(voc) == 0 {
		t.Fatal("empty vocabulary")
	}
	const maxReported = 30
	bad := 0
	for i, w := range voc {
		got := Stem(w, true)
		if got != out[i] {
			bad++
			if bad <= maxReported {
				t.Errorf("line %d: Stem(%q) = %q, want %q", i+1, w, got, out[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d words differ from the reference output", bad, len(voc))
	} else {
		t.Logf("all %d words agree with the reference output", len(voc))
	}
}

func BenchmarkStem(b *testing.B) {
	voc := readLines(b, "voc.txt")
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, w := range voc {
			_ = Stem(w, true)
		}
		n += len(voc)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "words/s")
}
