package image

import (
	"image"
	"image/color"
	"testing"
)

// TestDrawSegmentation: the evidence picture outlines the photograph in
// amber (around the photo of the generated poster, not over its bands)
// and the judged designed areas in violet.
func TestDrawSegmentation(t *testing.T) {
	s := onBrand()
	data := encJPEG(t, poster(s), 85)
	pc := decodePicture(func(string) ([]byte, error) { return data, nil }, "p.jpg", "p.jpg", 1<<26)
	d := pc.designFor(testKitWith(t, ""))
	if len(d.seg.frames) != 1 {
		t.Fatalf("frames = %v, want the one photo", d.seg.frames)
	}
	base := image.NewNRGBA(image.Rect(0, 0, pc.W, pc.H)) // black: every drawn pixel shows
	drawSegmentation(base, d)
	count := func(c color.NRGBA, r image.Rectangle) int {
		n := 0
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if p := base.NRGBAAt(x, y); p.R == c.R && p.G == c.G && p.B == c.B {
					n++
				}
			}
		}
		return n
	}
	// The photo spans x 216-864, y 405-945 (helpers_test.go); its frame,
	// trimmed to photographic blocks, lies within a block of it.
	photo := image.Rect(216, 405, 864, 945)
	if n := count(colPhoto, photo.Inset(-60)); n < 1000 {
		t.Errorf("%d amber pixels around the photo, want its outline", n)
	}
	if n := count(colPhoto, base.Bounds()) - count(colPhoto, photo.Inset(-60)); n != 0 {
		t.Errorf("%d amber pixels away from the photo", n)
	}
	band := image.Rect(0, s.h*3/4, s.w, s.h)
	if n := count(colDesign, band); n < 500 {
		t.Errorf("%d violet pixels on the band, want its outline", n)
	}
	if n := count(colDesign, photo.Inset(60)); n != 0 {
		t.Errorf("%d violet pixels inside the photo: nothing there is design", n)
	}
}
