package image

import (
	"image"

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
		Bad:      "+++\nplatform = \"contoh\"\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACQAAABACAIAAAD9B0KDAAAAq0lEQVR42mL5//8/A70AEwMdAQvxSnn8F2MV/7Ixlso+w2UTfilyLCNoHJH2MRJMIMgGPc9MRpaSnD6XpPAcrAkE00MQr1A5zoZkPhv0cQZPk593JKMlyEHkM0ZiCmJi0hsxhRZRPiNoEJHFI7HBiMc44gtixmFbn41aNmrZqGWjlo1aNmrZqGWjlo1aNmrZqGWjlo1aNmrZqGWjlo1aNmrZqGX0tgwQAAD//59MLdU8RcbWAAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nplatform = \"contoh\"\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACQAAABACAIAAAD9B0KDAAAAq0lEQVR42mL5//8/A70AEwMdwahlo5aNWjZq2ahlo5aNWjZq2ahlQ9YyFuKV8vgvxir+ZWMslX2Gyyb8UuRYRtA4Iu1jJNjWRzboeWYyspTk9LkkhedgTSCYHoJ4hcpxNpqpaRFn8DT5eUcyWoIcRD5jJKZPTUx6I6bQIspnBA0isngkNhjxGEd8Qcw4OjQxatmoZaOWjVo2atmoZaOWjVo2atlgswwQAAD///iULdVWQZYLAAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Kit:      "[platforms.contoh]\nimage_sizes = [\"9:16\"]\nsafe_top = 250\nsafe_bottom = 340\n\n[[logos]]\nfile = \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAcklEQVR42mJioBCwoAtw+y36j0/D101xjMh8JlI0Y1PDRIpmbGoZsWl+npmMoUly+lys3qF+IOKy9cvGWDDN47+YAWcgkgMG3gC8YYAcG593JGONCYpdwEhOQkJO0ky40jix+YEJX0YhJjNRDAABAAD//13qKH5o9vvoAAAAAElFTkSuQmCC\"\nzone = \"any\"\nmin_width = 0.2\n",
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
	each(p, func(im lint.ImageRef, pc *picture) {
		name, pl, ok := safePlatform(p, pc)
		if !ok {
			return
		}
		bands := safeBands(pl, pc.W, pc.H)
		for i, lg := range p.Kit.Logos {
			m, err := pc.logo(p, i)
			if err != nil {
				continue // image-logo reports it
			}
			if !m.Found {
				continue
			}
			for _, b := range bands {
				if m.Box.Overlaps(b) {
					report(p, pc, lint.Finding{Match: logoName(lg), Region: region(m.Box), Message: lint.Tf(
						"logo %s berada di area yang tertutup tampilan %s (atas %d px, bawah %d px); geser ke tengah",
						"logo %s sits where %s's interface covers it (top %d px, bottom %d px); move it inwards",
						logoName(lg), name, pl.SafeTop, pl.SafeBottom)})
					break
				}
			}
		}
	})
	return nil
}
