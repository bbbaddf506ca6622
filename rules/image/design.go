package image

import (
	"image"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/selaras/selaras/brandkit"
)

// design is what the colour copy says about an image's designed parts:
// flat areas (backgrounds, bands, text boxes) grouped into colours, each
// compared with the kit's palette. Photos are textured, so they are not
// flat and never count as design.
type design struct {
	W, H     int        // of the colour copy
	clusters []*cluster // designed colours, largest first
	pixel    []int16    // colour copy pixel -> cluster index, -1 for none
	// OffShare is the share of the image covered by off-palette colours.
	OffShare float64
	// OffBox bounds the off-palette pixels (full-size display pixels).
	OffBox image.Rectangle
	// seg splits the colour copy into photographs and design (segment.go).
	seg *segmentation
}

// cluster is one designed colour.
type cluster struct {
	R, G, B  uint8
	lab      lab
	count    int
	share    float64
	Nearest  brandkit.HexColor
	Distance float64 // CIEDE2000 to Nearest
	Off      bool

	sr, sg, sb, sq float64 // sums over the pixels, for spread
}

// spread is the standard deviation of the colour's pixels, in levels (the
// mean over the three channels): JPEG noise on a flat area stays near 1-2,
// a slice of a gradient (a sky in a photo) spreads over its whole width.
func (c *cluster) spread() float64 {
	n := float64(c.count)
	if n == 0 {
		return 0
	}
	mr, mg, mb := c.sr/n, c.sg/n, c.sb/n
	v := (c.sq/n - mr*mr - mg*mg - mb*mb) / 3
	return math.Sqrt(math.Max(v, 0))
}

func (c *cluster) Hex() string { return brandkit.HexColor{R: c.R, G: c.G, B: c.B}.String() }

const (
	flatLevel   = 10   // a pixel is flat when its 8 neighbours differ by at most this much per channel
	binBits     = 5    // colour histogram bins: 5 bits a channel
	mergeDE     = 3.0  // bins closer than this (CIEDE2000) are one colour
	maxSpread   = 3.0  // a designed colour's pixels spread less than this (levels)
	minBinShare = .002 // bins smaller than this are noise
)

// analyseDesign finds the designed colours of a picture; palette may be
// empty (no colour is then off-palette).
func analyseDesign(pc *picture, palette []brandkit.HexColor, tolerance, minShare float64) *design {
	m := pc.small
	w, h := m.W, m.H
	d := &design{W: w, H: h, pixel: make([]int16, w*h)}
	sc := designPool.Get().(*designScratch)
	defer sc.release()
	bins := sc.bins
	binOf := grow(&sc.binOf, w*h)
	flatAt := flatMaskInto(m, &sc.rel, &sc.flat)
	for y := 0; y < h; y++ {
		row := m.Pix[3*y*w : 3*(y+1)*w]
		fl := flatAt[y*w : (y+1)*w]
		bo := binOf[y*w : (y+1)*w]
		for x := range fl {
			bo[x] = -1
			if !fl[x] {
				continue
			}
			r, g, b := row[3*x], row[3*x+1], row[3*x+2]
			k := int(r>>(8-binBits))<<(2*binBits) | int(g>>(8-binBits))<<binBits | int(b>>(8-binBits))
			bo[x] = int32(k)
			bb := &bins[k]
			if bb.n == 0 {
				sc.used = append(sc.used, int32(k))
			}
			bb.n++
			bb.r += int32(r)
			bb.g += int32(g)
			bb.b += int32(b)
			bb.sq += int64(r)*int64(r) + int64(g)*int64(g) + int64(b)*int64(b)
		}
	}
	total := w * h
	// The bins in use, in colour order (as a scan of every bin would list
	// them): the grouping below depends on the order.
	slices.Sort(sc.used)
	var keys []int
	for _, k := range sc.used {
		if b := bins[k]; float64(b.n) >= minBinShare*float64(total) && b.n > 0 {
			keys = append(keys, int(k))
		}
	}
	sort.Slice(keys, func(i, j int) bool { return bins[keys[i]].n > bins[keys[j]].n })
	// Greedy grouping: a bin joins the first colour it is close to.
	binCluster := sc.cluster // bin -> colour, -1 for none
	var all []*cluster
	for _, k := range keys {
		b := bins[k]
		r, g, bl := uint8(b.r/b.n), uint8(b.g/b.n), uint8(b.b/b.n)
		l := toLab(r, g, bl)
		joined := -1
		for ci, c := range all {
			if deltaE00(c.lab, l) <= mergeDE {
				joined = ci
				break
			}
		}
		if joined < 0 {
			all = append(all, &cluster{R: r, G: g, B: bl, lab: l})
			joined = len(all) - 1
		}
		c := all[joined]
		c.count += int(b.n)
		c.sr += float64(b.r)
		c.sg += float64(b.g)
		c.sb += float64(b.b)
		c.sq += float64(b.sq)
		binCluster[k] = int16(joined)
	}
	labs := make([]lab, len(palette))
	for i, c := range palette {
		labs[i] = toLab(c.R, c.G, c.B)
	}
	keep := make([]int16, len(all)) // colour -> designed colour index, -1 for none
	for i := range keep {
		keep[i] = -1
	}
	for ci, c := range all {
		c.share = float64(c.count) / float64(total)
		if c.share < minShare || c.spread() > maxSpread {
			continue // too small, or a smooth gradient (a sky): not a designed colour
		}
		if len(palette) > 0 {
			c.Nearest, c.Distance = nearestBrand(c.lab, palette, labs)
			c.Off = c.Distance > tolerance
		}
		keep[ci] = int16(len(d.clusters))
		d.clusters = append(d.clusters, c)
	}
	for i, k := range binOf {
		d.pixel[i] = -1
		if k < 0 {
			continue
		}
		if ci := binCluster[k]; ci >= 0 {
			d.pixel[i] = keep[ci]
		}
	}
	// Only designed regions are judged: flat patches inside photographs
	// (segment.go) leave the design, and a colour left too small goes.
	d.seg = segment(m, d.pixel, sc)
	counts := make([]int, len(d.clusters))
	for i, k := range d.pixel {
		if k >= 0 && d.seg.class[i] == segDesign {
			counts[k]++
		}
	}
	var order []int // kept colours, largest first
	for ci, c := range d.clusters {
		c.count = counts[ci]
		c.share = float64(c.count) / float64(total)
		if c.count > 0 && c.share >= minShare {
			order = append(order, ci)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
	renum := make([]int16, len(d.clusters)) // old colour index -> new, -1 for none
	for i := range renum {
		renum[i] = -1
	}
	judged := make([]*cluster, len(order))
	for ni, ci := range order {
		renum[ci] = int16(ni)
		judged[ni] = d.clusters[ci]
	}
	d.clusters = judged
	minX, minY, maxX, maxY := w, h, -1, -1
	offCount := 0
	for i, k := range d.pixel {
		if k < 0 {
			continue
		}
		idx := renum[k]
		if d.seg.class[i] != segDesign {
			idx = -1
		}
		d.pixel[i] = idx
		if idx < 0 {
			continue
		}
		if d.clusters[idx].Off {
			offCount++
			x, y := i%w, i/w
			minX, minY = min(minX, x), min(minY, y)
			maxX, maxY = max(maxX, x), max(maxY, y)
		}
	}
	d.OffShare = float64(offCount) / float64(total)
	if offCount > 0 {
		sx, sy := float64(pc.W)/float64(w), float64(pc.H)/float64(h)
		d.OffBox = image.Rect(int(float64(minX)*sx), int(float64(minY)*sy), min(pc.W, int(float64(maxX+1)*sx+0.5)), min(pc.H, int(float64(maxY+1)*sy+0.5)))
	}
	return d
}

// flatMask tells for every pixel whether it and its 8 neighbours are
// nearly the same colour (see isFlat), comparing each pair of neighbours
// once: right, down, down-right and down-left.
func flatMask(m *rgbImage) []bool {
	var rel []uint8
	var out []bool
	return flatMaskInto(m, &rel, &out)
}

// Which neighbours of a pixel are near it (flatMask).
const (
	nearRight = 1 << iota
	nearDown
	nearDownRight
	nearDownLeft
	nearAll = nearRight | nearDown | nearDownRight | nearDownLeft
)

// flatMaskInto is flatMask with its buffers given (grown as needed).
func flatMaskInto(m *rgbImage, relBuf *[]uint8, outBuf *[]bool) []bool {
	w, h, p := m.W, m.H, m.Pix
	rel := grow(relBuf, w*h)
	for y := 0; y < h; y++ {
		row := p[3*y*w : 3*(y+1)*w]
		rr := rel[y*w : (y+1)*w]
		if y+1 >= h { // the last row has nothing below
			for x := range rr {
				f := uint8(nearDown | nearDownRight | nearDownLeft)
				if x+1 >= w || near3(row[3*x], row[3*x+1], row[3*x+2], row[3*x+3], row[3*x+4], row[3*x+5]) {
					f |= nearRight
				}
				rr[x] = f
			}
			continue
		}
		below := p[3*(y+1)*w : 3*(y+2)*w]
		for x := range rr {
			k := 3 * x
			r, g, b := row[k], row[k+1], row[k+2]
			var f uint8
			if near3(r, g, b, below[k], below[k+1], below[k+2]) {
				f = nearDown
			}
			if x+1 >= w {
				f |= nearRight | nearDownRight
			} else {
				if near3(r, g, b, row[k+3], row[k+4], row[k+5]) {
					f |= nearRight
				}
				if near3(r, g, b, below[k+3], below[k+4], below[k+5]) {
					f |= nearDownRight
				}
			}
			if x == 0 || near3(r, g, b, below[k-3], below[k-2], below[k-1]) {
				f |= nearDownLeft
			}
			rr[x] = f
		}
	}
	out := grow(outBuf, w*h)
	for y := 0; y < h; y++ {
		rr := rel[y*w : (y+1)*w]
		o := out[y*w : (y+1)*w]
		var above []uint8
		if y > 0 {
			above = rel[(y-1)*w : y*w]
		}
		for x, f := range rr {
			ok := f == nearAll
			if ok && x > 0 {
				ok = rr[x-1]&nearRight != 0
			}
			if ok && above != nil {
				ok = above[x]&nearDown != 0 && (x+1 >= w || above[x+1]&nearDownLeft != 0) && (x == 0 || above[x-1]&nearDownRight != 0)
			}
			o[x] = ok
		}
	}
	return out
}

// isFlat reports whether the pixel and its 8 neighbours are nearly the
// same colour (image borders count their inside neighbours only).
func isFlat(m *rgbImage, x, y int) bool {
	i := 3 * (y*m.W + x)
	p := m.Pix
	r, g, b := p[i], p[i+1], p[i+2]
	for yy := max(y-1, 0); yy <= min(y+1, m.H-1); yy++ {
		row := p[3*yy*m.W : 3*(yy+1)*m.W]
		for xx := max(x-1, 0); xx <= min(x+1, m.W-1); xx++ {
			j := 3 * xx
			if absDiff(r, row[j]) > flatLevel || absDiff(g, row[j+1]) > flatLevel || absDiff(b, row[j+2]) > flatLevel {
				return false
			}
		}
	}
	return true
}

// near3 reports whether two colours differ by at most flatLevel in every
// channel.
func near3(r, g, b, r2, g2, b2 uint8) bool {
	// One comparison: each difference shifted into 0..2*flatLevel when near.
	return max(uint(int(r)-int(r2)+flatLevel), uint(int(g)-int(g2)+flatLevel), uint(int(b)-int(b2)+flatLevel)) <= 2*flatLevel
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// designFor analyses a picture's design once, with the kit's palette.
func (pc *picture) designFor(kit *brandkit.Kit) *design {
	pc.designOnce.Do(func() {
		tol := kit.Palette.Tolerance
		if tol <= 0 {
			tol = 5
		}
		pc.design = analyseDesign(pc, kit.Palette.Colors, tol, kit.Images.MinDesignShare())
	})
	return pc.design
}

// designBins is the colour histogram's size: binBits a channel.
const designBins = 1 << (3 * binBits)

// bin is one cell of the colour histogram of analyseDesign.
type bin struct {
	n, r, g, b int32
	sq         int64 // Σ r²+g²+b²: the spread of a colour
}

// designScratch holds analyseDesign's working buffers, reused from one
// picture to the next (the histogram alone is 768 KiB).
type designScratch struct {
	bins    []bin   // all zero between uses
	cluster []int16 // bin -> colour; all -1 between uses
	used    []int32 // bins touched
	binOf   []int32
	rel     []uint8
	flat    []bool
	// segment's buffers
	inFrame []bool
	seen    []bool
	all     []int32
}

var designPool = sync.Pool{New: func() any {
	sc := &designScratch{bins: make([]bin, designBins), cluster: make([]int16, designBins)}
	for i := range sc.cluster {
		sc.cluster[i] = -1
	}
	return sc
}}

// release clears the bins in use and returns the scratch to the pool.
func (sc *designScratch) release() {
	for _, k := range sc.used {
		sc.bins[k] = bin{}
		sc.cluster[k] = -1
	}
	sc.used = sc.used[:0]
	designPool.Put(sc)
}

// grow returns (*buf)[:n], reallocating when it is too short.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	*buf = (*buf)[:n]
	return *buf
}
