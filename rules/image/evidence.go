package image

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

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
)

// WriteEvidence writes an evidence picture for every image of res that
// has image findings, into dir (created when missing). read reads the
// images (nil: the file system). It returns the files written and one
// error per image it could not draw or would not overwrite.
func WriteEvidence(dir string, res *lint.Result, lang string, read func(string) ([]byte, error)) ([]string, []error) {
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
	var written []string
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
			errs = append(errs, fmt.Errorf("%s: evidence: %v", fr.Path, err))
			continue
		}
		out := filepath.Join(dir, evidenceName(fr.Path))
		if err := writeEvidenceFile(dir, out, pic); err != nil {
			errs = append(errs, err)
			continue
		}
		written = append(written, out)
	}
	return written, errs
}

func readOS(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// evidenceName turns an image's display path into one file name:
// "dinkes/poster.jpg" -> "dinkes__poster.jpg.selaras.png".
func evidenceName(p string) string {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(p)), "/")
	var keep []string
	for _, s := range parts {
		if s == ".." || s == "." || s == "" {
			continue
		}
		keep = append(keep, unsafeName.ReplaceAllString(s, "_"))
	}
	return strings.Join(keep, "__") + EvidenceSuffix
}

// drawEvidence draws what the findings are about over the image.
func drawEvidence(read func(string) ([]byte, error), abs, display, platform string, kit *brandkit.Kit, fs []lint.Finding, lang string) (*image.NRGBA, error) {
	data, err := read(abs)
	if err != nil {
		return nil, errors.New(lint.PlainError(err))
	}
	pc := decodePicture(func(string) ([]byte, error) { return data, nil }, abs, display, kit.Images.PixelBudget())
	if !pc.OK() {
		return nil, errors.New(pc.Problem.In(lang))
	}
	img, err := safeDecode(data)
	if err != nil {
		return nil, errors.New(decodeReason(err))
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
	var legend []string
	say := func(id, en string) {
		if lang == "en" {
			legend = append(legend, en)
		} else {
			legend = append(legend, id)
		}
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
			say("magenta: warna di luar palet", "magenta: off-palette colour")
		}
		if has["image-exposure"] {
			say("sian: putih/hitam pekat", "cyan: clipped white/black")
		}
	}
	if has["image-palette"] || has["image-exposure"] || has["image-blur"] {
		drawSegmentation(base, d) // segment_evidence.go
		legend = append(legend, segmentationLegend(lang))
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
			say("merah: area tertutup tampilan "+name, "red: covered by "+name+"'s interface")
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
		say("biru: zona logo; hijau/oranye: logo yang ditemukan", "blue: logo zone; green/orange: logo found")
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

// withLegend adds a white band under the picture with one line per legend
// entry (ASCII: the built-in bitmap font has no other letters).
func withLegend(m *image.NRGBA, lines []string) *image.NRGBA {
	sort.Strings(lines)
	const lh = 16
	b := m.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()+lh*len(lines)+8))
	fillRect(out, out.Bounds(), color.NRGBA{255, 255, 255, 255}, 1)
	copy(out.Pix, m.Pix)
	d := font.Drawer{Dst: out, Src: image.NewUniform(colLegend), Face: basicfont.Face7x13}
	for i, l := range lines {
		d.Dot = fixed.P(6, b.Dy()+lh*(i+1))
		d.DrawString(l)
	}
	return out
}

// writeEvidenceFile writes pic to out atomically (a temporary file in the
// same folder, then a rename), refusing to replace a file selaras did not
// write.
func writeEvidenceFile(dir, out string, pic *image.NRGBA) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("evidence folder %s: %v", dir, lint.PlainError(err))
	}
	if old, err := os.ReadFile(out); err == nil {
		if !bytes.Contains(old[:min(len(old), 256)], []byte(evidenceMark)) {
			return fmt.Errorf("%s exists and was not written by selaras; not overwritten", out)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: %v", out, lint.PlainError(err))
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, pic); err != nil {
		return err
	}
	if err := fix.Replace(out, markPNG(buf.Bytes()), 0o644); err != nil {
		return fmt.Errorf("%s: %v", out, lint.PlainError(err))
	}
	return nil
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
