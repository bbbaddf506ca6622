package image

import (
	"image"
	"math"
	"math/rand"
	"testing"
)

// TestScanPairsMatchesScoreAt: the paired coarse scan finds the same peaks
// with the same scores as scoring every other position with scoreAt, for
// opaque and masked templates, odd and even widths, with flat areas (no
// score) and with integral images over the searched rectangle only.
func TestScanPairsMatchesScoreAt(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	g := &greyImage{W: 97, H: 83, Pix: make([]float32, 97*83)}
	for i := range g.Pix {
		g.Pix[i] = float32(r.Intn(256))
	}
	for y := 10; y < 40; y++ { // a flat area
		for x := 5; x < 60; x++ {
			g.Pix[y*g.W+x] = 200
		}
	}
	l := &level{g: g, scale: 1}
	for _, sz := range [][2]int{{4, 4}, {10, 12}, {13, 9}, {19, 19}, {6, 22}} {
		for _, masked := range []bool{false, true} {
			tp := randomTemplate(r, sz[0], sz[1], masked)
			for _, rect := range []image.Rectangle{image.Rect(0, 0, g.W, g.H), image.Rect(3, 7, 61, 50)} {
				for _, local := range []bool{false, true} {
					var it *integral
					if local {
						it = newIntegralRect(g, rect)
					}
					for _, k := range []int{1, 3} {
						for step := 1; step <= 3; step++ {
							got := searchTopWith(l, tp, rect, step, fast, k, it)
							want := referenceTop(l, tp, rect, step, k, it)
							if len(got) != len(want) {
								t.Fatalf("%dx%d masked=%v %v: %d peaks, want %d", sz[0], sz[1], masked, rect, len(got), len(want))
							}
							for i := range got {
								if got[i] != want[i] {
									t.Fatalf("%dx%d masked=%v %v k=%d step=%d: peak %d = %+v, want %+v", sz[0], sz[1], masked, rect, k, step, i, got[i], want[i])
								}
							}
						}
					}
				}
			}
		}
	}
}

// referenceTop is the plain search: scoreAt at every step-th position.
func referenceTop(l *level, tp *template, rect image.Rectangle, step, k int, it *integral) []peak {
	t := place(l, tp)
	rect = rect.Intersect(image.Rect(0, 0, l.g.W, l.g.H))
	var top []peak
	for y := rect.Min.Y; y+t.h <= rect.Max.Y; y += step {
		for x := rect.Min.X; x+t.w <= rect.Max.X; x += step {
			s := scoreAt(l, t, x, y, fast, it)
			if len(top) == k && s <= top[k-1].score {
				continue
			}
			top = insertPeak(top, peak{s, x, y}, k, t.w/2, t.h/2)
		}
	}
	return top
}

// randomTemplate builds a zero-mean template as templateAt does, with a
// transparent corner when masked.
func randomTemplate(r *rand.Rand, w, h int, masked bool) *template {
	t := &template{w: w, h: h, tz: make([]float32, w*h)}
	var sum float64
	opaque := make([]bool, w*h)
	for i := range t.tz {
		if masked && i%w < w/3 && i/w < h/3 {
			continue
		}
		opaque[i] = true
		t.tz[i] = float32(r.Intn(256))
		sum += float64(t.tz[i])
		t.n++
	}
	mean := float32(sum / float64(t.n))
	var sq float64
	for i := range t.tz {
		if opaque[i] {
			t.tz[i] -= mean
			sq += float64(t.tz[i]) * float64(t.tz[i])
			if masked {
				t.offs = append(t.offs, int32(i))
				t.vals = append(t.vals, t.tz[i])
			}
		}
	}
	t.masked = masked
	t.norm = math.Sqrt(sq)
	return t
}
