package image

import (
	"fmt"
	"image"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/disintegration/imaging"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Logo is the image-logo rule.
var Logo = &lint.Rule{
	Name: "image-logo",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Logo kit harus ada di zonanya dan cukup besar", EN: "The kit's logo must be in its zone and large enough"},
		Why: lint.Text{
			ID: "Satu merek di semua perangkat daerah berarti logo yang sama, di tempat yang sama, dengan ukuran yang terbaca. selaras mencari logo di zona yang diizinkan, lalu di seluruh gambar, untuk membedakan logo yang hilang, salah tempat, atau terlalu kecil.",
			EN: "One brand across agencies means the same logo, in the same place, at a readable size. selaras looks for the logo in its allowed zone, then over the whole image, to tell a missing logo from a misplaced or too small one."},
		Fix:      lint.Text{ID: "Pasang logo dari kit di zona yang diminta, selebar minimal min_width dari lebar gambar.", EN: "Place the kit's logo in the required zone, at least min_width of the image width."},
		Bad:      "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAU0lEQVR42uzPQQkAIAADwCH2rzxT+BjcNbjbNstOxgkICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAj89wIAAP//A3kDgGXykFEAAAAASUVORK5CYII=\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAwElEQVR42uzXuw3CQAwA0CRKyQJMxQRUqZiIiooJ6NiIAaA/CqQoInwOCSQbPZfJFX53sc/pSylN5uia5JEe0M8fLVb7h0svh3WCE3iW/etXUQBvUwxoaMcuNE3utBmmi5bbXdhv6R+LeL7xty1PUAPuAYDv1sDYi87H4a4ROYEf3AOVfSbaQNF9lFzAcairTzHmMNf6oQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACojWsAAAD//3nbLdXDFndCAAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Kit:      "[[logos]]\nfile = \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAcklEQVR42mJioBCwoAtw+y36j0/D101xjMh8JlI0Y1PDRIpmbGoZsWl+npmMoUly+lys3qF+IOKy9cvGWDDN47+YAWcgkgMG3gC8YYAcG593JGONCYpdwEhOQkJO0ky40jix+YEJX0YhJjNRDAABAAD//13qKH5o9vvoAAAAAElFTkSuQmCC\"\nzone = \"top-left\"\nmin_width = 0.2\n",
		Severity: lint.Warning,
		KitKeys:  []string{"[[logos]] file, zone, min_width", "[images] logo_score"},
	},
	Check:    checkLogo,
	OnImages: true,
}

func checkLogo(p *lint.Pass) error {
	if len(p.Kit.Logos) == 0 {
		return nil
	}
	each(p, func(im lint.ImageRef, pc *picture) {
		for i, lg := range p.Kit.Logos {
			name := logoName(lg)
			m, err := pc.logo(p, i)
			if err != nil {
				report(p, pc, lint.Finding{Match: name, Message: err.(*logoError).msg})
				continue
			}
			zone := zoneName(lg.Zone)
			share := m.Share(pc.W)
			if !m.Found {
				report(p, pc, lint.Finding{Match: name, Region: region(m.Zone), Message: lint.Text{
					ID: fmt.Sprintf("logo %s tidak ditemukan; pasang di %s, selebar minimal %.0f%% lebar gambar", name, zone.ID, minShare(lg)*100),
					EN: fmt.Sprintf("logo %s not found; place it %s, at least %.0f%% of the image width", name, zone.EN, minShare(lg)*100)}})
				continue
			}
			// A logo both misplaced and too small gets both findings:
			// moving it would not make it large enough.
			if !m.InZone {
				at := placeName(m.Box, pc.W, pc.H)
				report(p, pc, lint.Finding{Match: name, Region: region(m.Box), Message: lint.Text{
					ID: fmt.Sprintf("logo %s ada %s, bukan di %s; pindahkan ke zonanya", name, at.ID, zone.ID),
					EN: fmt.Sprintf("logo %s is %s, not %s; move it into its zone", name, at.EN, zone.EN)}})
			}
			if share < minShare(lg) {
				report(p, pc, lint.Finding{Match: name, Region: region(m.Box), Message: lint.Tf(
					"logo %s hanya selebar %.1f%% lebar gambar; perbesar sampai minimal %.0f%%",
					"logo %s is only %.1f%% of the image width; enlarge it to at least %.0f%%",
					name, share*100, minShare(lg)*100)})
			}
		}
	})
	return nil
}

func minShare(lg brandkit.Logo) float64 { return lg.MinWidth }

// logoName is how messages name a kit logo: its file name.
func logoName(lg brandkit.Logo) string {
	if isDataURI(lg.File) {
		return "(inline)"
	}
	return filepath.Base(lg.File)
}

// logoMatch is where a kit logo was found on one picture.
type logoMatch struct {
	Found  bool
	InZone bool
	Score  float64
	Box    image.Rectangle // full-size display pixels
	Zone   image.Rectangle // the allowed zone
}

// Share is the matched logo's width as a share of the image width.
func (m *logoMatch) Share(w int) float64 { return float64(m.Box.Dx()) / float64(w) }

// logo finds kit logo i on the picture, once per picture.
func (pc *picture) logo(p *lint.Pass, i int) (*logoMatch, error) {
	pc.logoMu.Lock()
	defer pc.logoMu.Unlock()
	if m, ok := pc.logos[i]; ok {
		return m, nil
	}
	src, err := logoSource(p.Kit, p.ReadFile, i)
	if err != nil {
		return nil, err
	}
	m := findLogo(pc, p.Kit, src, p.Kit.Logos[i])
	if pc.logos == nil {
		pc.logos = map[int]*logoMatch{}
	}
	pc.logos[i] = m
	return m, nil
}

// zoneRect is the part of a w x h image where a logo may stand.
func zoneRect(z brandkit.Zone, w, h int) image.Rectangle {
	hw, hh := (w+1)/2, (h+1)/2
	switch z {
	case brandkit.ZoneTopLeft:
		return image.Rect(0, 0, hw, hh)
	case brandkit.ZoneTopRight:
		return image.Rect(w-hw, 0, w, hh)
	case brandkit.ZoneBottomLeft:
		return image.Rect(0, h-hh, hw, h)
	case brandkit.ZoneBottomRight:
		return image.Rect(w-hw, h-hh, w, h)
	}
	return image.Rect(0, 0, w, h)
}

func zoneName(z brandkit.Zone) lint.Text {
	switch z {
	case brandkit.ZoneTopLeft:
		return lint.Text{ID: "pojok kiri atas", EN: "in the top-left corner"}
	case brandkit.ZoneTopRight:
		return lint.Text{ID: "pojok kanan atas", EN: "in the top-right corner"}
	case brandkit.ZoneBottomLeft:
		return lint.Text{ID: "pojok kiri bawah", EN: "in the bottom-left corner"}
	case brandkit.ZoneBottomRight:
		return lint.Text{ID: "pojok kanan bawah", EN: "in the bottom-right corner"}
	}
	return lint.Text{ID: "di mana saja pada gambar", EN: "anywhere on the image"}
}

// placeName names where a box sits, for messages: "di kanan bawah", "at
// the bottom right".
func placeName(b image.Rectangle, w, h int) lint.Text {
	cx, cy := (b.Min.X+b.Max.X)/2, (b.Min.Y+b.Max.Y)/2
	v, ve := "", "middle"
	if cy < h/3 {
		v, ve = "atas", "top"
	} else if cy > 2*h/3 {
		v, ve = "bawah", "bottom"
	}
	s, se := "", "centre"
	if cx < w/3 {
		s, se = "kiri", "left"
	} else if cx > 2*w/3 {
		s, se = "kanan", "right"
	}
	id := strings.TrimSpace(s + " " + v)
	if id == "" {
		id = "tengah"
	} else if s == "" || v == "" {
		id = "tengah " + id
	}
	en := "at the " + ve + " " + se
	if ve == "middle" && se == "centre" {
		en = "in the centre"
	}
	return lint.Text{ID: "di " + id, EN: en}
}

// logoImage is a kit logo decoded once per kit.
type logoImage struct {
	img    *image.NRGBA
	aspect float64 // height / width
	err    *logoError
}

// logoError is a kit logo that cannot be used: reported on each image as
// an image-logo finding, so that a kit without its logo file still checks
// text.
type logoError struct{ msg lint.Text }

func (e *logoError) Error() string { return e.msg.EN }

func badLogo(file, id, en string) *logoImage {
	return &logoImage{err: &logoError{lint.Text{
		ID: fmt.Sprintf("logo kit %s %s; perbaiki [[logos]] file", file, id),
		EN: fmt.Sprintf("kit logo %s %s; fix [[logos]] file", file, en)}}}
}

type logoKey struct{ i int }

func logoSource(kit *brandkit.Kit, read func(string) ([]byte, error), i int) (*logoImage, error) {
	v := kit.Memo(logoKey{i}, func() any {
		lg := kit.Logos[i]
		if isDataURI(lg.File) {
			read = readDataURI
		}
		data, err := read(lg.File)
		name := logoName(lg)
		if err != nil {
			why := lint.ErrorText(err)
			return badLogo(name, "tidak bisa dibaca ("+why.ID+")", "cannot be read ("+why.EN+")")
		}
		if len(data) > MaxImageBytes || sniff(data) == "" {
			return badLogo(name, "bukan gambar JPEG, PNG, GIF atau WebP", "is not a JPEG, PNG, GIF or WebP image")
		}
		cfg, err := safeConfig(data)
		if err == nil && int64(cfg.Width)*int64(cfg.Height) > int64(kit.Images.PixelBudget()) {
			err = fmt.Errorf("larger than the pixel budget")
		}
		var img image.Image
		if err == nil {
			img, err = safeDecode(data)
		}
		if err != nil {
			why := decodeReason(err)
			return badLogo(name, "tidak bisa dibuka ("+why.ID+")", "cannot be decoded ("+why.EN+")")
		}
		n := imaging.Clone(img)
		// Trim fully transparent margins: the logo is what is drawn.
		n = trimTransparent(n)
		b := n.Bounds()
		return &logoImage{img: n, aspect: float64(b.Dy()) / float64(b.Dx())}
	}).(*logoImage)
	if v.err != nil {
		return v, v.err
	}
	return v, nil
}

func trimTransparent(m *image.NRGBA) *image.NRGBA {
	b := m.Bounds()
	minX, minY, maxX, maxY := b.Max.X, b.Max.Y, b.Min.X, b.Min.Y
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if m.Pix[m.PixOffset(x, y)+3] > 16 {
				minX, minY = min(minX, x), min(minY, y)
				maxX, maxY = max(maxX, x+1), max(maxY, y+1)
			}
		}
	}
	if minX >= maxX || minY >= maxY || (minX == b.Min.X && minY == b.Min.Y && maxX == b.Max.X && maxY == b.Max.Y) {
		return m
	}
	return imaging.Crop(m, image.Rect(minX, minY, maxX, maxY))
}

type templateKey struct{ i, w, h int }

// templateAt prepares logo i at w x h pixels, once per kit.
func templateAt(kit *brandkit.Kit, src *logoImage, i, w, h int) *template {
	return kit.Memo(templateKey{i, w, h}, func() any {
		filter := imaging.Box
		if w > src.img.Bounds().Dx() {
			filter = imaging.Linear
		}
		r := imaging.Resize(src.img, w, h, filter)
		t := &template{w: w, h: h, tz: make([]float32, w*h)}
		var sum float64
		opaque := make([]bool, w*h)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				o := r.PixOffset(x, y)
				if r.Pix[o+3] >= 200 {
					opaque[y*w+x] = true
					v := 0.299*float32(r.Pix[o]) + 0.587*float32(r.Pix[o+1]) + 0.114*float32(r.Pix[o+2])
					t.tz[y*w+x] = v
					sum += float64(v)
					t.n++
				}
			}
		}
		if t.n == 0 {
			return t
		}
		mean := float32(sum / float64(t.n))
		var sq float64
		for k := range t.tz {
			if opaque[k] {
				t.tz[k] -= mean
				sq += float64(t.tz[k]) * float64(t.tz[k])
				if t.n < w*h {
					t.offs = append(t.offs, int32(k))
					t.vals = append(t.vals, t.tz[k])
				}
			}
		}
		t.masked = t.n < w*h
		t.norm = math.Sqrt(sq)
		return t
	}).(*template)
}

func (pc *picture) pyramid() *pyramid {
	pc.logoMuPyr.Do(func() { pc.pyr = newPyramid(pc.grey, pc.greyF) })
	return pc.pyr
}

// findLogo searches the allowed zone first, then the whole image.
func findLogo(pc *picture, kit *brandkit.Kit, src *logoImage, lg brandkit.Logo) *logoMatch {
	m := &logoMatch{Zone: zoneRect(lg.Zone, pc.W, pc.H)}
	thr := kit.Images.MinLogoScore()
	idx := logoIndex(kit, lg)
	c := searchLogo(pc, kit, src, idx, m.Zone, lg.MinWidth)
	if c.score >= thr {
		m.Found, m.InZone, m.Score, m.Box = true, true, c.score, c.box
		return m
	}
	if lg.Zone != brandkit.ZoneAny && lg.Zone != "" {
		c2 := searchLogo(pc, kit, src, idx, image.Rect(0, 0, pc.W, pc.H), lg.MinWidth)
		if c2.score >= thr {
			m.Found, m.Score, m.Box = true, c2.score, c2.box
			m.InZone = c2.box.In(m.Zone)
			return m
		}
		if c2.score > c.score {
			c = c2
		}
	}
	m.Score, m.Box = c.score, c.box
	return m
}

func logoIndex(kit *brandkit.Kit, lg brandkit.Logo) int {
	for i, l := range kit.Logos {
		if l == lg {
			return i
		}
	}
	return 0
}

const (
	coarseWidth = 10   // template width (pixels) at the coarse level
	fineWidth   = 28   // template width the refinement aims for
	coarseStep  = 2    // positions the coarse search moves at a time
	scaleStep   = 1.08 // between tried logo widths: NCC falls steeply off scale
	maxShare    = 0.6  // largest logo width tried, as a share of the image width
)

// searchLogo runs the coarse-to-fine multi-scale search inside rect (full
// size, display pixels) and returns the best refined candidate.
func searchLogo(pc *picture, kit *brandkit.Kit, src *logoImage, idx int, rect image.Rectangle, minW float64) candidate {
	py := pc.pyramid()
	lo := math.Max(minW*0.6, 0.03) * float64(pc.W)
	lo = math.Max(lo, 12)
	hi := math.Min(maxShare*float64(pc.W), math.Min(float64(rect.Dx()), float64(rect.Dy())/src.aspect))
	var cands []candidate
	// Integral images over the searched rectangle only, one per level:
	// the zone is a quarter of the image.
	local := map[*level]*integral{}
	defer func() {
		for _, it := range local {
			if it != nil {
				it.release()
			}
		}
	}()
	localFor := func(l *level) *integral {
		it, ok := local[l]
		if !ok {
			r := scaleRect(rect, 1/l.scale).Intersect(image.Rect(0, 0, l.g.W, l.g.H))
			if !r.Empty() {
				it = pooledIntegralRect(l.g, r)
			}
			local[l] = it
		}
		return it
	}
	for wl := lo; wl <= hi; wl *= scaleStep {
		l := levelFor(py, wl, coarseWidth)
		tw, th := int(math.Round(wl/l.scale)), int(math.Round(wl*src.aspect/l.scale))
		if tw < 4 || th < 4 {
			continue
		}
		t := templateAt(kit, src, idx, tw, th)
		if t.n < 12 || t.norm == 0 {
			continue
		}
		lr := scaleRect(rect, 1/l.scale)
		// Every other position: a 10-20 pixel template's peak is wider
		// than that, and the refinement searches around it (every third
		// position missed logos in tests).
		for _, pk := range searchTopWith(l, t, lr, coarseStep, fast, 3, localFor(l)) {
			cands = append(cands, candidate{score: pk.score, width: wl, box: fullBox(l, pk.x, pk.y, tw, th)})
		}
	}
	// Re-rank the best coarse candidates by their exact score (opaque
	// pixels only) at the same level, then refine the three best.
	top := topDistinct(cands, 12)
	for i, c := range top {
		l := levelFor(py, c.width, coarseWidth)
		tw, th := int(math.Round(c.width/l.scale)), int(math.Round(c.width*src.aspect/l.scale))
		t := templateAt(kit, src, idx, tw, th)
		x, y := int(float64(c.box.Min.X)/l.scale+0.5), int(float64(c.box.Min.Y)/l.scale+0.5)
		if x+tw <= l.g.W && y+th <= l.g.H {
			top[i].score = scoreAt(l, place(l, t), x, y, exact, localFor(l))
		}
	}
	sort.Slice(top, func(i, j int) bool { return top[i].score > top[j].score })
	best := candidate{score: -2}
	for _, c := range top[:min(3, len(top))] {
		if r := refine(pc, kit, src, idx, rect, c); r.score > best.score {
			best = r
		}
		if best.score >= sureMatch {
			break // an unmistakable match: the others cannot matter
		}
	}
	return best
}

// sureMatch is a refined score no other candidate is worth refining after.
const sureMatch = 0.9

// levelFor picks the coarsest level where a logo of width wl (full-size
// pixels) is still at least want pixels wide.
func levelFor(py *pyramid, wl float64, want float64) *level {
	l := py.levels[0]
	for _, c := range py.levels[1:] {
		if wl/c.scale < want {
			break
		}
		l = c
	}
	return l
}

func scaleRect(r image.Rectangle, f float64) image.Rectangle {
	return image.Rect(int(math.Floor(float64(r.Min.X)*f)), int(math.Floor(float64(r.Min.Y)*f)),
		int(math.Ceil(float64(r.Max.X)*f)), int(math.Ceil(float64(r.Max.Y)*f)))
}

func fullBox(l *level, x, y, w, h int) image.Rectangle {
	s := l.scale
	return image.Rect(int(float64(x)*s+0.5), int(float64(y)*s+0.5), int(float64(x+w)*s+0.5), int(float64(y+h)*s+0.5))
}

// refine re-scores a coarse candidate on a finer level: the position
// first (fast score), then the scale around it, each scored exactly
// (opaque pixels only).
func refine(pc *picture, kit *brandkit.Kit, src *logoImage, idx int, rect image.Rectangle, c candidate) candidate {
	py := pc.pyramid()
	l := levelFor(py, c.width, fineWidth)
	win := fast
	if l.it == nil {
		win = fastLocal // small windows: no integral image of the whole level
	}
	lr := scaleRect(rect, 1/l.scale)
	try := func(wl float64, cx, cy, radius int) (candidate, bool) {
		tw, th := int(math.Round(wl/l.scale)), int(math.Round(wl*src.aspect/l.scale))
		if tw < 4 || th < 4 {
			return candidate{}, false
		}
		t := templateAt(kit, src, idx, tw, th)
		if t.n < 12 || t.norm == 0 {
			return candidate{}, false
		}
		area := image.Rect(cx-radius, cy-radius, cx+radius+tw, cy+radius+th).Intersect(lr)
		_, x, y := searchRect(l, t, area, 1, win)
		if x < 0 {
			return candidate{}, false
		}
		s := scoreAt(l, place(l, t), x, y, exact, nil)
		return candidate{score: s, width: wl, box: fullBox(l, x, y, tw, th)}, true
	}
	at := func(c candidate) (int, int) {
		return int(float64(c.box.Min.X)/l.scale + 0.5), int(float64(c.box.Min.Y)/l.scale + 0.5)
	}
	coarse := levelFor(py, c.width, coarseWidth)
	cx, cy := at(c)
	best, ok := try(c.width, cx, cy, int(math.Ceil(coarseStep/2*coarse.scale/l.scale))+1)
	if !ok {
		return c
	}
	// The coarse scale is within a step of the truth: try the widths
	// around it, 4 % apart (scores are not smooth enough to climb).
	seen := map[int]bool{int(math.Round(best.width / l.scale)): true}
	// When the best width is at the edge of the range, the truth may lie
	// beyond it (a large logo's coarse scale can be a quarter off): the
	// range moves there, at most twice.
	for round := 0; round < 3; round++ {
		x, y := at(best)
		base := best.width
		bw, bh := math.Round(base/l.scale), math.Round(base*src.aspect/l.scale)
		for _, f := range []float64{0.85, 0.885, 0.92, 0.96, 1.04, 1.08, 1.125, 1.17} {
			w := base * f
			tw := math.Round(w / l.scale)
			if seen[int(tw)] {
				continue
			}
			seen[int(tw)] = true
			// Around the same centre: a wider logo starts further up and
			// left.
			th := math.Round(w * src.aspect / l.scale)
			x2, y2 := x+int(math.Round((bw-tw)/2)), y+int(math.Round((bh-th)/2))
			if n, ok := try(w, x2, y2, 2); ok && n.score > best.score {
				best = n
			}
		}
		if r := best.width / base; r > 0.87 && r < 1.15 {
			break
		}
	}
	return best
}
