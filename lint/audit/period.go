package audit

import (
	"fmt"
	"os"
	"strings"
	"time"

	// Time zone data inside the binary: --tz Asia/Jakarta works on machines
	// without a zoneinfo database.
	_ "time/tzdata"
)

// Period is a half-open range of calendar days [Since, Until) in Loc.
type Period struct {
	Since, Until time.Time
	Loc          *time.Location
}

// PeriodSpec is what the user asked for; at most one way of giving the
// period may be used.
type PeriodSpec struct {
	Month  string // "2025-10"
	Since  string // "2025-10-01"
	Until  string // "2025-11-01", exclusive
	Period string // last-month | this-month | last-week
	TZ     string // IANA name; "" means the local time zone
}

const dayLayout = "2006-01-02"

// Location returns the time zone named by tz ("" or "Local" for the
// machine's).
func Location(tz string) (*time.Location, error) {
	if tz == "" || tz == "Local" || tz == "local" {
		return localZone(), nil
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, errf("--tz %q: zona waktu tidak dikenal (pakai nama IANA seperti Asia/Jakarta)", "--tz %q: unknown time zone (use an IANA name such as Asia/Jakarta)", tz)
	}
	return loc, nil
}

// Resolve turns the spec into a period, with now as the reference for
// relative periods. With nothing given, the period is last month.
func Resolve(s PeriodSpec, now time.Time) (Period, error) {
	loc, err := Location(s.TZ)
	if err != nil {
		return Period{}, err
	}
	used := 0
	for _, v := range []string{s.Month, s.Period} {
		if v != "" {
			used++
		}
	}
	if s.Since != "" || s.Until != "" {
		used++
	}
	if used > 1 {
		return Period{}, errf("sebutkan periode dengan satu cara saja: --month, --since/--until atau --period", "give the period one way only: --month, --since/--until or --period")
	}
	now = now.In(loc)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, loc) }
	switch {
	case s.Month != "":
		t, err := time.ParseInLocation("2006-01", s.Month, loc)
		if err != nil {
			return Period{}, errf("--month %q: tulis bulan sebagai YYYY-MM, misalnya 2025-10", "--month %q: write the month as YYYY-MM, for example 2025-10", s.Month)
		}
		return Period{Since: t, Until: t.AddDate(0, 1, 0), Loc: loc}, nil
	case s.Since != "" || s.Until != "":
		if s.Since == "" {
			return Period{}, errf("--until perlu --since juga", "--until needs --since as well")
		}
		since, err := time.ParseInLocation(dayLayout, s.Since, loc)
		if err != nil {
			return Period{}, errf("--since %q: tulis tanggal sebagai YYYY-MM-DD", "--since %q: write the date as YYYY-MM-DD", s.Since)
		}
		until := day(now.Year(), now.Month(), now.Day()+1)
		if s.Until != "" {
			until, err = time.ParseInLocation(dayLayout, s.Until, loc)
			if err != nil {
				return Period{}, errf("--until %q: tulis tanggal sebagai YYYY-MM-DD", "--until %q: write the date as YYYY-MM-DD", s.Until)
			}
		}
		if !until.After(since) {
			return Period{}, errf("--until %s tidak sesudah --since %s (tanggal until tidak termasuk)", "--until %s is not after --since %s (until is exclusive)", s.Until, s.Since)
		}
		return Period{Since: since, Until: until, Loc: loc}, nil
	}
	switch strings.ToLower(s.Period) {
	case "", "last-month":
		first := day(now.Year(), now.Month(), 1)
		return Period{Since: first.AddDate(0, -1, 0), Until: first, Loc: loc}, nil
	case "this-month":
		first := day(now.Year(), now.Month(), 1)
		return Period{Since: first, Until: first.AddDate(0, 1, 0), Loc: loc}, nil
	case "last-week":
		// ISO weeks start on Monday.
		back := (int(now.Weekday()) + 6) % 7
		monday := day(now.Year(), now.Month(), now.Day()-back)
		return Period{Since: monday.AddDate(0, 0, -7), Until: monday, Loc: loc}, nil
	}
	return Period{}, errf("--period %q: pakai last-month, this-month atau last-week", "--period %q: use last-month, this-month or last-week", s.Period)
}

// Contains reports whether t falls inside the period.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Since) && t.Before(p.Until)
}

// SinceDay and UntilDay are the period's bounds as YYYY-MM-DD.
func (p Period) SinceDay() string { return p.Since.Format(dayLayout) }
func (p Period) UntilDay() string { return p.Until.Format(dayLayout) }

// String is the resolved range as printed to the user.
func (p Period) String() string {
	return fmt.Sprintf("%s .. %s (until exclusive, %s)", p.SinceDay(), p.UntilDay(), p.Loc)
}

// ISOWeek names the ISO week of t, e.g. "2025-W41".
func ISOWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

// inLoc reads a TOML date or date-time: a local date or local date-time
// (no offset) is a wall clock in loc; one with an offset is an instant.
func inLoc(t time.Time, local bool, loc *time.Location) time.Time {
	if local {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	return t.In(loc)
}

func parseDay(s string) (time.Time, error) { return time.Parse(dayLayout, s) }

// localZone is the machine's zone under its IANA name when it can be
// found (TZ, or the /etc/localtime link), so a report says "Asia/Jakarta"
// rather than "Local".
func localZone() *time.Location {
	name := strings.TrimPrefix(os.Getenv("TZ"), ":")
	if name == "" {
		if target, err := os.Readlink("/etc/localtime"); err == nil {
			if i := strings.LastIndex(target, "zoneinfo/"); i >= 0 {
				name = target[i+len("zoneinfo/"):]
			}
		}
	}
	if name != "" && !strings.HasPrefix(name, "/") {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	return time.Local
}
