package image

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io/fs"
	"math"
	"math/rand"
	"sort"
	"sync"
	"testing"

	"github.com/disintegration/imaging"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

var (
	blue   = color.NRGBA{0x0B, 0x4E, 0xA2, 255}
	yellow = color.NRGBA{0xF2, 0xB7, 0x05, 255}
	white  = color.NRGBA{255, 255, 255, 255}
	red    = color.NRGBA{0xD6, 0x28, 0x28, 255}
)

// memFiles is an in-memory file source for the engine and the rules.
type memFiles map[string][]byte

func (m memFiles) ReadFile(p string) ([]byte, error) {
	if b, ok := m[p]; ok {
		return b, nil
	}
	return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
}

// logoMark draws the test brand's logo: a blue disc with a yellow block
// letter and a white bar, transparent around the disc.
func logoMark(size int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, size, size))
	c := float64(size) / 2
	s := float64(size) / 200
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			dx, dy := float64(x)+0.5-c, float64(y)+0.5-c
			if math.Hypot(dx, dy) <= c-1 {
				m.SetNRGBA(x, y, blue)
			}
		}
	}
	fill := func(x0, y0, x1, y1 float64, col color.NRGBA) {
		draw.Draw(m, image.Rect(int(x0*s), int(y0*s), int(x1*s), int(y1*s)), &image.Uniform{col}, image.Point{}, draw.Src)
	}
	fill(60, 45, 85, 155, yellow)  // stem of the letter
	fill(85, 45, 130, 68, yellow)  // top arm
	fill(85, 90, 120, 110, yellow) // middle arm
	fill(85, 132, 135, 155, yellow)
	fill(130, 68, 145, 132, white) // a white bar
	return m
}

var photos sync.Map // photoKey -> *image.NRGBA: tests reuse them (read only)

type photoKey struct {
	w, h int
	seed int64
}

// photo is a textured, photo-like picture: smooth shapes plus fine noise.
// The result is shared: callers must not change it.
func photo(w, h int, seed int64) *image.NRGBA {
	k := photoKey{w, h, seed}
	if v, ok := photos.Load(k); ok {
		return v.(*image.NRGBA)
	}
	m := makePhoto(w, h, seed)
	photos.Store(k, m)
	return m
}

func makePhoto(w, h int, seed int64) *image.NRGBA {
	r := rand.New(rand.NewSource(seed))
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	type blob struct{ x, y, rad, cr, cg, cb float64 }
	var bs []blob
	for i := 0; i < 40; i++ {
		bs = append(bs, blob{r.Float64() * float64(w), r.Float64() * float64(h), 10 + r.Float64()*float64(w)/5, r.Float64() * 255, r.Float64() * 255, r.Float64() * 255})
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			cr, cg, cb := 90.0+40*math.Sin(float64(x)/37), 110.0+30*math.Cos(float64(y)/23), 100.0
			for _, b := range bs {
				if math.Hypot(float64(x)-b.x, float64(y)-b.y) < b.rad {
					cr, cg, cb = (cr+b.cr)/2, (cg+b.cg)/2, (cb+b.cb)/2
				}
			}
			n := r.Float64()*40 - 20
			m.SetNRGBA(x, y, color.NRGBA{clamp(cr + n), clamp(cg + n), clamp(cb + n), 255})
		}
	}
	return m
}

func clamp(v float64) uint8 { return uint8(math.Max(0, math.Min(255, v))) }

// posterSpec describes a generated poster.
type posterSpec struct {
	w, h      int
	bg, band  color.NRGBA
	photo     bool    // a photo in the middle
	logoShare float64 // logo width as a share of the poster width; 0: none
	logoX     float64 // logo's left edge, share of the width
	logoY     float64 // logo's top edge, share of the height
	noText    bool
}

func poster(s posterSpec) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, s.w, s.h))
	draw.Draw(m, m.Bounds(), &image.Uniform{s.bg}, image.Point{}, draw.Src)
	// a band along the bottom quarter
	draw.Draw(m, image.Rect(0, s.h*3/4, s.w, s.h), &image.Uniform{s.band}, image.Point{}, draw.Src)
	if s.photo {
		ph := photo(s.w*6/10, s.h*4/10, 7)
		draw.Draw(m, ph.Bounds().Add(image.Pt(s.w*2/10, s.h*3/10)), ph, image.Point{}, draw.Src)
	}
	if !s.noText {
		// "text": white bars on the band, sharp edges
		for i := 0; i < 6; i++ {
			x := s.w/10 + i*s.w/8
			draw.Draw(m, image.Rect(x, s.h*8/10, x+s.w/12, s.h*8/10+s.h/40), &image.Uniform{white}, image.Point{}, draw.Src)
		}
	}
	if s.logoShare > 0 {
		lw := int(s.logoShare * float64(s.w))
		lg := imaging.Resize(logoMark(400), lw, lw, imaging.Lanczos)
		at := image.Pt(int(s.logoX*float64(s.w)), int(s.logoY*float64(s.h)))
		draw.Draw(m, lg.Bounds().Add(at), lg, image.Point{}, draw.Over)
	}
	return m
}

func encJPEG(t testing.TB, m image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encPNG(t testing.TB, m image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encGIF(t testing.TB, m image.Image) []byte {
	var b bytes.Buffer
	if err := gif.Encode(&b, m, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// exifSegment builds a JPEG APP1 EXIF segment (big-endian TIFF) with an
// orientation and, optionally, a GPS position and an artist.
func exifSegment(orient int, gps bool, artist string) []byte {
	type entry struct {
		tag, typ uint16
		count    uint32
		val      []byte // inline (<=4 bytes) or stored after the IFDs
	}
	be := binary.BigEndian
	u16 := func(v uint16) []byte { b := make([]byte, 4); be.PutUint16(b, v); return b }
	u32 := func(v uint32) []byte { b := make([]byte, 4); be.PutUint32(b, v); return b }
	rat := func(vs ...uint32) []byte {
		var b []byte
		for _, v := range vs {
			b = append(b, u32(v)...)
			b = append(b, u32(1)...)
		}
		return b
	}
	var ifd0 []entry
	if orient > 0 {
		ifd0 = append(ifd0, entry{0x0112, 3, 1, u16(uint16(orient))})
	}
	if artist != "" {
		ifd0 = append(ifd0, entry{0x013B, 2, uint32(len(artist) + 1), append([]byte(artist), 0)})
	}
	var gpsIFD []entry
	if gps {
		ifd0 = append(ifd0, entry{0x8825, 4, 1, nil}) // offset filled below
		gpsIFD = []entry{
			{1, 2, 2, []byte("S\x00\x00\x00")},
			{2, 5, 3, rat(6, 7, 30)},
			{3, 2, 2, []byte("E\x00\x00\x00")},
			{4, 5, 3, rat(106, 9, 0)},
		}
	}
	sort.Slice(ifd0, func(i, j int) bool { return ifd0[i].tag < ifd0[j].tag })
	// Layout: header(8) | IFD0 | GPS IFD | data
	ifdSize := func(n int) int { return 2 + 12*n + 4 }
	off0 := 8
	offGPS := off0 + ifdSize(len(ifd0))
	dataOff := offGPS
	if gps {
		dataOff += ifdSize(len(gpsIFD))
	}
	var data []byte
	write := func(es []entry, gpsPtr uint32) []byte {
		var b []byte
		b = append(b, u16(uint16(len(es)))[:2]...)
		for _, e := range es {
			b = append(b, u16(e.tag)[:2]...)
			b = append(b, u16(e.typ)[:2]...)
			b = append(b, u32(e.count)...)
			v := e.val
			if e.tag == 0x8825 {
				v = u32(gpsPtr)
			}
			if len(v) <= 4 {
				v = append(v, make([]byte, 4-len(v))...)
				b = append(b, v[:4]...)
			} else {
				b = append(b, u32(uint32(dataOff+len(data)))...)
				data = append(data, v...)
			}
		}
		return append(b, 0, 0, 0, 0)
	}
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08")
	tiff = append(tiff, write(ifd0, uint32(offGPS))...)
	if gps {
		tiff = append(tiff, write(gpsIFD, 0)...)
	}
	tiff = append(tiff, data...)
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	be.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// withEXIF inserts an APP1 segment right after a JPEG's SOI marker.
func withEXIF(jpg, seg []byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

const testKit = `
[palette]
colors    = ["#0B4EA2", "#F2B705", "#FFFFFF"]
tolerance = 5.0

[[logos]]
file      = "/mem/logo.png"
zone      = "top-left"
min_width = 0.08

[platforms.instagram]
image_sizes = ["1080x1080", "1080x1350"]
formats     = ["jpeg", "png"]
max_bytes   = 8388608
min_width   = 1080

[platforms.instagram-story]
image_sizes = ["1080x1920"]
formats     = ["jpeg", "png"]
safe_top    = 250
safe_bottom = 340
`

func testKitWith(t testing.TB, extra string) *brandkit.Kit {
	t.Helper()
	base, err := (&brandkit.Loader{}).Default()
	if err != nil {
		t.Fatal(err)
	}
	kit, err := brandkit.ParseOver(base, "(test kit)", []byte(testKit+extra))
	if err != nil {
		t.Fatal(err)
	}
	return kit
}

// runImages checks inputs with every image rule and returns the findings by
// file path.
func runImages(t testing.TB, kit *brandkit.Kit, files memFiles, inputs ...lint.Input) map[string][]lint.Finding {
	t.Helper()
	if _, ok := files["/mem/logo.png"]; !ok {
		files["/mem/logo.png"] = encPNG(t, logoMark(200))
	}
	eng := &lint.Engine{Rules: Rules(), Kits: &brandkit.Loader{Fixed: kit}, Files: files, Jobs: 1}
	res := eng.Run(inputs)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	out := map[string][]lint.Finding{}
	for _, fr := range res.Files {
		out[fr.Path] = append(out[fr.Path], fr.Findings...)
	}
	return out
}

func imageInput(name string) lint.Input {
	return lint.Input{Path: name, Abs: "/mem/" + name, Root: "/mem", Kind: lint.KindImage}
}

func draftInput(name, src string) lint.Input {
	return lint.Input{Path: name, Abs: "/mem/" + name, Root: "/mem", Data: []byte(src)}
}
