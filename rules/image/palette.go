package image

import (
	"fmt"
	"slices"
	"strings"

	"github.com/selaras/selaras/lint"
)

// Palette is the image-palette rule.
var Palette = &lint.Rule{
	Name: "image-palette",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Bidang desain harus memakai warna palet kit", EN: "Designed areas must use the kit's palette"},
		Why: lint.Text{
			ID: "Warna yang sama di semua perangkat daerah membuat warga langsung mengenali unggahan pemerintahnya. selaras lebih dulu memisahkan gambar menjadi foto (banyak warna, gradasi, derau, tekstur) dan desain (bidang datar, tepi tegas, huruf, bentuk), lalu hanya menilai bidang desain (latar, pita, lencana, kotak teks) yang menutupi bagian berarti dari gambar. Bidang datar di dalam foto, seperti bayangan gelap, langit pucat atau dinding, termasuk foto dan tidak dinilai warnanya; kotak teks yang diletakkan di atas foto tetap desain. Satu masalah, satu temuan: bidang desain tidak dinilai lagi sebagai foto terlalu terang atau gelap. Jarak warna diukur dengan CIEDE2000, sehingga pergeseran kecil akibat kompresi JPEG tetap lolos. Gambar bukti (--evidence) menandai foto dengan garis kuning tua dan bidang desain yang dinilai dengan garis ungu.",
			EN: "The same colours across agencies let citizens recognise their government's posts at a glance. selaras first splits the image into photographs (many colours, gradients, noise, texture) and design (flat fills, hard edges, lettering, shapes), then judges only the designed areas (backgrounds, bands, badges, text boxes) that cover a meaningful part of the image. A flat patch inside a photograph, such as a dark shadow, a pale sky or a wall, belongs to the photograph and its colour is not judged; a text box laid over a photo is still design. One problem, one finding: a designed area is not judged again as an over- or underexposed photo. Colour distance is CIEDE2000, so the small shifts of JPEG compression still pass. Evidence pictures (--evidence) outline photographs in amber and the designed areas judged in violet."},
		Fix:      lint.Text{ID: "Ganti warna yang disebut dengan warna palet terdekat.", EN: "Replace the colours named with the nearest palette colour."},
		Bad:      "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAHklEQVR42mK5pqHBQApgYiARjGoY1TB0NAACAAD//8AvAUn1wHPDAAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAHklEQVR42mLh9lvEQApgYiARjGoY1TB0NAACAAD//zuQAR5lB/jkAAAAAElFTkSuQmCC\"]\n+++\nPoster layanan imunisasi gratis.",
		Kit:      "[palette]\ncolors = [\"#0B4EA2\"]\n",
		Severity: lint.Warning,
		KitKeys:  []string{"[palette] colors, tolerance", "[images] palette_min_share"},
	},
	Check:    checkPalette,
	OnImages: true,
}

func checkPalette(p *lint.Pass) error {
	if len(p.Kit.Palette.Colors) == 0 {
		return nil
	}
	each(p, func(im lint.ImageRef, pc *picture) {
		d := pc.designFor(p.Kit)
		var parts, sugg []string
		first := ""
		for _, c := range d.clusters {
			if !c.Off {
				continue
			}
			if first == "" {
				first = c.Hex()
			}
			if len(parts) < 3 {
				parts = append(parts, fmt.Sprintf("%s %.0f%% (→ %s, ΔE00 %.1f)", c.Hex(), c.share*100, c.Nearest, c.Distance))
				if n := c.Nearest.String(); !slices.Contains(sugg, n) {
					sugg = append(sugg, n) // two colours near one palette colour suggest it once
				}
			}
		}
		if first == "" {
			return
		}
		list := strings.Join(parts, "; ")
		report(p, pc, lint.Finding{Match: first, Suggestions: sugg, Region: region(d.OffBox), Message: lint.Tf(
			"%.0f%% gambar berwarna di luar palet kit: %s; ganti dengan warna palet terdekat",
			"%.0f%% of the image is outside the kit's palette: %s; use the nearest palette colour", d.OffShare*100, list)})
	})
	return nil
}
