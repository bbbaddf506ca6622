package image

import (
	"fmt"
	"slices"
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Format is the image-format rule.
var Format = &lint.Rule{
	Name: "image-format",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Format gambar harus diterima platform", EN: "Image formats must be accepted by the platform"},
		Why: lint.Text{
			ID: "Platform menolak atau mengubah format yang tidak didukungnya (misalnya WebP atau GIF), sering dengan hasil yang lebih buruk. Format dibaca dari isi berkas, bukan dari namanya.",
			EN: "Platforms refuse or convert formats they do not support (WebP or GIF, say), often for the worse. The format is read from the file's content, not its name."},
		Fix:      lint.Text{ID: "Simpan ulang dalam format yang diterima platform (biasanya JPEG).", EN: "Save again in a format the platform accepts (usually JPEG)."},
		Bad:      "+++\nplatform = \"contoh\"\nimages = [\"data:image/gif;base64,R0lGODlhCAAIAIAAAP///wAAACwAAAAACAAIAAACB4SPqcvtXQAAOw==\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nplatform = \"contoh\"\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGklEQVR42mL5//8/AzbAxIADDE4JQAAAAP//WSwDECHSZoIAAAAASUVORK5CYII=\"]\n+++\nPoster layanan imunisasi gratis.",
		Kit:      "[platforms.contoh]\nformats = [\"png\"]\n",
		Severity: lint.Error,
		KitKeys:  []string{"[platforms.*] formats"},
	},
	Check:    checkFormat,
	OnImages: true,
}

// FileSize is the image-filesize rule.
var FileSize = &lint.Rule{
	Name: "image-filesize",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Berkas gambar tidak boleh melebihi batas platform", EN: "Image files must stay under the platform's limit"},
		Why: lint.Text{
			ID: "Unggahan di atas batas ukuran berkas ditolak platform atau penjadwal, biasanya tepat saat jadwal terbit.",
			EN: "Uploads over the file size limit are refused by the platform or the scheduler, usually right at publishing time."},
		Fix:      lint.Text{ID: "Kompres gambar (JPEG kualitas 80-85 biasanya cukup) atau kecilkan ukurannya.", EN: "Compress the image (JPEG quality 80-85 is usually enough) or make it smaller."},
		Bad:      "+++\nplatform = \"contoh\"\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAAWElEQVR42gBIALf/BCHuuPTGBbNzBCdc//QhT9JuBEPxX70tOBB4BPSgChYnHc0QANsPpUwp9/2SAyBEL7i7nxYsAvLHSwYEBMotAMj6Z6sDHr2cAQAA//9Zox3CjjnGmwAAAABJRU5ErkJggg==\"]\n+++\nPoster layanan imunisasi gratis.",
		Good:     "+++\nplatform = \"contoh\"\nimages = [\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGklEQVR42mL5//8/AzbAxIADDE4JQAAAAP//WSwDECHSZoIAAAAASUVORK5CYII=\"]\n+++\nPoster layanan imunisasi gratis.",
		Kit:      "[platforms.contoh]\nmax_bytes = 120\n",
		Severity: lint.Error,
		KitKeys:  []string{"[platforms.*] max_bytes"},
	},
	Check:    checkFileSize,
	OnImages: true,
}

func formatList(fs []brandkit.ImageFormat) string {
	var out []string
	for _, f := range fs {
		out = append(out, strings.ToUpper(string(f)))
	}
	return strings.Join(out, ", ")
}

func checkFormat(p *lint.Pass) error {
	each(p, func(im lint.ImageRef, pc *picture) {
		got := brandkit.ImageFormat(pc.Format)
		up := strings.ToUpper(pc.Format)
		if name, pl, ok := platformFor(p); ok {
			if len(pl.Formats) > 0 && !slices.Contains(pl.Formats, got) {
				report(p, pc, lint.Finding{Match: pc.Format, Message: lint.Tf(
					"format %s tidak diterima %s; simpan sebagai %s",
					"%s is not accepted by %s; save it as %s", up, name, formatList(pl.Formats))})
			}
			return
		}
		var union []brandkit.ImageFormat
		for _, n := range sortedPlatforms(p.Kit) {
			for _, f := range p.Kit.Platforms[n].Formats {
				if slices.Contains(p.Kit.Platforms[n].Formats, got) {
					return
				}
				if !slices.Contains(union, f) {
					union = append(union, f)
				}
			}
		}
		if len(union) > 0 {
			report(p, pc, lint.Finding{Match: pc.Format, Message: lint.Tf(
				"format %s tidak diterima platform mana pun di kit; simpan sebagai %s",
				"%s is accepted by no platform of the kit; save it as %s", up, formatList(union))})
		}
	})
	return nil
}

// humanBytes writes a byte count as people read it: 8 MB, 950 KB.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func checkFileSize(p *lint.Pass) error {
	each(p, func(im lint.ImageRef, pc *picture) {
		if name, pl, ok := platformFor(p); ok {
			if pl.MaxBytes > 0 && pc.Size > pl.MaxBytes {
				report(p, pc, lint.Finding{Match: humanBytes(pc.Size), Message: lint.Tf(
					"berkas %s melebihi batas %s (%s); kompres atau kecilkan gambarnya",
					"the file is %s, over the %s limit of %s; compress it or make it smaller", humanBytes(pc.Size), name, humanBytes(pl.MaxBytes))})
			}
			return
		}
		var most int64
		for _, n := range sortedPlatforms(p.Kit) {
			lim := p.Kit.Platforms[n].MaxBytes
			if lim <= 0 {
				continue
			}
			if pc.Size <= lim {
				return
			}
			most = max(most, lim)
		}
		if most > 0 {
			report(p, pc, lint.Finding{Match: humanBytes(pc.Size), Message: lint.Tf(
				"berkas %s melebihi batas semua platform di kit (terbesar %s); kompres atau kecilkan gambarnya",
				"the file is %s, over every platform's limit in the kit (the largest is %s); compress it or make it smaller", humanBytes(pc.Size), humanBytes(most))})
		}
	})
	return nil
}
