package image

import (
	"image"
	"math"
	"sort"
	"sync"

	"github.com/selaras/selaras/lint"
)

// Blur is the image-blur rule.
var Blur = &lint.Rule{
	Name: "image-blur",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Gambar tidak boleh buram", EN: "Images must not be blurry"},
		Why: lint.Text{
			ID: "Gambar buram terlihat asal-asalan dan teks di dalamnya sulit dibaca. Ketajaman diukur dengan varians Laplacian pada salinan abu-abu berukuran tetap, di bagian foto yang paling berdetail, sehingga poster dengan bidang datar yang luas tidak dianggap buram. Bila gambar berisi foto, hanya foto yang dinilai (huruf dan tepi desain selalu tajam dan tidak menunjukkan apakah fotonya fokus); gambar tanpa foto yang dikenali dinilai seluruhnya.",
			EN: "A blurry image looks careless and its text is hard to read. Sharpness is the variance of the Laplacian on a fixed-size grey copy, over the photo's most detailed parts, so a poster with large flat areas is not taken for blurry. When the image holds photographs, only they are judged (design lettering and edges are always sharp and say nothing about the photo's focus); an image with no photograph found is judged whole."},
		Fix:      lint.Text{ID: "Pakai berkas asli beresolusi penuh, bukan tangkapan layar atau gambar yang diperbesar.", EN: "Use the original full-resolution file, not a screenshot or an enlarged picture."},
		Bad:      "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAAAAACPAi4CAAAAq0lEQVR42uzWOW7EMBTAUA8hL9+nzqnnWws0AVKnYxEgUM/Xs3xFxHUee+H1maO3+mTmO/OprY+5bZT9OK+IuH/vkP5B+or0Dek70g+kn0i/If3GX/uC9DvSH0h/Iv2F9IH0gfSB9DfSB9IH0l9IfyL9gfQ70hesR/oX0n+QfiL9QPqO9M36ivQP0ifSJ9L/TJbxb6RPpE/u9YnrE9cnrk9cn/iPPvE7AAD//5aE6V69wCpfAAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAAAAACPAi4CAAAATklEQVR42uzSsQnAMAxFwZ+QYTKWRss4GcsbuLAKg7nXqBNI3PMm+ZLU4rzTbP+C62/cX4f8gAMOOOCAAw444IADDjjggAMOJo0AAAD//8BRf/Rs6O19AAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Severity: lint.Warning,
		KitKeys:  []string{"[images] blur_min"},
	},
	Check:    checkBlur,
	OnImages: true,
}

// Exposure is the image-exposure rule.
var Exposure = &lint.Rule{
	Name: "image-exposure",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Foto tidak boleh terlalu terang atau terlalu gelap", EN: "Photos must not be over- or underexposed"},
		Why: lint.Text{
			ID: "Bagian foto yang putih atau hitam pekat kehilangan detailnya (wajah, papan nama). Hanya foto yang dinilai: selaras memisahkan foto dari desain lebih dulu, dan bidang desain, berwarna palet atau tidak, tidak dihitung. Latar putih poster adalah pilihan, bukan salah cahaya, dan kotak teks putih di luar palet dilaporkan sekali saja, oleh image-palette yang lebih tepat menyebut masalahnya. Langit putih atau bayangan hitam di dalam foto tetap dinilai di sini.",
			EN: "Parts of a photo that are pure white or pure black have lost their detail (faces, signs). Only photographs are judged: selaras first tells photographs from design, and designed areas, in palette colours or not, do not count. A poster's white background is a choice, not bad exposure, and an off-palette white text box is reported once, by image-palette, which names the problem more precisely. A white sky or a black shadow inside a photo is still judged here."},
		Fix:      lint.Text{ID: "Atur ulang kecerahan atau pakai foto lain.", EN: "Adjust the brightness or use another photo."},
		Bad:      "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAABAElEQVR42hzIvy8DAQBH8a/TRSJhI4ZabAw2f0Fng+UGCxEXbaifEcLQ3CDSxnZRDZESrqFp03BDSbR3N4uwSCMdjBIpEovFk3rTyyeCrJHouMLXSeXeBz6fBWSyc+wfLXAHNYR7CVzBjUcVB0Pm45LUUCX2ot9aXLKBPQqQgZU0M51jH8PJoUJS7qz8/il9qY4FJLJe6NNOkIcceKvs5plf1z+zswEX7SlFtluOpNao/Mbhd1+HadhOWWXF7vX0Yyw2zZQhBbpVd2+qx54udulNnHONiw9nwEnROI7qQaZCS02danBCbAZsQYIDMstpuyqrToW1BHEIKMFfAAAA//+QH6Czwgit0AAAAABJRU5ErkJggg==\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAABIElEQVR42gAQAe/+BMOvCRvXROAawVrALeffQsMDDQktxywZ0h3Y9yQU9yC5NgQD+fgY/b0Y9SMvAbcCAQm4AgEQEecFDecD6dbREw5EAkoDLCMWLvsL6epC0fH1+8csDQQ+0gjmL/wRB8kSEugJGQ6/Au/4yhi/DvYCJQXq9xANGUkC5wT95Cv7JynVC/EVJ+79DQLs+gtD1+AV5DD2Tzr+5/esBEUM8u0KLLkr+QPV4vj8CzgC3wTlDkj16PbUMfD6RCfbywGuGebqCv8gvPYELeQNAvYMAhDfGgkhztcq8wT9/90MOt0BwcsN3e8FUu8G3ef2Td7VDwLQ+/sMAzjcBMHdJPr1z1gcAgD4Mwhf0RfgGjXyXOoL7x8BAAD///xZfb+PQBPeAAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Severity: lint.Info,
		KitKeys:  []string{"[images] clip_max"},
	},
	Check:    checkExposure,
	OnImages: true,
}

const blurSide = 384 // longer side of the grey copy sharpness is measured on

// sharpness is the 90th percentile of the variance of the Laplacian over
// the detailed 32x32 tiles of a fixed-size grey copy; ok is false when the
// image has too little detail to judge.
func sharpness(pc *picture, d *design) (float64, bool) {
	buf := greyPool.Get().(*[]float32)
	defer greyPool.Put(buf)
	g := fixedGreyInto(pc.grey, blurSide, buf)
	const tile = 32
	var vars []float64
	for ty := 0; ty+tile <= g.H; ty += tile {
		for tx := 0; tx+tile <= g.W; tx += tile {
			if d != nil && !d.photoTile(tx, ty, tile, g.W, g.H) {
				continue // design: lettering and edges are not the photo's focus
			}
			var s, sq, ls, lsq float64
			n := 0
			x0, x1 := max(tx, 1), min(tx+tile, g.W-1)
			for y := max(ty, 1); y < min(ty+tile, g.H-1); y++ {
				up, row, dn := g.Pix[(y-1)*g.W:y*g.W], g.Pix[y*g.W:(y+1)*g.W], g.Pix[(y+1)*g.W:(y+2)*g.W]
				for x := x0; x < x1; x++ {
					c := float64(row[x])
					l := 4*c - float64(row[x-1]) - float64(row[x+1]) - float64(up[x]) - float64(dn[x])
					s += c
					sq += c * c
					ls += l
					lsq += l * l
					n++
				}
			}
			if n == 0 {
				continue
			}
			fn := float64(n)
			if sq/fn-(s/fn)*(s/fn) < 16 { // std below 4 levels: flat, nothing to judge
				continue
			}
			vars = append(vars, lsq/fn-(ls/fn)*(ls/fn))
		}
	}
	if len(vars) < 4 {
		return 0, false
	}
	sort.Float64s(vars)
	return vars[int(math.Floor(0.9*float64(len(vars)-1)))], true
}

// greyPool holds the blur measure's resampled copies between pictures.
var greyPool = sync.Pool{New: func() any { return new([]float32) }}

// fixedGreyInto resamples a grey copy so its longer side is side
// (bilinear; never enlarges), into *buf (grown as needed).
func fixedGreyInto(g *greyImage, side int, buf *[]float32) *greyImage {
	if max(g.W, g.H) <= side {
		return g
	}
	w, h := fitSide(g.W, g.H, side)
	out := &greyImage{W: w, H: h, Pix: grow(buf, w*h)}
	fx, fy := float64(g.W)/float64(w), float64(g.H)/float64(h)
	x0s, x1s, wxs := make([]int, w), make([]int, w), make([]float32, w)
	for x := range w {
		sx := math.Max(0, (float64(x)+0.5)*fx-0.5)
		x0s[x] = min(int(sx), g.W-1)
		x1s[x] = min(x0s[x]+1, g.W-1)
		wxs[x] = float32(sx - float64(x0s[x]))
	}
	for y := 0; y < h; y++ {
		sy := math.Max(0, (float64(y)+0.5)*fy-0.5)
		y0 := min(int(sy), g.H-1)
		y1 := min(y0+1, g.H-1)
		wy := float32(sy - float64(y0))
		r0, r1 := g.Pix[y0*g.W:(y0+1)*g.W], g.Pix[y1*g.W:(y1+1)*g.W]
		orow := out.Pix[y*w : (y+1)*w]
		for x := range orow {
			x0, x1, wx := x0s[x], x1s[x], wxs[x]
			a := r0[x0] + (r0[x1]-r0[x0])*wx
			b := r1[x0] + (r1[x1]-r1[x0])*wx
			orow[x] = a + (b-a)*wy
		}
	}
	return out
}

func checkBlur(p *lint.Pass) error {
	min := p.Kit.Images.MinSharpness()
	each(p, func(im lint.ImageRef, pc *picture) {
		s, ok := sharpness(pc, pc.designFor(p.Kit))
		if !ok || s >= min {
			return
		}
		report(p, pc, lint.Finding{Match: "blur", Message: lint.Tf(
			"gambar buram: ketajaman %.0f, minimal %.0f; pakai berkas asli beresolusi penuh",
			"the image is blurry: sharpness %.0f, at least %.0f wanted; use the original full-resolution file", s, min)})
	})
	return nil
}

// clipping measures the photo part of an image: the pixels segment.go
// gives to photographs (designed areas are image-palette's).
type clipping struct {
	photo      int // photo pixels in the colour copy
	total      int
	high, low  int
	highBox    image.Rectangle
	lowBox     image.Rectangle
	photoShare float64
}

func measureClipping(pc *picture, d *design) clipping {
	m := pc.small
	c := clipping{total: m.W * m.H}
	hb := [4]int{m.W, m.H, -1, -1}
	lb := hb
	grow := func(b *[4]int, x, y int) {
		b[0], b[1], b[2], b[3] = min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y)
	}
	for y := 0; y < m.H; y++ {
		for x := 0; x < m.W; x++ {
			if !d.judgesPhoto(x, y) {
				continue // a designed area: image-palette's to judge
			}
			c.photo++
			// A clipped pixel next to a strong contrast (white text on a
			// dark band, black text on white) is lettering, not lost
			// detail.
			switch {
			case clipped(m, x, y, true) && !contrastAround(m, x, y, true):
				c.high++
				grow(&hb, x, y)
			case clipped(m, x, y, false) && !contrastAround(m, x, y, false):
				c.low++
				grow(&lb, x, y)
			}
		}
	}
	c.photoShare = float64(c.photo) / float64(c.total)
	toFull := func(b [4]int) image.Rectangle {
		if b[2] < 0 {
			return image.Rectangle{}
		}
		sx, sy := float64(pc.W)/float64(m.W), float64(pc.H)/float64(m.H)
		return image.Rect(int(float64(b[0])*sx), int(float64(b[1])*sy), min(pc.W, int(float64(b[2]+1)*sx+0.5)), min(pc.H, int(float64(b[3]+1)*sy+0.5)))
	}
	c.highBox, c.lowBox = toFull(hb), toFull(lb)
	return c
}

// clipped reports whether a pixel is pure white (high) or pure black.
func clipped(m *rgbImage, x, y int, high bool) bool {
	r, g, b := m.at(x, y)
	if high {
		return r >= 250 && g >= 250 && b >= 250
	}
	return r <= 5 && g <= 5 && b <= 5
}

// contrastAround reports whether a clipped pixel has a neighbour on the
// other side of mid-grey: the edge of lettering or a graphic.
func contrastAround(m *rgbImage, x, y int, high bool) bool {
	for yy := max(y-1, 0); yy <= min(y+1, m.H-1); yy++ {
		for xx := max(x-1, 0); xx <= min(x+1, m.W-1); xx++ {
			r, g, b := m.at(xx, yy)
			l := 0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)
			if (high && l < 128) || (!high && l > 128) {
				return true
			}
		}
	}
	return false
}

func checkExposure(p *lint.Pass) error {
	limit := p.Kit.Images.MaxClipped()
	each(p, func(im lint.ImageRef, pc *picture) {
		d := pc.designFor(p.Kit)
		c := measureClipping(pc, d)
		if c.photoShare < 0.15 {
			return // nearly all design: exposure does not apply
		}
		hi, lo := float64(c.high)/float64(c.photo), float64(c.low)/float64(c.photo)
		if hi > limit {
			report(p, pc, lint.Finding{Match: "highlights", Region: region(c.highBox), Message: lint.Tf(
				"foto terlalu terang: %.0f%% bagiannya putih pekat tanpa detail (batas %.0f%%); kurangi kecerahan",
				"the photo is overexposed: %.0f%% of it is pure white without detail (limit %.0f%%); lower the brightness", hi*100, limit*100)})
		}
		if lo > limit {
			report(p, pc, lint.Finding{Match: "shadows", Region: region(c.lowBox), Message: lint.Tf(
				"foto terlalu gelap: %.0f%% bagiannya hitam pekat tanpa detail (batas %.0f%%); cerahkan",
				"the photo is underexposed: %.0f%% of it is pure black without detail (limit %.0f%%); brighten it", lo*100, limit*100)})
		}
	})
	return nil
}
