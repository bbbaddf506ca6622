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

// TestSmallYCbCr: the upright JPEG colour copy samples the same pixels as
// the general loop, for every chroma subsampling and an image whose
// bounds do not start at 0.
func TestSmallYCbCr(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410} {
		for _, rect := range []image.Rectangle{image.Rect(0, 0, 601, 333), image.Rect(3, 5, 120, 700), image.Rect(1, 1, 40, 30)} {
			yc := image.NewYCbCr(rect, ratio)
			for _, p := range [][]uint8{yc.Y, yc.Cb, yc.Cr} {
				for i := range p {
					p[i] = uint8(r.Intn(256))
				}
			}
			w, h := rect.Dx(), rect.Dy()
			sw, sh := fitSide(w, h, smallSide)
			got := &rgbImage{W: sw, H: sh, Pix: make([]uint8, 3*sw*sh)}
			smallYCbCr(yc, got, w, h)
			at := rgbSampler(yc)
			for y := 0; y < sh; y++ {
				for x := 0; x < sw; x++ {
					dx, dy := (2*x+1)*w/(2*sw), (2*y+1)*h/(2*sh)
					wr, wg, wb := at(dx+rect.Min.X, dy+rect.Min.Y)
					if gr, gg, gb := got.at(x, y); gr != wr || gg != wg || gb != wb {
						t.Fatalf("%v %v (%d,%d): %d,%d,%d, want %d,%d,%d", ratio, rect, x, y, gr, gg, gb, wr, wg, wb)
					}
				}
			}
		}
	}
}
