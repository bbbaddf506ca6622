package audit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Formats are the report formats, the default first.
var Formats = []string{"table", "json", "csv", "html"}

// Write prints the report in format, as it goes: a report is not built
// whole in memory first.
func Write(w io.Writer, r *Report, format, lang string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	switch format {
	case "table":
		err = writeTable(bw, r, lang)
	case "json":
		err = writeJSON(bw, r)
	case "csv":
		err = writeCSV(bw, r)
	case "html":
		err = writeHTML(bw, r, lang)
	default:
		return errf("--format %q: pakai %s", "--format %q: use %s", format, strings.Join(Formats, ", "))
	}
	if err == nil {
		err = r.Err()
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// t picks the text in lang.
func t(lang, id, en string) string {
	if lang == "en" {
		return en
	}
	return id
}

func accountLabel(r *Report, acc, lang string) string {
	if acc == "" {
		return t(lang, "(akun tidak dikenal)", "(unknown account)")
	}
	return acc
}

func pct(x float64) string { return strconv.Itoa(int(x*100+0.5)) + "%" }

func writeTable(w io.Writer, r *Report, lang string) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s %s .. %s (%s, %s)\n", t(lang, "Audit", "Audit"), r.Period.Since, r.Period.Until,
		t(lang, "tanggal akhir tidak termasuk", "until exclusive"), r.Period.TZ)
	fmt.Fprintf(b, "%s: %s · selaras %s\n", t(lang, "Kit", "Kit"), r.Kit, r.Selaras)
	ds := r.DateSources
	fmt.Fprintf(b, "%s: %d (%s: front matter %d, git %d, mtime %d, csv %d; %s: %d)\n",
		t(lang, "Unggahan", "Posts"), r.Posts, t(lang, "sumber tanggal", "dates from"),
		ds.FrontMatter, ds.Git, ds.Mtime, ds.CSV, t(lang, "di luar periode", "outside the period"), r.OutOfPeriod)
	if r.Posts == 0 {
		fmt.Fprintln(b, t(lang, "Tidak ada unggahan dalam periode ini.", "No posts in this period."))
	} else {
		clean := 0
		for _, p := range r.Details {
			if p.Errors == 0 {
				clean++
			}
		}
		fmt.Fprintf(b, "%s: %s (%d/%d %s)\n", t(lang, "Kepatuhan", "Compliance"), pct(float64(clean)/float64(r.Posts)),
			clean, r.Posts, t(lang, "unggahan tanpa temuan error", "posts without an error-level finding"))
	}

	if len(r.Accounts) > 0 {
		fmt.Fprintln(b)
		rows := [][]string{{t(lang, "Akun", "Account"), t(lang, "Unggahan", "Posts"), t(lang, "Dgn error", "With errors"),
			t(lang, "Temuan", "Findings"), t(lang, "Per unggahan", "Per post"), t(lang, "Kepatuhan", "Compliance")}}
		for _, a := range r.Accounts {
			rows = append(rows, []string{accountLabel(r, a.Account, lang), itoa(a.Posts), itoa(a.PostsWithErrors),
				itoa(a.Findings), dec(a.FindingsPerPost, 2, lang), pct(a.Compliance)})
		}
		table(b, rows)
	}
	if len(r.Rules) > 0 {
		fmt.Fprintln(b)
		rows := [][]string{{t(lang, "Aturan", "Rule"), t(lang, "Temuan", "Findings"), "Error", t(lang, "Unggahan", "Posts"), t(lang, "Akun", "Accounts")}}
		for _, x := range r.Rules {
			rows = append(rows, []string{x.Rule, itoa(x.Findings), itoa(x.Errors), itoa(x.Posts), itoa(x.Accounts)})
		}
		table(b, rows)
	}
	if len(r.Weeks) > 0 {
		fmt.Fprintln(b)
		rows := [][]string{{t(lang, "Minggu", "Week"), t(lang, "Unggahan", "Posts"), t(lang, "Kepatuhan", "Compliance"), ""}}
		for _, wk := range r.Weeks {
			n := int(wk.Compliance*20 + 0.5)
			rows = append(rows, []string{wk.Week, itoa(wk.Posts), pct(wk.Compliance), strings.Repeat("█", n) + strings.Repeat("░", 20-n)})
		}
		table(b, rows)
	}
	if len(r.Worst) > 0 {
		fmt.Fprintf(b, "\n%s\n", t(lang, "Unggahan dengan masalah terbanyak:", "Posts with the most problems:"))
		for _, p := range r.Worst {
			fmt.Fprintf(b, "  %s  (%s, %s): %d error, %d %s\n", p.Path, accountLabel(r, p.Account, lang), p.Date,
				p.Errors, p.Findings, t(lang, "temuan", "findings"))
			if p.Excerpt != "" {
				fmt.Fprintf(b, "    %s\n", clip(p.Excerpt, 80))
			}
		}
	}
	if len(r.Duplicates) > 0 {
		fmt.Fprintf(b, "\n%s\n", t(lang, "Dipakai ulang:", "Reused:"))
		for _, d := range r.Duplicates {
			kind := t(lang, "gambar", "image")
			if d.Kind == "caption" {
				kind = t(lang, "keterangan", "caption")
			}
			posts := append([]string(nil), d.Posts...)
			if len(posts) > 0 {
				posts[0] += " " + t(lang, "(asli)", "(original)")
			}
			fmt.Fprintf(b, "  %s: %s\n", kind, strings.Join(posts, ", "))
		}
	}
	writeCoverageTable(b, r, lang)
	if len(r.Skipped) > 0 {
		fmt.Fprintf(b, "\n%s\n", t(lang, "Baris CSV yang dilewati:", "CSV rows skipped:"))
		for _, s := range r.Skipped {
			if s.Row > 0 {
				fmt.Fprintf(b, "  %s %s %d: %s\n", s.File, t(lang, "baris", "row"), s.Row, s.Text.In(lang))
			} else {
				fmt.Fprintf(b, "  %s: %s\n", s.File, s.Text.In(lang))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func itoa(n int) string { return strconv.Itoa(n) }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// table prints rows with columns padded; numbers are right-aligned.
func table(b *strings.Builder, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for ri, row := range rows {
		var line strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if i > 0 && ri > 0 && isNumberish(c) {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

func isNumberish(s string) bool {
	s = strings.Replace(strings.TrimSuffix(s, "%"), ",", ".", 1)
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// writeCSV writes one row per finding. Cells a spreadsheet would read as a
// formula (starting with = + - @, a tab or a carriage return) get a
// leading apostrophe.
func writeCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	head := []string{"post", "path", "account", "date", "week", "rule", "severity", "line", "column", "message", "match", "suggestions"}
	if err := cw.Write(head); err != nil {
		return err
	}
	// Each post's rows are made on whichever core is free, printed in order.
	rows := func(fs []Finding) []byte {
		var b bytes.Buffer
		pw := csv.NewWriter(&b)
		for _, f := range fs {
			rec := []string{f.Post, f.Path, f.Account, f.Date, weekOf(f.Date), f.Rule, f.Severity,
				itoa(f.Line), itoa(f.Column), f.Message, f.Match, strings.Join(f.Suggestions, " | ")}
			for i := range rec {
				rec[i] = SafeCell(rec[i])
			}
			pw.Write(rec) // a bytes.Buffer takes every write
		}
		pw.Flush()
		return b.Bytes()
	}
	cw.Flush()
	err := cw.Error()
	if err != nil {
		return err
	}
	eachPost(r, rows, func(b []byte) bool {
		_, err = w.Write(b)
		return err == nil
	})
	return err
}

// SafeCell defuses a cell a spreadsheet would run as a formula.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
