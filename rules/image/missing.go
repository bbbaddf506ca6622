package image

import "github.com/selaras/selaras/lint"

// Missing is the image-missing rule.
var Missing = &lint.Rule{
	Name: "image-missing",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Gambar yang disebut draf harus ada di folder konten", EN: "Images a draft names must exist inside the content folder"},
		Why: lint.Text{
			ID: "Draf yang menyebut gambar yang tidak ada akan terbit tanpa gambarnya, atau penjadwal unggahan gagal. Gambar di luar folder konten (../../) tidak ikut tersimpan bersama draf dan tidak bisa diperiksa rekan lain.",
			EN: "A draft naming an image that does not exist goes out without it, or the scheduler fails. An image outside the content folder (../../) is not stored with the draft and colleagues cannot check it."},
		Bad:      "+++\nimages = [\"poster-hilang.jpg\"]\n+++\nVaksinasi gratis di Puskesmas Serang hari ini.",
		Good:     "Vaksinasi gratis di Puskesmas Serang hari ini.",
		Fix:      lint.Text{ID: "Perbaiki nama berkas, atau simpan gambarnya di folder draf.", EN: "Fix the file name, or save the image in the draft's folder."},
		Severity: lint.Error,
		KitKeys:  nil,
	},
	Check: checkMissing,
}

func checkMissing(p *lint.Pass) error {
	if p.Draft.Kind != lint.KindText {
		return nil
	}
	for _, im := range p.Draft.Images {
		var msg lint.Text
		switch {
		case isRemote(im.Ref):
			continue // a web address: not checked (selaras never goes online)
		case im.Escapes:
			msg = lint.Tf("gambar %q berada di luar folder konten; simpan di folder draf dan sebut tanpa ../",
				"image %q lies outside the content folder; save it in the draft's folder and name it without ../", im.Ref)
		case load(p, im).Missing:
			msg = lint.Tf("gambar %q tidak ada; periksa nama berkasnya", "image %q does not exist; check the file name", im.Ref)
		default:
			continue
		}
		f := lint.Finding{Span: im.Span, Match: im.Ref, Message: msg}
		if im.Span.End <= im.Span.Start {
			f.FileLevel = true
		}
		p.Report(f)
	}
	return nil
}
