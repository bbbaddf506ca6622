package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sync"
)

// Posters are 1080x1350 JPEGs (Instagram portrait) in the kit's colours:
// a white ground, a photo in the middle, a blue band with "text" bars at
// the bottom and the logo mark at the top left. A few are off-brand on
// purpose, so that the image rules have something to report: no logo, the
// logo in the wrong corner, a red band.

var (
	blue   = color.NRGBA{0x0B, 0x4E, 0xA2, 255}
	yellow = color.NRGBA{0xF2, 0xB7, 0x05, 255}
	white  = color.NRGBA{255, 255, 255, 255}
	red    = color.NRGBA{0xD6, 0x28, 0x28, 255}
)

// drawLogo draws the brand's mark (a blue disc with a yellow letter and a
// white bar) of size px at (x0, y0), leaving the outside of the disc as is.
func drawLogo(m *image.NRGBA, x0, y0, size int) {
	c := float64(size) / 2
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if math.Hypot(float64(x)+0.5-c, float64(y)+0.5-c) <= c-1 {
				m.SetNRGBA(x0+x, y0+y, blue)
			}
		}
	}
	s := float64(size) / 200
	fill := func(a, b, cc, d float64, col color.NRGBA) {
		r := image.Rect(x0+int(a*s), y0+int(b*s), x0+int(cc*s), y0+int(d*s))
		draw.Draw(m, r, &image.Uniform{col}, image.Point{}, draw.Src)
	}
	fill(60, 45, 85, 155, yellow)
	fill(85, 45, 130, 68, yellow)
	fill(85, 90, 120, 110, yellow)
	fill(85, 132, 135, 155, yellow)
	fill(130, 68, 145, 132, white)
}

// logoPNG is the kit's logo file: the mark at 200 px, transparent around.
func logoPNG() []byte {
	m := image.NewNRGBA(image.Rect(0, 0, 200, 200))
	drawLogo(m, 0, 0, 200)
	var b bytes.Buffer
	png.Encode(&b, m)
	return b.Bytes()
}

// renderPoster draws poster number i.
func renderPoster(i int) []byte {
	r := rand.New(rand.NewSource(int64(1000 + i)))
	const w, h = 1080, 1350
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(m, m.Bounds(), &image.Uniform{white}, image.Point{}, draw.Src)
	band := blue
	kind := i % 50
	if kind == 7 || kind == 31 || kind == 44 {
		band = red // off-palette
	}
	draw.Draw(m, image.Rect(0, h*3/4, w, h), &image.Uniform{band}, image.Point{}, draw.Src)
	// A photo: smooth colour field, a few soft shapes and sensor noise.
	px, py, pw, ph := w*2/10, h*3/10, w*6/10, h*4/10
	type blob struct{ x, y, rad, cr, cg, cb float64 }
	var bs []blob
	for k := 0; k < 6; k++ {
		bs = append(bs, blob{r.Float64() * float64(pw), r.Float64() * float64(ph), 30 + r.Float64()*120, r.Float64() * 255, r.Float64() * 255, r.Float64() * 255})
	}
	f1, f2 := 20+r.Float64()*30, 15+r.Float64()*30
	for y := 0; y < ph; y++ {
		for x := 0; x < pw; x++ {
			cr, cg, cb := 90+40*math.Sin(float64(x)/f1), 110+30*math.Cos(float64(y)/f2), 100.0
			for _, b := range bs {
				dx, dy := float64(x)-b.x, float64(y)-b.y
				if dx*dx+dy*dy < b.rad*b.rad {
					cr, cg, cb = (cr+b.cr)/2, (cg+b.cg)/2, (cb+b.cb)/2
				}
			}
			n := r.Float64()*40 - 20
			m.SetNRGBA(px+x, py+y, color.NRGBA{clamp(cr + n), clamp(cg + n), clamp(cb + n), 255})
		}
	}
	// "Text" on the band: white bars with sharp edges.
	for k := 0; k < 4+r.Intn(4); k++ {
		x := w/10 + k*w/9
		draw.Draw(m, image.Rect(x, h*8/10, x+w/12, h*8/10+h/40), &image.Uniform{white}, image.Point{}, draw.Src)
	}
	size := int((0.12 + 0.06*r.Float64()) * w)
	switch {
	case kind == 3 || kind == 23: // no logo
	case kind == 13 || kind == 37: // logo in the wrong corner
		drawLogo(m, w-size-40, 40, size)
	default:
		drawLogo(m, int(0.05*w), int(0.04*h), size)
	}
	var b bytes.Buffer
	jpeg.Encode(&b, m, &jpeg.Options{Quality: 85})
	return b.Bytes()
}

func clamp(v float64) uint8 { return uint8(math.Max(0, math.Min(255, v))) }

// posterPool renders posters once into a folder and hard-links them into
// corpora (a copy when links are not possible).
type posterPool struct{ dir string }

func (p *posterPool) path(i int) string {
	return filepath.Join(p.dir, fmt.Sprintf("poster-%05d.jpg", i))
}

// ensure renders posters 0..n-1 that are not there yet, on workers.
func (p *posterPool) ensure(n, workers int) error {
	if err := os.MkdirAll(p.dir, 0o755); err != nil {
		return err
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if _, err := os.Stat(p.path(i)); err == nil {
					continue
				}
				tmp := p.path(i) + ".tmp"
				err := os.WriteFile(tmp, renderPoster(i), 0o644)
				if err == nil {
					err = os.Rename(tmp, p.path(i))
				}
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return first
}

func (p *posterPool) link(i int, dst string) error {
	if err := os.Link(p.path(i), dst); err == nil {
		return nil
	}
	data, err := os.ReadFile(p.path(i))
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
