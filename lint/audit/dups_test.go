package audit

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/selaras/selaras/lint"
)

func sigOf(text string) string {
	d, _ := lint.ParseDraft("x.md", "/x.md", "/", []byte(text))
	return captionSig(d)
}

func pngOf(t *testing.T, w, h int, f func(x, y int) color.Color) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, f(x, y))
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDuplicates(t *testing.T) {
	base := "Ayo imunisasi anak di puskesmas terdekat, gratis untuk semua warga Banten setiap hari kerja. #BantenMaju"
	gradient := func(x, y int) color.Color { return color.Gray{uint8(x * 255 / 120)} }
	h1, l1, err := imageSig(pngOf(t, 120, 80, gradient))
	if err != nil {
		t.Fatal(err)
	}
	// The same picture at another size is the same image.
	h2, l2, _ := imageSig(pngOf(t, 240, 160, func(x, y int) color.Color { return gradient(x/2, y/2) }))
	// Plain pictures: equal dHash, told apart by their grey level.
	h3, l3, _ := imageSig(pngOf(t, 50, 50, func(x, y int) color.Color { return color.White }))
	h4, l4, _ := imageSig(pngOf(t, 50, 50, func(x, y int) color.Color { return color.Black }))
	if d, _ := hashDistance(h1, h2); d > imageDistance {
		t.Errorf("resized copy: distance %d", d)
	}
	posts := []Post{
		{Path: "b.md", Date: "2025-10-02", Caption: sigOf(base), Images: []ImageSig{{Path: "b.png", DHash: h2, Luma: l2}}},
		{Path: "a.md", Date: "2025-10-01", Caption: sigOf(base + " Info di tautan."), Images: []ImageSig{{Path: "a.png", DHash: h1, Luma: l1}}},
		{Path: "c.md", Date: "2025-10-03", Caption: sigOf("Jadwal bus sekolah gratis kini tersedia untuk dua belas rute baru di Kota Serang."),
			Images: []ImageSig{{Path: "w.png", DHash: h3, Luma: l3}}},
		{Path: "d.md", Date: "2025-10-03", Caption: sigOf("Pendek saja."), Images: []ImageSig{{Path: "k.png", DHash: h4, Luma: l4}}},
	}
	dups, fs := findDuplicates(posts)
	if len(dups) != 2 {
		t.Fatalf("duplicates %+v", dups)
	}
	if dups[0].Kind != "image" || len(dups[0].Posts) != 2 || dups[0].Posts[0] != "a.md" || dups[0].Posts[1] != "b.md" {
		t.Errorf("image group %+v", dups[0])
	}
	if dups[1].Kind != "caption" || len(dups[1].Posts) != 2 || dups[1].Posts[0] != "a.md" || dups[1].Similarity < captionSimilar {
		t.Errorf("caption group %+v", dups[1])
	}
	// The earlier post is the original: only b.md gets findings.
	if len(fs) != 2 || fs[0].Post != "b.md" || fs[1].Post != "b.md" || fs[0].Match != "a.md" {
		t.Errorf("findings %+v", fs)
	}
	if sigOf("Selamat pagi warga") != "" {
		t.Error("a short caption got a signature")
	}
}

func TestImageSigBadInput(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("not an image"), pngHeaderClaiming(40000, 40000)} {
		if _, _, err := imageSig(b); err == nil {
			t.Errorf("no error for %q", b)
		}
	}
}

// pngHeaderClaiming is the start of a PNG that claims a huge size.
func pngHeaderClaiming(w, h int) []byte {
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 1, 1))
	png.Encode(&b, img)
	data := b.Bytes()
	// IHDR width and height at offsets 16 and 20 (the CRC is then wrong,
	// which DecodeConfig does not check before the size).
	put := func(off, v int) {
		data[off], data[off+1], data[off+2], data[off+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	put(16, w)
	put(20, h)
	return data[:33]
}

// The audit's own rules are documented like every rule, in both languages,
// with the severity their findings carry.
func TestDuplicateRulesDocumented(t *testing.T) {
	names := map[string]bool{}
	for _, r := range Rules {
		names[r.Name] = true
		d := r.Doc
		if !d.Title.Complete() || !d.Why.Complete() || !d.Fix.Complete() {
			t.Errorf("%s: title, why and fix need both languages", r.Name)
		}
		if r.Check != nil {
			t.Errorf("%s: an audit rule has no check of one draft", r.Name)
		}
		f := dupFinding(Post{Path: "a.md"}, r.Name, "", "b.md", lint.Text{ID: "x", EN: "y"})
		if f.Severity != string(d.Severity) {
			t.Errorf("%s: documented %s, reported %s", r.Name, d.Severity, f.Severity)
		}
	}
	if !names[RuleDupImage] || !names[RuleDupCaption] || len(Rules) != 2 {
		t.Errorf("documented rules: %v", names)
	}
}
