package audit

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"image"
	_ "image/gif"  // decoders for perceptual hashes
	_ "image/jpeg" //
	_ "image/png"  //
	"math/bits"
	"strconv"

	"github.com/selaras/selaras/lint"
)

// Caption signatures: MinHash over word 3-shingles. Two captions whose
// signatures agree in at least captionSimilar of their slots are near
// identical (the share estimates the Jaccard similarity of their shingle
// sets). Captions with fewer than minCaptionWords words are not compared:
// "Selamat pagi" is not a reused caption.
const (
	minhashSize     = 64
	shingleWords    = 3
	minCaptionWords = 8
	captionSimilar  = 0.8
)

// captionSig returns the MinHash signature of a draft's caption (words,
// numbers and hashtags, lower case), base64; "" when too short.
func captionSig(d *lint.Draft) string {
	var words []string
	for _, t := range d.Tokens {
		switch t.Kind {
		case lint.TokWord, lint.TokNumber, lint.TokHashtag:
			words = append(words, t.Lower)
		}
	}
	if len(words) < minCaptionWords {
		return ""
	}
	var mins [minhashSize]uint32
	for i := range mins {
		mins[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for k := range mins {
			v := uint32(mix64(x^seeds[k]) >> 32)
			if v < mins[k] {
				mins[k] = v
			}
		}
	}
	buf := make([]byte, 4*minhashSize)
	for k, v := range mins {
		binary.LittleEndian.PutUint32(buf[4*k:], v)
	}
	return base64.StdEncoding.EncodeToString(buf)
}

var seeds = func() (s [minhashSize]uint64) {
	x := uint64(0x5e1a7a5)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return
}()

// mix64 is the splitmix64 finalizer.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func decodeSig(s string) ([]uint32, bool) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != 4*minhashSize {
		return nil, false
	}
	out := make([]uint32, minhashSize)
	for k := range out {
		out[k] = binary.LittleEndian.Uint32(b[4*k:])
	}
	return out, true
}

func similarity(a, b []uint32) float64 {
	same := 0
	for k := range a {
		if a[k] == b[k] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// Image signatures: a 64-bit difference hash (dHash) of the image shrunk
// to 9x8 grey cells, and the mean grey level. Two images are the same
// picture when their hashes differ in at most imageDistance bits and their
// mean grey levels by at most lumaDistance (a plain white and a plain blue
// picture have the same dHash).
const (
	imageDistance = 6
	lumaDistance  = 24
	// maxHashPixels bounds the pixels decoded for a hash (a small file
	// may claim a huge size).
	maxHashPixels = 50_000_000
)

// imageSig decodes an image and returns its dHash (hex) and mean grey.
func imageSig(data []byte) (hash string, luma int, err error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", 0, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxHashPixels {
		return "", 0, fmt.Errorf("image too large to hash")
	}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("image decoder failed: %v", v)
		}
	}()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return "", 0, err
	}
	b := img.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 {
		return "", 0, fmt.Errorf("empty image")
	}
	hash, luma = dHash(b.Dx(), b.Dy(), func(x, y int) float64 { return grey(img, b.Min.X+x, b.Min.Y+y) })
	return hash, luma, nil
}

// greySig is imageSig for a grey copy the image rules already made.
func greySig(g *lint.GreyImage) (hash string, luma int) {
	if g.W == 0 || g.H == 0 {
		return dHash(1, 1, func(int, int) float64 { return 0 })
	}
	return dHash(g.W, g.H, func(x, y int) float64 { return float64(g.Pix[y*g.W+x]) })
}

// dHash is the 64-bit difference hash of a w x h grey picture read through
// at, and its mean grey.
func dHash(w, hgt int, at func(x, y int) float64) (string, int) {
	var cells [8][9]float64
	var counts [8][9]float64
	// Sample at most about 128x128 points: plenty for 72 cells.
	step := max(1, max(w, hgt)/128)
	total, n := 0.0, 0.0
	for y := 0; y < hgt; y += step {
		cy := y * 8 / hgt
		for x := 0; x < w; x += step {
			cx := x * 9 / w
			g := at(x, y)
			cells[cy][cx] += g
			counts[cy][cx]++
			total += g
			n++
		}
	}
	var h uint64
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			l := cells[y][x] / max(counts[y][x], 1)
			r := cells[y][x+1] / max(counts[y][x+1], 1)
			h <<= 1
			if l > r {
				h |= 1
			}
		}
	}
	return fmt.Sprintf("%016x", h), int(total/n + 0.5)
}

// grey is the luma (0-255) of one pixel, read directly from the common
// decoded layouts.
func grey(img image.Image, x, y int) float64 {
	switch m := img.(type) {
	case *image.YCbCr:
		return float64(m.Y[m.YOffset(x, y)])
	case *image.Gray:
		return float64(m.Pix[m.PixOffset(x, y)])
	case *image.NRGBA:
		i := m.PixOffset(x, y)
		p := m.Pix[i : i+4 : i+4]
		return lumaOf(float64(p[0]), float64(p[1]), float64(p[2]))
	case *image.RGBA:
		i := m.PixOffset(x, y)
		p := m.Pix[i : i+4 : i+4]
		return lumaOf(float64(p[0]), float64(p[1]), float64(p[2]))
	}
	r, g, b, _ := img.At(x, y).RGBA()
	return lumaOf(float64(r>>8), float64(g>>8), float64(b>>8))
}

func lumaOf(r, g, b float64) float64 { return 0.299*r + 0.587*g + 0.114*b }

func hashDistance(a, b string) (int, bool) {
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return bits.OnesCount64(x ^ y), true
}
