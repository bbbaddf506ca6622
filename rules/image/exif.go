package image

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

// exifInfo is what selaras reads from EXIF: the orientation (to judge an
// image as it is displayed) and personal data (privacy). The parser is
// minimal on purpose: bounded, no allocation beyond the strings it keeps,
// and it never fails loudly (bad EXIF just yields less information).
type exifInfo struct {
	Orientation int // 1..8; 0 when absent
	HasGPS      bool
	Lat, Lon    float64
	HasLatLon   bool
	// Personal lists personal fields found, "Artist: Budi", in tag order.
	Personal []string
}

// findEXIF returns the TIFF-structured EXIF payload of a JPEG, PNG or WebP
// file, or nil.
func findEXIF(data []byte, format string) []byte {
	switch format {
	case "jpeg":
		for i := 2; i+4 <= len(data); {
			if data[i] != 0xFF {
				return nil
			}
			marker := data[i+1]
			if marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF {
				i++
				if marker != 0xFF {
					i++
				}
				continue
			}
			if marker == 0xDA || marker == 0xD9 { // start of scan: no more metadata
				return nil
			}
			n := int(binary.BigEndian.Uint16(data[i+2:]))
			if n < 2 || i+2+n > len(data) {
				return nil
			}
			seg := data[i+4 : i+2+n]
			if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
				return seg[6:]
			}
			i += 2 + n
		}
	case "png":
		for i := 8; i+12 <= len(data); {
			n := int(binary.BigEndian.Uint32(data[i:]))
			typ := string(data[i+4 : i+8])
			if n < 0 || i+12+n > len(data) {
				return nil
			}
			if typ == "eXIf" {
				return data[i+8 : i+8+n]
			}
			if typ == "IDAT" || typ == "IEND" {
				return nil
			}
			i += 12 + n
		}
	case "webp":
		for i := 12; i+8 <= len(data); {
			typ := string(data[i : i+4])
			n := int(binary.LittleEndian.Uint32(data[i+4:]))
			if n < 0 || i+8+n > len(data) {
				return nil
			}
			if typ == "EXIF" {
				p := data[i+8 : i+8+n]
				return bytes.TrimPrefix(p, []byte("Exif\x00\x00"))
			}
			i += 8 + n + n&1
		}
	}
	return nil
}

// EXIF tags selaras reads.
const (
	tagOrientation = 0x0112
	tagArtist      = 0x013B
	tagExifIFD     = 0x8769
	tagGPSIFD      = 0x8825
	tagXPAuthor    = 0x9C9D
	tagOwnerName   = 0xA430
	tagBodySerial  = 0xA431
	tagLensSerial  = 0xA435
	tagGPSLatRef   = 1
	tagGPSLat      = 2
	tagGPSLonRef   = 3
	tagGPSLon      = 4
	maxIFDEntries  = 512
)

var personalTags = map[uint16]string{
	tagArtist:     "Artist",
	tagXPAuthor:   "XPAuthor",
	tagOwnerName:  "CameraOwnerName",
	tagBodySerial: "BodySerialNumber",
	tagLensSerial: "LensSerialNumber",
}

type tiff struct {
	b  []byte
	bo binary.ByteOrder
}

type ifdEntry struct {
	tag, typ uint16
	count    uint32
	value    []byte // the value bytes (inline or at their offset); nil if out of range
}

// parseEXIF reads a TIFF-structured EXIF payload.
func parseEXIF(b []byte) exifInfo {
	var info exifInfo
	if len(b) < 8 {
		return info
	}
	t := tiff{b: b}
	switch string(b[:2]) {
	case "II":
		t.bo = binary.LittleEndian
	case "MM":
		t.bo = binary.BigEndian
	default:
		return info
	}
	ifd0 := t.entries(t.bo.Uint32(b[4:]))
	var exifOff, gpsOff uint32
	for _, e := range ifd0 {
		switch e.tag {
		case tagOrientation:
			if v, ok := t.uint(e); ok && v >= 1 && v <= 8 {
				info.Orientation = int(v)
			}
		case tagExifIFD:
			exifOff, _ = t.uint(e)
		case tagGPSIFD:
			gpsOff, _ = t.uint(e)
		}
		info.addPersonal(t, e)
	}
	if exifOff != 0 {
		for _, e := range t.entries(exifOff) {
			info.addPersonal(t, e)
		}
	}
	if gpsOff != 0 {
		var latRef, lonRef string
		var lat, lon []float64
		for _, e := range t.entries(gpsOff) {
			switch e.tag {
			case tagGPSLatRef:
				latRef = t.ascii(e)
			case tagGPSLonRef:
				lonRef = t.ascii(e)
			case tagGPSLat:
				lat = t.rationals(e)
			case tagGPSLon:
				lon = t.rationals(e)
			}
		}
		if len(lat) == 3 && len(lon) == 3 {
			info.HasGPS, info.HasLatLon = true, true
			info.Lat = lat[0] + lat[1]/60 + lat[2]/3600
			info.Lon = lon[0] + lon[1]/60 + lon[2]/3600
			if strings.HasPrefix(latRef, "S") {
				info.Lat = -info.Lat
			}
			if strings.HasPrefix(lonRef, "W") {
				info.Lon = -info.Lon
			}
		}
	}
	return info
}

func (info *exifInfo) addPersonal(t tiff, e ifdEntry) {
	name, ok := personalTags[e.tag]
	if !ok {
		return
	}
	var v string
	if e.tag == tagXPAuthor {
		v = t.utf16(e)
	} else {
		v = t.ascii(e)
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	info.Personal = append(info.Personal, fmt.Sprintf("%s: %s", name, v))
}

var typeSize = map[uint16]int{1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}

func (t tiff) entries(off uint32) []ifdEntry {
	b := t.b
	if off == 0 || uint64(off)+2 > uint64(len(b)) {
		return nil
	}
	n := int(t.bo.Uint16(b[off:]))
	if n > maxIFDEntries {
		n = maxIFDEntries
	}
	var out []ifdEntry
	for i := 0; i < n; i++ {
		p := uint64(off) + 2 + uint64(i)*12
		if p+12 > uint64(len(b)) {
			break
		}
		e := ifdEntry{tag: t.bo.Uint16(b[p:]), typ: t.bo.Uint16(b[p+2:]), count: t.bo.Uint32(b[p+4:])}
		size := uint64(typeSize[e.typ]) * uint64(e.count)
		switch {
		case size == 0:
		case size <= 4:
			e.value = b[p+8 : p+8+size]
		default:
			vo := uint64(t.bo.Uint32(b[p+8:]))
			if vo+size <= uint64(len(b)) {
				e.value = b[vo : vo+size]
			}
		}
		out = append(out, e)
	}
	return out
}

func (t tiff) uint(e ifdEntry) (uint32, bool) {
	switch {
	case e.typ == 3 && len(e.value) >= 2:
		return uint32(t.bo.Uint16(e.value)), true
	case (e.typ == 4 || e.typ == 13) && len(e.value) >= 4:
		return t.bo.Uint32(e.value), true
	}
	return 0, false
}

func (t tiff) ascii(e ifdEntry) string {
	if e.typ != 2 && e.typ != 7 && e.typ != 1 {
		return ""
	}
	return string(bytes.TrimRight(e.value, "\x00 "))
}

func (t tiff) utf16(e ifdEntry) string {
	v := e.value
	u := make([]uint16, 0, len(v)/2)
	for i := 0; i+1 < len(v); i += 2 {
		c := binary.LittleEndian.Uint16(v[i:]) // XP tags are always little-endian
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

func (t tiff) rationals(e ifdEntry) []float64 {
	if e.typ != 5 {
		return nil
	}
	var out []float64
	for i := 0; i+8 <= len(e.value); i += 8 {
		n, d := t.bo.Uint32(e.value[i:]), t.bo.Uint32(e.value[i+4:])
		if d == 0 {
			return nil
		}
		out = append(out, float64(n)/float64(d))
	}
	return out
}
