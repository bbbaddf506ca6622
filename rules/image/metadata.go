package image

import (
	"strings"

	"github.com/selaras/selaras/lint"
)

// Metadata is the image-metadata rule.
var Metadata = &lint.Rule{
	Name: "image-metadata",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Gambar tidak boleh membawa lokasi GPS atau data pribadi", EN: "Images must not carry a GPS position or personal data"},
		Why: lint.Text{
			ID: "Foto dari ponsel sering menyimpan lokasi GPS, nama pemilik kamera, dan nomor seri di EXIF. Beberapa platform tidak menghapusnya; lokasi rumah petugas atau warga bisa bocor.",
			EN: "Phone photos often store the GPS position, the camera owner's name and serial numbers in EXIF. Some platforms do not strip them; the home of a staff member or a citizen can leak."},
		Fix:      lint.Text{ID: "Hapus metadata saat ekspor (\"Export for web\", atau exiftool -all= berkas.jpg).", EN: "Strip metadata when exporting (\"Export for web\", or exiftool -all= file.jpg)."},
		Bad:      "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAgGVYSWZNTQAqAAAACAABiCUABAAAAAEAAAAaAAAAAAAEAAEAAgAAAAJTAAAAAAIABQAAAAMAAABQAAMAAgAAAAJFAAAAAAQABQAAAAMAAABoAAAAAAAAAAYAAAABAAAABwAAAAEAAAAeAAAAAQAAAGoAAAABAAAACQAAAAEAAAAAAAAAASAdn6sAAAAaSURBVHjaYvn//z8DNsDEgAMMTglAAAAA//9ZLAMQIdJmggAAAABJRU5ErkJggg==\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGklEQVR42mL5//8/AzbAxIADDE4JQAAAAP//WSwDECHSZoIAAAAASUVORK5CYII=\"]\n+++\nPoster layanan imunisasi gratis.",
		Severity: lint.Error,
		KitKeys:  []string{"[images] metadata"},
	},
	Check:    checkMetadata,
	OnImages: true,
}

func checkMetadata(p *lint.Pass) error {
	policy := p.Kit.Images.MetadataPolicy()
	each(p, func(im lint.ImageRef, pc *picture) {
		ex := pc.Exif
		if ex.HasGPS {
			report(p, pc, lint.Finding{Match: "GPS", Message: lint.Tf(
				"EXIF menyimpan lokasi GPS (%.4f, %.4f); hapus metadata sebelum mengunggah",
				"EXIF holds a GPS position (%.4f, %.4f); strip the metadata before posting", ex.Lat, ex.Lon)})
		}
		if policy == "personal" && len(ex.Personal) > 0 {
			list := strings.Join(ex.Personal, "; ")
			report(p, pc, lint.Finding{Match: "EXIF", Severity: lint.Warning, Message: lint.Tf(
				"EXIF menyimpan data pribadi (%s); hapus metadata sebelum mengunggah",
				"EXIF holds personal data (%s); strip the metadata before posting", list)})
		}
	})
	return nil
}
