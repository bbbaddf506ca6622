package image

import (
	"image"
	"path/filepath"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// SafeZone is the image-safe-zone rule.
var SafeZone = &lint.Rule{
	Name: "image-safe-zone",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Logo tidak boleh tertutup tampilan aplikasi", EN: "Logos must stay clear of the app's overlays"},
		Why: lint.Text{
			ID: "Di story dan reels, bagian atas (nama akun) dan bawah (kolom balasan, tombol) tertutup tampilan aplikasi. Logo di sana tidak terlihat warga.",
			EN: "On stories and reels the top (account name) and bottom (reply box, buttons) are covered by the app. A logo there is not seen."},
		Fix:      lint.Text{ID: "Geser logo ke luar area aman atas dan bawah.", EN: "Move the logo out of the top and bottom safe areas."},
		Severity: lint.Warning,
		KitKeys:  []string{"[platforms.*] safe_top, safe_bottom, safe_sides", "[[logos]]"},
	},
	Check:    checkSafeZone,
	OnImages: true,
}

// safeBands are the parts of a w x h image covered by a platform's UI,
// scaled from the platform's reference size.
func safeBands(pl brandkit.Platform, w, h int) []image.Rectangle {
	refW, refH := 1080, 1920
	for _, s := range pl.ImageSizes {
		if !s.Ratio {
			refW, refH = s.Width, s.Height
			break
		}
	}
	top := pl.SafeTop * h / refH
	bottom := pl.SafeBottom * h / refH
	side := pl.SafeSides * w / refW
	var out []image.Rectangle
	if top > 0 {
		out = append(out, image.Rect(0, 0, w, top))
	}
	if bottom > 0 {
		out = append(out, image.Rect(0, h-bottom, w, h))
	}
	if side > 0 {
		out = append(out, image.Rect(0, 0, side, h), image.Rect(w-side, 0, w, h))
	}
	return out
}

func hasSafe(pl brandkit.Platform) bool {
	return pl.SafeTop > 0 || pl.SafeBottom > 0 || pl.SafeSides > 0
}

// safePlatform is the platform whose overlays apply: the draft's, or for
// an image on its own the first platform with safe zones whose sizes the
// image fits (a 9:16 image is a story or a reel).
func safePlatform(p *lint.Pass, pc *picture) (string, brandkit.Platform, bool) {
	if name, pl, ok := platformFor(p); ok {
		return name, pl, hasSafe(pl)
	}
	for _, n := range sortedPlatforms(p.Kit) {
		pl := p.Kit.Platforms[n]
		if hasSafe(pl) && len(pl.ImageSizes) > 0 && fits(pc.W, pc.H, pl.ImageSizes, p.Kit.Images.RatioTolerance()) {
			return n, pl, true
		}
	}
	return "", brandkit.Platform{}, false
}

func checkSafeZone(p *lint.Pass) error {
	if len(p.Kit.Logos) == 0 {
		return nil
	}
	var ferr error
	each(p, func(im lint.ImageRef, pc *picture) {
		name, pl, ok := safePlatform(p, pc)
		if !ok {
			return
		}
		bands := safeBands(pl, pc.W, pc.H)
		for i, lg := range p.Kit.Logos {
			m, err := pc.logo(p, i)
			if err != nil {
				ferr = err
				return
			}
			if !m.Found {
				continue
			}
			for _, b := range bands {
				if m.Box.Overlaps(b) {
					report(p, pc, lint.Finding{Match: filepath.Base(lg.File), Region: region(m.Box), Message: lint.Tf(
						"logo %s berada di area yang tertutup tampilan %s (atas %d px, bawah %d px); geser ke tengah",
						"logo %s sits where %s's interface covers it (top %d px, bottom %d px); move it inwards",
						filepath.Base(lg.File), name, pl.SafeTop, pl.SafeBottom)})
					break
				}
			}
		}
	})
	return ferr
}
