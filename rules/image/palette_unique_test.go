package image

import (
	"image/color"
	"testing"

	"github.com/selaras/selaras/lint"
)

// Two off-palette colours whose nearest palette colour is the same blue
// suggest that blue once, not once per colour.
func TestPaletteSuggestionsUnique(t *testing.T) {
	s := onBrand()
	s.bg = color.NRGBA{0x20, 0x30, 0x70, 255}   // a navy, nearest: blue
	s.band = color.NRGBA{0x30, 0x70, 0xD0, 255} // a light blue, nearest: blue
	files := memFiles{"/mem/p.png": encPNG(t, poster(s))}
	got := runImages(t, testKitWith(t, ""), files, imageInput("p.png"))
	var pal *lint.Finding
	for i, f := range got["p.png"] {
		if f.Rule == "image-palette" {
			pal = &got["p.png"][i]
		}
	}
	if pal == nil {
		t.Fatalf("no image-palette finding: %s", describe(got["p.png"]))
	}
	seen := map[string]bool{}
	for _, s := range pal.Suggestions {
		if seen[s] {
			t.Errorf("suggestion %s repeated: %v (%s)", s, pal.Suggestions, pal.Message.EN)
		}
		seen[s] = true
	}
	if len(pal.Suggestions) == 0 {
		t.Errorf("no suggestions: %s", pal.Message.EN)
	}
}
