package image

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"testing"
)

// TestWhiteBoxReportedOnce is the case of #21: on a blue-only kit, a white
// text box over a photograph was reported as off-palette and as an
// overexposed photo. It is design, so image-palette alone reports it.
func TestWhiteBoxReportedOnce(t *testing.T) {
	m := poster(onBrand())
	s := onBrand()
	// a white box with blue lettering, over the photo's lower left
	box := image.Rect(s.w*15/100, s.h*50/100, s.w*55/100, s.h*72/100)
	draw.Draw(m, box, &image.Uniform{white}, image.Point{}, draw.Src)
	for i := 0; i < 4; i++ {
		y := box.Min.Y + 40 + i*60
		draw.Draw(m, image.Rect(box.Min.X+30, y, box.Max.X-30-i*40, y+22), &image.Uniform{blue}, image.Point{}, draw.Src)
	}
	kit := testKitWith(t, "[rules]\ndisable = [\"image-logo\"]\n")
	kit.Palette.Colors = kit.Palette.Colors[:1] // blue only
	got := runImages(t, kit, memFiles{"/mem/poster.jpg": encJPEG(t, m, 85)}, imageInput("poster.jpg"))["poster.jpg"]
	rules := strings.Join(rulesOf(got), " ")
	if !strings.Contains(rules, "image-palette") || strings.Contains(rules, "image-exposure") {
		t.Fatalf("rules = [%s], want image-palette and no image-exposure%s", rules, describe(got))
	}
	if !strings.Contains(describe(got), "#FFFFFF") && !strings.Contains(describe(got), "#FEFEFE") {
		t.Errorf("palette finding does not name the white box:%s", describe(got))
	}
}

// TestFlatPatchInPhotoIsPhoto: a dark flat shadow inside a photograph
// (the #1A1C02 patch of #21) is not judged for the palette; the same
// colour as a designed band is.
func TestFlatPatchInPhotoIsPhoto(t *testing.T) {
	shadow := color.NRGBA{0x1A, 0x1C, 0x02, 255}
	s := onBrand()
	m := poster(s)
	// an irregular shadow: overlapping discs inside the photo (which spans
	// x 216-864, y 405-945)
	for _, c := range [][3]int{{420, 640, 90}, {500, 700, 80}, {380, 720, 70}, {470, 610, 60}} {
		for y := c[1] - c[2]; y <= c[1]+c[2]; y++ {
			for x := c[0] - c[2]; x <= c[0]+c[2]; x++ {
				if math.Hypot(float64(x-c[0]), float64(y-c[1])) <= float64(c[2]) {
					m.SetNRGBA(x, y, shadow)
				}
			}
		}
	}
	kit := testKitWith(t, "[rules]\ndisable = [\"image-logo\"]\n")
	got := runImages(t, kit, memFiles{"/mem/poster.jpg": encJPEG(t, m, 85)}, imageInput("poster.jpg"))["poster.jpg"]
	for _, f := range got {
		if f.Rule == "image-palette" {
			t.Fatalf("a shadow inside the photo was judged for the palette:%s", describe(got))
		}
	}
	// The same colour as a band is design, and off the palette.
	s.band = shadow
	got = runImages(t, kit, memFiles{"/mem/poster.jpg": encJPEG(t, poster(s), 85)}, imageInput("poster.jpg"))["poster.jpg"]
	if !strings.Contains(strings.Join(rulesOf(got), " "), "image-palette") {
		t.Fatalf("an off-palette band was not reported:%s", describe(got))
	}
}
