package image

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"runtime"
	"testing"
)

// fuzzBudget is the pixel budget of the fuzz target: small, so that going
// over it shows in the allocation count.
const fuzzBudget = 1 << 16

// fuzzImageSeeds are small images of every decoded kind, whole, cut short,
// and with headers that claim far more pixels than the file holds.
func fuzzImageSeeds(t testing.TB) [][]byte {
	rgb := image.NewNRGBA(image.Rect(0, 0, 16, 12))
	deep := image.NewNRGBA64(image.Rect(0, 0, 9, 7))
	for y := 0; y < 12; y++ {
		for x := 0; x < 16; x++ {
			rgb.Set(x, y, color.NRGBA{uint8(16 * x), uint8(20 * y), 200, uint8(255 - x)})
			deep.Set(x%9, y%7, color.NRGBA64{uint16(4000 * x), 100, 65535, 65535})
		}
	}
	var pngB, png16, jpgB, gifB bytes.Buffer
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(png.Encode(&pngB, rgb))
	must(png.Encode(&png16, deep))
	must(jpeg.Encode(&jpgB, rgb, &jpeg.Options{Quality: 80}))
	pal := color.Palette{color.White, color.Black, color.NRGBA{0x0B, 0x4E, 0xA2, 255}}
	frames := []*image.Paletted{image.NewPaletted(image.Rect(0, 0, 8, 8), pal), image.NewPaletted(image.Rect(2, 2, 6, 6), pal)}
	must(gif.EncodeAll(&gifB, &gif.GIF{Image: frames, Delay: []int{10, 10}}))
	out := [][]byte{pngB.Bytes(), png16.Bytes(), jpgB.Bytes(), gifB.Bytes(),
		PNGClaiming(40000, 40000), JPEGClaiming(jpgB.Bytes(), 60000, 60000), JPEGClaiming(jpgB.Bytes(), 300, 300),
		AnimatedWebP(64, 64), []byte("RIFF\x10\x00\x00\x00WEBPVP8 \x00\x00\x00\x00"), {}, []byte("bukan gambar")}
	for _, b := range [][]byte{pngB.Bytes(), jpgB.Bytes(), gifB.Bytes()} {
		out = append(out, b[:len(b)/2], b[:len(b)-3])
	}
	return out
}

// PNGClaiming is a PNG whose header claims w x h pixels and whose data is
// one tiny compressed block: a decompression bomb.
func PNGClaiming(w, h uint32) []byte {
	chunk := func(typ string, data []byte) []byte {
		b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
		b = append(b, typ...)
		b = append(b, data...)
		return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	// zlib stream of a few zero bytes.
	idat := []byte{0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01}
	b := []byte("\x89PNG\r\n\x1a\n")
	b = append(b, chunk("IHDR", ihdr)...)
	b = append(b, chunk("IDAT", idat)...)
	return append(b, chunk("IEND", nil)...)
}

// JPEGClaiming rewrites the frame size of a baseline JPEG (its SOF0
// marker) to w x h, keeping the small scan: a JPEG decompression bomb.
func JPEGClaiming(jpg []byte, w, h uint16) []byte {
	b := append([]byte(nil), jpg...)
	if i := bytes.Index(b, []byte{0xff, 0xc0}); i >= 0 && i+9 <= len(b) {
		binary.BigEndian.PutUint16(b[i+5:], h)
		binary.BigEndian.PutUint16(b[i+7:], w)
	}
	return b
}

// AnimatedWebP is the start of an animated WebP (VP8X with the animation
// flag, ANIM and one empty ANMF frame) of a w x h canvas.
func AnimatedWebP(w, h int) []byte {
	le24 := func(v int) []byte { return []byte{byte(v), byte(v >> 8), byte(v >> 16)} }
	chunk := func(typ string, data []byte) []byte {
		b := append([]byte(typ), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
		b = append(b, data...)
		if len(data)%2 == 1 {
			b = append(b, 0)
		}
		return b
	}
	vp8x := append([]byte{0x02, 0, 0, 0}, le24(w-1)...)
	vp8x = append(vp8x, le24(h-1)...)
	anmf := append(append(append(le24(0), le24(0)...), le24(w-1)...), le24(h-1)...)
	anmf = append(anmf, le24(10)...)
	anmf = append(anmf, 0)
	body := append([]byte("WEBP"), chunk("VP8X", vp8x)...)
	body = append(body, chunk("ANIM", make([]byte, 6))...)
	body = append(body, chunk("ANMF", anmf)...)
	return append(append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...), body...)
}

// FuzzDecodePicture feeds any bytes to the image rules' one decoding entry
// point. It never panics; it gives either a problem for image-unreadable
// (in both languages) or a decoded picture within the pixel budget with
// its small copies in shape; and it never allocates much beyond what the
// pixel budget allows, whatever the header claims.
func FuzzDecodePicture(f *testing.F) {
	for _, s := range fuzzImageSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		pc := decodePicture(func(string) ([]byte, error) { return data, nil }, "f.png", "f.png", fuzzBudget)
		runtime.ReadMemStats(&after)
		// A decoder may hold a few full-size copies (16-bit RGBA is 8 bytes
		// a pixel, then one 4-byte conversion) and buffers of the input.
		limit := uint64(64*fuzzBudget + 32*len(data) + 1<<20)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > limit {
			t.Fatalf("decoding %d bytes allocated %d bytes (limit %d; image %dx%d, problem %q)", len(data), alloc, limit, pc.StoredW, pc.StoredH, pc.Problem.EN)
		}
		if pc.Missing {
			t.Fatal("a file that was read is reported missing")
		}
		if !pc.OK() {
			if pc.Problem.ID == "" || pc.Problem.EN == "" {
				t.Fatalf("problem without both languages: %+v", pc.Problem)
			}
			return
		}
		switch pc.Format {
		case "jpeg", "png", "gif", "webp":
		default:
			t.Fatalf("decoded an image of format %q", pc.Format)
		}
		if pc.W <= 0 || pc.H <= 0 || pc.StoredW*pc.StoredH > fuzzBudget || pc.W*pc.H != pc.StoredW*pc.StoredH {
			t.Fatalf("decoded %dx%d (stored %dx%d) with a budget of %d pixels", pc.W, pc.H, pc.StoredW, pc.StoredH, fuzzBudget)
		}
		if s := pc.small; s == nil || s.W < 1 || s.H < 1 || s.W > smallSide || s.H > smallSide || len(s.Pix) != 3*s.W*s.H {
			t.Fatalf("colour copy out of shape: %+v", s)
		}
		if g := pc.grey; g == nil || g.W < 1 || g.H < 1 || len(g.Pix) != g.W*g.H {
			t.Fatalf("grey copy out of shape: %+v", g)
		}
	})
}
