package audit

import (
	"github.com/selaras/selaras/lint"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readAll(t *testing.T, content string, cols map[string]string) (rows []csvRow, skipped []Skipped) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "export.csv")
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	cr, c, err := openCSV(name, cols, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for {
		row, skip, err := cr.next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if skip != nil {
			skipped = append(skipped, *skip)
			continue
		}
		rows = append(rows, row)
	}
}

func TestCSVMetaExport(t *testing.T) {
	// Meta Business Suite style: BOM, month-first dates, a caption over
	// several lines, extra columns.
	src := "\ufeffPost ID,Page name,Title,Description,Publish time,Permalink,Reach\n" +
		"1,Dinas Kesehatan,,\"Ayo imunisasi.\nBaris dua.\",10/14/2025 08:00,https://www.facebook.com/1,10\n" +
		"2,Dinas Kesehatan,,Tanpa tanggal,,https://www.facebook.com/2,5\n" +
		"3,Dinas Kesehatan,,Tanggal aneh,kemarin,https://www.facebook.com/3,5\n" +
		"4,Dinas Kesehatan\n" +
		"5,Dinas Perhubungan,,\"Kutip \"\"benar\"\"\",2025-10-20T09:30:00+07:00,https://www.instagram.com/p/5,1\n"
	rows, skipped := readAll(t, src, nil)
	if len(rows) != 2 {
		t.Fatalf("rows %+v", rows)
	}
	if rows[0].row != 2 || rows[0].text != "Ayo imunisasi.\nBaris dua." || rows[0].account != "Dinas Kesehatan" ||
		!rows[0].date.Equal(time.Date(2025, 10, 14, 8, 0, 0, 0, time.UTC)) || rows[0].url != "https://www.facebook.com/1" {
		t.Errorf("row 2: %+v", rows[0])
	}
	if rows[1].row != 6 || rows[1].text != `Kutip "benar"` {
		t.Errorf("row 6: %+v", rows[1])
	}
	var got []int
	for _, s := range skipped {
		got = append(got, s.Row)
		if !s.Text.Complete() {
			t.Errorf("row %d: reason not in both languages: %+v", s.Row, s.Text)
		}
	}
	if len(got) != 3 || got[0] != 3 || got[1] != 4 || got[2] != 5 {
		t.Errorf("skipped rows %v, want [3 4 5]", got)
	}
}

func TestCSVColumnsAndDelimiter(t *testing.T) {
	src := "Tanggal;Isi;Akun\n14/10/2025;Halo warga;dinkes\n"
	rows, _ := readAll(t, src, nil)
	if len(rows) != 1 || rows[0].text != "Halo warga" || rows[0].date.Day() != 14 {
		t.Fatalf("semicolon export: %+v", rows)
	}
	src = "When,Body\n2025-10-01,Halo\n"
	rows, _ = readAll(t, src, map[string]string{"text": "body", "date": "When"})
	if len(rows) != 1 || rows[0].text != "Halo" {
		t.Fatalf("mapped columns: %+v", rows)
	}
	name := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(name, []byte("A,B\n1,2\n"), 0o644)
	if _, _, err := openCSV(name, nil, time.UTC); err == nil || !strings.Contains(err.Error(), "--csv-columns") {
		t.Errorf("no text column: %v", err)
	}
	if _, _, err := openCSV(name, map[string]string{"text": "Message"}, time.UTC); err == nil || !strings.Contains(err.Error(), `"Message"`) {
		t.Errorf("mapped column missing: %v", err)
	}
	if _, err := ParseColumns("text=Message,date=Publish time"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"text", "body=Message", "text="} {
		if _, err := ParseColumns(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+62": "'+62", "-1": "'-1", "@dinkes": "'@dinkes", "\tx": "'\tx", "\rx": "'\rx",
		"dinkes": "dinkes", "": "", "a=b": "a=b",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTomlString(t *testing.T) {
	s := lint.TOMLString("a\"b\\c\nd\x01")
	f := readFront([]byte("+++\naccount = " + s + "\n+++\nx"))
	if f.Account != "a\"b\\c\nd\x01" {
		t.Errorf("round trip: %q", f.Account)
	}
}

// Exports write the offset in every ISO 8601 form; all name one instant.
func TestCSVTimeOffsets(t *testing.T) {
	want := time.Date(2025, 10, 16, 0, 15, 0, 0, time.UTC)
	for _, s := range []string{
		"2025-10-16T07:15:00+07:00", "2025-10-16T07:15:00+0700", "2025-10-16T07:15:00+07",
		"2025-10-16T00:15:00Z", "2025-10-16T00:15:00+0000", "2025-10-16T00:15:00-0000",
		"2025-10-16T07:15+07:00", "2025-10-16T07:15+0700", "2025-10-16 07:15:00+0700",
		"2025-10-16 07:15:00+07:00", "2025-10-16T07:15:00.000+0700", "2025-10-16T00:15:00.5Z",
		"20251016T071500+0700", "20251016T001500Z", "2025-10-15T20:15:00-04:00", "2025-10-15T20:15:00-0400",
	} {
		got, ok := parseCSVTime(s, time.Local)
		if !ok {
			t.Errorf("%s: not understood", s)
			continue
		}
		if !got.Truncate(time.Second).Equal(want) {
			t.Errorf("%s: %v, want %v", s, got, want)
		}
	}
}
