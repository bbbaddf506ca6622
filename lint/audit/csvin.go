package audit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/selaras/selaras/lint"
)

// CSV fields an export may map.
var csvFields = []string{"text", "date", "account", "url", "platform"}

// DefaultColumns are the header names tried for each field, in order,
// compared without case: Meta Business Suite (Facebook and Instagram
// content exports), the older Facebook Insights post export, X analytics
// (legacy "Tweet text"/"time" and newer "Post text"/"Date"), and plain
// Indonesian headers.
var DefaultColumns = map[string][]string{
	"text":     {"Message", "Description", "Post Message", "Caption", "Tweet text", "Post text", "Text", "Content", "Keterangan", "Teks", "Isi"},
	"date":     {"Publish time", "Published", "Posted", "Created time", "Created at", "time", "Date", "Tanggal", "Waktu"},
	"account":  {"Page name", "Account username", "Account name", "Username", "Account", "Profile", "Akun"},
	"url":      {"Permalink", "Tweet permalink", "Post Link", "Link", "URL", "Tautan"},
	"platform": {"Platform"},
}

// ParseColumns reads a --csv-columns value: "text=Message,date=Publish
// time,account=Page name,url=Permalink".
func ParseColumns(s string) (map[string]string, error) {
	out := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(part, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !ok || v == "" {
			return nil, errf("--csv-columns: %q harus berbentuk bidang=Judul Kolom, misalnya text=Message",
				"--csv-columns: %q must be field=Column header, for example text=Message", part)
		}
		known := false
		for _, f := range csvFields {
			known = known || f == k
		}
		if !known {
			return nil, errf("--csv-columns: bidang %q tidak dikenal (yang dikenal: %s)",
				"--csv-columns: unknown field %q (known: %s)", k, strings.Join(csvFields, ", "))
		}
		out[k] = v
	}
	return out, nil
}

// csvRow is one post read from an export.
type csvRow struct {
	row                     int // spreadsheet row: the header is row 1
	text, account, url, plt string
	date                    time.Time
}

// csvReader reads an export row by row.
type csvReader struct {
	name string
	r    *csv.Reader
	idx  map[string]int // field -> column
	row  int
	loc  *time.Location
}

// openCSV opens an export and maps its header. An export without a text
// or date column is an error for the whole file.
func openCSV(name string, cols map[string]string, loc *time.Location) (*csvReader, io.Closer, error) {
	// Look before opening: opening a named pipe waits for a writer forever.
	if info, err := os.Stat(name); err == nil && !info.Mode().IsRegular() {
		return nil, nil, errf("%s: bukan berkas biasa; simpan ekspornya sebagai berkas dulu", "%s: not a regular file; save the export as a file first", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, errf("%s: tidak bisa dibuka: %v", "%s: cannot be opened: %v", name, lint.PlainError(err))
	}
	br := bufio.NewReader(f)
	var src io.Reader = br
	if head, _ := br.Peek(2); bytes.Equal(head, []byte{0xff, 0xfe}) || bytes.Equal(head, []byte{0xfe, 0xff}) {
		// Some spreadsheet programs save "Unicode text" as UTF-16.
		all, err := io.ReadAll(io.LimitReader(br, 256<<20))
		if err != nil {
			f.Close()
			return nil, nil, err
		}
		src = bytes.NewReader(utf16ToUTF8(all))
	}
	br2 := bufio.NewReader(src)
	if b, _ := br2.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br2.Discard(3)
	}
	first, _ := br2.Peek(4096)
	line, _, _ := bytes.Cut(first, []byte("\n"))
	r := csv.NewReader(br2)
	r.Comma = sniffComma(line)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		f.Close()
		return nil, nil, errf("%s: tajuk kolom tidak bisa dibaca", "%s: the header row cannot be read", name)
	}
	cr := &csvReader{name: name, r: r, idx: map[string]int{}, row: 1, loc: loc}
	find := func(want string) int {
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(want)) {
				return i
			}
		}
		return -1
	}
	for _, field := range csvFields {
		if want, ok := cols[field]; ok {
			i := find(want)
			if i < 0 {
				f.Close()
				return nil, nil, errf("%s: tidak ada kolom %q (untuk %s); kolom yang ada: %s",
					"%s: no column %q (for %s); the columns are: %s", name, want, field, strings.Join(header, ", "))
			}
			cr.idx[field] = i
			continue
		}
		for _, want := range DefaultColumns[field] {
			if i := find(want); i >= 0 {
				cr.idx[field] = i
				break
			}
		}
	}
	for _, need := range []string{"text", "date"} {
		if _, ok := cr.idx[need]; !ok {
			f.Close()
			return nil, nil, errf("%s: kolom %s tidak ditemukan; sebutkan dengan --csv-columns %s=\"Judul Kolom\" (kolom yang ada: %s)",
				"%s: no %s column found; name it with --csv-columns %s=\"Column header\" (the columns are: %s)",
				name, need, need, strings.Join(header, ", "))
		}
	}
	return cr, f, nil
}

// next returns the next row; a malformed row comes back with skip set (and
// the reason), io.EOF ends the file.
func (c *csvReader) next() (row csvRow, skip *Skipped, err error) {
	rec, err := c.r.Read()
	c.row++
	if err == io.EOF {
		return row, nil, io.EOF
	}
	row.row = c.row
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && !errors.Is(pe.Err, csv.ErrFieldCount) {
			return row, c.skip(lint.Tf("baris tidak bisa dibaca sebagai CSV: %v", "the row is not valid CSV: %v", pe.Err)), nil
		}
		if !errors.As(err, &pe) {
			return row, nil, err
		}
	}
	get := func(field string) (string, bool) {
		i, ok := c.idx[field]
		if !ok {
			return "", true
		}
		if i >= len(rec) {
			return "", false
		}
		return rec[i], true
	}
	text, ok1 := get("text")
	date, ok2 := get("date")
	if !ok1 || !ok2 {
		return row, c.skip(lint.Tf("baris hanya punya %d kolom; kolom teks atau tanggal hilang",
			"the row has only %d columns; the text or date column is missing", len(rec))), nil
	}
	if !utf8.ValidString(text) {
		return row, c.skip(lint.Text{ID: "teks bukan UTF-8 yang sah; ekspor ulang sebagai UTF-8", EN: "the text is not valid UTF-8; export again as UTF-8"}), nil
	}
	if len(text) > lint.MaxDraftBytes {
		return row, c.skip(lint.Text{ID: "teks terlalu panjang untuk sebuah unggahan", EN: "the text is too long for a post"}), nil
	}
	t, ok := parseCSVTime(strings.TrimSpace(date), c.loc)
	if !ok {
		if strings.TrimSpace(date) == "" {
			return row, c.skip(lint.Text{ID: "tanggal kosong", EN: "the date is empty"}), nil
		}
		return row, c.skip(lint.Tf("tanggal %q tidak dikenali", "date %q not understood", date)), nil
	}
	row.text = text
	row.date = t
	row.account, _ = get("account")
	row.url, _ = get("url")
	row.plt, _ = get("platform")
	row.account = strings.TrimSpace(row.account)
	row.plt = strings.ToLower(strings.TrimSpace(row.plt))
	return row, nil, nil
}

func (c *csvReader) skip(msg lint.Text) *Skipped {
	return &Skipped{File: c.name, Row: c.row, Text: msg}
}

// csvTimeLayouts are the date forms exports use: ISO 8601 with or without
// an offset, Meta's "10/14/2025 08:00" (month first), X's "2025-10-14 08:00
// +0000" and "Tue, Oct 14, 2025", and day-first Indonesian "14/10/2025" only
// where the day is above 12 (otherwise month first, as Meta writes it).
var csvTimeLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04",
	// Every ISO 8601 offset form: +07:00, +0700, +07 and Z, with or
	// without seconds, after a T or a space (Meta's Graph API writes
	// 2025-10-16T07:15:00+0700). Fractions of a second need no layout.
	"2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05Z07", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700", "2006-01-02T15:04Z07",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05Z0700", "2006-01-02 15:04:05Z07", "2006-01-02 15:04Z07:00", "2006-01-02 15:04Z0700",
	"20060102T150405Z07:00", "20060102T150405Z0700", "20060102T150405Z07",
	"2006-01-02 15:04 -0700", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST", "2006-01-02",
	"01/02/2006 15:04", "01/02/2006 15:04:05", "1/2/2006 15:04", "1/2/2006 3:04 PM", "01/02/2006", "1/2/2006",
	"Mon, Jan 2, 2006", "Jan 2, 2006", "2 Jan 2006", "02/01/2006 15:04", "02/01/2006",
}

func parseCSVTime(s string, loc *time.Location) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 100_000_000 {
		if n > 100_000_000_000 { // milliseconds
			n /= 1000
		}
		return time.Unix(n, 0).In(loc), true
	}
	for _, l := range csvTimeLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func sniffComma(line []byte) rune {
	best, n := ',', bytes.Count(line, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if m := bytes.Count(line, []byte(string(c))); m > n {
			best, n = c, m
		}
	}
	return best
}

func utf16ToUTF8(b []byte) []byte {
	big := b[0] == 0xfe
	b = b[2:]
	u := make([]uint16, len(b)/2)
	for i := range u {
		if big {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}
