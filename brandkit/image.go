package brandkit

import "strings"

// Images is the [images] table: how the image rules judge pictures. Every
// field has a default (see the methods below), so a kit sets only what it
// wants to change.
type Images struct {
	// MaxPixels is the pixel budget: images whose header claims more pixels
	// are refused before decoding (image-unreadable), so that a tiny file
	// claiming 50000x50000 cannot exhaust memory. Default 40 million.
	MaxPixels int `toml:"max_pixels"`
	// SizeTolerance is how far an image's aspect ratio may stray from a
	// platform size and still match it, as a share (0.01 = 1 %).
	SizeTolerance float64 `toml:"size_tolerance"`
	// PaletteMinShare is the smallest share of the image one flat colour
	// must cover to count as a designed colour (a background, a band, a
	// text box). Default 0.02.
	PaletteMinShare float64 `toml:"palette_min_share"`
	// LogoScore is the normalized cross-correlation (-1..1) a match needs
	// to count as the logo. Default 0.7.
	LogoScore float64 `toml:"logo_score"`
	// BlurMin is the least sharpness (variance of the Laplacian of the
	// image's most detailed parts, on a 512-pixel grey copy) an image needs.
	// Default 60.
	BlurMin float64 `toml:"blur_min"`
	// ClipMax is the largest share of a photo's pixels that may be pure
	// white or pure black before it counts as over- or underexposed.
	// Default 0.08.
	ClipMax float64 `toml:"clip_max"`
	// Metadata is what image-metadata reports: "personal" (GPS position
	// and names or serial numbers of people and cameras; the default) or
	// "gps" (the position only).
	Metadata string `toml:"metadata"`
}

// Image settings' defaults.
const (
	DefaultMaxPixels       = 40_000_000
	DefaultSizeTolerance   = 0.01
	DefaultPaletteMinShare = 0.02
	DefaultLogoScore       = 0.7
	DefaultBlurMin         = 60
	DefaultClipMax         = 0.08
)

// PixelBudget is [images] max_pixels or its default.
func (i Images) PixelBudget() int { return orInt(i.MaxPixels, DefaultMaxPixels) }

// RatioTolerance is [images] size_tolerance or its default.
func (i Images) RatioTolerance() float64 { return orFloat(i.SizeTolerance, DefaultSizeTolerance) }

// MinDesignShare is [images] palette_min_share or its default.
func (i Images) MinDesignShare() float64 { return orFloat(i.PaletteMinShare, DefaultPaletteMinShare) }

// MinLogoScore is [images] logo_score or its default.
func (i Images) MinLogoScore() float64 { return orFloat(i.LogoScore, DefaultLogoScore) }

// MinSharpness is [images] blur_min or its default.
func (i Images) MinSharpness() float64 { return orFloat(i.BlurMin, DefaultBlurMin) }

// MaxClipped is [images] clip_max or its default.
func (i Images) MaxClipped() float64 { return orFloat(i.ClipMax, DefaultClipMax) }

// MetadataPolicy is [images] metadata or its default, "personal".
func (i Images) MetadataPolicy() string {
	if i.Metadata == "" {
		return "personal"
	}
	return i.Metadata
}

func orInt(v, d int) int {
	if v > 0 {
		return v
	}
	return d
}

func orFloat(v, d float64) float64 {
	if v > 0 {
		return v
	}
	return d
}

// ImageFormat is a file format a platform accepts: jpeg, png, gif or webp.
type ImageFormat string

func (f *ImageFormat) UnmarshalText(b []byte) error {
	s := strings.ToLower(string(b))
	if s == "jpg" {
		s = "jpeg"
	}
	switch s {
	case "jpeg", "png", "gif", "webp":
		*f = ImageFormat(s)
		return nil
	}
	return errorf("format gambar %q: pakai jpeg, png, gif atau webp", "image format %q: use jpeg, png, gif or webp", string(b))
}

// validateImages checks the [images] table, the image keys of the
// platforms and the logos' files.
func (k *Kit) validateImages(_ string, loc *locator, add func(line int, key, idFormat, enFormat string, args ...any)) {
	im := k.Images
	if im.MaxPixels < 0 {
		add(loc.key("images", "max_pixels"), "images.max_pixels", "harus jumlah piksel yang positif (bawaan %d)", "must be a positive number of pixels (default %d)", DefaultMaxPixels)
	}
	for _, f := range []struct {
		key string
		v   float64
		max float64
	}{
		{"size_tolerance", im.SizeTolerance, 0.5},
		{"palette_min_share", im.PaletteMinShare, 1},
		{"logo_score", im.LogoScore, 1},
		{"clip_max", im.ClipMax, 1},
		{"blur_min", im.BlurMin, 1e9},
	} {
		if f.v < 0 || f.v > f.max {
			add(loc.key("images", f.key), "images."+f.key, "harus antara 0 dan %g", "must be between 0 and %g", f.max)
		}
	}
	switch im.Metadata {
	case "", "personal", "gps":
	default:
		add(loc.key("images", "metadata"), "images.metadata", "%q: pakai personal atau gps", "%q: use personal or gps", im.Metadata)
	}
	for name, p := range k.Platforms {
		if p.MaxBytes < 0 || p.MinWidth < 0 || p.SafeSides < 0 {
			add(loc.key("platforms", name), "platforms."+name, "batas gambar harus 0 atau lebih", "image limits must be 0 or more")
		}
	}
	// A logo file that cannot be read is not a kit error: the kit still
	// checks text (a kit copied without its logo, `init --from demo`), and
	// image-logo reports the unreadable logo on each image.
}
