package brandkit

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The value types below implement encoding.TextUnmarshaler so that a bad
// value in a kit is reported by the TOML decoder with its line and column.

// Severity is how serious a finding is. The zero value means "not set".
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

func (s *Severity) UnmarshalText(b []byte) error {
	switch v := Severity(b); v {
	case SeverityError, SeverityWarning, SeverityInfo:
		*s = v
		return nil
	}
	return errorf("tingkat %q: pakai error, warning atau info", "severity %q: use error, warning or info", string(b))
}

// HexColor is an sRGB colour written "#RRGGBB" (or "#RGB").
type HexColor struct{ R, G, B uint8 }

func (c *HexColor) UnmarshalText(b []byte) error {
	v, err := ParseHexColor(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func (c HexColor) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

func (c HexColor) String() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// ParseHexColor reads "#RRGGBB" or "#RGB".
func ParseHexColor(s string) (HexColor, error) {
	bad := errorf("warna %q: tulis sebagai #RRGGBB, misalnya #0B4EA2", "colour %q: write it as #RRGGBB, for example #0B4EA2", s)
	if !strings.HasPrefix(s, "#") {
		return HexColor{}, bad
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return HexColor{}, bad
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return HexColor{}, bad
	}
	return HexColor{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// Hashtag is a tag as the kit writes it, "#BantenMaju": a '#' then letters,
// digits or underscores (what the platforms accept in a tag).
type Hashtag string

func (h *Hashtag) UnmarshalText(b []byte) error {
	s := string(b)
	if !ValidHashtag(s) {
		return errorf("tagar %q: tulis '#' lalu huruf, angka atau '_' saja, misalnya #BantenMaju",
			"hashtag %q: write '#' then letters, digits or '_' only, for example #BantenMaju", s)
	}
	*h = Hashtag(s)
	return nil
}

// ValidHashtag reports whether s is '#' followed by one or more letters,
// digits, combining marks or underscores, and at least one non-digit.
func ValidHashtag(s string) bool {
	if len(s) < 2 || s[0] != '#' {
		return false
	}
	nonDigit := false
	for _, r := range s[1:] {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.M, r) || r == '_':
			nonDigit = true
		case unicode.IsDigit(r):
		default:
			return false
		}
	}
	return nonDigit
}

// Mention is an account handle, "@bantenprov".
type Mention string

func (m *Mention) UnmarshalText(b []byte) error {
	s := string(b)
	ok := len(s) >= 2 && s[0] == '@'
	for _, r := range s[min(1, len(s)):] {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.')) {
			ok = false
		}
	}
	if !ok {
		return errorf("akun %q: tulis '@' lalu nama akunnya (huruf, angka, '_' atau '.'), misalnya @bantenprov",
			"mention %q: write '@' then the handle (letters, digits, '_' or '.'), for example @bantenprov", s)
	}
	*m = Mention(s)
	return nil
}

// ImageSize is either an exact size "1080x1350" or an aspect ratio "4:5".
type ImageSize struct {
	Width, Height int
	Ratio         bool // true when written as a ratio: only the proportion matters
}

func (z *ImageSize) UnmarshalText(b []byte) error {
	s := string(b)
	sep, ratio := "x", false
	if strings.Contains(s, ":") {
		sep, ratio = ":", true
	}
	a, c, ok := strings.Cut(s, sep)
	w, err1 := strconv.Atoi(a)
	h, err2 := strconv.Atoi(c)
	if !ok || err1 != nil || err2 != nil || w <= 0 || h <= 0 {
		return errorf("ukuran gambar %q: tulis LEBARxTINGGI (1080x1350) atau rasio (4:5)",
			"image size %q: write WIDTHxHEIGHT (1080x1350) or a ratio (4:5)", s)
	}
	*z = ImageSize{Width: w, Height: h, Ratio: ratio}
	return nil
}

func (z ImageSize) String() string {
	if z.Ratio {
		return fmt.Sprintf("%d:%d", z.Width, z.Height)
	}
	return fmt.Sprintf("%dx%d", z.Width, z.Height)
}

func (z ImageSize) MarshalText() ([]byte, error) { return []byte(z.String()), nil }

// Zone is where on an image a logo may stand.
type Zone string

const (
	ZoneTopLeft     Zone = "top-left"
	ZoneTopRight    Zone = "top-right"
	ZoneBottomLeft  Zone = "bottom-left"
	ZoneBottomRight Zone = "bottom-right"
	ZoneAny         Zone = "any"
)

func (z *Zone) UnmarshalText(b []byte) error {
	switch v := Zone(b); v {
	case ZoneTopLeft, ZoneTopRight, ZoneBottomLeft, ZoneBottomRight, ZoneAny:
		*z = v
		return nil
	}
	return errorf("zona %q: pakai top-left, top-right, bottom-left, bottom-right atau any",
		"zone %q: use top-left, top-right, bottom-left, bottom-right or any", string(b))
}

// Language is the language of a kit's drafts: it chooses the stemmer.
type Language string

func (l *Language) UnmarshalText(b []byte) error {
	switch v := Language(b); v {
	case "id", "en":
		*l = v
		return nil
	}
	return errorf("bahasa %q: pakai id atau en", "language %q: use id or en", string(b))
}
