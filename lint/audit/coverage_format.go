package audit

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/selaras/selaras/lint"
)

// CSVTables are the tables `--format csv` can print: one row per finding
// (the default) or the narrative and campaign coverage.
var CSVTables = []string{"findings", "coverage"}

// dec writes x with prec decimals, with the decimal comma in Indonesian
// (4,67) and the point in English (4.67).
func dec(x float64, prec int, lang string) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// SetRuleTitles gives the report the rules' titles, so that the HTML page
// can name rules by what they check (with the id beside).
func (r *Report) SetRuleTitles(titles map[string]lint.Text) { r.titles = titles }

func (r *Report) ruleTitle(rule, lang string) string {
	if t, ok := r.titles[rule]; ok {
		return t.In(lang)
	}
	return ""
}

// writeCoverageTable prints the two short coverage sections of the table
// format: pillars by account, and campaign participation.
func writeCoverageTable(b *strings.Builder, r *Report, lang string) {
	if n := r.Narrative; n != nil && len(n.Pillars) > 0 && r.Posts > 0 {
		fmt.Fprintf(b, "\n%s\n", t(lang, "Narasi: unggahan per pilar", "Narrative: posts by pillar"))
		head := []string{t(lang, "Akun", "Account"), t(lang, "Unggahan", "Posts")}
		for _, p := range n.Pillars {
			head = append(head, p.ID)
		}
		head = append(head, t(lang, "tanpa pilar", "no pillar"))
		rows := [][]string{head}
		for _, a := range n.Accounts {
			row := []string{accountLabel(r, a.Account, lang), itoa(a.Posts)}
			for _, p := range n.Pillars {
				row = append(row, itoa(a.Pillars[p.ID]))
			}
			rows = append(rows, append(row, itoa(a.None)))
		}
		total := []string{t(lang, "Semua", "All"), itoa(r.Posts)}
		for _, p := range n.Pillars {
			total = append(total, itoa(p.Posts))
		}
		rows = append(rows, append(total, itoa(n.None)))
		table(b, rows)
	}
	if len(r.Campaigns) > 0 {
		fmt.Fprintf(b, "\n%s\n", t(lang, "Kampanye: akun yang ikut", "Campaigns: accounts that joined"))
		for _, c := range r.Campaigns {
			fmt.Fprintf(b, "  %s (%s, %s .. %s)\n", c.Name, strings.Join(c.Hashtags, " "), c.From, c.Until)
			var joined []string
			for _, a := range c.Accounts {
				joined = append(joined, fmt.Sprintf("%s %d", accountLabel(r, a.Account, lang), a.Posts))
			}
			if len(joined) == 0 {
				joined = []string{"–"}
			}
			fmt.Fprintf(b, "    %s: %s\n", t(lang, "ikut", "joined"), strings.Join(joined, ", "))
			if len(c.Silent) > 0 {
				fmt.Fprintf(b, "    %s: %s\n", t(lang, "diam", "silent"), strings.Join(c.Silent, ", "))
			}
		}
	}
}

// WriteCoverageCSV prints the coverage as one long table a spreadsheet can
// pivot: table, key, item, posts. Rows: "pillar" (all posts per pillar),
// "account" (account, pillar), "week" (ISO week, pillar), with "(none)"
// for posts touching no pillar; "campaign" (campaign, account that joined)
// and "silent" (campaign, account that posted nothing for it, 0).
func WriteCoverageCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	write := func(rec ...string) {
		for i := range rec {
			rec[i] = SafeCell(rec[i])
		}
		cw.Write(rec)
	}
	write("table", "key", "item", "posts")
	if n := r.Narrative; n != nil {
		for _, p := range n.Pillars {
			write("pillar", p.ID, p.Label, itoa(p.Posts))
		}
		write("pillar", "(none)", "", itoa(n.None))
		for _, a := range n.Accounts {
			for _, p := range n.Pillars {
				write("account", a.Account, p.ID, itoa(a.Pillars[p.ID]))
			}
			write("account", a.Account, "(none)", itoa(a.None))
		}
		for _, wk := range n.Weeks {
			for _, p := range n.Pillars {
				write("week", wk.Week, p.ID, itoa(wk.Pillars[p.ID]))
			}
			write("week", wk.Week, "(none)", itoa(wk.None))
		}
	}
	for _, c := range r.Campaigns {
		for _, a := range c.Accounts {
			write("campaign", c.Name, a.Account, itoa(a.Posts))
		}
		for _, s := range c.Silent {
			write("silent", c.Name, s, "0")
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return r.Err()
}

// heatCell is one cell of the HTML heat map: a count and its shade.
type heatCell struct {
	N     int
	Shade string // CSS background
	Title string
}

type heatRow struct {
	Label string
	Posts int
	Cells []heatCell
	None  heatCell
}

// heatMap lays the accounts × pillars counts out for the HTML page; a
// cell's shade grows with the share of the account's posts touching the
// pillar.
func heatMap(r *Report, lang string) []heatRow {
	n := r.Narrative
	if n == nil || len(n.Pillars) == 0 {
		return nil
	}
	cell := func(count, posts int, what string) heatCell {
		share := 0.0
		if posts > 0 {
			share = float64(count) / float64(posts)
		}
		alpha := dec(0.08+0.82*share, 2, "en")
		return heatCell{N: count, Shade: "rgba(11,78,162," + alpha + ")",
			Title: fmt.Sprintf("%s: %d/%d (%s%%)", what, count, posts, dec(share*100, 0, lang))}
	}
	var rows []heatRow
	for _, a := range n.Accounts {
		row := heatRow{Label: accountLabel(r, a.Account, lang), Posts: a.Posts}
		for _, p := range n.Pillars {
			row.Cells = append(row.Cells, cell(a.Pillars[p.ID], a.Posts, p.Label))
		}
		row.None = cell(a.None, a.Posts, t(lang, "tanpa pilar", "no pillar"))
		rows = append(rows, row)
	}
	return rows
}
