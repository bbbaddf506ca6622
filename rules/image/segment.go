package image

import "image"

// Segmentation: before any colour is judged, the colour copy is split into
// photographic regions and designed regions, so that each rule judges only
// what it is about (see the README, "Images"):
//
//   - image-palette judges designed regions only;
//   - image-exposure and image-blur judge photographic regions only.
//
// It works in three steps on the colour copy (at most 256 px a side):
//
//  1. Blocks. The copy is cut into square blocks (8 px on a full-size
//     poster). A block is designed when at least half of its pixels belong
//     to a flat designed colour (analyseDesign), or when it is two-toned
//     (lettering, an edge between two fills: nearly all of its pixels sit
//     near its darkest or its lightest level). Every other block is
//     photographic: many levels, gradients, noise, texture.
//  2. Photo frames. Photographic blocks that touch (a gap of one block is
//     bridged) form one photograph; its bounding box is its frame, since
//     photographs are placed on posters as rectangles. Frames of fewer than
//     photoMinBlocks blocks are ignored (a logo, a stray icon).
//  3. Flat patches. Each connected patch of one designed colour is given to
//     the photograph when most of it lies inside a frame and it is not a
//     designed shape: a shadow, a pale sky or a wall inside a photograph.
//     A designed shape inside a frame (a text box over the photo) is solid
//     (its holes, the lettering, filled in, it covers most of its bounding
//     box) and clearly smaller than the frame; it stays design. Patches
//     outside frames (backgrounds, bands, badges) stay design.
//
// One finding per problem: every pixel ends up in one class, judged by one
// rule. A designed area, on or off the palette, is never judged for
// exposure: when a white text box is off-palette, image-palette, the more
// specific rule (it names the colour and the palette colour to use),
// reports it, and image-exposure does not count it as a blown-out photo.
// When no photo frame is found at all, exposure and blur fall back to the
// whole image less its designed patches.

// Pixel classes of a segmentation.
const (
	segOther  = iota // neither: edges, lettering, small specks outside photos
	segDesign        // a designed patch, judged by image-palette
	segPhoto         // part of a photograph, judged by exposure and blur
)

const (
	segMinSide     = 64   // smaller images are not segmented (no photo frames)
	photoMinBlocks = 4    // a photograph covers at least this many blocks
	designBlockMin = 0.5  // a block with this share of designed pixels is design
	twoToneShare   = 0.8  // a block with this share of pixels near its extremes is lettering
	twoToneRange   = 48   // ... when its levels span at least this much
	lumaToneShare  = 0.75 // the same in luma alone
	lumaToneRange  = 16
	solidShare     = 0.88 // a designed shape fills this much of its box, holes included
	shapeOfFrame   = 0.5  // a designed shape inside a photo covers at most this share of the frame
	insideFrame    = 0.5  // a patch with more than this share inside frames may be photo
	frameGap       = 2    // frames at most this many blocks apart are one photograph
	frameEdgeShare = 0.34 // a photo frame's edge rows and columns are at least this photographic
	patchMinJoin   = 8    // pieces smaller than this are judged alone
	speckPieces    = 12   // a colour cut into this many joined pieces is a photo's backdrop
	acrossEdge     = 0.15 // a patch with this share outside frames lies across a photo's edge
	discShare      = 0.68 // ... and then needs only be about as solid as a disc (π/4 of its box) cut by a word
)

// segmentation is the split of the colour copy into classes.
type segmentation struct {
	W, H   int
	class  []uint8           // per pixel: segOther, segDesign, segPhoto
	frames []image.Rectangle // photographs, in colour copy pixels
}

// blockSide is the block size for a colour copy of w x h pixels.
func blockSide(w, h int) int {
	return max(4, min(8, max(w, h)/32))
}

// segment splits a picture whose designed colours d.pixel holds (cluster
// index per pixel, -1 for none). It does not change d.
func segment(m *rgbImage, pixel []int16, sc *designScratch) *segmentation {
	if sc == nil {
		sc = &designScratch{}
	}
	w, h := m.W, m.H
	s := &segmentation{W: w, H: h, class: make([]uint8, w*h)}
	if w == 0 || h == 0 {
		return s
	}
	if max(w, h) >= segMinSide { // an icon-sized image has no room for photo and design
		bs := blockSide(w, h)
		bw, bh := (w+bs-1)/bs, (h+bs-1)/bs
		photo := make([]bool, bw*bh)
		for by := 0; by < bh; by++ {
			for bx := 0; bx < bw; bx++ {
				photo[by*bw+bx] = photoBlock(m, pixel, bx*bs, by*bs, min(bx*bs+bs, w), min(by*bs+bs, h))
			}
		}
		s.frames = photoFrames(photo, bw, bh, bs, w, h)
	}
	inFrame := grow(&sc.inFrame, w*h)
	clear(inFrame)
	for _, f := range s.frames {
		for y := f.Min.Y; y < f.Max.Y; y++ {
			for x := f.Min.X; x < f.Max.X; x++ {
				inFrame[y*w+x] = true
				s.class[y*w+x] = segPhoto
			}
		}
	}
	// Flat patches: 4-connected runs of one designed colour.
	type patch struct {
		k      int16
		lo, hi int // its pixels: all[lo:hi]
		box    image.Rectangle
		in     int // pixels inside frames
		group  int // patches of one shape share a group (the first's index)
	}
	var patches []patch
	all := grow(&sc.all, w*h)[:0]
	seen := grow(&sc.seen, w*h)
	clear(seen)
	var stack []int32
	for start := range pixel {
		if pixel[start] < 0 || seen[start] {
			continue
		}
		k := pixel[start]
		lo := len(all)
		minX, minY, maxX, maxY := w, h, -1, -1
		in := 0
		// Span fill: a whole run of the row at a time, seeds for the rows
		// above and below at the start of each run there.
		stack = append(stack[:0], int32(start))
		for len(stack) > 0 {
			i := int(stack[len(stack)-1])
			stack = stack[:len(stack)-1]
			if seen[i] {
				continue
			}
			y := i / w
			row := y * w
			xl, xr := i-row, i-row
			for xl > 0 && pixel[row+xl-1] == k && !seen[row+xl-1] {
				xl--
			}
			for xr < w-1 && pixel[row+xr+1] == k && !seen[row+xr+1] {
				xr++
			}
			for x := xl; x <= xr; x++ {
				j := row + x
				seen[j] = true
				all = append(all, int32(j))
				if inFrame[j] {
					in++
				}
			}
			minX, maxX = min(minX, xl), max(maxX, xr)
			minY, maxY = min(minY, y), max(maxY, y)
			for _, ny := range [2]int{y - 1, y + 1} {
				if ny < 0 || ny >= h {
					continue
				}
				nrow := ny * w
				run := false
				for x := xl; x <= xr; x++ {
					j := nrow + x
					if pixel[j] == k && !seen[j] {
						if !run {
							stack = append(stack, int32(j))
							run = true
						}
					} else {
						run = false
					}
				}
			}
		}
		patches = append(patches, patch{k: k, lo: lo, hi: len(all), box: image.Rect(minX, minY, maxX+1, maxY+1), in: in, group: len(patches)})
	}
	// Lettering across a badge or a box cuts it into pieces: pieces of one
	// colour whose boxes nearly touch are judged as one shape.
	gap := max(2, w/50)
	root := func(i int) int {
		for patches[i].group != i {
			i = patches[i].group
		}
		return i
	}
	for i := range patches {
		if patches[i].hi-patches[i].lo < patchMinJoin {
			continue
		}
		for j := i + 1; j < len(patches); j++ {
			if patches[j].k != patches[i].k || patches[j].hi-patches[j].lo < patchMinJoin {
				continue
			}
			if patches[i].box.Inset(-gap).Overlaps(patches[j].box) {
				if a, b := root(i), root(j); a != b {
					patches[max(a, b)].group = min(a, b)
				}
			}
		}
	}
	members := map[int][]int{}
	for i := range patches {
		r := root(i)
		members[r] = append(members[r], i)
	}
	var comp []int32
	for _, ms := range members {
		comp = comp[:0]
		box, in := image.Rectangle{}, 0
		for _, i := range ms {
			p := patches[i]
			comp = append(comp, all[p.lo:p.hi]...)
			box = box.Union(p.box)
			in += p.in
		}
		cls := uint8(segDesign)
		if len(ms) >= speckPieces {
			cls = segPhoto // detail all over it: a night sky's stars, not lettering
		} else if float64(in) > insideFrame*float64(len(comp)) {
			out := 1 - float64(in)/float64(len(comp))
			if !designedShape(comp, box, w, s.frames, out) {
				cls = segPhoto
			}
		}
		for _, i := range comp {
			s.class[i] = cls
		}
	}
	return s
}

// photoBlock reports whether a block of the colour copy (at most 8 x 8
// pixels) is photographic: not mostly flat design, and not two-toned.
// Two-toned is judged in brightness and in colour: JPEG keeps brightness
// sharp but blurs colour, so lettering in a JPEG is two-toned in luma
// even where its colours have smeared, and blue lettering on a magenta
// badge, nearly the same luma as its ground, is two-toned in colour.
func photoBlock(m *rgbImage, pixel []int16, x0, y0, x1, y1 int) bool {
	n, designed := 0, 0
	for y := y0; y < y1; y++ {
		for _, k := range pixel[y*m.W+x0 : y*m.W+x1] {
			n++
			if k >= 0 {
				designed++
			}
		}
	}
	if float64(designed) >= designBlockMin*float64(n) {
		return false
	}
	var px [64][3]int // the block's pixels
	var luma [64]int
	lo, hi, loAt := 256, -1, 0
	j := 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			i := 3 * (y*m.W + x)
			r, g, b := int(m.Pix[i]), int(m.Pix[i+1]), int(m.Pix[i+2])
			px[j] = [3]int{r, g, b}
			l := (77*r + 150*g + 29*b) >> 8
			luma[j] = l
			if l < lo {
				lo, loAt = l, j
			}
			hi = max(hi, l)
			j++
		}
	}
	// The colour ends: the darkest pixel and the pixel farthest from it.
	a := px[loAt]
	span, farAt := -1, 0
	for j := range n {
		if d := dist3(a[0], a[1], a[2], px[j][0], px[j][1], px[j][2]); d > span {
			span, farAt = d, j
		}
	}
	if span < twoToneRange {
		return true // soft texture or a gradient
	}
	c := px[farAt]
	q, lq := span/4, (hi-lo)/4
	nearC, nearL := 0, 0
	for j := range n {
		p := px[j]
		if dist3(a[0], a[1], a[2], p[0], p[1], p[2]) <= q || dist3(c[0], c[1], c[2], p[0], p[1], p[2]) <= q {
			nearC++
		}
		if l := luma[j]; l <= lo+lq || l >= hi-lq {
			nearL++
		}
	}
	if float64(nearC) >= twoToneShare*float64(n) {
		return false
	}
	return hi-lo < lumaToneRange || float64(nearL) < lumaToneShare*float64(n)
}

// dist3 is the largest channel difference of two colours.
func dist3(r, g, b, r2, g2, b2 int) int {
	return max(abs(r-r2), abs(g-g2), abs(b-b2))
}

// photoFrames groups photographic blocks into photographs (blocks at most
// one block apart are one) and returns their bounding boxes in pixels,
// boxes that overlap or nearly touch merged.
func photoFrames(photo []bool, bw, bh, bs, w, h int) []image.Rectangle {
	seen := make([]bool, len(photo))
	var frames []image.Rectangle
	var stack []int
	for start, p := range photo {
		if !p || seen[start] {
			continue
		}
		seen[start] = true
		stack = append(stack[:0], start)
		n := 0
		minX, minY, maxX, maxY := bw, bh, -1, -1
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n++
			x, y := i%bw, i/bw
			minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
			for yy := max(y-2, 0); yy <= min(y+2, bh-1); yy++ {
				for xx := max(x-2, 0); xx <= min(x+2, bw-1); xx++ {
					j := yy*bw + xx
					if photo[j] && !seen[j] {
						seen[j] = true
						stack = append(stack, j)
					}
				}
			}
		}
		if n < photoMinBlocks {
			continue
		}
		// A photograph is a rectangle: trim edge rows and columns that are
		// mostly not photographic (a badge or a line of lettering touching
		// the photo would otherwise stretch its frame).
		density := func(x0, y0, x1, y1 int) bool {
			c, all := 0, 0
			for y := y0; y <= y1; y++ {
				for x := x0; x <= x1; x++ {
					all++
					if photo[y*bw+x] {
						c++
					}
				}
			}
			return float64(c) >= frameEdgeShare*float64(all)
		}
		for minY <= maxY && minX <= maxX {
			switch {
			case !density(minX, minY, maxX, minY):
				minY++
			case !density(minX, maxY, maxX, maxY):
				maxY--
			case !density(minX, minY, minX, maxY):
				minX++
			case !density(maxX, minY, maxX, maxY):
				maxX--
			default:
				goto trimmed
			}
		}
		continue // nothing photographic left
	trimmed:
		if (maxX-minX+1)*(maxY-minY+1) < photoMinBlocks {
			continue
		}
		frames = append(frames, image.Rect(minX*bs, minY*bs, min((maxX+1)*bs, w), min((maxY+1)*bs, h)))
	}
	// Merge frames that overlap or nearly touch (a photograph with large
	// flat parts falls apart into pieces) until none do.
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(frames) && !merged; i++ {
			for j := i + 1; j < len(frames); j++ {
				if frames[i].Inset(-frameGap * bs).Overlaps(frames[j]) {
					frames[i] = frames[i].Union(frames[j])
					frames = append(frames[:j], frames[j+1:]...)
					merged = true
					break
				}
			}
		}
	}
	return frames
}

// designedShape reports whether a flat patch (pixel indexes comp, bounding
// box box, share out of its pixels outside every photo frame) is a
// designed shape: solid once its holes are filled, and clearly smaller
// than the photo frame it lies in. A shape laid across a photo's edge
// (a round badge half over the photo) may be as round as a disc.
func designedShape(comp []int32, box image.Rectangle, w int, frames []image.Rectangle, out float64) bool {
	if box.Dx() < 3 || box.Dy() < 3 {
		return false
	}
	for _, f := range frames {
		if box.Overlaps(f) && float64(area(box.Intersect(f))) > shapeOfFrame*float64(area(f)) {
			return false // the photograph's own backdrop (night sky, studio wall)
		}
	}
	_, outside := fillHoles(comp, box, w)
	bw, bh := box.Dx(), box.Dy()
	need := solidShare
	if out >= acrossEdge {
		need = discShare
		// A line of lettering may cut the shape from side to side, so
		// that its holes open onto the outside: across a photo's edge,
		// the shape also counts as filled from its top to its bottom in
		// every column.
		top, bot := make([]int, bw), make([]int, bw)
		for x := range top {
			top[x], bot[x] = bh, -1
		}
		for _, i := range comp {
			x, y := int(i)%w-box.Min.X, int(i)/w-box.Min.Y
			top[x], bot[x] = min(top[x], y), max(bot[x], y)
		}
		span := 0
		for x := range top {
			if bot[x] >= top[x] {
				span += bot[x] - top[x] + 1
			}
		}
		outside = min(outside, bw*bh-span)
	}
	return float64(bw*bh-outside) >= need*float64(bw*bh)
}

// judgesPhoto reports whether exposure judges a pixel of the colour copy:
// a photograph's pixel, or, when no photograph was found, any pixel that
// is not a designed patch.
func (d *design) judgesPhoto(x, y int) bool {
	s := d.seg
	c := s.class[y*s.W+x]
	if len(s.frames) == 0 {
		return c != segDesign
	}
	return c == segPhoto
}

// photoTile reports whether the blur measure judges a tile of a grey copy
// of gw x gh pixels: its centre lies in a photograph, or no photograph
// was found.
func (d *design) photoTile(tx, ty, tile, gw, gh int) bool {
	s := d.seg
	if len(s.frames) == 0 {
		return true
	}
	x := min((tx+tile/2)*s.W/gw, s.W-1)
	y := min((ty+tile/2)*s.H/gh, s.H-1)
	return s.class[y*s.W+x] == segPhoto
}

// fillHoles marks a patch's bounding box: 1 the patch, 2 outside it
// (reached from the box's edges without crossing the patch), 0 a hole
// inside it (lettering, specks); it also returns how many are outside.
func fillHoles(comp []int32, box image.Rectangle, w int) ([]uint8, int) {
	bw, bh := box.Dx(), box.Dy()
	mark := make([]uint8, bw*bh) // 1: patch, 2: outside
	for _, i := range comp {
		x, y := int(i)%w-box.Min.X, int(i)/w-box.Min.Y
		mark[y*bw+x] = 1
	}
	var stack []int
	push := func(j int) {
		if mark[j] == 0 {
			mark[j] = 2
			stack = append(stack, j)
		}
	}
	for x := 0; x < bw; x++ {
		push(x)
		push((bh-1)*bw + x)
	}
	for y := 0; y < bh; y++ {
		push(y * bw)
		push(y*bw + bw - 1)
	}
	outside := 0
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		outside++
		x, y := j%bw, j/bw
		if x > 0 {
			push(j - 1)
		}
		if x < bw-1 {
			push(j + 1)
		}
		if y > 0 {
			push(j - bw)
		}
		if y < bh-1 {
			push(j + bw)
		}
	}
	return mark, outside
}
