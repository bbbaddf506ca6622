package audit

import (
	"bytes"
	"encoding/json"

	"github.com/selaras/selaras/lint"
)

// maxReportBytes bounds a report read by ReadReport: far above the JSON
// of a 100,000-post audit.
const maxReportBytes = 1 << 30

// ReadReport reads a JSON report written by `selaras audit --format json`.
func ReadReport(name string) (*Report, error) {
	// Bounded, and only a regular file: a pipe or /dev/zero is no report.
	b, err := lint.ReadRegular(name, maxReportBytes)
	if err != nil {
		why := lint.ErrorText(err)
		return nil, &Error{Msg: lint.Text{ID: name + ": tidak bisa dibaca: " + why.ID, EN: name + ": cannot be read: " + why.EN}}
	}
	var r Report
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&r); err != nil {
		return nil, errf("%s: bukan laporan audit JSON selaras (%v)", "%s: not a selaras audit JSON report (%v)", name, err)
	}
	if r.Version != ReportVersion {
		return nil, errf("%s: laporan versi %d; selaras ini membaca versi %d", "%s: report version %d; this selaras reads version %d", name, r.Version, ReportVersion)
	}
	return &r, nil
}

// Merge combines reports of shards audited separately (same period) into
// the report of the whole: posts and findings are pooled (a post listed by
// two shards counts once), duplicates are found again across all posts,
// and every total is recomputed.
//
// Reports of an `audit --shard` run must be all N shards of one audit
// (same N and key, selaras version and kits, each shard once); with
// partial, missing or mixed inputs merge anyway and the report says so.
func Merge(reps []*Report, names []string, lang string, partial bool) (*Report, error) {
	missing, err := checkShards(reps, names, partial)
	if err != nil {
		return nil, err
	}
	out := &Report{Version: ReportVersion, AccountNames: map[string]string{}}
	if partial && (len(missing) > 0 || mixedShards(reps)) {
		out.Partial, out.MissingShards = true, missing
	}
	seen := map[string]bool{}
	versions := map[string]bool{}
	for i, r := range reps {
		if i == 0 {
			out.Period = r.Period
		} else if r.Period != out.Period {
			return nil, errf("%s mencakup %s..%s (%s), berbeda dari %s (%s..%s, %s); gabungkan laporan dengan periode yang sama",
				"%s covers %s..%s (%s), unlike %s (%s..%s, %s); merge reports of the same period",
				names[i], r.Period.Since, r.Period.Until, r.Period.TZ, names[0], out.Period.Since, out.Period.Until, out.Period.TZ)
		}
		if r.Selaras != "" && !versions[r.Selaras] {
			versions[r.Selaras] = true
			if out.Selaras == "" {
				out.Selaras = r.Selaras
			} else {
				out.Selaras += ", " + r.Selaras
			}
		}
		out.Kits = append(out.Kits, r.Kits...)
		out.mergeCoverage(r)
		for k, v := range r.AccountNames {
			out.AccountNames[k] = v
		}
		out.DateSources.FrontMatter += r.DateSources.FrontMatter
		out.DateSources.Git += r.DateSources.Git
		out.DateSources.Mtime += r.DateSources.Mtime
		out.DateSources.CSV += r.DateSources.CSV
		out.OutOfPeriod += r.OutOfPeriod
		out.Skipped = append(out.Skipped, r.Skipped...)
		fresh := map[string]bool{}
		for _, p := range r.Details {
			if seen[p.Path] {
				out.DateSources.add(p.DateSource, -1)
				continue
			}
			seen[p.Path] = true
			fresh[p.Path] = true
			out.Details = append(out.Details, p)
		}
		for _, f := range r.Findings {
			if fresh[f.Post] {
				out.Findings = append(out.Findings, f)
			}
		}
	}
	out.Finalize(lang)
	return out, nil
}

// mixedShards reports a mix of shard reports and others.
func mixedShards(reps []*Report) bool {
	n := 0
	for _, r := range reps {
		if r.Shard != nil {
			n++
		}
	}
	return n > 0 && n < len(reps)
}
