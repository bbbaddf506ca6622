package image

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Size is the image-size rule.
var Size = &lint.Rule{
	Name: "image-size",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Ukuran gambar harus sesuai platform", EN: "Image sizes must suit the platform"},
		Why: lint.Text{
			ID: "Platform memotong gambar yang rasionya tidak sesuai (logo dan teks bisa terpotong) dan memperbesar gambar yang terlalu kecil sehingga buram. Ukuran dinilai seperti gambar ditampilkan: foto yang disimpan miring dengan orientasi EXIF dinilai setelah diputar.",
			EN: "Platforms crop images whose aspect ratio does not fit (cutting logos and text) and enlarge images that are too small, which blurs them. Sizes are judged as displayed: a photo stored sideways with an EXIF orientation is judged after rotation."},
		Fix:      lint.Text{ID: "Ekspor ulang pada salah satu ukuran platform di kit.", EN: "Export again at one of the platform's sizes in the kit."},
		Bad:      "+++\nplatform = \"contoh\"\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAICAIAAAB/FOjAAAAAG0lEQVR42mL5//8/AymAiYFEMKqBGAAIAAD//6AKAxDClaWOAAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nplatform = \"contoh\"\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGklEQVR42mL5//8/AzbAxIADDE4JQAAAAP//WSwDECHSZoIAAAAASUVORK5CYII=\"]\n+++\nPoster layanan imunisasi gratis.",
		Kit:      "[platforms.contoh]\nimage_sizes = [\"1:1\"]\nmin_width = 8\n",
		Severity: lint.Warning,
		KitKeys:  []string{"[platforms.*] image_sizes, min_width", "[images] size_tolerance"},
	},
	Check:    checkSize,
	OnImages: true,
}

// fits reports whether a w x h image has the proportions of one of sizes.
func fits(w, h int, sizes []brandkit.ImageSize, tol float64) bool {
	r := float64(w) / float64(h)
	for _, s := range sizes {
		want := float64(s.Width) / float64(s.Height)
		if math.Abs(r-want)/want <= tol {
			return true
		}
	}
	return false
}

func sizeList(sizes []brandkit.ImageSize) string {
	var out []string
	for _, s := range sizes {
		out = append(out, s.String())
	}
	return strings.Join(out, ", ")
}

func sortedPlatforms(kit *brandkit.Kit) []string {
	var names []string
	for n := range kit.Platforms {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func checkSize(p *lint.Pass) error {
	tol := p.Kit.Images.RatioTolerance()
	each(p, func(im lint.ImageRef, pc *picture) {
		got := fmt.Sprintf("%dx%d", pc.W, pc.H)
		if name, pl, ok := platformFor(p); ok {
			if len(pl.ImageSizes) == 0 {
				return
			}
			if !fits(pc.W, pc.H, pl.ImageSizes, tol) {
				report(p, pc, lint.Finding{Match: got, Suggestions: strings.Split(sizeList(pl.ImageSizes), ", "), Message: lint.Tf(
					"ukuran %s tidak sesuai %s dan akan dipotong; pakai %s",
					"size %s does not suit %s and will be cropped; use %s", got, name, sizeList(pl.ImageSizes))})
				return
			}
			if pl.MinWidth > 0 && pc.W < pl.MinWidth {
				report(p, pc, lint.Finding{Match: got, Message: lint.Tf(
					"gambar terlalu kecil untuk %s: lebar %d px, minimal %d px agar tetap tajam",
					"image too small for %s: %d px wide, at least %d px to stay sharp", name, pc.W, pl.MinWidth)})
			}
			return
		}
		// On its own: it must suit at least one platform of the kit.
		var fitting []string
		minW, any := math.MaxInt, false
		for _, n := range sortedPlatforms(p.Kit) {
			pl := p.Kit.Platforms[n]
			if len(pl.ImageSizes) == 0 {
				continue
			}
			any = true
			if fits(pc.W, pc.H, pl.ImageSizes, tol) {
				fitting = append(fitting, n)
				minW = min(minW, pl.MinWidth)
			}
		}
		switch {
		case !any:
		case len(fitting) == 0:
			ratios := kitRatios(p.Kit)
			report(p, pc, lint.Finding{Match: got, Suggestions: ratios, Message: lint.Tf(
				"ukuran %s tidak sesuai platform mana pun di kit; pakai rasio %s",
				"size %s suits no platform of the kit; use a ratio of %s", got, strings.Join(ratios, ", "))})
		case minW > 0 && pc.W < minW:
			report(p, pc, lint.Finding{Match: got, Message: lint.Tf(
				"gambar terlalu kecil: lebar %d px, minimal %d px agar tetap tajam (%s)",
				"image too small: %d px wide, at least %d px to stay sharp (%s)", pc.W, minW, strings.Join(fitting, ", "))})
		}
	})
	return nil
}

// kitRatios lists the proportions of every platform size in the kit,
// reduced ("1080x1350" is 4:5, "1080x566" 1.91:1), in the order first met.
func kitRatios(kit *brandkit.Kit) []string {
	var out []string
	for _, n := range sortedPlatforms(kit) {
		for _, z := range kit.Platforms[n].ImageSizes {
			g := gcd(z.Width, z.Height)
			r := fmt.Sprintf("%d:%d", z.Width/g, z.Height/g)
			if z.Width/g > 25 || z.Height/g > 25 { // 1080x566: say 1.91:1
				r = fmt.Sprintf("%.2f:1", float64(z.Width)/float64(z.Height))
			}
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return max(a, 1)
}
