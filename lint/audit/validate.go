package audit

import (
	"fmt"
	"time"
)

// validate checks a report read for merging against what `selaras audit
// --format json` writes: a merge must not trust a report that was cut,
// edited or written by something else (one without post_details merged
// into 0 posts and exit 0; posts dated 1999 counted in October 2025). The
// first problem found is returned, naming the file and the field.
func validate(name string, r *Report) error {
	bad := func(field, id, en string, args ...any) error {
		return errf("%s: %s: "+id, "%s: %s: "+en, append([]any{name, field}, args...)...)
	}
	since, err1 := time.Parse(dayLayout, r.Period.Since)
	until, err2 := time.Parse(dayLayout, r.Period.Until)
	switch {
	case err1 != nil:
		return bad("period.since", "%q bukan tanggal TTTT-BB-HH", "%q is not a YYYY-MM-DD date", r.Period.Since)
	case err2 != nil:
		return bad("period.until", "%q bukan tanggal TTTT-BB-HH", "%q is not a YYYY-MM-DD date", r.Period.Until)
	case !since.Before(until):
		return bad("period", "%s..%s: tanggal akhir harus setelah tanggal awal", "%s..%s: the end must come after the start", r.Period.Since, r.Period.Until)
	}
	if _, err := time.LoadLocation(r.Period.TZ); err != nil || r.Period.TZ == "" {
		return bad("period.tz", "zona waktu %q tidak dikenal", "unknown time zone %q", r.Period.TZ)
	}
	if r.Details == nil {
		return bad("post_details", "tidak ada; laporan tanpa rincian unggahan tidak bisa digabungkan (tulis ulang dengan selaras audit --format json)",
			"missing; a report without its post details cannot be merged (write it again with selaras audit --format json)")
	}
	for _, c := range []struct {
		field string
		n     int
	}{
		{"posts", r.Posts}, {"out_of_period", r.OutOfPeriod},
		{"date_sources.front-matter", r.DateSources.FrontMatter}, {"date_sources.git", r.DateSources.Git},
		{"date_sources.mtime", r.DateSources.Mtime}, {"date_sources.csv", r.DateSources.CSV},
	} {
		if c.n < 0 {
			return bad(c.field, "%d: tidak boleh negatif", "%d: must not be negative", c.n)
		}
	}
	if r.Posts != len(r.Details) {
		return bad("posts", "%d, tetapi post_details merinci %d unggahan", "%d, but post_details lists %d posts", r.Posts, len(r.Details))
	}
	ds := r.DateSources
	if sum := ds.FrontMatter + ds.Git + ds.Mtime + ds.CSV; sum != r.Posts {
		return bad("date_sources", "jumlahnya %d, tetapi posts %d", "they add up to %d, but posts is %d", sum, r.Posts)
	}
	seen := map[string]bool{}
	for i, p := range r.Details {
		field := fmt.Sprintf("post_details[%d]", i)
		if p.Path == "" {
			return bad(field+".path", "kosong", "empty")
		}
		if seen[p.Path] {
			return bad(field+".path", "%q tercantum dua kali", "%q is listed twice", p.Path)
		}
		seen[p.Path] = true
	}
	perPost := map[string]int{}
	for i, f := range r.Findings {
		field := fmt.Sprintf("findings[%d]", i)
		switch f.Severity {
		case "error", "warning", "info":
		default:
			return bad(field+".severity", "%q bukan error, warning atau info", "%q is not error, warning or info", f.Severity)
		}
		if !seen[f.Post] {
			return bad(field+".post", "%q tidak ada di post_details", "%q is not in post_details", f.Post)
		}
		perPost[f.Post]++
	}
	for i, p := range r.Details {
		field := fmt.Sprintf("post_details[%d]", i)
		d, err := time.Parse(dayLayout, p.Date)
		if err != nil {
			return bad(field+".date", "%q bukan tanggal TTTT-BB-HH", "%q is not a YYYY-MM-DD date", p.Date)
		}
		if d.Before(since) || !d.Before(until) {
			return bad(field+".date", "%s (%s) di luar periode %s..%s", "%s (%s) is outside the period %s..%s", p.Date, p.Path, r.Period.Since, r.Period.Until)
		}
		switch p.DateSource {
		case SourceFront, SourceGit, SourceMtime, SourceCSV:
		default:
			return bad(field+".date_source", "%q tidak dikenal", "%q is not a known date source", p.DateSource)
		}
		for _, c := range []struct {
			f string
			n int
		}{{"findings", p.Findings}, {"errors", p.Errors}, {"warnings", p.Warnings}, {"infos", p.Infos}} {
			if c.n < 0 {
				return bad(field+"."+c.f, "%d: tidak boleh negatif", "%d: must not be negative", c.n)
			}
		}
		if p.Errors+p.Warnings+p.Infos != p.Findings {
			return bad(field+".findings", "%d, tetapi errors+warnings+infos = %d", "%d, but errors+warnings+infos = %d", p.Findings, p.Errors+p.Warnings+p.Infos)
		}
		if n := perPost[p.Path]; n != p.Findings {
			return bad(field+".findings", "%d, tetapi daftar findings memuat %d temuan unggahan %s", "%d, but the findings list holds %d for post %s", p.Findings, n, p.Path)
		}
	}
	return nil
}
