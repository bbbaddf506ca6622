// Package length holds the length rule: a caption must fit the limit of
// the platform it is written for.
package length

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/selaras/selaras/lint"
)

// Rule is the length rule.
var Rule = &lint.Rule{
	Name: "length",
	Doc: lint.Doc{
		Title: lint.Text{ID: "Keterangan muat dalam batas platform", EN: "Captions fit the platform's limit"},
		Why: lint.Text{
			ID: "Setiap platform membatasi panjang keterangan ([platforms.NAMA] caption_max; kit bawaan memuat batas resmi tiap platform beserta sumbernya). Teks yang melewati batas ditolak atau terpotong, dan bagian akhirnya, sering berisi ajakan dan tagar kampanye, hilang. Yang dihitung hanya isi unggahan: bukan front matter, bukan komentar HTML, bukan gambar Markdown (lampiran), tanpa spasi di awal dan akhir. Cara hitung mengikuti platformnya: karakter Unicode; X memakai bobot twitter-text (tautan 23, emoji dan aksara CJK 2); YouTube menghitung byte UTF-8.",
			EN: "Every platform limits caption length ([platforms.NAME] caption_max; the default kit holds each platform's documented limit with its source). Text beyond the limit is refused or cut, and its end, often the call to action and the campaign tags, is lost. Only the post's body counts: not the front matter, not HTML comments, not Markdown images (attachments), without leading and trailing spaces. Counting follows the platform: Unicode characters; X uses twitter-text weights (a link is 23, emoji and CJK characters 2); YouTube counts UTF-8 bytes."},
		Bad:      "+++\nplatform = \"x\"\n+++\nMulai Senin, 3 November 2025, Dinas Perhubungan Provinsi Banten memberlakukan rekayasa lalu lintas di Jalan Raya Serang-Pandeglang selama perbaikan jembatan. Kendaraan dari arah Serang dialihkan melalui Jalan Palima, sedangkan kendaraan dari arah Pandeglang tetap melintas seperti biasa dengan sistem buka-tutup. Info lengkap: https://dishub.bantenprov.go.id/rekayasa-lalu-lintas-serang-pandeglang",
		Good:     "+++\nplatform = \"x\"\n+++\nMulai Senin, 3 November, kendaraan dari arah Serang dialihkan lewat Jalan Palima selama perbaikan jembatan. Info: https://dishub.bantenprov.go.id/rekayasa-lalu-lintas-serang-pandeglang",
		Fix:      lint.Text{ID: "Persingkat keterangan, atau pindahkan rincian ke tautan, gambar, atau komentar pertama.", EN: "Shorten the caption, or move the details to a link, the image, or the first comment."},
		Severity: lint.Error,
		KitKeys:  []string{"[platforms.NAME] caption_max"},
	},
	Check: check,
}

// Counting is how a platform counts a caption's length.
type Counting int

const (
	Characters Counting = iota // Unicode code points
	Weighted                   // twitter-text v3 weights (X)
	Bytes                      // UTF-8 bytes (YouTube descriptions)
)

// CountingFor returns how platform counts.
func CountingFor(platform string) Counting {
	switch platform {
	case "x", "twitter":
		return Weighted
	case "youtube":
		return Bytes
	}
	return Characters
}

// xURLLength is what X counts for any link, whatever its length (t.co).
const xURLLength = 23

// xWeight is the twitter-text v3 weight of a code point: 1 in the ranges
// the configuration lists (Latin and most alphabets, general punctuation
// spaces and quotes), 2 elsewhere (CJK, emoji and other symbols).
func xWeight(r rune) int {
	switch {
	case r <= 4351, r >= 8192 && r <= 8205, r >= 8208 && r <= 8223, r >= 8242 && r <= 8247:
		return 1
	}
	return 2
}

func check(p *lint.Pass) error {
	d := p.Draft
	name := d.Front.Platform
	if name == "" {
		return nil
	}
	plat, ok := p.Kit.Platforms[name]
	if !ok || plat.CaptionMax <= 0 {
		return nil
	}
	max := plat.CaptionMax
	n, cut, end := Count(d, CountingFor(name), max)
	if n <= max {
		return nil
	}
	text := d.Source[cut:end]
	unit := lint.Text{ID: "karakter", EN: "characters"}
	switch CountingFor(name) {
	case Weighted:
		unit = lint.Text{ID: "karakter berbobot", EN: "weighted characters"}
	case Bytes:
		unit = lint.Text{ID: "byte", EN: "bytes"}
	}
	p.Report(lint.Finding{
		Span:  lint.Span{Start: cut, End: end},
		Match: text,
		Message: lint.Text{
			ID: fmt.Sprintf("keterangan %d %s, melebihi batas %s (%d) sebanyak %d; teks mulai dari sini akan ditolak atau terpotong: persingkat atau pindahkan rincian ke tautan", n, unit.ID, name, max, n-max),
			EN: fmt.Sprintf("the caption is %d %s, %d over the %s limit (%d); the text from here on is refused or cut: shorten it or move details to a link", n, unit.EN, n-max, name, max),
		},
	})
	return nil
}

// Count measures the draft's body as counting says and returns the length,
// the byte offset where the text goes beyond max (the end when it does
// not), and the end of the counted text. The body is the text after the
// front matter, without HTML comments, Markdown images (attachments, not
// text) and surrounding white space; a CRLF line ending counts as one
// line break.
func Count(d *lint.Draft, counting Counting, max int) (n, cut, end int) {
	src := d.Source
	start, stop := d.Body, len(src)
	// Surrounding white space does not count.
	for start < stop && isSpace(src[start]) {
		start++
	}
	for stop > start && isSpace(src[stop-1]) {
		stop--
	}
	cut, end = -1, stop
	last := start
	toks := d.Tokens
	ti := 0
	for i := start; i < stop; {
		if src[i] == '<' && strings.HasPrefix(src[i:], "<!--") {
			j := strings.Index(src[i:], "-->")
			if j < 0 {
				break
			}
			i += j + 3
			continue
		}
		if src[i] == '!' && i+1 < stop && src[i+1] == '[' {
			// A Markdown image attaches a picture; it is no caption text.
			if j := imageEnd(src[i:stop]); j > 0 {
				i += j
				continue
			}
		}
		if src[i] == '\r' && i+1 < stop && src[i+1] == '\n' {
			i++
			continue
		}
		w, size := 1, 1
		r, rs := utf8.DecodeRuneInString(src[i:])
		size = rs
		switch counting {
		case Bytes:
			w = rs
		case Weighted:
			for ti < len(toks) && toks[ti].Start < i {
				ti++
			}
			if ti < len(toks) && toks[ti].Start == i && (toks[ti].Kind == lint.TokURL || toks[ti].Kind == lint.TokEmoji) {
				if toks[ti].Kind == lint.TokURL {
					w = xURLLength
				} else {
					w = 2
				}
				size = toks[ti].End - i
			} else {
				w = xWeight(r)
			}
		}
		n += w
		if n > max && cut < 0 {
			cut = i
		}
		i += size
		if !isSpace(src[i-1]) {
			last = i
		}
	}
	// The span ends at the last counted character, not in a trailing
	// comment or the white space before it.
	end = max0(last, cut)
	if cut < 0 {
		cut = end
	}
	return n, cut, end
}

// imageEnd returns the length of the Markdown image "![alt](target)" s
// starts with, on one line, or 0.
func imageEnd(s string) int {
	line := s
	if nl := strings.IndexByte(s, '\n'); nl >= 0 {
		line = s[:nl]
	}
	mid := strings.Index(line, "](")
	if mid < 0 {
		return 0
	}
	end := strings.IndexByte(line[mid:], ')')
	if end < 0 {
		return 0
	}
	return mid + end + 1
}

func max0(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
