package brandkit

import (
	"strings"
	"testing"
)

func TestImageKeys(t *testing.T) {
	k, err := Parse("kit.toml", []byte(`
[images]
max_pixels = 1000000
logo_score = 0.8
metadata   = "gps"

[platforms.instagram]
formats   = ["JPG", "png"]
max_bytes = 1024
min_width = 1080
`))
	if err != nil {
		t.Fatal(err)
	}
	if k.Images.PixelBudget() != 1_000_000 || k.Images.MinLogoScore() != 0.8 || k.Images.MetadataPolicy() != "gps" {
		t.Errorf("images: %+v", k.Images)
	}
	if k.Images.MinSharpness() != DefaultBlurMin || k.Images.RatioTolerance() != DefaultSizeTolerance {
		t.Errorf("defaults not applied: %+v", k.Images)
	}
	pl := k.Platforms["instagram"]
	if len(pl.Formats) != 2 || pl.Formats[0] != "jpeg" || pl.MaxBytes != 1024 || pl.MinWidth != 1080 {
		t.Errorf("platform: %+v", pl)
	}
}

func TestImageKeysProblems(t *testing.T) {
	_, err := Parse("kit.toml", []byte(`[images]
logo_score = 2
metadata   = "all"
clip_max   = -1

[platforms.x]
max_bytes = -5
`))
	if err == nil {
		t.Fatal("bad [images] values accepted")
	}
	msg := err.Error()
	for _, want := range []string{
		"kit.toml:2: images.logo_score: must be between 0 and 1",
		"kit.toml:3: images.metadata: \"all\": use personal or gps",
		"kit.toml:4: images.clip_max: must be between 0 and 1",
		"kit.toml:6: platforms.x: image limits must be 0 or more",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	_, err = Parse("kit.toml", []byte("[platforms.x]\nformats = [\"bmp\"]\n"))
	if err == nil || !strings.Contains(err.Error(), `image format "bmp": use jpeg, png, gif or webp`) || !strings.Contains(err.Error(), "kit.toml:2") {
		t.Errorf("bad format: %v", err)
	}
}
