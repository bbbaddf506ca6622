package image

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders: GIF, JPEG, PNG and WebP
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"github.com/disintegration/imaging"
	_ "golang.org/x/image/webp"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// MaxImageBytes bounds how much of an image file is examined: far above
// any platform's upload limit, far below what would strain memory.
const MaxImageBytes = 64 << 20

const (
	smallSide = 256  // longer side of the nearest-neighbour colour copy
	greySide  = 1024 // longer side of the box-averaged grey copy is at most this
)

// picture is one image, read and decoded once per draft and shared by every
// image rule through Draft.Memo. It keeps only small derived copies, never
// the full decoded image, so memory stays bounded by the pixel budget for
// the time of one decode.
type picture struct {
	Path    string // as read (absolute on disk, or a repository path)
	Display string // as shown to the user
	Size    int64  // bytes
	Format  string // jpeg, png, gif, webp; "" when not an image

	// Missing is true when the file does not exist; Problem is set when it
	// exists but cannot be used (image-unreadable says why).
	Missing bool
	Problem lint.Text

	StoredW, StoredH int // as stored in the file
	W, H             int // as displayed, after EXIF orientation
	Exif             exifInfo

	small *rgbImage  // nearest-neighbour copy, display orientation
	grey  *greyImage // box-averaged luma, display orientation
	greyF float64    // full-size pixels per grey pixel

	logoMuPyr sync.Once
	pyr       *pyramid

	designOnce sync.Once
	design     *design
	logoMu     sync.Mutex
	logos      map[int]*logoMatch
}

// OK reports whether the image decoded and can be analysed.
func (pc *picture) OK() bool { return !pc.Missing && pc.Problem.ID == "" }

type rgbImage struct {
	W, H int
	Pix  []uint8 // 3 bytes a pixel
}

func (m *rgbImage) at(x, y int) (uint8, uint8, uint8) {
	i := 3 * (y*m.W + x)
	return m.Pix[i], m.Pix[i+1], m.Pix[i+2]
}

type greyImage struct {
	W, H int
	Pix  []float32
}

type pictureKey struct{ path string }

// load returns the image attached as im, decoded once per draft.
func load(p *lint.Pass, im lint.ImageRef) *picture {
	v := p.Draft.Memo(pictureKey{im.Path}, func() any {
		read, path := p.ReadFile, im.Path
		if isDataURI(im.Ref) {
			read, path = readDataURI, im.Ref
		}
		pc := decodePicture(read, path, displayPath(p.Draft, im), p.Kit.Images.PixelBudget())
		if pc.grey != nil {
			// Shared with whoever compares images later (lint.GreyImage).
			p.Draft.Memo(lint.GreyImageKey{Path: im.Path}, func() any {
				return &lint.GreyImage{W: pc.grey.W, H: pc.grey.H, Pix: pc.grey.Pix}
			})
		}
		return pc
	})
	return v.(*picture)
}

// displayPath is how an image is named in output: relative like the draft
// that attaches it.
func displayPath(d *lint.Draft, im lint.ImageRef) string {
	if d.Kind == lint.KindImage || isDataURI(im.Ref) {
		return d.Path // an inline image is part of the draft
	}
	ref := filepath.FromSlash(im.Ref)
	if filepath.IsAbs(ref) {
		return ref
	}
	return filepath.Join(filepath.Dir(d.Path), ref)
}

// isRemote reports whether an image reference is a web address: selaras
// never goes on the network, so such images are not checked.
func isRemote(ref string) bool {
	l := strings.ToLower(ref)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// isDataURI reports whether an image reference is an inline data: URI
// (as Markdown editors paste them), decoded instead of read from disk.
func isDataURI(ref string) bool { return strings.HasPrefix(ref, "data:image/") }

// readDataURI decodes a base64 data: URI's payload.
func readDataURI(ref string) ([]byte, error) {
	_, payload, ok := strings.Cut(ref, ";base64,")
	if !ok {
		return nil, errors.New("inline image is not base64-encoded")
	}
	if base64.StdEncoding.DecodedLen(len(payload)) > MaxImageBytes {
		return nil, errors.New("inline image too large")
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(payload))
	if err != nil {
		return nil, errors.New("inline image: bad base64")
	}
	return b, nil
}

// sniff tells the format from the first bytes, whatever the file is named.
func sniff(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return "jpeg"
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return "gif"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "webp"
	}
	return ""
}

// decodePicture reads, checks and decodes one image. It never panics: a
// decoder panic on hostile input becomes a Problem.
func decodePicture(read func(string) ([]byte, error), path, display string, budget int) *picture {
	pc := &picture{Path: path, Display: display}
	if read == nil {
		read = func(string) ([]byte, error) { return nil, errors.New("no file source") }
	}
	data, err := read(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			pc.Missing = true
			return pc
		}
		why := lint.ErrorText(err)
		pc.Problem = lint.Text{ID: "gambar tidak bisa dibaca: " + why.ID, EN: "the image cannot be read: " + why.EN}
		return pc
	}
	pc.Size = int64(len(data))
	if len(data) == 0 {
		pc.Problem = lint.Text{ID: "berkas gambar kosong (0 byte)", EN: "the image file is empty (0 bytes)"}
		return pc
	}
	if len(data) > MaxImageBytes {
		pc.Problem = lint.Tf("berkas lebih dari %d MiB: terlalu besar untuk gambar unggahan", "the file is larger than %d MiB: too large for an image to post", MaxImageBytes>>20)
		return pc
	}
	pc.Format = sniff(data)
	if pc.Format == "" {
		pc.Problem = lint.Text{ID: "bukan gambar JPEG, PNG, GIF atau WebP (isi berkas tidak dikenali)", EN: "not a JPEG, PNG, GIF or WebP image (the content is not recognised)"}
		return pc
	}
	cfg, err := safeConfig(data)
	if err != nil {
		why := decodeReason(err)
		pc.Problem = lint.Text{ID: fmt.Sprintf("kepala berkas %s rusak: %s", strings.ToUpper(pc.Format), why.ID), EN: fmt.Sprintf("the %s header is damaged: %s", strings.ToUpper(pc.Format), why.EN)}
		return pc
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		pc.Problem = lint.Tf("gambar berukuran %dx%d tidak berisi piksel", "a %dx%d image holds no pixels", cfg.Width, cfg.Height)
		return pc
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(budget) {
		pc.Problem = lint.Tf("gambar mengaku %dx%d piksel (%.0f MP), di atas batas %.0f MP ([images] max_pixels); kecilkan gambarnya",
			"the image claims %dx%d pixels (%.0f MP), over the budget of %.0f MP ([images] max_pixels); make it smaller",
			cfg.Width, cfg.Height, float64(cfg.Width)*float64(cfg.Height)/1e6, float64(budget)/1e6)
		return pc
	}
	pc.StoredW, pc.StoredH = cfg.Width, cfg.Height
	if ex := findEXIF(data, pc.Format); ex != nil {
		pc.Exif = parseEXIF(ex)
	}
	pc.W, pc.H = pc.StoredW, pc.StoredH
	if pc.Exif.Orientation >= 5 {
		pc.W, pc.H = pc.StoredH, pc.StoredW
	}
	img, err := safeDecode(data)
	if err != nil {
		why := decodeReason(err)
		pc.Problem = lint.Text{ID: fmt.Sprintf("gambar %s tidak bisa dibuka: %s", strings.ToUpper(pc.Format), why.ID), EN: fmt.Sprintf("the %s image cannot be decoded: %s", strings.ToUpper(pc.Format), why.EN)}
		return pc
	}
	if b := img.Bounds(); pc.Format == "gif" && !b.Empty() {
		// A GIF's first frame may cover part of its logical screen: judge
		// what is drawn.
		pc.StoredW, pc.StoredH, pc.W, pc.H = b.Dx(), b.Dy(), b.Dx(), b.Dy()
	}
	if b := img.Bounds(); b.Dx() != pc.StoredW || b.Dy() != pc.StoredH {
		pc.Problem = lint.Tf("ukuran gambar (%dx%d) tidak cocok dengan kepalanya (%dx%d): berkas rusak",
			"the decoded size (%dx%d) does not match the header (%dx%d): the file is damaged", b.Dx(), b.Dy(), pc.StoredW, pc.StoredH)
		return pc
	}
	pc.analyse(img)
	return pc
}

func safeConfig(data []byte) (cfg image.Config, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("decoder failure: %v", v)
		}
	}()
	cfg, _, err = image.DecodeConfig(bytes.NewReader(data))
	return
}

func safeDecode(data []byte) (img image.Image, err error) {
	defer func() {
		if v := recover(); v != nil {
			img, err = nil, fmt.Errorf("decoder failure: %v", v)
		}
	}()
	img, _, err = image.Decode(bytes.NewReader(data))
	return
}

// decodeReason says in plain words why a decoder gave up: a cut-short
// file in both languages, else the decoder's own (English) words.
func decodeReason(err error) lint.Text {
	s := err.Error()
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), strings.Contains(s, "short"), strings.Contains(s, "EOF"):
		return lint.Text{ID: "berkas terpotong (tidak utuh); ekspor ulang", EN: "file cut short (truncated); export it again"}
	}
	for _, p := range []string{"image: ", "jpeg: ", "png: ", "gif: ", "webp: ", "vp8: ", "vp8l: ", "riff: "} {
		s = strings.TrimPrefix(s, p)
	}
	return lint.Text{ID: s, EN: s}
}

// toStored maps display coordinates to stored ones for an EXIF orientation.
func toStored(orient, dx, dy, sw, sh int) (int, int) {
	switch orient {
	case 2:
		return sw - 1 - dx, dy
	case 3:
		return sw - 1 - dx, sh - 1 - dy
	case 4:
		return dx, sh - 1 - dy
	case 5:
		return dy, dx
	case 6:
		return dy, sh - 1 - dx
	case 7:
		return sw - 1 - dy, sh - 1 - dx
	case 8:
		return sw - 1 - dy, dx
	}
	return dx, dy
}

// analyse builds the small copies every rule works on; the decoded image is
// dropped afterwards.
func (pc *picture) analyse(img image.Image) {
	switch img.(type) {
	case *image.YCbCr, *image.NRGBA, *image.RGBA, *image.Gray, *image.Paletted:
	default:
		img = imaging.Clone(img) // rare types (16-bit, CMYK): one conversion
	}
	rgb := rgbSampler(img)
	b := img.Bounds()
	// Nearest-neighbour colour copy: no smoothing, so no invented colours.
	sw, sh := fitSide(pc.W, pc.H, smallSide)
	small := &rgbImage{W: sw, H: sh, Pix: make([]uint8, 3*sw*sh)}
	yc, isYCbCr := img.(*image.YCbCr)
	if isYCbCr && pc.Exif.Orientation <= 1 {
		smallYCbCr(yc, small, pc.W, pc.H) // the common case, faster
	} else {
		for y := 0; y < sh; y++ {
			dy := (2*y + 1) * pc.H / (2 * sh)
			for x := 0; x < sw; x++ {
				dx := (2*x + 1) * pc.W / (2 * sw)
				sx, sy := toStored(pc.Exif.Orientation, dx, dy, pc.StoredW, pc.StoredH)
				var r, g, bb uint8
				if isYCbCr { // a JPEG turned by EXIF, without a call per pixel
					px, py := sx+b.Min.X, sy+b.Min.Y
					ci := yc.COffset(px, py)
					r, g, bb = color.YCbCrToRGB(yc.Y[yc.YOffset(px, py)], yc.Cb[ci], yc.Cr[ci])
				} else {
					r, g, bb = rgb(sx+b.Min.X, sy+b.Min.Y)
				}
				i := 3 * (y*sw + x)
				small.Pix[i], small.Pix[i+1], small.Pix[i+2] = r, g, bb
			}
		}
	}
	pc.small = small
	// Box-averaged grey copy, an integer factor smaller, for the logo
	// search and the blur measure.
	f := 1
	for (max(pc.StoredW, pc.StoredH)+f-1)/f > greySide {
		f++
	}
	gw, gh := pc.StoredW/f, pc.StoredH/f
	if gw < 1 || gh < 1 {
		gw, gh, f = max(pc.StoredW, 1), max(pc.StoredH, 1), 1
	}
	stored := &greyImage{W: gw, H: gh, Pix: make([]float32, gw*gh)}
	boxGrey(img, f, stored)
	pc.grey = reorient(stored, pc.Exif.Orientation)
	pc.greyF = float64(pc.W) / float64(pc.grey.W)
}

// smallYCbCr fills the nearest-neighbour colour copy of an upright JPEG
// (no EXIF turn): the sampled columns' luma and chroma offsets are worked
// out once, not for every pixel. The samples are those of analyse's
// general loop.
func smallYCbCr(yc *image.YCbCr, small *rgbImage, w, h int) {
	sw, sh := small.W, small.H
	b := yc.Rect
	yCol, cCol := make([]int, sw), make([]int, sw)
	c0 := yc.COffset(b.Min.X, b.Min.Y)
	for x := range sw {
		sx := b.Min.X + (2*x+1)*w/(2*sw)
		yCol[x] = yc.YOffset(sx, b.Min.Y)
		cCol[x] = yc.COffset(sx, b.Min.Y) - c0
	}
	for y := 0; y < sh; y++ {
		sy := b.Min.Y + (2*y+1)*h/(2*sh)
		yRow := yc.YOffset(b.Min.X, sy) - yc.YOffset(b.Min.X, b.Min.Y)
		cRow := yc.COffset(b.Min.X, sy)
		out := small.Pix[3*y*sw : 3*(y+1)*sw]
		for x := range sw {
			ci := cRow + cCol[x]
			r, g, bb := color.YCbCrToRGB(yc.Y[yRow+yCol[x]], yc.Cb[ci], yc.Cr[ci])
			out[3*x], out[3*x+1], out[3*x+2] = r, g, bb
		}
	}
}

func fitSide(w, h, side int) (int, int) {
	if w <= side && h <= side {
		return w, h
	}
	if w >= h {
		return side, max(1, (h*side+w/2)/w)
	}
	return max(1, (w*side+h/2)/h), side
}

// rgbSampler returns the sRGB colour at a stored pixel, composited over
// white where the image is transparent.
func rgbSampler(img image.Image) func(x, y int) (uint8, uint8, uint8) {
	switch m := img.(type) {
	case *image.YCbCr:
		return func(x, y int) (uint8, uint8, uint8) {
			return color.YCbCrToRGB(m.Y[m.YOffset(x, y)], m.Cb[m.COffset(x, y)], m.Cr[m.COffset(x, y)])
		}
	case *image.NRGBA:
		return func(x, y int) (uint8, uint8, uint8) {
			i := m.PixOffset(x, y)
			a := uint32(m.Pix[i+3])
			if a == 255 {
				return m.Pix[i], m.Pix[i+1], m.Pix[i+2]
			}
			over := func(c uint8) uint8 { return uint8((uint32(c)*a + 255*(255-a) + 127) / 255) }
			return over(m.Pix[i]), over(m.Pix[i+1]), over(m.Pix[i+2])
		}
	case *image.RGBA:
		return func(x, y int) (uint8, uint8, uint8) {
			i := m.PixOffset(x, y)
			w := 255 - m.Pix[i+3]
			return m.Pix[i] + w, m.Pix[i+1] + w, m.Pix[i+2] + w
		}
	case *image.Gray:
		return func(x, y int) (uint8, uint8, uint8) {
			v := m.Pix[m.PixOffset(x, y)]
			return v, v, v
		}
	}
	return func(x, y int) (uint8, uint8, uint8) {
		r, g, b, a := img.At(x, y).RGBA()
		w := 0xffff - a
		return uint8((r + w) >> 8), uint8((g + w) >> 8), uint8((b + w) >> 8)
	}
}

// boxGrey fills out with the luma of img averaged over f x f blocks.
func boxGrey(img image.Image, f int, out *greyImage) {
	b := img.Bounds()
	inv := 1 / float32(f*f)
	row := make([]float32, out.W)
	var luma func(x, y int) float32
	switch m := img.(type) {
	case *image.YCbCr:
		if f == 2 { // the common case: two rows at a time, straight into out
			for oy := 0; oy < out.H; oy++ {
				r0 := m.Y[(2*oy)*m.YStride:][:2*out.W]
				r1 := m.Y[(2*oy+1)*m.YStride:][:2*out.W]
				o := out.Pix[oy*out.W : (oy+1)*out.W]
				ox := 0
				for ; ox+4 <= len(o); ox += 4 {
					// Eight luma bytes of each row at once: the two bytes
					// of each pair added in 16-bit lanes (at most 4x255).
					a := binary.LittleEndian.Uint64(r0[2*ox:])
					c := binary.LittleEndian.Uint64(r1[2*ox:])
					const lo = 0x00ff00ff00ff00ff
					s := a&lo + a>>8&lo + c&lo + c>>8&lo
					q := o[ox : ox+4 : ox+4]
					q[0] = float32(s&0xffff) * 0.25
					q[1] = float32(s>>16&0xffff) * 0.25
					q[2] = float32(s>>32&0xffff) * 0.25
					q[3] = float32(s>>48) * 0.25
				}
				for ; ox < len(o); ox++ {
					o[ox] = float32(int(r0[2*ox])+int(r0[2*ox+1])+int(r1[2*ox])+int(r1[2*ox+1])) * 0.25
				}
			}
			return
		}
		for oy := 0; oy < out.H; oy++ {
			clear(row)
			for yy := 0; yy < f; yy++ {
				ys := m.Y[(oy*f+yy)*m.YStride:]
				if f == 2 {
					ys = ys[:2*out.W]
					for ox := range row {
						row[ox] += float32(int(ys[2*ox]) + int(ys[2*ox+1]))
					}
					continue
				}
				for ox := 0; ox < out.W; ox++ {
					s := 0
					for _, v := range ys[ox*f : ox*f+f] {
						s += int(v)
					}
					row[ox] += float32(s)
				}
			}
			for ox := range row {
				out.Pix[oy*out.W+ox] = row[ox] * inv
			}
		}
		return
	case *image.Gray:
		luma = func(x, y int) float32 { return float32(m.Pix[m.PixOffset(x, y)]) }
	default:
		rgb := rgbSampler(img)
		luma = func(x, y int) float32 {
			r, g, bb := rgb(x, y)
			return 0.299*float32(r) + 0.587*float32(g) + 0.114*float32(bb)
		}
	}
	for oy := 0; oy < out.H; oy++ {
		for ox := 0; ox < out.W; ox++ {
			var s float32
			for yy := 0; yy < f; yy++ {
				for xx := 0; xx < f; xx++ {
					s += luma(b.Min.X+ox*f+xx, b.Min.Y+oy*f+yy)
				}
			}
			out.Pix[oy*out.W+ox] = s * inv
		}
	}
}

// reorient turns a stored-orientation grey copy into display orientation.
func reorient(g *greyImage, orient int) *greyImage {
	if orient <= 1 {
		return g
	}
	w, h := g.W, g.H
	if orient >= 5 {
		w, h = h, w
	}
	out := &greyImage{W: w, H: h, Pix: make([]float32, w*h)}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sx, sy := toStored(orient, x, y, g.W, g.H)
			out.Pix[y*w+x] = g.Pix[sy*g.W+sx]
		}
	}
	return out
}

// platformFor returns the draft's platform settings, if it names one the
// kit knows.
func platformFor(p *lint.Pass) (string, brandkit.Platform, bool) {
	if p.Draft.Kind != lint.KindText || p.Draft.Front.Platform == "" {
		return "", brandkit.Platform{}, false
	}
	pl, ok := p.Kit.Platforms[p.Draft.Front.Platform]
	return p.Draft.Front.Platform, pl, ok
}

// each calls fn for every usable image of the draft (decoded, inside the
// content root).
func each(p *lint.Pass, fn func(im lint.ImageRef, pc *picture)) {
	for _, im := range p.Draft.Images {
		if im.Escapes || kitAsset(p, im) || isRemote(im.Ref) {
			continue
		}
		pc := load(p, im)
		if pc.OK() {
			fn(im, pc)
		}
	}
}

// kitAsset reports whether an image checked on its own is one of the
// kit's logos: an asset of the brand, not a post.
func kitAsset(p *lint.Pass, im lint.ImageRef) bool {
	if p.Draft.Kind != lint.KindImage {
		return false
	}
	abs := func(s string) string {
		if a, err := filepath.Abs(s); err == nil {
			return a
		}
		return filepath.Clean(s)
	}
	for _, lg := range p.Kit.Logos {
		if abs(lg.File) == abs(im.Path) { // a --kit given relative to here
			return true
		}
	}
	return false
}

// report records a finding about an image under the image's own path.
func report(p *lint.Pass, pc *picture, f lint.Finding) {
	f.Path = pc.Display
	f.FileLevel = true
	p.Report(f)
}

func region(r image.Rectangle) *lint.Region {
	return &lint.Region{X: r.Min.X, Y: r.Min.Y, Width: r.Dx(), Height: r.Dy()}
}
