package image

import (
	"image"
	"image/color"
)

// The segmentation in evidence pictures (segment.go): photographs outlined
// in one colour, the designed patches image-palette judged outlined in
// another, so a designer sees why an area was or was not judged.
var (
	colPhoto  = color.NRGBA{255, 214, 0, 255}  // photograph frames: amber
	colDesign = color.NRGBA{150, 60, 255, 255} // designed patches judged: violet
)

// drawSegmentation outlines the photographs and the judged designed
// patches of d over base (any size: the colour copy is scaled to it).
func drawSegmentation(base *image.NRGBA, d *design) {
	s := d.seg
	if s == nil || s.W == 0 {
		return
	}
	bw, bh := base.Bounds().Dx(), base.Bounds().Dy()
	sx, sy := float64(bw)/float64(s.W), float64(bh)/float64(s.H)
	for _, f := range s.frames {
		r := image.Rect(int(float64(f.Min.X)*sx), int(float64(f.Min.Y)*sy), int(float64(f.Max.X)*sx+0.5), int(float64(f.Max.Y)*sy+0.5))
		strokeRect(base, r, colPhoto, max(2, bw/300))
	}
	// A designed pixel whose neighbour in the colour copy is not the same
	// designed colour is an edge of a judged patch.
	at := func(x, y int) int16 {
		if x < 0 || y < 0 || x >= s.W || y >= s.H {
			return -2
		}
		return d.pixel[y*s.W+x]
	}
	for y := 0; y < bh; y++ {
		cy := min(int(float64(y)/sy), s.H-1)
		for x := 0; x < bw; x++ {
			cx := min(int(float64(x)/sx), s.W-1)
			k := at(cx, cy)
			if k < 0 {
				continue
			}
			edgeL, edgeR, edgeT, edgeB := at(cx-1, cy) != k, at(cx+1, cy) != k, at(cx, cy-1) != k, at(cx, cy+1) != k
			if !edgeL && !edgeR && !edgeT && !edgeB {
				continue
			}
			// Only the cell's side that faces the edge, so the line stays thin.
			l, r := int(float64(cx)*sx), int(float64(cx+1)*sx)
			t, b := int(float64(cy)*sy), int(float64(cy+1)*sy)
			if (edgeL && x == l) || (edgeR && x == r-1) || (edgeT && y == t) || (edgeB && y == b-1) {
				blend(base, x, y, colDesign, 1)
			}
		}
	}
}
