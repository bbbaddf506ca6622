package audit

import (
	"testing"
	"time"
)

func TestResolve(t *testing.T) {
	jkt, _ := time.LoadLocation("Asia/Jakarta")
	utc := time.UTC
	cases := []struct {
		name         string
		spec         PeriodSpec
		now          time.Time
		since, until string
	}{
		{"month", PeriodSpec{Month: "2025-10", TZ: "UTC"}, time.Now(), "2025-10-01", "2025-11-01"},
		{"december rolls into the next year", PeriodSpec{Month: "2025-12", TZ: "UTC"}, time.Now(), "2025-12-01", "2026-01-01"},
		{"february of a leap year", PeriodSpec{Month: "2024-02", TZ: "UTC"}, time.Now(), "2024-02-01", "2024-03-01"},
		{"since until", PeriodSpec{Since: "2025-10-05", Until: "2025-10-12", TZ: "UTC"}, time.Now(), "2025-10-05", "2025-10-12"},
		{"since alone runs to today inclusive", PeriodSpec{Since: "2025-10-05", TZ: "UTC"}, time.Date(2025, 10, 20, 15, 0, 0, 0, utc), "2025-10-05", "2025-10-21"},
		{"last month in january", PeriodSpec{Period: "last-month", TZ: "UTC"}, time.Date(2026, 1, 15, 0, 0, 0, 0, utc), "2025-12-01", "2026-01-01"},
		{"default is last month", PeriodSpec{TZ: "UTC"}, time.Date(2025, 11, 3, 0, 0, 0, 0, utc), "2025-10-01", "2025-11-01"},
		{"this month", PeriodSpec{Period: "this-month", TZ: "UTC"}, time.Date(2025, 10, 31, 23, 0, 0, 0, utc), "2025-10-01", "2025-11-01"},
		// 2026-01-03 is a Saturday in ISO week 2026-W01 (which starts on
		// Monday 2025-12-29); the week before starts 2025-12-22.
		{"last week across a year", PeriodSpec{Period: "last-week", TZ: "UTC"}, time.Date(2026, 1, 3, 12, 0, 0, 0, utc), "2025-12-22", "2025-12-29"},
		{"last week on a monday", PeriodSpec{Period: "last-week", TZ: "UTC"}, time.Date(2026, 1, 5, 0, 0, 0, 0, utc), "2025-12-29", "2026-01-05"},
		{"last week on a sunday", PeriodSpec{Period: "last-week", TZ: "UTC"}, time.Date(2026, 1, 4, 23, 59, 0, 0, utc), "2025-12-22", "2025-12-29"},
		// 31 Oct 20:00 UTC is already 1 Nov 03:00 in Jakarta (UTC+7).
		{"tz decides the month", PeriodSpec{Period: "last-month", TZ: "Asia/Jakarta"}, time.Date(2025, 10, 31, 20, 0, 0, 0, utc), "2025-10-01", "2025-11-01"},
		{"same instant in utc", PeriodSpec{Period: "last-month", TZ: "UTC"}, time.Date(2025, 10, 31, 20, 0, 0, 0, utc), "2025-09-01", "2025-10-01"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Resolve(c.spec, c.now)
			if err != nil {
				t.Fatal(err)
			}
			if p.SinceDay() != c.since || p.UntilDay() != c.until {
				t.Errorf("got %s .. %s, want %s .. %s", p.SinceDay(), p.UntilDay(), c.since, c.until)
			}
		})
	}
	p, err := Resolve(PeriodSpec{Month: "2025-10", TZ: "Asia/Jakarta"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !p.Since.Equal(time.Date(2025, 10, 1, 0, 0, 0, 0, jkt)) {
		t.Errorf("since %v is not midnight in Jakarta", p.Since)
	}
	// The last second of October in Jakarta is inside; its next second not.
	if !p.Contains(time.Date(2025, 10, 31, 16, 59, 59, 0, utc)) || p.Contains(time.Date(2025, 10, 31, 17, 0, 0, 0, utc)) {
		t.Error("until is not exclusive at midnight Jakarta time")
	}
}

func TestResolveErrors(t *testing.T) {
	for _, s := range []PeriodSpec{
		{Month: "2025-13"},
		{Month: "Oktober"},
		{Month: "2025-10", Period: "last-week"},
		{Until: "2025-10-01"},
		{Since: "2025-10-10", Until: "2025-10-10"},
		{Since: "10/01/2025"},
		{Period: "kemarin"},
		{Month: "2025-10", TZ: "Mars/Olympus"},
	} {
		if _, err := Resolve(s, time.Now()); err == nil {
			t.Errorf("%+v: no error", s)
		} else if e, ok := err.(*Error); !ok || !e.Msg.Complete() {
			t.Errorf("%+v: error %v is not in both languages", s, err)
		}
	}
}

func TestInLoc(t *testing.T) {
	jkt, _ := time.LoadLocation("Asia/Jakarta")
	// A local date from TOML is a calendar day of the audit's zone.
	f := readFront([]byte("+++\ndate = 2025-10-31\n+++\nx"))
	if got := inLoc(f.Date, f.local, jkt); !got.Equal(time.Date(2025, 10, 31, 0, 0, 0, 0, jkt)) {
		t.Errorf("local date: %v", got)
	}
	// A date-time with an offset is an instant.
	f = readFront([]byte("+++\ndate = 2025-10-31T20:00:00Z\n+++\nx"))
	if got := inLoc(f.Date, f.local, jkt); got.Day() != 1 || got.Month() != 11 {
		t.Errorf("offset date-time: %v", got)
	}
	if !f.hasDate {
		t.Error("hasDate not set")
	}
	if f := readFront([]byte("+++\ndate = \"kemarin\"\n+++\nx")); f.hasDate {
		t.Error("a broken date counts as a date")
	}
	if f := readFront([]byte("\xef\xbb\xbf+++\r\naccount = \"dinkes\"\r\n+++\r\nx")); f.Account != "dinkes" {
		t.Errorf("BOM and CRLF: %+v", f)
	}
}

func TestISOWeek(t *testing.T) {
	if w := ISOWeek(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); w != "2026-W01" {
		t.Error(w)
	}
	if w := ISOWeek(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)); w != "2026-W53" {
		t.Error(w)
	}
}

func TestLocalZoneName(t *testing.T) {
	t.Setenv("TZ", "Asia/Jakarta")
	p, err := Resolve(PeriodSpec{Month: "2025-10"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if p.Loc.String() != "Asia/Jakarta" {
		t.Errorf("local zone named %q", p.Loc)
	}
}
