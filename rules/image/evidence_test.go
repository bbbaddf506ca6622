package image

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/disintegration/imaging"

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
		"poster.jpg":              "poster.jpg.selaras.png",
		"./konten/./x/poster.jpg": "konten__x__poster.jpg.selaras.png",
		"a_b/c-d.png":             "a_b__c-d.png.selaras.png",
	} {
		if got := evidenceName(in); got != want {
			t.Errorf("evidenceName(%q) = %q, want %q", in, got, want)
		}
	}
	// A name written with loss carries a hash of the path.
	if got := evidenceName("../../luar/a b.png"); !strings.HasPrefix(got, "luar__a_b.png~") || !strings.HasSuffix(got, EvidenceSuffix) {
		t.Errorf("evidenceName(../../luar/a b.png) = %q", got)
	}
}

// TestEvidenceNameInjective: different image paths never share an
// evidence file (issue #19 item 18: ñ.png and ü.png both became
// _.png.selaras.png; x/y.png and x__y.png too).
func TestEvidenceNameInjective(t *testing.T) {
	paths := []string{
		"ñ.png", "ü.png", "_.png", "__.png",
		"x/y.png", "x__y.png", "x_/_y.png", "x/_y.png", "x_/y.png", "x___y.png",
		"a.png", "../a.png", "/a.png", "b/../a.png.png", "a b.png", "a_b.png", "a%b.png",
		"x~1.png", "x/y~1.png",
	}
	seen := map[string]string{}
	for _, p := range paths {
		n := evidenceName(p)
		if q, dup := seen[n]; dup && filepath.Clean(q) != filepath.Clean(p) {
			t.Errorf("%q and %q share the evidence name %q", q, p, n)
		}
		seen[n] = p
	}
}

// TestEvidenceOutputNotRegular: an existing output name that is a named
// pipe or a link to /dev/zero is refused with a message, without being
// opened for reading (a pipe hung the run; /dev/zero ate 3.5 GB).
func TestEvidenceOutputNotRegular(t *testing.T) {
	s := onBrand()
	s.band = red
	files := memFiles{
		"/mem/poster.jpg": encJPEG(t, poster(s), 85),
		"/mem/logo.png":   encPNG(t, logoMark(200)),
	}
	kit := testKitWith(t, "")
	eng := &lint.Engine{Rules: Rules(), Kits: &brandkit.Loader{Fixed: kit}, Files: files, Jobs: 1, KeepDrafts: true}
	res := eng.Run([]lint.Input{draftInput("post.md", instagramDraft("poster.jpg"))})
	for _, kind := range []string{"fifo", "zero", "link-to-own"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "poster.jpg"+EvidenceSuffix)
			switch kind {
			case "fifo":
				if err := syscall.Mkfifo(out, 0o644); err != nil {
					t.Skip(err)
				}
			case "zero":
				if err := os.Symlink("/dev/zero", out); err != nil {
					t.Skip(err)
				}
			case "link-to-own":
				// Even a link to a file selaras wrote is not replaced.
				own := filepath.Join(t.TempDir(), "own.png")
				if _, errs := WriteEvidence(filepath.Dir(own), res, "en", files.ReadFile); len(errs) > 0 {
					t.Fatal(errs)
				}
				if err := os.Symlink(filepath.Join(filepath.Dir(own), "poster.jpg"+EvidenceSuffix), out); err != nil {
					t.Fatal(err)
				}
			}
			done := make(chan []error, 1)
			go func() {
				_, errs := WriteEvidence(dir, res, "id", files.ReadFile)
				done <- errs
			}()
			var errs []error
			select {
			case errs = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("WriteEvidence still blocked after 20 s (it opened the pipe)")
			}
			if len(errs) != 1 || !strings.Contains(brandkit.Message(errs[0], "id"), "bukan berkas biasa") || !strings.Contains(brandkit.Message(errs[0], "en"), "not a regular file") {
				t.Fatalf("errors %v, want one refusal naming a file that is not regular", errs)
			}
			if info, err := os.Lstat(out); err != nil || info.Mode().IsRegular() {
				t.Errorf("the special file was replaced (%v, %v)", info, err)
			}
		})
	}
}

// TestEvidenceCrop: an image whose only finding is image-size shows what
// the platform crops away (shaded outside the nearest accepted proportion,
// the kept part untouched) and a legend saying so in the run's language,
// in letters enlarged for a phone (issue #18 item 13: the poster came back
// unchanged with a blank strip).
func TestEvidenceCrop(t *testing.T) {
	s := onBrand()
	s.w, s.h = 1350, 1080 // 5:4, landscape; instagram takes 1:1 and 4:5
	pic := poster(s)
	files := memFiles{"/mem/lebar.png": encPNG(t, pic), "/mem/logo.png": encPNG(t, logoMark(200))}
	kit := testKitWith(t, "")
	eng := &lint.Engine{Rules: Rules(), Kits: &brandkit.Loader{Fixed: kit}, Files: files, Jobs: 1, KeepDrafts: true}
	res := eng.Run([]lint.Input{draftInput("post.md", instagramDraft("lebar.png"))})
	var rules []string
	for _, fr := range res.Files {
		for _, f := range fr.Findings {
			if f.Rule != "image-logo" { // the logo is not what this is about
				rules = append(rules, f.Rule)
			}
		}
	}
	if strings.Join(rules, " ") != "image-size" {
		t.Fatalf("findings %v, want image-size only", rules)
	}
	legends := map[string]*image.NRGBA{}
	for _, lang := range []string{"id", "en"} {
		dir := t.TempDir()
		written, errs := WriteEvidence(dir, res, lang, files.ReadFile)
		if len(errs) > 0 || len(written) != 1 {
			t.Fatalf("%s: written %v, errors %v", lang, written, errs)
		}
		data, _ := os.ReadFile(written[0])
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		out := imaging.Clone(img)
		// Scaled to 1600 wide at most: 1350 stays. The kept 1:1 square is
		// x 135..1215; the sides are shaded.
		for _, x := range []int{20, 1330} {
			if got, was := lum(out.NRGBAAt(x, 100)), lum(pic.NRGBAAt(x, 100)); got > was*0.6 {
				t.Errorf("%s: x=%d not shaded (%.0f, was %.0f)", lang, x, got, was)
			}
		}
		if got, was := out.NRGBAAt(675, 100), pic.NRGBAAt(675, 100); got != was {
			t.Errorf("%s: the kept part changed at the centre: %v, was %v", lang, got, was)
		}
		// One legend line at least, enlarged: 16 px rows, 3 times at 1350 wide.
		if band := out.Bounds().Dy() - 1080; band < 3*16 {
			t.Errorf("%s: legend band %d px high, want letters enlarged for a phone", lang, band)
		}
		legends[lang] = imaging.Crop(out, image.Rect(0, 1080, 1350, out.Bounds().Dy()))
	}
	if bytes.Equal(legends["id"].Pix, legends["en"].Pix) {
		t.Error("the legend is the same in both languages")
	}
}

func lum(c color.NRGBA) float64 { return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B) }

// TestCropTarget: the nearest accepted proportion, and the part kept.
func TestCropTarget(t *testing.T) {
	kit := testKitWith(t, "")
	for _, c := range []struct {
		platform string
		w, h     int
		size     string
		crop     image.Rectangle
	}{
		{"instagram", 1200, 900, "1080x1080", image.Rect(150, 0, 1050, 900)},
		{"instagram", 1080, 1920, "1080x1350", image.Rect(0, 285, 1080, 1635)},
		{"instagram", 1080, 1350, "1080x1350", image.Rect(0, 0, 1080, 1350)},
		{"", 1000, 1800, "1080x1920", image.Rect(0, 11, 1000, 1789)},
	} {
		got, ok := cropTarget(kit, c.platform, c.w, c.h)
		if !ok || got.size.String() != c.size || got.crop != c.crop {
			t.Errorf("%s %dx%d: %s %v, want %s %v", c.platform, c.w, c.h, got.size.String(), got.crop, c.size, c.crop)
		}
	}
}
