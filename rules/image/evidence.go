package image

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"

	"github.com/disintegration/imaging"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/fix"
)

// Evidence pictures: for each image with findings, `selaras check
// --evidence DIR` writes DIR/<image path>.selaras.png, the image with what
// the rules saw drawn over it, so that one look explains a finding.

// EvidenceSuffix ends the name of every evidence file.
const EvidenceSuffix = ".selaras.png"

// evidenceMark is a PNG text chunk in every evidence file: selaras
// overwrites only files that carry it.
const evidenceMark = "Software\x00selaras evidence"

const evidenceSide = 1600 // longer side of an evidence picture, at most

var (
	colOff    = color.NRGBA{255, 0, 200, 255} // off-palette pixels
	colLogo   = color.NRGBA{0, 200, 80, 255}  // logo found where it belongs
	colBad    = color.NRGBA{255, 140, 0, 255} // logo misplaced or too small
	colZone   = color.NRGBA{30, 120, 255, 255}
	colSafe   = color.NRGBA{230, 30, 30, 255}
	colClip   = color.NRGBA{0, 230, 230, 255}
	colLegend = color.NRGBA{20, 20, 20, 255}
	// what a platform crops away (shaded) and the part it keeps (framed)
	colCrop     = color.NRGBA{40, 40, 40, 255}
	colCropLine = color.NRGBA{255, 255, 255, 255}
)

// WriteEvidence writes an evidence picture for every image of res that
// has image findings, into dir (created when missing). read reads the
// images (nil: the file system). It returns the files written and one
// error per image it could not draw or would not overwrite.
func WriteEvidence(dir string, res *lint.Result, lang string, read func(string) ([]byte, error)) ([]string, []error) {
	pics, errs := DrawEvidence(res, lang, read)
	var written []string
	names := map[string]string{} // evidence file name -> image path
	for _, p := range pics {
		name := evidenceName(p.Path)
		if other, dup := names[name]; dup {
			// Only on a file system that folds case or Unicode forms:
			// the names themselves differ for different paths.
			errs = append(errs, &lint.TextError{Text: lint.Tf(
				"%s: gambar bukti tidak ditulis: namanya (%s) sama dengan gambar bukti %s",
				"%s: evidence not written: its name (%s) is the same as the evidence of %s", p.Path, name, other)})
			continue
		}
		names[name] = p.Path
		out := filepath.Join(dir, name)
		if err := writeEvidenceFile(dir, out, p.Image); err != nil {
			errs = append(errs, err)
			continue
		}
		written = append(written, out)
	}
	return written, errs
}

// Evidence is the evidence picture of one image: Path is the image as
// res shows it.
type Evidence struct {
	Path  string
	Image *image.NRGBA
}

// DrawEvidence draws the evidence picture of every image of res that has
// image findings, in memory (WriteEvidence writes them; selaras serve
// shows them). read reads the images (nil: the file system). It returns
// the pictures in res's order and one error per image it could not draw.
func DrawEvidence(res *lint.Result, lang string, read func(string) ([]byte, error)) ([]Evidence, []error) {
	if read == nil {
		read = readOS
	}
	type source struct {
		abs      string
		platform string
		kit      *brandkit.Kit
	}
	sources := map[string]source{}
	for _, fr := range res.Files {
		if fr.Draft == nil {
			continue
		}
		for _, im := range fr.Draft.Images {
			if im.Escapes || isDataURI(im.Ref) {
				continue
			}
			sources[displayPath(fr.Draft, im)] = source{im.Path, fr.Draft.Front.Platform, fr.Kit}
		}
	}
	var pics []Evidence
	var errs []error
	for _, fr := range res.Files {
		var fs []lint.Finding
		for _, f := range fr.Findings {
			if strings.HasPrefix(f.Rule, "image-") && f.Rule != "image-missing" && f.Rule != "image-unreadable" {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 || fr.Kind != lint.KindImage {
			continue
		}
		src, ok := sources[fr.Path]
		if !ok {
			abs, _ := filepath.Abs(fr.Path)
			src = source{abs: abs, kit: fr.Kit}
		}
		if src.kit == nil {
			continue
		}
		pic, err := drawEvidence(read, src.abs, fr.Path, src.platform, src.kit, fs, lang)
		if err != nil {
			errs = append(errs, &lint.TextError{Text: lint.Text{
				ID: fr.Path + ": gambar bukti: " + err.ID,
				EN: fr.Path + ": evidence: " + err.EN}})
			continue
		}
		pics = append(pics, Evidence{Path: fr.Path, Image: pic})
	}
	return pics, errs
}

func readOS(path string) ([]byte, error) { return lint.ReadRegular(path, MaxImageBytes) }

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// cleanSegment is a path segment that evidenceName keeps as it is: no
// letter outside [A-Za-z0-9._-], and no underscore at either end or
// doubled, so that joining segments with "__" can be undone.
var cleanSegment = regexp.MustCompile(`^[A-Za-z0-9.-]+(_[A-Za-z0-9.-]+)*$`)

// evidenceName turns an image's display path into one file name, a
// different name for every different path: "dinkes/poster.jpg" ->
// "dinkes__poster.jpg.selaras.png". A path that cannot be written so
// without loss (other letters, "..", a leading "/", underscores that would
// blur the joins) is written with the other letters as "_" and ends in "~"
// and a hash of the whole path, which no plain name contains:
// "ñ.png" -> "_.png~<12 hex digits>.selaras.png".
func evidenceName(p string) string {
	clean := filepath.ToSlash(filepath.Clean(p))
	parts := strings.Split(clean, "/")
	var keep []string
	lossless := true
	for _, s := range parts {
		if s == ".." || s == "." || s == "" {
			lossless = false
			continue
		}
		if !cleanSegment.MatchString(s) {
			lossless = false
		}
		keep = append(keep, unsafeName.ReplaceAllString(s, "_"))
	}
	name := strings.Join(keep, "__")
	if !lossless {
		h := sha256.Sum256([]byte(clean))
		name += "~" + hex.EncodeToString(h[:6])
	}
	return name + EvidenceSuffix
}

// drawEvidence draws what the findings are about over the image.
func drawEvidence(read func(string) ([]byte, error), abs, display, platform string, kit *brandkit.Kit, fs []lint.Finding, lang string) (*image.NRGBA, *lint.Text) {
	data, err := read(abs)
	if err != nil {
		t := lint.ErrorText(err)
		return nil, &t
	}
	pc := decodePicture(func(string) ([]byte, error) { return data, nil }, abs, display, kit.Images.PixelBudget())
	if !pc.OK() {
		return nil, &pc.Problem
	}
	img, err := safeDecode(data)
	if err != nil {
		t := decodeReason(err)
		return nil, &t
	}
	img = orient(img, pc.Exif.Orientation)
	var base *image.NRGBA
	if max(pc.W, pc.H) > evidenceSide {
		base = imaging.Fit(img, evidenceSide, evidenceSide, imaging.Linear)
	} else {
		base = imaging.Clone(img)
	}
	s := float64(base.Bounds().Dx()) / float64(pc.W)
	scale := func(r image.Rectangle) image.Rectangle {
		return image.Rect(int(float64(r.Min.X)*s), int(float64(r.Min.Y)*s), int(float64(r.Max.X)*s+0.5), int(float64(r.Max.Y)*s+0.5))
	}
	has := map[string]bool{}
	for _, f := range fs {
		has[f.Rule] = true
	}
	var legend []legendLine
	say := func(c color.NRGBA, id, en string) {
		t := id
		if lang == "en" {
			t = en
		}
		legend = append(legend, legendLine{c, t})
	}
	d := pc.designFor(kit)
	if has["image-palette"] || has["image-exposure"] {
		bw, bh := base.Bounds().Dx(), base.Bounds().Dy()
		for y := 0; y < bh; y++ {
			sy := min(y*d.H/bh, d.H-1)
			for x := 0; x < bw; x++ {
				sx := min(x*d.W/bw, d.W-1)
				k := d.pixel[sy*d.W+sx]
				switch {
				case has["image-palette"] && k >= 0 && d.clusters[k].Off:
					blend(base, x, y, colOff, 0.65)
				case has["image-exposure"] && (k < 0 || d.clusters[k].Off):
					for _, high := range []bool{true, false} {
						if clipped(pc.small, sx, sy, high) && !contrastAround(pc.small, sx, sy, high) {
							blend(base, x, y, colClip, 0.65)
						}
					}
				}
			}
		}
		if has["image-palette"] {
			say(colOff, "magenta: warna di luar palet", "magenta: off-palette colour")
		}
		if has["image-exposure"] {
			say(colClip, "sian: putih/hitam pekat", "cyan: clipped white/black")
		}
	}
	if has["image-palette"] || has["image-exposure"] || has["image-blur"] {
		drawSegmentation(base, d) // segment_evidence.go
		say(colPhoto, "kuning tua: foto (dinilai pencahayaan dan ketajamannya)", "amber: photograph (judged for exposure and blur)")
		say(colDesign, "ungu: desain (dinilai paletnya)", "violet: design (judged for palette)")
	}
	if has["image-safe-zone"] || has["image-logo"] {
		name, pl, ok := "", brandkit.Platform{}, false
		if p, found := kit.Platforms[platform]; found && platform != "" {
			name, pl, ok = platform, p, hasSafe(p)
		} else {
			for _, n := range sortedPlatforms(kit) {
				p := kit.Platforms[n]
				if hasSafe(p) && len(p.ImageSizes) > 0 && fits(pc.W, pc.H, p.ImageSizes, kit.Images.RatioTolerance()) {
					name, pl, ok = n, p, true
					break
				}
			}
		}
		if ok {
			for _, b := range safeBands(pl, pc.W, pc.H) {
				fillRect(base, scale(b), colSafe, 0.35)
			}
			say(colSafe, "merah: area tertutup tampilan "+name, "red: covered by "+name+"'s interface")
		}
	}
	if has["image-logo"] || has["image-safe-zone"] {
		for i, lg := range kit.Logos {
			src, err := logoSource(kit, read, i)
			if err != nil {
				continue // reported as a finding already
			}
			m := findLogo(pc, kit, src, lg)
			strokeRect(base, scale(m.Zone), colZone, 3)
			if m.Found {
				col := colLogo
				if !m.InZone || m.Share(pc.W) < lg.MinWidth {
					col = colBad
				}
				strokeRect(base, scale(m.Box), col, 4)
			}
		}
		say(colZone, "biru: zona logo", "blue: logo zone")
		say(colLogo, "hijau: logo yang ditemukan, di tempat dan ukuran yang benar", "green: logo found, in place and large enough")
		say(colBad, "oranye: logo yang ditemukan, salah tempat atau terlalu kecil", "orange: logo found, misplaced or too small")
	}
	if has["image-size"] {
		if t, ok := cropTarget(kit, platform, pc.W, pc.H); ok {
			size := t.size.String()
			if t.crop != image.Rect(0, 0, pc.W, pc.H) {
				c := scale(t.crop)
				b := base.Bounds()
				for _, r := range []image.Rectangle{
					image.Rect(b.Min.X, b.Min.Y, b.Max.X, c.Min.Y), image.Rect(b.Min.X, c.Max.Y, b.Max.X, b.Max.Y),
					image.Rect(b.Min.X, c.Min.Y, c.Min.X, c.Max.Y), image.Rect(c.Max.X, c.Min.Y, b.Max.X, c.Max.Y),
				} {
					fillRect(base, r, colCrop, 0.6)
				}
				strokeRect(base, c, colCropLine, 3)
				say(colCrop, fmt.Sprintf("abu-abu: terpotong di %s (%dx%d -> %s); ekspor ulang pada %s", t.platform, pc.W, pc.H, size, size),
					fmt.Sprintf("grey: cropped away on %s (%dx%d -> %s); export again at %s", t.platform, pc.W, pc.H, size, size))
			} else if t.minWidth > 0 && pc.W < t.minWidth {
				strokeRect(base, base.Bounds(), colCrop, 6)
				say(colCrop, fmt.Sprintf("bingkai abu-abu: terlalu kecil untuk %s, lebar %d px, minimal %d px (%s)", t.platform, pc.W, t.minWidth, size),
					fmt.Sprintf("grey frame: too small for %s, %d px wide, at least %d px (%s)", t.platform, pc.W, t.minWidth, size))
			}
		}
	}
	return withLegend(base, legend), nil
}

// orient turns a stored image as its EXIF orientation says it is shown.
func orient(img image.Image, o int) image.Image {
	switch o {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}

func blend(m *image.NRGBA, x, y int, c color.NRGBA, a float64) {
	i := m.PixOffset(x, y)
	for k, v := range []uint8{c.R, c.G, c.B} {
		m.Pix[i+k] = uint8(float64(m.Pix[i+k])*(1-a) + float64(v)*a + 0.5)
	}
	m.Pix[i+3] = 255
}

func fillRect(m *image.NRGBA, r image.Rectangle, c color.NRGBA, a float64) {
	r = r.Intersect(m.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			blend(m, x, y, c, a)
		}
	}
}

func strokeRect(m *image.NRGBA, r image.Rectangle, c color.NRGBA, t int) {
	fillRect(m, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+t), c, 1)
	fillRect(m, image.Rect(r.Min.X, r.Max.Y-t, r.Max.X, r.Max.Y), c, 1)
	fillRect(m, image.Rect(r.Min.X, r.Min.Y, r.Min.X+t, r.Max.Y), c, 1)
	fillRect(m, image.Rect(r.Max.X-t, r.Min.Y, r.Max.X, r.Max.Y), c, 1)
}

// cropPlan is what a platform does to an image whose size does not suit
// it: it keeps crop (the largest centred part with the nearest accepted
// proportions) of a picture meant to be size.
type cropPlan struct {
	platform string
	size     brandkit.ImageSize
	crop     image.Rectangle // the whole image when the proportions suit
	minWidth int
}

// cropTarget is the accepted size nearest in proportion to a w x h image:
// among the draft's platform's sizes, or for an image on its own among
// every platform's of the kit.
func cropTarget(kit *brandkit.Kit, platform string, w, h int) (cropPlan, bool) {
	names := sortedPlatforms(kit)
	if _, ok := kit.Platforms[platform]; ok && platform != "" && len(kit.Platforms[platform].ImageSizes) > 0 {
		names = []string{platform}
	}
	best, bestD := cropPlan{}, math.Inf(1)
	r := float64(w) / float64(h)
	tol := kit.Images.RatioTolerance()
	for _, n := range names {
		pl := kit.Platforms[n]
		for _, z := range pl.ImageSizes {
			if z.Width <= 0 || z.Height <= 0 {
				continue
			}
			want := float64(z.Width) / float64(z.Height)
			if d := math.Abs(math.Log(r / want)); d < bestD {
				bestD = d
				best = cropPlan{platform: n, size: z, minWidth: pl.MinWidth, crop: image.Rect(0, 0, w, h)}
				if math.Abs(r-want)/want > tol {
					if r > want { // too wide: the sides go
						cw := int(float64(h)*want + 0.5)
						x := (w - cw) / 2
						best.crop = image.Rect(x, 0, x+cw, h)
					} else { // too tall: top and bottom go
						ch := int(float64(w)/want + 0.5)
						y := (h - ch) / 2
						best.crop = image.Rect(0, y, w, y+ch)
					}
				}
			}
		}
	}
	return best, !math.IsInf(bestD, 1)
}

// legendLine is one line of an evidence legend: a colour swatch and what
// it means.
type legendLine struct {
	c    color.NRGBA
	text string
}

// withLegend adds a white band under the picture with one line per legend
// entry, each behind a swatch of its colour, in letters large enough to
// read when the picture is shown on a phone (the built-in bitmap font,
// enlarged; it has ASCII letters only, which both languages' legends
// use). Long lines are wrapped between words.
func withLegend(m *image.NRGBA, lines []legendLine) *image.NRGBA {
	sort.Slice(lines, func(i, j int) bool { return lines[i].text < lines[j].text })
	b := m.Bounds()
	// A picture is shown about 400 px wide on a phone: 13 px letters
	// enlarged W/360 times stay about 14 px tall there.
	k := max(2, (b.Dx()+180)/360)
	const glyphW, lineH = 7, 16
	pad := 6
	swatch := lineH - 4
	perLine := max(10, (b.Dx()/k-pad*2-swatch-6)/glyphW)
	type row struct {
		c    *color.NRGBA
		text string
	}
	var rows []row
	for i := range lines {
		for j, part := range wrapWords(lines[i].text, perLine) {
			r := row{text: part}
			if j == 0 {
				r.c = &lines[i].c
			}
			rows = append(rows, r)
		}
	}
	// The legend is drawn small, then enlarged k times (nearest neighbour,
	// so the letters stay sharp).
	small := image.NewNRGBA(image.Rect(0, 0, (b.Dx()+k-1)/k, lineH*len(rows)+pad))
	fillRect(small, small.Bounds(), color.NRGBA{255, 255, 255, 255}, 1)
	d := font.Drawer{Dst: small, Src: image.NewUniform(colLegend), Face: basicfont.Face7x13}
	for i, r := range rows {
		top := pad/2 + lineH*i
		if r.c != nil {
			fillRect(small, image.Rect(pad, top+2, pad+swatch, top+2+swatch), *r.c, 1)
			strokeRect(small, image.Rect(pad, top+2, pad+swatch, top+2+swatch), colLegend, 1)
		}
		d.Dot = fixed.P(pad+swatch+6, top+lineH-4)
		d.DrawString(r.text)
	}
	big := imaging.Resize(small, small.Bounds().Dx()*k, small.Bounds().Dy()*k, imaging.NearestNeighbor)
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()+big.Bounds().Dy()))
	fillRect(out, out.Bounds(), color.NRGBA{255, 255, 255, 255}, 1)
	copy(out.Pix, m.Pix)
	for y := 0; y < big.Bounds().Dy(); y++ {
		n := min(b.Dx(), big.Bounds().Dx()) * 4
		copy(out.Pix[out.PixOffset(0, b.Dy()+y):][:n], big.Pix[big.PixOffset(0, y):][:n])
	}
	return out
}

// wrapWords cuts s into lines of at most n characters, between words
// where it can.
func wrapWords(s string, n int) []string {
	var out []string
	for len(s) > n {
		cut := strings.LastIndexByte(s[:n+1], ' ')
		if cut <= 0 {
			cut = n
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	return append(out, s)
}

// writeEvidenceFile writes pic to out atomically (a temporary file in the
// same folder, then a rename), refusing to replace anything but a regular
// file selaras wrote: not a file of the user's, and not a link, pipe or
// device (looked at without following a link, and never read whole).
func writeEvidenceFile(dir, out string, pic *image.NRGBA) error {
	fail := func(id, en string, args ...any) error {
		return &lint.TextError{Text: lint.Tf(id, en, args...)}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		why := lint.ErrorText(err)
		return &lint.TextError{Text: lint.Text{
			ID: fmt.Sprintf("folder gambar bukti %s: %s", dir, why.ID),
			EN: fmt.Sprintf("evidence folder %s: %s", dir, why.EN)}}
	}
	switch own, err := ownEvidence(out); {
	case errors.Is(err, lint.ErrNotRegular):
		return fail("%s sudah ada dan bukan berkas biasa (tautan, pipa atau perangkat); tidak ditimpa",
			"%s exists and is not a regular file (a link, pipe or device); not overwritten", out)
	case err != nil:
		why := lint.ErrorText(err)
		return &lint.TextError{Text: lint.Text{ID: out + ": " + why.ID, EN: out + ": " + why.EN}}
	case !own:
		return fail("%s sudah ada dan bukan tulisan selaras; tidak ditimpa",
			"%s exists and was not written by selaras; not overwritten", out)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, pic); err != nil {
		return err
	}
	if err := fix.Replace(out, markPNG(buf.Bytes()), 0o644); err != nil {
		why := lint.ErrorText(err)
		return &lint.TextError{Text: lint.Text{ID: out + ": " + why.ID, EN: out + ": " + why.EN}}
	}
	return nil
}

// ownEvidence tells whether out may be replaced: it does not exist, or it
// is a regular file (not a link to one) whose first bytes carry the
// evidence mark. Anything else there is lint.ErrNotRegular.
func ownEvidence(out string) (bool, error) {
	if err := lint.IsRegularOrMissing(out); err != nil {
		return false, err
	}
	f, err := os.OpenFile(out, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return false, err
	} else if !info.Mode().IsRegular() {
		return false, lint.NotRegularError()
	}
	head := make([]byte, 256)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte(evidenceMark)), nil
}

// markPNG inserts the evidence text chunk right after the PNG header.
func markPNG(p []byte) []byte {
	const ihdrEnd = 8 + 25
	var ch bytes.Buffer
	binary.Write(&ch, binary.BigEndian, uint32(len(evidenceMark)))
	ch.WriteString("tEXt")
	ch.WriteString(evidenceMark)
	binary.Write(&ch, binary.BigEndian, crc32.ChecksumIEEE([]byte("tEXt"+evidenceMark)))
	out := append([]byte{}, p[:ihdrEnd]...)
	out = append(out, ch.Bytes()...)
	return append(out, p[ihdrEnd:]...)
}
