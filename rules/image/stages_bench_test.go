package image

import (
	"bytes"
	"image"
	"testing"
)

// BenchmarkStages times each analysis on one decoded poster, to see where
// the time of BenchmarkBudgetRatio goes.
func BenchmarkStages(b *testing.B) {
	on, _ := benchPosters(b)
	kit := testKitWith(b, "")
	files := memFiles{"/mem/logo.png": encPNG(b, logoMark(200))}
	src, _ := logoSource(kit, files.ReadFile, 0)
	img, _, _ := image.Decode(bytes.NewReader(on))
	base := decodePicture(func(string) ([]byte, error) { return on, nil }, "p", "p", 1<<26)
	b.Run("analyse", func(b *testing.B) {
		for b.Loop() {
			pc := &picture{W: 1080, H: 1350, StoredW: 1080, StoredH: 1350}
			pc.analyse(img)
		}
	})
	b.Run("design", func(b *testing.B) {
		for b.Loop() {
			analyseDesign(base, kit.Palette.Colors, 5, 0.02)
		}
	})
	b.Run("segment", func(b *testing.B) { // included in "design"
		d := analyseDesign(base, kit.Palette.Colors, 5, 0.02)
		for b.Loop() {
			segment(base.small, d.pixel, nil)
		}
	})
	b.Run("blur", func(b *testing.B) {
		for b.Loop() {
			sharpness(base, nil)
		}
	})
	b.Run("logo", func(b *testing.B) {
		for b.Loop() {
			fresh := &picture{W: base.W, H: base.H, grey: base.grey, greyF: base.greyF}
			findLogo(fresh, kit, src, kit.Logos[0])
		}
	})
	b.Run("exif+config", func(b *testing.B) {
		for b.Loop() {
			safeConfig(on)
			findEXIF(on, "jpeg")
		}
	})
}
