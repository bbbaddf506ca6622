// Package image holds the image rules: every image a draft attaches, and
// every image checked on its own, is judged against the visual brand kit
// (platform sizes, formats and byte limits, the palette, the logo and its
// zone, the platforms' safe zones) and for quality (blur, exposure) and
// privacy (EXIF metadata).
//
// All rules share one decode per image per draft (Draft.Memo): the file is
// read once, its header checked against the pixel budget before any pixel
// is allocated, then decoded into two small working copies (a
// nearest-neighbour colour copy and a box-averaged grey copy); the decoded
// image itself is not kept. Kit logos are prepared once per kit (Kit.Memo).
//
// An image attached to a draft is judged for the draft's platform. An image
// checked on its own, or attached to a draft that names no platform the kit
// knows, is judged against every platform of the kit: it passes when it
// suits at least one.
package image

import "github.com/selaras/selaras/lint"

// Rules lists the image rules in the order `selaras rules` shows them.
func Rules() []*lint.Rule {
	return []*lint.Rule{Unreadable, Missing, Size, Format, FileSize, Palette, Logo, SafeZone, Blur, Exposure, Metadata}
}
