package image

import (
	"math/rand"
	"testing"
)

// TestFlatMaskAgreesWithIsFlat: the pairwise mask is the per-pixel
// definition, computed faster.
func TestFlatMaskAgreesWithIsFlat(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, sz := range [][2]int{{37, 23}, {1, 9}, {9, 1}, {1, 1}, {2, 2}, {64, 3}} {
		m := &rgbImage{W: sz[0], H: sz[1], Pix: make([]uint8, 3*sz[0]*sz[1])}
		for i := range m.Pix {
			m.Pix[i] = uint8(100 + r.Intn(24)) // about half the pairs are within 10 levels
		}
		if sz[0] == 64 { // also far apart: differences past ±127 must not wrap
			for i := 0; i < len(m.Pix); i += 7 {
				m.Pix[i] = uint8(r.Intn(2) * 255)
			}
		}
		mask := flatMask(m)
		for y := 0; y < m.H; y++ {
			for x := 0; x < m.W; x++ {
				if got, want := mask[y*m.W+x], isFlat(m, x, y); got != want {
					t.Fatalf("%dx%d (%d,%d): mask %v, isFlat %v", m.W, m.H, x, y, got, want)
				}
			}
		}
	}
}
