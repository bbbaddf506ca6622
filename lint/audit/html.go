package audit

import (
	"html/template"
	"io"
	"iter"
	"sync"

	"github.com/selaras/selaras/lint"
)

// htmlMaxFindings is how many findings the page lists: a month of an
// archive has tens of thousands (22 MB of page for 78,000), more than a
// browser shows comfortably or anyone reads; the CSV and JSON formats list
// them all.
var htmlMaxFindings = 2000

// The HTML report is one file: CSS inline, charts as inline SVG, no
// scripts, no fonts, nothing fetched. html/template escapes every text
// (paths, captions, messages) for where it stands.

type bar struct {
	Label      string
	Value      float64 // 0..1
	Text       string
	X, Y, W, H int
	TX, TY     int
	Warn       bool
}

type htmlData struct {
	R        *Report
	Lang     string
	L        map[string]string
	Accounts []htmlAccount
	WeekBars []bar
	AccBars  []bar
	ChartW   int
	WeekH    int
	AccH     int
	Overall  string
	// Findings are the listed findings (at most htmlMaxFindings); More
	// says how many were left out, and where to find them.
	Findings iter.Seq[*Finding]
	More     string
	// Coverage: the heat map of accounts × pillars and the rules named by
	// their titles.
	Heat    []heatRow
	Rules   []htmlRule
	PerPost map[string]string // account -> findings per post, in the run's language
}

type htmlRule struct {
	RuleStat
	Title string
}

type htmlAccount struct {
	AccountStat
	Label string
	Pct   string
}

func writeHTML(w io.Writer, r *Report, lang string) error {
	d := htmlData{R: r, Lang: lang, ChartW: 640}
	keys := map[string][2]string{
		"title":      {"Audit unggahan", "Post audit"},
		"period":     {"Periode", "Period"},
		"until":      {"tanggal akhir tidak termasuk", "until exclusive"},
		"posts":      {"Unggahan", "Posts"},
		"outside":    {"di luar periode", "outside the period"},
		"compliance": {"Kepatuhan", "Compliance"},
		"complNote":  {"bagian unggahan tanpa temuan tingkat error", "share of posts with no error-level finding"},
		"dates":      {"Sumber tanggal", "Dates from"},
		"accounts":   {"Per akun", "By account"},
		"account":    {"Akun", "Account"},
		"witherr":    {"Dengan error", "With errors"},
		"findings":   {"Temuan", "Findings"},
		"perpost":    {"Per unggahan", "Per post"},
		"rules":      {"Per aturan", "By rule"},
		"rule":       {"Aturan", "Rule"},
		"weeks":      {"Tren per minggu (ISO)", "Trend by ISO week"},
		"worst":      {"Unggahan dengan masalah terbanyak", "Posts with the most problems"},
		"dups":       {"Gambar dan keterangan yang dipakai ulang", "Reused images and captions"},
		"image":      {"gambar", "image"},
		"caption":    {"keterangan", "caption"},
		"skipped":    {"Baris CSV yang dilewati", "CSV rows skipped"},
		"row":        {"baris", "row"},
		"all":        {"Semua temuan", "All findings"},
		"post":       {"Unggahan", "Post"},
		"where":      {"Letak", "Where"},
		"severity":   {"Tingkat", "Severity"},
		"message":    {"Pesan", "Message"},
		"none":       {"Tidak ada unggahan dalam periode ini.", "No posts in this period."},
		"date":       {"Tanggal", "Date"},
		"unknown":    {"(akun tidak dikenal)", "(unknown account)"},
		"narrative":  {"Narasi: unggahan per pilar dan akun", "Narrative: posts by pillar and account"},
		"nopillar":   {"tanpa pilar", "no pillar"},
		"heatNote":   {"Warna makin tua: makin besar bagian unggahan akun itu yang menyentuh pilar.", "The darker the cell, the larger the share of the account's posts touching the pillar."},
		"campaigns":  {"Kampanye: akun yang ikut dan yang diam", "Campaigns: accounts that joined and those that stayed silent"},
		"joined":     {"ikut", "joined"},
		"silent":     {"diam", "silent"},
		"original":   {"asli", "original"},
	}
	d.L = map[string]string{}
	for k, v := range keys {
		d.L[k] = t(lang, v[0], v[1])
	}
	errs := 0
	for _, p := range r.Details {
		if p.Errors > 0 {
			errs++
		}
	}
	if r.Posts > 0 {
		d.Overall = pct(float64(r.Posts-errs) / float64(r.Posts))
	}
	d.PerPost = map[string]string{}
	for _, a := range r.Accounts {
		d.Accounts = append(d.Accounts, htmlAccount{AccountStat: a, Label: accountLabel(r, a.Account, lang), Pct: pct(a.Compliance)})
		d.PerPost[a.Account] = dec(a.FindingsPerPost, 2, lang)
	}
	d.Heat = heatMap(r, lang)
	for _, x := range r.Rules {
		d.Rules = append(d.Rules, htmlRule{RuleStat: x, Title: r.ruleTitle(x.Rule, lang)})
	}
	// Weekly compliance: vertical bars.
	const chartH, top = 160, 10
	n := max(len(r.Weeks), 1)
	slot := d.ChartW / n
	for i, wk := range r.Weeks {
		h := int(wk.Compliance*float64(chartH) + 0.5)
		b := bar{Label: wk.Week, Value: wk.Compliance, Text: pct(wk.Compliance) + " · " + itoa(wk.Posts),
			X: i*slot + slot/6, W: slot * 2 / 3, Y: top + chartH - h, H: h, Warn: wk.Compliance < 0.8}
		b.TX, b.TY = i*slot+slot/2, top+chartH+16
		d.WeekBars = append(d.WeekBars, b)
	}
	d.WeekH = top + chartH + 40
	// Compliance by account: horizontal bars.
	const rowH, labelW = 22, 200
	for i, a := range d.Accounts {
		wpx := int(a.Compliance*float64(d.ChartW-labelW-60) + 0.5)
		b := bar{Label: a.Label, Value: a.Compliance, Text: a.Pct, X: labelW, Y: i*rowH + 4, W: wpx, H: rowH - 6, Warn: a.Compliance < 0.8}
		b.TX, b.TY = labelW+wpx+6, i*rowH+rowH-6
		d.AccBars = append(d.AccBars, b)
	}
	d.AccH = len(d.Accounts)*rowH + 8
	d.Findings = func(yield func(*Finding) bool) {
		n := 0
		for f := range r.AllFindings() {
			if n == htmlMaxFindings || !yield(f) {
				return
			}
			n++
		}
	}
	if total := r.FindingCount(); total > htmlMaxFindings {
		d.More = lint.Tf("Ditampilkan %d temuan pertama dari %d (urut menurut unggahan); daftar lengkapnya: selaras audit --format csv atau --format json.",
			"The first %d of %d findings are shown (by post); the full list: selaras audit --format csv or --format json.", htmlMaxFindings, total).In(lang)
	}
	return htmlTmpl().Execute(w, d)
}

// htmlTmpl is parsed on first use: every `selaras check` links this
// package, and parsing the page at start-up cost each of them.
var htmlTmpl = sync.OnceValue(func() *template.Template { return template.Must(template.New("audit").Parse(htmlPage)) })

const htmlPage = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="selaras {{.R.Selaras}}">
<title>{{.L.title}} {{.R.Period.Since}} .. {{.R.Period.Until}} · {{.R.Kit}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#57606a}.sev-error{color:#b42318;font-weight:600}.sev-warning{color:#9a6700}.sev-info{color:#57606a}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.4rem}
svg text{font-size:11px;fill:#1b1f24}.ok{fill:#1f883d}.low{fill:#cf222e}code{font-size:.88em;background:#f6f8fa;padding:0 .2em;border-radius:3px}
td.heat{color:#0b1f33;min-width:3rem}
</style>
</head>
<body>
<h1>{{.L.title}} · {{.R.Kit}}</h1>
<p class="muted">{{.L.period}}: {{.R.Period.Since}} .. {{.R.Period.Until}} ({{.L.until}}, {{.R.Period.TZ}}) · selaras {{.R.Selaras}}</p>
<div class="cards">
<div class="card"><b>{{.R.Posts}}</b>{{.L.posts}}</div>
<div class="card"><b>{{if .Overall}}{{.Overall}}{{else}}–{{end}}</b>{{.L.compliance}}</div>
<div class="card"><b>{{.R.FindingCount}}</b>{{.L.findings}}</div>
<div class="card"><b>{{.R.OutOfPeriod}}</b>{{.L.outside}}</div>
</div>
<p class="muted">{{.L.compliance}}: {{.L.complNote}}. {{.L.dates}}: front matter {{.R.DateSources.FrontMatter}}, git {{.R.DateSources.Git}}, mtime {{.R.DateSources.Mtime}}, csv {{.R.DateSources.CSV}}.</p>
{{if eq .R.Posts 0}}<p>{{.L.none}}</p>{{end}}
{{if .Accounts}}
<h2>{{.L.accounts}}</h2>
<svg role="img" aria-label="{{.L.compliance}}" width="{{.ChartW}}" height="{{.AccH}}" viewBox="0 0 {{.ChartW}} {{.AccH}}">
{{range .AccBars}}<text x="0" y="{{.TY}}">{{.Label}}</text><rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" class="{{if .Warn}}low{{else}}ok{{end}}"><title>{{.Label}}: {{.Text}}</title></rect><text x="{{.TX}}" y="{{.TY}}">{{.Text}}</text>
{{end}}</svg>
<table>
<tr><th>{{.L.account}}</th><th class="n">{{.L.posts}}</th><th class="n">{{.L.witherr}}</th><th class="n">{{.L.findings}}</th><th class="n">{{.L.perpost}}</th><th class="n">{{.L.compliance}}</th></tr>
{{range .Accounts}}<tr><td>{{.Label}}{{if .Name}} <span class="muted">{{.Name}}</span>{{end}}</td><td class="n">{{.Posts}}</td><td class="n">{{.PostsWithErrors}}</td><td class="n">{{.Findings}}</td><td class="n">{{index $.PerPost .Account}}</td><td class="n">{{.Pct}}</td></tr>
{{end}}</table>
{{end}}
{{if .WeekBars}}
<h2>{{.L.weeks}}</h2>
<svg role="img" aria-label="{{.L.weeks}}" width="{{.ChartW}}" height="{{.WeekH}}" viewBox="0 0 {{.ChartW}} {{.WeekH}}">
{{range .WeekBars}}<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" class="{{if .Warn}}low{{else}}ok{{end}}"><title>{{.Label}}: {{.Text}}</title></rect><text x="{{.TX}}" y="{{.TY}}" text-anchor="middle">{{.Label}}</text><text x="{{.TX}}" y="{{.TY}}" dy="14" text-anchor="middle">{{.Text}}</text>
{{end}}</svg>
{{end}}
{{if .Rules}}
<h2>{{.L.rules}}</h2>
<table>
<tr><th>{{.L.rule}}</th><th class="n">{{.L.findings}}</th><th class="n">Error</th><th class="n">{{.L.posts}}</th><th class="n">{{.L.account}}</th></tr>
{{range .Rules}}<tr><td>{{if .Title}}{{.Title}} {{end}}<code>{{.Rule}}</code></td><td class="n">{{.Findings}}</td><td class="n">{{.Errors}}</td><td class="n">{{.Posts}}</td><td class="n">{{.Accounts}}</td></tr>
{{end}}</table>
{{end}}
{{if .Heat}}
<h2>{{.L.narrative}}</h2>
<table>
<tr><th>{{.L.account}}</th><th class="n">{{.L.posts}}</th>{{range .R.Narrative.Pillars}}<th class="n">{{.Label}}</th>{{end}}<th class="n">{{.L.nopillar}}</th></tr>
{{range .Heat}}<tr><td>{{.Label}}</td><td class="n">{{.Posts}}</td>{{range .Cells}}<td class="n heat" style="background:{{.Shade}}" title="{{.Title}}">{{.N}}</td>{{end}}<td class="n heat" style="background:{{.None.Shade}}" title="{{.None.Title}}">{{.None.N}}</td></tr>
{{end}}<tr><td><b>Σ</b></td><td class="n">{{.R.Posts}}</td>{{range .R.Narrative.Pillars}}<td class="n">{{.Posts}}</td>{{end}}<td class="n">{{.R.Narrative.None}}</td></tr>
</table>
<p class="muted">{{.L.heatNote}}</p>
{{end}}
{{if .R.Campaigns}}
<h2>{{.L.campaigns}}</h2>
<ul>
{{range .R.Campaigns}}<li><b>{{.Name}}</b> <span class="muted">{{range $i, $h := .Hashtags}}{{if $i}} {{end}}{{$h}}{{end}} · {{.From}} .. {{.Until}}</span><br>{{$.L.joined}}: {{range $i, $a := .Accounts}}{{if $i}}, {{end}}{{$a.Account}} ({{$a.Posts}}){{else}}–{{end}}{{if .Silent}}<br><span class="sev-error">{{$.L.silent}}</span>: {{range $i, $s := .Silent}}{{if $i}}, {{end}}{{$s}}{{end}}{{end}}</li>
{{end}}</ul>
{{end}}
{{if .R.Worst}}
<h2>{{.L.worst}}</h2>
<table>
<tr><th>{{.L.post}}</th><th>{{.L.account}}</th><th>{{.L.date}}</th><th class="n">Error</th><th class="n">{{.L.findings}}</th></tr>
{{range .R.Worst}}<tr><td>{{.Path}}<br><span class="muted">{{.Excerpt}}</span></td><td>{{if .Account}}{{.Account}}{{else}}{{$.L.unknown}}{{end}}</td><td>{{.Date}}</td><td class="n">{{.Errors}}</td><td class="n">{{.Findings}}</td></tr>
{{end}}</table>
{{end}}
{{if .R.Duplicates}}
<h2>{{.L.dups}}</h2>
<ul>
{{range .R.Duplicates}}<li>{{if eq .Kind "image"}}{{$.L.image}}{{else}}{{$.L.caption}}{{end}}: {{range $i, $p := .Posts}}{{if $i}}, {{end}}{{$p}}{{if not $i}} <b>({{$.L.original}})</b>{{end}}{{end}}</li>
{{end}}</ul>
{{end}}
{{if .R.Skipped}}
<h2>{{.L.skipped}}</h2>
<ul>
{{range .R.Skipped}}<li>{{.File}}{{if .Row}} {{$.L.row}} {{.Row}}{{end}}: {{.Reason}}</li>
{{end}}</ul>
{{end}}
{{if .R.FindingCount}}
<h2>{{.L.all}}</h2>
<table>
<tr><th>{{.L.post}}</th><th>{{.L.where}}</th><th>{{.L.rule}}</th><th>{{.L.severity}}</th><th>{{.L.message}}</th></tr>
{{range .Findings}}<tr><td>{{.Post}}{{if ne .Path .Post}}<br><span class="muted">{{.Path}}</span>{{end}}</td><td>{{if .Line}}{{.Line}}:{{.Column}}{{end}}</td><td><code>{{.Rule}}</code></td><td class="sev-{{.Severity}}">{{.Severity}}</td><td>{{.Message}}</td></tr>
{{end}}</table>
{{if .More}}<p class="muted">{{.More}}</p>{{end}}
{{end}}
</body>
</html>
`
