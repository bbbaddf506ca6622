package image

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

func TestWriteEvidence(t *testing.T) {
	s := onBrand()
	s.band = red
	s.logoX, s.logoY = 0.8, 0.55 // off-palette band, logo in the wrong corner
	files := memFiles{
		"/mem/poster.jpg": encJPEG(t, poster(s), 85),
		"/mem/fine.jpg":   encJPEG(t, poster(onBrand()), 85),
		"/mem/logo.png":   encPNG(t, logoMark(200)),
	}
	kit := testKitWith(t, "")
	// Evidence finds each image through its draft, as check --evidence keeps them.
	eng := &lint.Engine{Rules: Rules(), Kits: &brandkit.Loader{Fixed: kit}, Files: files, Jobs: 1, KeepDrafts: true}
	res := eng.Run([]lint.Input{
		draftInput("post.md", instagramDraft("poster.jpg")),
		draftInput("ok.md", instagramDraft("fine.jpg")),
	})
	dir := filepath.Join(t.TempDir(), "bukti")
	written, errs := WriteEvidence(dir, res, "en", files.ReadFile)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := filepath.Join(dir, "poster.jpg"+EvidenceSuffix)
	if len(written) != 1 || written[0] != want {
		t.Fatalf("written %v, want only %s (the image without findings gets none)", written, want)
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1080 || b.Dy() <= 1350 {
		t.Errorf("evidence is %v, want 1080 wide with a legend under the 1350 rows", b)
	}
	// The off-palette band is masked in magenta; the logo's box is drawn.
	r, g, b, _ := img.At(540, 1300).RGBA()
	if !(r>>8 > 200 && g>>8 < 100 && b>>8 > 120) {
		t.Errorf("band pixel is %d,%d,%d, want magenta", r>>8, g>>8, b>>8)
	}
	// Writing again replaces selaras' own file.
	if _, errs := WriteEvidence(dir, res, "en", files.ReadFile); len(errs) > 0 {
		t.Fatalf("second run: %v", errs)
	}
	// A file selaras did not write is never replaced.
	if err := os.WriteFile(want, []byte("my own notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs := WriteEvidence(dir, res, "en", files.ReadFile); len(errs) != 1 {
		t.Fatalf("overwrote a foreign file (errors %v)", errs)
	}
	if got, _ := os.ReadFile(want); string(got) != "my own notes" {
		t.Fatalf("foreign file changed to %d bytes", len(got))
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want 1", len(entries))
	}
}

func TestEvidenceName(t *testing.T) {
	for in, want := range map[string]string{
		"dinkes/poster.jpg":       "dinkes__poster.jpg.selaras.png",
		"../../luar/a b.png":      "luar__a_b.png.selaras.png",
		"poster.jpg":              "poster.jpg.selaras.png",
		"./konten/./x/poster.jpg": "konten__x__poster.jpg.selaras.png",
	} {
		if got := evidenceName(in); got != want {
			t.Errorf("evidenceName(%q) = %q, want %q", in, got, want)
		}
	}
}
