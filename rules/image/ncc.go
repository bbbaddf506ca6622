package image

import (
	"image"
	"math"
	"sort"
	"sync"
)

// Normalized cross-correlation (the measure OpenCV calls TM_CCOEFF_NORMED):
//
//	score(x,y) = Σ T'(i,j)·I(x+i,y+j) / sqrt(Σ T'² · Σ (I-Ī)²)
//
// over the template's pixels, T' being the template minus its mean. The
// window sums Σ I and Σ I² come from integral images in O(1) for an opaque
// template; for a template with transparent pixels only the opaque ones
// count, through a list of their offsets.

// integral holds summed-area tables of a grey image and of its square.
type integral struct {
	ox, oy int // the image point the tables start at
	w, h   int
	s, ssq []float64 // (w+1)*(h+1)
}

func newIntegral(g *greyImage) *integral {
	return newIntegralRect(g, image.Rect(0, 0, g.W, g.H))
}

// newIntegralRect builds the tables over one rectangle of the image only.
func newIntegralRect(g *greyImage, r image.Rectangle) *integral {
	it := &integral{}
	it.fill(g, r)
	return it
}

// integralPool holds tables between logo searches (the zone's tables of
// one search are about 1 MB).
var integralPool = sync.Pool{New: func() any { return new(integral) }}

// pooledIntegralRect is newIntegralRect with tables from the pool: give
// them back with release once no score needs them.
func pooledIntegralRect(g *greyImage, r image.Rectangle) *integral {
	it := integralPool.Get().(*integral)
	it.fill(g, r)
	return it
}

func (it *integral) release() { integralPool.Put(it) }

// fill builds the tables of g over r, reusing its slices when they are
// long enough.
func (it *integral) fill(g *greyImage, r image.Rectangle) {
	w, h := r.Dx(), r.Dy()
	it.ox, it.oy, it.w, it.h = r.Min.X, r.Min.Y, w, h
	it.s, it.ssq = grow(&it.s, (w+1)*(h+1)), grow(&it.ssq, (w+1)*(h+1))
	clear(it.s[:w+1]) // the first row and column are zero
	clear(it.ssq[:w+1])
	for y := 0; y < h; y++ {
		var rs, rq float64
		row := g.Pix[(y+r.Min.Y)*g.W+r.Min.X:]
		it.s[(y+1)*(w+1)], it.ssq[(y+1)*(w+1)] = 0, 0
		for x := 0; x < w; x++ {
			v := float64(row[x])
			rs += v
			rq += v * v
			i := (y+1)*(w+1) + x + 1
			it.s[i] = it.s[i-(w+1)] + rs
			it.ssq[i] = it.ssq[i-(w+1)] + rq
		}
	}
}

// sums returns Σ I and Σ I² over the rectangle at (x,y) of size w x h.
func (it *integral) sums(x, y, w, h int) (float64, float64) {
	x, y = x-it.ox, y-it.oy
	W := it.w + 1
	a, b, c, d := y*W+x, y*W+x+w, (y+h)*W+x, (y+h)*W+x+w
	return it.s[d] - it.s[b] - it.s[c] + it.s[a], it.ssq[d] - it.ssq[b] - it.ssq[c] + it.ssq[a]
}

// template is a logo prepared at one size: grey values minus their mean
// (over opaque pixels), and the opaque pixels' offsets when some are
// transparent.
type template struct {
	w, h   int
	tz     []float32 // zero-mean values, w*h (0 where transparent)
	norm   float64   // sqrt(Σ tz²)
	n      int       // opaque pixels
	masked bool
	offs   []int32 // offsets y*w+x of opaque pixels (masked only)
	vals   []float32
}

// level is one step of the image pyramid.
type level struct {
	g     *greyImage
	it    *integral
	scale float64 // full-size pixels per pixel of this level
}

// mode is how scoreAt computes a score.
type mode int

const (
	// fast: window statistics from integral images over the template's
	// bounding box (transparent pixels included): for ranking.
	fast mode = iota
	// fastLocal: as fast, with integral images over the searched
	// rectangle only (small windows on a level that has none yet).
	fastLocal
	// exact: a masked template's opaque pixels only.
	exact
)

// pyramid halves the grey copy until it is small.
type pyramid struct {
	levels []*level
}

func newPyramid(g *greyImage, scale float64) *pyramid {
	py := &pyramid{levels: []*level{{g: g, scale: scale}}}
	for {
		last := py.levels[len(py.levels)-1]
		if last.g.W < 48 || last.g.H < 48 {
			break
		}
		py.levels = append(py.levels, &level{g: halve(last.g), scale: last.scale * 2})
	}
	return py
}

func (l *level) integral() *integral {
	if l.it == nil {
		l.it = newIntegral(l.g)
	}
	return l.it
}

// halve averages 2x2 blocks.
func halve(g *greyImage) *greyImage {
	w, h := g.W/2, g.H/2
	out := &greyImage{W: w, H: h, Pix: make([]float32, w*h)}
	for y := 0; y < h; y++ {
		r0, r1 := g.Pix[(2*y)*g.W:], g.Pix[(2*y+1)*g.W:]
		for x := 0; x < w; x++ {
			out.Pix[y*w+x] = (r0[2*x] + r0[2*x+1] + r1[2*x] + r1[2*x+1]) * 0.25
		}
	}
	return out
}

// placed is a template ready to slide over one level: for a masked
// template, its opaque pixels' offsets in that level's rows.
type placed struct {
	*template
	offs []int
}

func place(l *level, t *template) placed {
	pt := placed{template: t}
	if t.masked {
		pt.offs = make([]int, len(t.offs))
		for k, o := range t.offs {
			pt.offs[k] = int(o)/t.w*l.g.W + int(o)%t.w
		}
	}
	return pt
}

// scoreAt is the NCC of t placed at (x,y) of level l. Unless m is exact, a
// masked template is scored as if its bounding box were opaque for the
// window's statistics (one dense pass, integral images): a ranking good
// enough for the coarse search, refined exactly afterwards.
func scoreAt(l *level, t placed, x, y int, m mode, it *integral) float64 {
	g := l.g
	n := float64(t.n)
	if !t.masked || m != exact {
		if it == nil {
			it = l.integral()
		}
		s1, s2 := it.sums(x, y, t.w, t.h)
		nb := float64(t.w * t.h)
		v := (s2 - s1*s1/nb) * n / nb
		if v < 1e-3*n || t.norm == 0 { // a flat window: no structure to match
			return 0
		}
		var num float64
		for j := 0; j < t.h; j++ {
			row := g.Pix[(y+j)*g.W+x : (y+j)*g.W+x+t.w]
			tr := t.tz[j*t.w : j*t.w+t.w]
			num += float64(dot(tr, row))
		}
		return num / (t.norm * math.Sqrt(v))
	}
	pix := g.Pix[y*g.W+x:]
	var a, b, c float32
	for k, o := range t.offs {
		v := pix[o]
		a += t.vals[k] * v
		b += v
		c += v * v
	}
	num, s1, s2 := float64(a), float64(b), float64(c)
	v := s2 - s1*s1/n
	if v < 1e-3*n || t.norm == 0 {
		return 0
	}
	return num / (t.norm * math.Sqrt(v))
}

// dot is the dot product of two equally long rows, unrolled by four.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// searchRect finds the best position of t inside rect (level coordinates:
// the template must fit inside rect). step > 1 skips positions.
func searchRect(l *level, tp *template, rect image.Rectangle, step int, m mode) (float64, int, int) {
	if ps := searchTop(l, tp, rect, step, m, 1); len(ps) > 0 {
		return ps[0].score, ps[0].x, ps[0].y
	}
	return -2, -1, -1
}

type peak struct {
	score float64
	x, y  int
}

// searchTop returns up to k best positions of t inside rect that are at
// least half a template apart, best first.
func searchTop(l *level, tp *template, rect image.Rectangle, step int, m mode, k int) []peak {
	return searchTopWith(l, tp, rect, step, m, k, nil)
}

// searchTopWith is searchTop with integral images given for rect (nil:
// the level's own, or built over rect for fastLocal).
func searchTopWith(l *level, tp *template, rect image.Rectangle, step int, m mode, k int, it *integral) []peak {
	t := place(l, tp)
	rect = rect.Intersect(image.Rect(0, 0, l.g.W, l.g.H))
	if it == nil && m == fastLocal && !rect.Empty() {
		it = newIntegralRect(l.g, rect)
	}
	if m != exact && step >= 1 && tp.norm != 0 {
		if it == nil {
			it = l.integral()
		}
		return scanPairs(l, tp, rect, step, k, it)
	}
	var top []peak
	for y := rect.Min.Y; y+t.h <= rect.Max.Y; y += step {
		for x := rect.Min.X; x+t.w <= rect.Max.X; x += step {
			s := scoreAt(l, t, x, y, m, it)
			if len(top) == k && s <= top[k-1].score {
				continue
			}
			top = insertPeak(top, peak{s, x, y}, k, t.w/2, t.h/2)
		}
	}
	return top
}

// insertPeak adds p to the sorted list, replacing a worse peak near it (or
// dropping p when a better one is near).
func insertPeak(top []peak, p peak, k, dx, dy int) []peak {
	for i, q := range top {
		if abs(q.x-p.x) <= dx && abs(q.y-p.y) <= dy {
			if q.score >= p.score {
				return top
			}
			top = append(top[:i], top[i+1:]...)
			break
		}
	}
	i := sort.Search(len(top), func(i int) bool { return top[i].score < p.score })
	top = append(top, peak{})
	copy(top[i+1:], top[i:])
	top[i] = p
	if len(top) > k {
		top = top[:k]
	}
	return top
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// candidate is a possible logo position, in full-size pixels.
type candidate struct {
	score float64
	box   image.Rectangle
	width float64 // logo width in full-size pixels (the scale)
}

// topDistinct keeps the best n candidates whose boxes do not mostly overlap
// a better one (intersection over union above one half). Overlap is not
// measured against the smaller box: a large logo's box contains the boxes
// of its own details, which often score higher at the coarse level, and
// the logo itself was then thrown away as their duplicate.
func topDistinct(cs []candidate, n int) []candidate {
	sort.Slice(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	var out []candidate
	for _, c := range cs {
		dup := false
		for _, o := range out {
			in := area(c.box.Intersect(o.box))
			if in*2 > area(c.box)+area(o.box)-in {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, c)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

func area(r image.Rectangle) int { return r.Dx() * r.Dy() }

// scanPairs is searchTopWith for a fast score every step positions: the
// same scores as scoreAt, computed row by row with three (or two)
// neighbouring positions per pass over the template (each template value
// is read once for all of them).
func scanPairs(l *level, t *template, rect image.Rectangle, step, k int, it *integral) []peak {
	g := l.g
	n := float64(t.n)
	nb := float64(t.w * t.h)
	var xs []int
	for x := rect.Min.X; x+t.w <= rect.Max.X; x += step {
		xs = append(xs, x)
	}
	vs := make([]float64, len(xs))
	scores := make([]float64, len(xs))
	var top []peak
	for y := rect.Min.Y; y+t.h <= rect.Max.Y; y += step {
		for i, x := range xs {
			s1, s2 := it.sums(x, y, t.w, t.h)
			vs[i] = (s2 - s1*s1/nb) * n / nb
			scores[i] = 0 // a flat window: no structure to match
		}
		for i := 0; i < len(xs); i++ {
			if vs[i] < 1e-3*n {
				continue
			}
			if i+2 < len(xs) && vs[i+1] >= 1e-3*n && vs[i+2] >= 1e-3*n {
				a, b, c := corr3(t, g, xs[i], y, step)
				scores[i] = a / (t.norm * math.Sqrt(vs[i]))
				scores[i+1] = b / (t.norm * math.Sqrt(vs[i+1]))
				scores[i+2] = c / (t.norm * math.Sqrt(vs[i+2]))
				i += 2
				continue
			}
			if i+1 < len(xs) && vs[i+1] >= 1e-3*n {
				a, b := corr2(t, g, xs[i], y, step)
				scores[i] = a / (t.norm * math.Sqrt(vs[i]))
				scores[i+1] = b / (t.norm * math.Sqrt(vs[i+1]))
				i++
				continue
			}
			var num float64
			for j := 0; j < t.h; j++ {
				num += float64(dot(t.tz[j*t.w:j*t.w+t.w], g.Pix[(y+j)*g.W+xs[i]:(y+j)*g.W+xs[i]+t.w]))
			}
			scores[i] = num / (t.norm * math.Sqrt(vs[i]))
		}
		for i, x := range xs {
			if s := scores[i]; len(top) < k || s > top[k-1].score {
				top = insertPeak(top, peak{s, x, y}, k, t.w/2, t.h/2)
			}
		}
	}
	return top
}

// corr2 is Σ tz·I for the template at (x,y) and at (x+d,y), each summed
// exactly as dot sums one row.
func corr2(t *template, g *greyImage, x, y, d int) (float64, float64) {
	var na, nb float64
	w := t.w
	for j := 0; j < t.h; j++ {
		tr := t.tz[j*w : j*w+w]
		r := g.Pix[(y+j)*g.W+x:][:w+d]
		var a0, a1, a2, a3, b0, b1, b2, b3 float32
		i := 0
		for ; i+4 <= w; i += 4 {
			t0, t1, t2, t3 := tr[i], tr[i+1], tr[i+2], tr[i+3]
			p, q := r[i:i+4:i+4], r[i+d:i+d+4:i+d+4]
			a0 += t0 * p[0]
			a1 += t1 * p[1]
			a2 += t2 * p[2]
			a3 += t3 * p[3]
			b0 += t0 * q[0]
			b1 += t1 * q[1]
			b2 += t2 * q[2]
			b3 += t3 * q[3]
		}
		for ; i < w; i++ {
			a0 += tr[i] * r[i]
			b0 += tr[i] * r[i+d]
		}
		na += float64(a0 + a1 + a2 + a3)
		nb += float64(b0 + b1 + b2 + b3)
	}
	return na, nb
}

// corr3 is corr2 for three positions, (x,y), (x+d,y) and (x+2d,y).
func corr3(t *template, g *greyImage, x, y, d int) (float64, float64, float64) {
	var na, nb, nc float64
	w := t.w
	for j := 0; j < t.h; j++ {
		tr := t.tz[j*w : j*w+w]
		r := g.Pix[(y+j)*g.W+x:][:w+2*d]
		var a0, a1, a2, a3, b0, b1, b2, b3, c0, c1, c2, c3 float32
		i := 0
		for ; i+4 <= w; i += 4 {
			p, q, o := r[i:i+4:i+4], r[i+d:i+d+4:i+d+4], r[i+2*d:i+2*d+4:i+2*d+4]
			v := tr[i]
			a0 += v * p[0]
			b0 += v * q[0]
			c0 += v * o[0]
			v = tr[i+1]
			a1 += v * p[1]
			b1 += v * q[1]
			c1 += v * o[1]
			v = tr[i+2]
			a2 += v * p[2]
			b2 += v * q[2]
			c2 += v * o[2]
			v = tr[i+3]
			a3 += v * p[3]
			b3 += v * q[3]
			c3 += v * o[3]
		}
		for ; i < w; i++ {
			a0 += tr[i] * r[i]
			b0 += tr[i] * r[i+d]
			c0 += tr[i] * r[i+2*d]
		}
		na += float64(a0 + a1 + a2 + a3)
		nb += float64(b0 + b1 + b2 + b3)
		nc += float64(c0 + c1 + c2 + c3)
	}
	return na, nb, nc
}
