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
	discShare      = 0.74 // ... and then needs only be as solid as a disc (π/4 of its box)
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
func segment(m *rgbImage, pixel []int16) *segmentation {
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
	inFrame := make([]bool, w*h)
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
	all := make([]int32, 0, w*h/2)
	seen := make([]bool, w*h)
	var stack []int32
	for start := range pixel {
		if pixel[start] < 0 || seen[start] {
			continue
		}
		k := pixel[start]
		lo := len(all)
		stack = append(stack[:0], int32(start))
		seen[start] = true
		minX, minY, maxX, maxY := w, h, -1, -1
		in := 0
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			all = append(all, i)
			x, y := int(i)%w, int(i)/w
			minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
			if inFrame[i] {
				in++
			}
			for _, n := range [4]int{int(i) - 1, int(i) + 1, int(i) - w, int(i) + w} {
				if n < 0 || n >= w*h || seen[n] || pixel[n] != k {
					continue
				}
				if (n == int(i)-1 && x == 0) || (n == int(i)+1 && x == w-1) {
					continue
				}
				seen[n] = true
				stack = append(stack, int32(n))
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

// photoBlock reports whether a block of the colour copy is photographic:
// not mostly flat design, and not two-toned. Two-toned is judged in
// colour, not only in brightness: blue lettering on a magenta badge has
// nearly the same luma as its ground.
func photoBlock(m *rgbImage, pixel []int16, x0, y0, x1, y1 int) bool {
	n, designed := 0, 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			n++
			if pixel[y*m.W+x] >= 0 {
				designed++
			}
		}
	}
	if float64(designed) >= designBlockMin*float64(n) {
		return false
	}
	// The two ends: the pixel farthest from the first one, and the pixel
	// farthest from that.
	far := func(r, g, b int) (int, int, int, int) {
		best, br, bg, bb := -1, 0, 0, 0
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				pr, pg, pb := m.at(x, y)
				if d := dist3(r, g, b, int(pr), int(pg), int(pb)); d > best {
					best, br, bg, bb = d, int(pr), int(pg), int(pb)
				}
			}
		}
		return br, bg, bb, best
	}
	r0, g0, b0 := m.at(x0, y0)
	ar, ag, ab, _ := far(int(r0), int(g0), int(b0))
	br, bg, bb, span := far(ar, ag, ab)
	if span < twoToneRange {
		return true // soft texture or a gradient
	}
	near := 0
	q := span / 4
	lo, hi := 255, 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			pr, pg, pb := m.at(x, y)
			if dist3(ar, ag, ab, int(pr), int(pg), int(pb)) <= q || dist3(br, bg, bb, int(pr), int(pg), int(pb)) <= q {
				near++
			}
			l := luma8(m, x, y)
			lo, hi = min(lo, l), max(hi, l)
		}
	}
	if float64(near) >= twoToneShare*float64(n) {
		return false
	}
	// JPEG keeps brightness sharp but blurs colour: lettering in a JPEG
	// is two-toned in luma even where its colours have smeared.
	if hi-lo < lumaToneRange {
		return true
	}
	near, q = 0, (hi-lo)/4
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if l := luma8(m, x, y); l <= lo+q || l >= hi-q {
				near++
			}
		}
	}
	return float64(near) < lumaToneShare*float64(n)
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

// luma8 is a pixel's luma, 0-255.
func luma8(m *rgbImage, x, y int) int {
	r, g, b := m.at(x, y)
	return (299*int(r) + 587*int(g) + 114*int(b)) / 1000
}
