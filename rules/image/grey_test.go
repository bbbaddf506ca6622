package image

import (
	"image"
	"math/rand"
	"testing"
)

// TestBoxGreyLumaFastPath: the JPEG (YCbCr) path that adds eight luma
// bytes at once gives the plain per-pixel average, on widths that leave a
// tail and on odd sizes.
func TestBoxGreyLumaFastPath(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for _, sz := range [][2]int{{1080, 1350}, {23, 9}, {2, 2}, {9, 3}, {14, 6}} {
		w, h := sz[0], sz[1]
		yc := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
		for i := range yc.Y {
			yc.Y[i] = uint8(r.Intn(256))
		}
		if w == 9 {
			for i := range yc.Y {
				yc.Y[i] = 255 // the largest sums
			}
		}
		gray := &image.Gray{Pix: yc.Y, Stride: yc.YStride, Rect: yc.Rect}
		fast := &greyImage{W: w / 2, H: h / 2, Pix: make([]float32, (w/2)*(h/2))}
		plain := &greyImage{W: w / 2, H: h / 2, Pix: make([]float32, (w/2)*(h/2))}
		boxGrey(yc, 2, fast)
		boxGrey(gray, 2, plain)
		for i := range plain.Pix {
			if fast.Pix[i] != plain.Pix[i] {
				t.Fatalf("%dx%d pixel %d: %v, want %v", w, h, i, fast.Pix[i], plain.Pix[i])
			}
		}
	}
}
