// Command postergen builds the labelled poster set of
// rules/image/testdata/posters-real: real photographs (public domain or
// CC0, from scikit-image's sample data as Debian ships it) placed in
// poster layouts in the test kit's colours, and the same layouts with
// off-palette design elements. It writes the posters and labels.tsv, the
// expected image-palette outcome of each, decided by construction before
// any rule runs.
//
//	apt-get download python3-skimage && dpkg-deb -x python3-skimage_*.deb /tmp/sk
//	go run ./rules/image/internal/postergen -src /tmp/sk/usr/lib/python3/dist-packages/skimage/data -out rules/image/testdata/posters-real
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/disintegration/imaging"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

const w, h = 480, 600 // a 4:5 poster, small to keep the set small

// The test kit's palette (rules/image/helpers_test.go).
var (
	blue   = color.NRGBA{0x0B, 0x4E, 0xA2, 255}
	yellow = color.NRGBA{0xF2, 0xB7, 0x05, 255}
	white  = color.NRGBA{255, 255, 255, 255}
	// Near-palette: about ΔE00 2 from blue and yellow, within tolerance 5.
	nearBlue   = color.NRGBA{0x0E, 0x52, 0xA6, 255}
	nearYellow = color.NRGBA{0xEE, 0xB3, 0x08, 255}
)

// Off-palette design colours, each far (ΔE00 > 10) from every kit colour.
var off = map[string]color.NRGBA{
	"red":     {0xD6, 0x28, 0x28, 255},
	"green":   {0x1B, 0x7F, 0x3B, 255},
	"magenta": {0xC2, 0x18, 0x5B, 255},
	"teal":    {0x0E, 0x5E, 0x6F, 255},
	"orange":  {0xE7, 0x6F, 0x51, 255},
	"cream":   {0xF5, 0xE6, 0xC8, 255},
	"pink":    {0xF4, 0xC2, 0xD7, 255},
	"grey":    {0xC8, 0xC8, 0xC8, 255},
}

// photos are the real photographs used, with their licences (also in the
// set's README.md).
var photos = []struct {
	file, name, half, what string
}{
	{"astronaut.png", "astronaut", "tune", "studio portrait, bright flat backdrop"},
	{"coffee.png", "coffee", "tune", "dark shadows on a table"},
	{"camera.png", "camera", "tune", "black-and-white, pale flat sky"},
	{"hubble_deep_field.jpg", "hubble", "tune", "night sky, black"},
	{"rocket.jpg", "rocket", "test", "night scene, dusk sky"},
	{"chelsea.png", "chelsea", "test", "fur texture, soft background"},
	{"coins.png", "coins", "test", "black-and-white, flat dark backdrop"},
	{"retina.jpg", "retina", "test", "bright disc on black"},
	{"text.png", "text", "test", "black-and-white, flat grey paper"},
}

// variant is one poster: a layout in some colours.
type variant struct {
	layout string
	cols   map[string]color.NRGBA // role -> colour
	offEl  string                 // the off-palette element ("" when on brand)
}

func main() {
	src := flag.String("src", "", "scikit-image data directory")
	out := flag.String("out", "", "output directory")
	flag.Parse()
	if *src == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: postergen -src DIR -out DIR")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	layouts := []string{"band", "fullbleed", "split", "frame"}
	var labels []string
	labels = append(labels, "# file\thalf\texpected image-palette\tphoto\tlayout\tdesign colours")
	for i, ph := range photos {
		img, err := imaging.Open(filepath.Join(*src, ph.file))
		if err != nil {
			fail(err)
		}
		for j := range 4 {
			lay := layouts[(i+j)%4]
			v := variant{layout: lay, cols: onBrand(lay, j == 1)}
			kind := "on"
			if j == 1 {
				kind = "near"
			}
			if j >= 2 {
				role, name := offRole(lay, i+j)
				v.cols[role] = off[name]
				v.offEl = role + "=" + name
				kind = "off-" + role
			}
			m := draw1(v, img)
			name := fmt.Sprintf("%s-%s-%s.jpg", ph.name, lay, kind)
			f, err := os.Create(filepath.Join(*out, name))
			if err != nil {
				fail(err)
			}
			if err := jpeg.Encode(f, m, &jpeg.Options{Quality: 85}); err != nil {
				fail(err)
			}
			if err := f.Close(); err != nil {
				fail(err)
			}
			want := "none"
			if v.offEl != "" {
				want = "off-palette:" + v.offEl
			}
			labels = append(labels, strings.Join([]string{name, ph.half, want, ph.name, lay, describe(v.cols)}, "\t"))
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "labels.tsv"), []byte(strings.Join(labels, "\n")+"\n"), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "postergen:", err)
	os.Exit(1)
}

func describe(c map[string]color.NRGBA) string {
	var parts []string
	for _, r := range []string{"bg", "band", "box", "badge", "panel", "text"} {
		if v, ok := c[r]; ok {
			parts = append(parts, fmt.Sprintf("%s=#%02X%02X%02X", r, v.R, v.G, v.B))
		}
	}
	return strings.Join(parts, " ")
}

// onBrand is a layout's colours in the kit's palette (near: shifted by
// about ΔE00 2, as a JPEG round trip or a careless export would).
func onBrand(lay string, near bool) map[string]color.NRGBA {
	b, y := blue, yellow
	if near {
		b, y = nearBlue, nearYellow
	}
	switch lay {
	case "band":
		return map[string]color.NRGBA{"bg": white, "band": b, "text": white}
	case "fullbleed":
		return map[string]color.NRGBA{"band": b, "box": white, "text": white}
	case "split":
		return map[string]color.NRGBA{"bg": b, "badge": y, "text": white}
	default: // frame
		return map[string]color.NRGBA{"bg": y, "panel": white, "text": b}
	}
}

// offRole picks which design element of a layout goes off-palette, and in
// which colour.
func offRole(lay string, k int) (string, string) {
	var opts [][2]string
	switch lay {
	case "band":
		opts = [][2]string{{"band", "red"}, {"bg", "cream"}, {"band", "green"}}
	case "fullbleed":
		opts = [][2]string{{"band", "green"}, {"box", "pink"}, {"band", "teal"}}
	case "split":
		opts = [][2]string{{"badge", "magenta"}, {"bg", "teal"}, {"badge", "orange"}}
	default:
		opts = [][2]string{{"bg", "orange"}, {"panel", "grey"}, {"bg", "green"}}
	}
	o := opts[k%len(opts)]
	return o[0], o[1]
}

// draw1 draws one poster.
func draw1(v variant, photo image.Image) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	c := v.cols
	fill := func(r image.Rectangle, col color.NRGBA) {
		draw.Draw(m, r, &image.Uniform{col}, image.Point{}, draw.Src)
	}
	put := func(r image.Rectangle) {
		p := imaging.Fill(photo, r.Dx(), r.Dy(), imaging.Center, imaging.Lanczos)
		draw.Draw(m, r, p, image.Point{}, draw.Src)
	}
	switch v.layout {
	case "band":
		fill(m.Bounds(), c["bg"])
		put(image.Rect(40, 110, 440, 420))
		fill(image.Rect(0, 450, w, h), c["band"])
		text(m, 40, 480, 2, "LAYANAN KESEHATAN GRATIS", c["text"])
		text(m, 40, 520, 1, "Puskesmas buka setiap hari pukul 08.00-16.00", c["text"])
		text(m, 120, 50, 2, "DINAS KESEHATAN", blue)
		logo(m, 20, 20, 80)
	case "fullbleed":
		put(m.Bounds())
		fill(image.Rect(0, 470, w, h), c["band"])
		fill(image.Rect(30, 30, 330, 120), c["box"])
		logo(m, 40, 40, 70)
		text(m, 120, 55, 2, "PEMKAB", blue)
		text(m, 120, 90, 1, "Kabupaten Sejahtera", blue)
		text(m, 30, 500, 2, "VAKSINASI KELILING", c["text"])
		text(m, 30, 540, 1, "Datang ke balai desa terdekat", c["text"])
	case "split":
		fill(m.Bounds(), c["bg"])
		put(image.Rect(0, 0, w, 330))
		disc(m, 390, 330, 60, c["badge"])
		text(m, 352, 322, 2, "GRATIS", blue)
		text(m, 30, 400, 2, "PASAR MURAH", c["text"])
		text(m, 30, 440, 1, "Sabtu, 14 Desember, alun-alun kota", c["text"])
		fill(image.Rect(20, 20, 110, 110), white)
		logo(m, 25, 25, 80)
	default: // frame
		fill(m.Bounds(), c["bg"])
		fill(image.Rect(24, 24, w-24, h-24), c["panel"])
		logo(m, 40, 40, 70)
		text(m, 125, 60, 2, "BPBD KOTA", c["text"])
		put(image.Rect(44, 130, w-44, 420))
		text(m, 44, 450, 2, "SIAGA BENCANA", c["text"])
		text(m, 44, 490, 1, "Kenali jalur evakuasi di lingkunganmu", c["text"])
	}
	return m
}

// logo draws a simple mark in the kit's colours: a blue disc with a
// yellow bar.
func logo(m *image.NRGBA, x, y, size int) {
	r := float64(size) / 2
	disc(m, x+size/2, y+size/2, int(r), blue)
	draw.Draw(m, image.Rect(x+size*3/10, y+size*4/10, x+size*7/10, y+size*6/10), &image.Uniform{yellow}, image.Point{}, draw.Src)
}

// disc fills a circle, its edge anti-aliased.
func disc(m *image.NRGBA, cx, cy, r int, col color.NRGBA) {
	for y := cy - r - 1; y <= cy+r+1; y++ {
		for x := cx - r - 1; x <= cx+r+1; x++ {
			if !(image.Point{x, y}.In(m.Bounds())) {
				continue
			}
			d := math.Hypot(float64(x-cx)+0.5, float64(y-cy)+0.5)
			a := math.Max(0, math.Min(1, float64(r)-d+0.5))
			if a <= 0 {
				continue
			}
			o := m.NRGBAAt(x, y)
			mix := func(p, q uint8) uint8 { return uint8(float64(p)*(1-a) + float64(q)*a + 0.5) }
			m.SetNRGBA(x, y, color.NRGBA{mix(o.R, col.R), mix(o.G, col.G), mix(o.B, col.B), 255})
		}
	}
}

// text draws a line of lettering at (x, y) (top left), scale times the
// 7x13 bitmap font, smoothed as a designer's export would be.
func text(m *image.NRGBA, x, y, scale int, s string, col color.NRGBA) {
	face := basicfont.Face7x13
	tw := font.MeasureString(face, s).Ceil()
	mask := image.NewAlpha(image.Rect(0, 0, tw, 13))
	d := &font.Drawer{Dst: mask, Src: image.Opaque, Face: face, Dot: fixed.P(0, 10)}
	d.DrawString(s)
	big := imaging.Resize(mask, tw*scale, 13*scale, imaging.Linear)
	r := big.Bounds().Add(image.Pt(x, y))
	draw.DrawMask(m, r, &image.Uniform{col}, image.Point{}, big, image.Point{}, draw.Over)
}
