package image

import "github.com/selaras/selaras/lint"

// Unreadable is the image-unreadable rule.
var Unreadable = &lint.Rule{
	Name: "image-unreadable",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Gambar harus bisa dibuka", EN: "Images must be readable"},
		Why: lint.Text{
			ID: "Berkas yang bukan gambar, rusak, terpotong, kosong, atau terlalu besar tidak akan tampil di media sosial. selaras membaca kepala berkas dulu dan menolak gambar yang piksel-nya melebihi batas, sehingga berkas kecil yang mengaku 50000x50000 piksel tidak menghabiskan memori.",
			EN: "A file that is not an image, damaged, cut short, empty, or too large will not show on social media. selaras reads the header first and refuses images over the pixel budget, so a tiny file claiming 50000x50000 pixels cannot exhaust memory."},
		Fix:      lint.Text{ID: "Ekspor ulang gambar sebagai JPEG atau PNG dari aplikasi desain.", EN: "Export the image again as JPEG or PNG from the design tool."},
		Bad:      "+++\nimages = [\"data:image/png;base64,U2VsYW1hdCBwYWdp\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGklEQVR42mL5//8/AzbAxIADDE4JQAAAAP//WSwDECHSZoIAAAAASUVORK5CYII=\"]\n+++\nPoster layanan imunisasi gratis.",
		Severity: lint.Error,
		KitKeys:  []string{"[images] max_pixels"},
	},
	Check:    checkUnreadable,
	OnImages: true,
}

func checkUnreadable(p *lint.Pass) error {
	for _, im := range p.Draft.Images {
		if im.Escapes || kitAsset(p, im) || isRemote(im.Ref) {
			continue
		}
		pc := load(p, im)
		if pc.Missing && p.Draft.Kind == lint.KindImage {
			report(p, pc, lint.Finding{Message: lint.Text{ID: "berkas gambar tidak ada lagi", EN: "the image file no longer exists"}})
			continue
		}
		if pc.Problem.ID != "" {
			report(p, pc, lint.Finding{Message: pc.Problem, Match: pc.Format})
		}
	}
	return nil
}
