package image

import (
	"math/rand"
	"testing"
)

// TestFlatMaskAgreesWithIsFlat: the pairwise mask is the per-pixel
// definition, computed faster.
func TestFlatMaskAgreesWithIsFlat(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	m := &rgbImage{W: 37, H: 23, Pix: make([]uint8, 3*37*23)}
	for i := range m.Pix {
		m.Pix[i] = uint8(100 + r.Intn(24)) // about half the pairs are within 10 levels
	}
	mask := flatMask(m)
	for y := 0; y < m.H; y++ {
		for x := 0; x < m.W; x++ {
			if got, want := mask[y*m.W+x], isFlat(m, x, y); got != want {
				t.Fatalf("(%d,%d): mask %v, isFlat %v", x, y, got, want)
			}
		}
	}
}
