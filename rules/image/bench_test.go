package image

import (
	"bytes"
	"image"
	"sync"
	"testing"
	"time"

	"github.com/selaras/selaras/lint"
)

var (
	benchOnce            sync.Once
	benchJPEG, benchMiss []byte
)

// benchPosters are 1080x1350 JPEGs (quality 85): the on-brand poster, and
// the same without its logo (the search then covers the whole image).
func benchPosters(b testing.TB) ([]byte, []byte) {
	benchOnce.Do(func() {
		benchJPEG = encJPEG(b, poster(onBrand()), 85)
		s := onBrand()
		s.logoShare = 0
		benchMiss = encJPEG(b, poster(s), 85)
	})
	return benchJPEG, benchMiss
}

// BenchmarkDecodeOnly is the reference: decoding the JPEG and nothing else.
func BenchmarkDecodeOnly(b *testing.B) {
	data, _ := benchPosters(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAllImageRules runs every image rule on the poster through the
// engine, decode included (the budget: at most 1.5x BenchmarkDecodeOnly).
func BenchmarkAllImageRules(b *testing.B) {
	for _, c := range []struct {
		name string
		pick func(a, m []byte) []byte
	}{{"logo-in-zone", func(a, _ []byte) []byte { return a }}, {"logo-missing", func(_, m []byte) []byte { return m }}} {
		b.Run(c.name, func(b *testing.B) {
			on, miss := benchPosters(b)
			data := c.pick(on, miss)
			kit := testKitWith(b, "")
			files := memFiles{"/mem/poster.jpg": data}
			in := draftInput("post.md", instagramDraft("poster.jpg"))
			runImages(b, kit, files, in) // warm the kit's logo templates
			for b.Loop() {
				runImages(b, kit, files, in)
			}
		})
	}
}

// BenchmarkLogoSearch is the logo search alone on a decoded poster (image
// pyramid included), with warm per-kit templates; run with -cpu 1.
func BenchmarkLogoSearch(b *testing.B) {
	on, miss := benchPosters(b)
	kit := testKitWith(b, "")
	files := memFiles{"/mem/logo.png": encPNG(b, logoMark(200))}
	src, err := logoSource(kit, files.ReadFile, 0)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"in-zone", on}, {"missing", miss}} {
		b.Run(c.name, func(b *testing.B) {
			pc := decodePicture(func(string) ([]byte, error) { return c.data, nil }, "p.jpg", "p.jpg", 1<<26)
			findLogo(pc, kit, src, kit.Logos[0])
			for b.Loop() {
				fresh := &picture{W: pc.W, H: pc.H, grey: pc.grey, greyF: pc.greyF} // a new pyramid each time
				m := findLogo(fresh, kit, src, kit.Logos[0])
				if c.name == "in-zone" && !m.Found {
					b.Fatal("logo not found")
				}
			}
		})
	}
}

var _ = lint.KindImage

// BenchmarkBudgetRatio alternates decoding alone and running every image
// rule (decode included) on the same poster, and reports their ratio as
// "x-decode": steadier than comparing two benchmarks on a shared machine.
func BenchmarkBudgetRatio(b *testing.B) {
	on, _ := benchPosters(b)
	kit := testKitWith(b, "")
	files := memFiles{"/mem/poster.jpg": on}
	in := draftInput("post.md", instagramDraft("poster.jpg"))
	runImages(b, kit, files, in)
	var dec, all, decCPU, allCPU time.Duration
	for b.Loop() {
		t0, c0 := time.Now(), cpuTime()
		if _, _, err := image.Decode(bytes.NewReader(on)); err != nil {
			b.Fatal(err)
		}
		t1, c1 := time.Now(), cpuTime()
		runImages(b, kit, files, in)
		t2, c2 := time.Now(), cpuTime()
		dec += t1.Sub(t0)
		all += t2.Sub(t1)
		decCPU += c1 - c0
		allCPU += c2 - c1
	}
	b.ReportMetric(float64(all)/float64(dec), "x-decode")
	// The same in CPU time (the process's user and system time; with -cpu
	// 1 one goroutine runs at a time): steadier on a crowded machine,
	// where wall time mostly measures waiting.
	if decCPU > 0 {
		b.ReportMetric(float64(allCPU)/float64(decCPU), "x-decode-cpu")
	}
	b.ReportMetric(float64(dec.Milliseconds())/float64(b.N), "decode-ms")
}
