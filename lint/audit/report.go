// Package audit is `selaras audit`: it checks an archive of posts (drafts
// and published-post CSV exports) for one period with the same rules and
// kits as `selaras check`, finds reused images and near-identical captions,
// and aggregates the findings per account, per rule and per ISO week into a
// report that can be written as a terminal table, JSON, CSV or HTML, and
// merged with reports of other shards.
package audit

import (
	"sort"
	"strings"

	"github.com/selaras/selaras/lint"
)

// ReportVersion is the version of the JSON report (DESIGN.md, "Audit
// output"): fields may be added, never renamed or removed.
const ReportVersion = 1

// Date sources, as counted in Report.DateSources.
const (
	SourceFront = "front-matter"
	SourceGit   = "git"
	SourceMtime = "mtime"
	SourceCSV   = "csv"
)

// Rule names of the audit's own findings (they compare posts with each
// other, so they are not rules of `selaras check`).
const (
	RuleDupImage   = "duplicate-image"
	RuleDupCaption = "duplicate-caption"
)

// Report is an audit: everything needed to print it in any format and to
// merge it with other shards' reports. The per-account, per-rule, per-week
// and worst-post lists are derived from Details and Findings by Finalize.
type Report struct {
	Version int        `json:"version"`
	Period  PeriodJSON `json:"period"`
	Kit     string     `json:"kit"`
	Kits    []string   `json:"kits"`
	Selaras string     `json:"selaras"`
	Posts   int        `json:"posts"`
	// Shard is the share of the archive this report covers (audit
	// --shard); nil for a whole audit and for a merge of all shards.
	Shard *Shard `json:"shard,omitempty"`
	// Partial marks a merge that lacks some shards (audit merge
	// --partial); MissingShards names them.
	Partial       bool          `json:"partial,omitempty"`
	MissingShards []int         `json:"missing_shards,omitempty"`
	Accounts      []AccountStat `json:"accounts"`
	Rules         []RuleStat    `json:"rules"`
	Weeks         []WeekStat    `json:"weeks"`
	Findings      []Finding     `json:"findings"`

	Worst       []Worst     `json:"worst"`
	Duplicates  []Duplicate `json:"duplicates"`
	DateSources DateSources `json:"date_sources"`
	// OutOfPeriod counts posts found but dated outside the period.
	OutOfPeriod int `json:"out_of_period"`
	// Skipped lists CSV rows that could not be read as posts.
	Skipped []Skipped `json:"skipped"`
	// AccountNames maps account slugs to the kit's display names.
	AccountNames map[string]string `json:"account_names,omitempty"`
	// Narrative and Campaigns show whether the accounts carried the kit's
	// narrative pillars and joined its campaigns (coverage.go); KitAccounts
	// are the accounts the kits declare, of which campaigns list the silent.
	Narrative   *Narrative     `json:"narrative,omitempty"`
	Campaigns   []CampaignStat `json:"campaigns,omitempty"`
	KitAccounts []string       `json:"kit_accounts,omitempty"`
	// Details has one entry per audited post, with what merging needs.
	Details []Post `json:"post_details"`

	// After Finalize the findings live with their posts (Post.found, or
	// in spill) and Findings is nil: AllFindings walks them.
	grouped      bool
	lang         string
	findingCount int
	spill        *spillFile
	readErr      error
	titles       map[string]lint.Text // rule -> title, for the HTML page
}

// PeriodJSON is the period as written in the report.
type PeriodJSON struct {
	Since string `json:"since"`
	Until string `json:"until"` // exclusive
	TZ    string `json:"tz"`
}

// DateSources counts where the posts' dates came from.
type DateSources struct {
	FrontMatter int `json:"front-matter"`
	Git         int `json:"git"`
	Mtime       int `json:"mtime"`
	CSV         int `json:"csv"`
}

func (d *DateSources) add(src string, n int) {
	switch src {
	case SourceFront:
		d.FrontMatter += n
	case SourceGit:
		d.Git += n
	case SourceMtime:
		d.Mtime += n
	case SourceCSV:
		d.CSV += n
	}
}

// AccountStat is one account's line. Account "" groups the posts whose
// account is unknown.
type AccountStat struct {
	Account         string  `json:"account"`
	Name            string  `json:"name,omitempty"`
	Posts           int     `json:"posts"`
	PostsWithErrors int     `json:"posts_with_errors"`
	Findings        int     `json:"findings"`
	FindingsPerPost float64 `json:"findings_per_post"`
	Compliance      float64 `json:"compliance"`
}

// RuleStat is one rule's line.
type RuleStat struct {
	Rule     string `json:"rule"`
	Findings int    `json:"findings"`
	Accounts int    `json:"accounts"`
	Posts    int    `json:"posts"`
	Errors   int    `json:"errors"`
}

// WeekStat is one ISO week (weeks with posts only).
type WeekStat struct {
	Week            string  `json:"week"`
	Posts           int     `json:"posts"`
	PostsWithErrors int     `json:"posts_with_errors"`
	Findings        int     `json:"findings"`
	Compliance      float64 `json:"compliance"`
}

// Worst is one of the posts with the most problems.
type Worst struct {
	Path     string `json:"path"`
	Account  string `json:"account"`
	Date     string `json:"date"`
	Errors   int    `json:"errors"`
	Findings int    `json:"findings"`
	Excerpt  string `json:"excerpt,omitempty"`
}

// Duplicate is a group of posts that reuse one image or a near-identical
// caption; the first post (earliest, then by path) is the original.
type Duplicate struct {
	Kind  string   `json:"kind"` // "image" or "caption"
	Posts []string `json:"posts"`
	// Images are the reused files (kind image).
	Images []string `json:"images,omitempty"`
	// Similarity is the lowest estimated similarity in the group (caption).
	Similarity float64 `json:"similarity,omitempty"`
}

// Skipped is a CSV row left out, with why.
type Skipped struct {
	File   string    `json:"file"`
	Row    int       `json:"row"`
	Reason string    `json:"reason"`
	Text   lint.Text `json:"messages"`
}

// Finding is one finding of one post. Path is the file it is about (an
// attached image for image findings), Post the post it belongs to.
type Finding struct {
	Post        string       `json:"post"`
	Path        string       `json:"path"`
	Account     string       `json:"account"`
	Date        string       `json:"date"`
	Rule        string       `json:"rule"`
	Severity    string       `json:"severity"`
	Line        int          `json:"line"`
	Column      int          `json:"column"`
	EndLine     int          `json:"end_line"`
	EndColumn   int          `json:"end_column"`
	Message     string       `json:"message"`
	Messages    lint.Text    `json:"messages"`
	Match       string       `json:"match"`
	Suggestions []string     `json:"suggestions"`
	Region      *lint.Region `json:"region,omitempty"`
}

// Post is one audited post.
type Post struct {
	Path       string `json:"path"`
	Account    string `json:"account"`
	Date       string `json:"date"`
	DateSource string `json:"date_source"`
	Platform   string `json:"platform,omitempty"`
	URL        string `json:"url,omitempty"`
	Excerpt    string `json:"excerpt,omitempty"`
	Findings   int    `json:"findings"`
	Errors     int    `json:"errors"`
	Warnings   int    `json:"warnings"`
	Infos      int    `json:"infos"`
	// Caption is the caption's MinHash signature (base64), empty for short
	// captions; Images are the attached images' perceptual hashes.
	Caption string     `json:"caption_minhash,omitempty"`
	Images  []ImageSig `json:"images,omitempty"`
	// DupRules is what the post's kit says of duplicate-image and
	// duplicate-caption when it is not the default: "off" or a severity.
	DupRules map[string]string `json:"duplicate_rules,omitempty"`
	// Pillars are the narrative pillars the post touches; Hashtags its
	// hashtags in lower case (for campaign participation).
	Pillars  []string `json:"pillars,omitempty"`
	Hashtags []string `json:"hashtags,omitempty"`

	// The post's findings: in memory (found), or in the report's spill
	// file at spillAt with a tally per rule; dups are its duplicate-*
	// findings, found again by every Finalize.
	found    []Finding
	spillAt  int64
	spillLen int32
	tally    []ruleTally
	dups     []Finding
}

// ImageSig is an attached image's perceptual hash.
type ImageSig struct {
	Path  string `json:"path"`
	DHash string `json:"dhash"` // 64-bit difference hash, hex
	Luma  int    `json:"luma"`  // mean grey level 0-255
}

// Finalize recomputes everything derived: per-post counts, duplicates
// (their findings replaced), the per-account, per-rule and per-week lists
// and the worst posts, all in a stable order. It is what makes a merged
// report equal to the audit of the whole. Findings listed in r.Findings (a
// report read back for merging) go to their posts; a finding of a post the
// report does not list is dropped.
func (r *Report) Finalize(lang string) {
	r.Version = ReportVersion
	r.lang = lang
	sort.Slice(r.Details, func(i, j int) bool { return r.Details[i].Path < r.Details[j].Path })
	if !r.grouped {
		byPath := make(map[string]int, len(r.Details))
		for i := range r.Details {
			byPath[r.Details[i].Path] = i
		}
		for _, f := range r.Findings {
			// Duplicates are found again over all posts.
			if f.Rule == RuleDupImage || f.Rule == RuleDupCaption {
				continue
			}
			if i, ok := byPath[f.Post]; ok {
				r.Details[i].found = append(r.Details[i].found, f)
			}
		}
		r.Findings, r.grouped = nil, true
	}
	var dupFindings []Finding
	r.Duplicates, dupFindings = findDuplicates(r.Details)
	byPost := map[string]*Post{}
	for i := range r.Details {
		p := &r.Details[i]
		p.dups = p.dups[:0]
		byPost[p.Path] = p
	}
	for _, f := range dupFindings {
		byPost[f.Post].dups = append(byPost[f.Post].dups, f)
	}
	r.Posts = len(r.Details)
	r.coverage()

	type ruleAcc struct {
		st       RuleStat
		accounts map[string]bool
	}
	rs := map[string]*ruleAcc{}
	r.findingCount = 0
	var tally []ruleTally
	for i := range r.Details {
		p := &r.Details[i]
		tally = addTally(addTally(append(tally[:0], p.tally...), p.found), p.dups)
		p.Findings, p.Errors, p.Warnings, p.Infos = 0, 0, 0, 0
		for _, t := range tally {
			n := int(t.Sev[0] + t.Sev[1] + t.Sev[2])
			p.Findings += n
			p.Errors += int(t.Sev[0])
			p.Warnings += int(t.Sev[1])
			p.Infos += int(t.Sev[2])
			x := rs[t.Rule]
			if x == nil {
				x = &ruleAcc{st: RuleStat{Rule: t.Rule}, accounts: map[string]bool{}}
				rs[t.Rule] = x
			}
			x.st.Findings += n
			x.st.Errors += int(t.Sev[0])
			x.st.Posts++
			x.accounts[p.Account] = true
		}
		r.findingCount += p.Findings
	}

	accs := map[string]*AccountStat{}
	weeks := map[string]*WeekStat{}
	for _, p := range r.Details {
		a := accs[p.Account]
		if a == nil {
			a = &AccountStat{Account: p.Account, Name: r.AccountNames[p.Account]}
			accs[p.Account] = a
		}
		wk := weekOf(p.Date)
		w := weeks[wk]
		if w == nil {
			w = &WeekStat{Week: wk}
			weeks[wk] = w
		}
		a.Posts++
		w.Posts++
		a.Findings += p.Findings
		w.Findings += p.Findings
		if p.Errors > 0 {
			a.PostsWithErrors++
			w.PostsWithErrors++
		}
	}
	r.Accounts = r.Accounts[:0]
	for _, a := range accs {
		a.FindingsPerPost = round2(float64(a.Findings) / float64(a.Posts))
		a.Compliance = round4(float64(a.Posts-a.PostsWithErrors) / float64(a.Posts))
		r.Accounts = append(r.Accounts, *a)
	}
	sort.Slice(r.Accounts, func(i, j int) bool {
		a, b := r.Accounts[i].Account, r.Accounts[j].Account
		if (a == "") != (b == "") {
			return b == "" // the unknown account last
		}
		return a < b
	})
	r.Weeks = r.Weeks[:0]
	for _, w := range weeks {
		w.Compliance = round4(float64(w.Posts-w.PostsWithErrors) / float64(w.Posts))
		r.Weeks = append(r.Weeks, *w)
	}
	sort.Slice(r.Weeks, func(i, j int) bool { return r.Weeks[i].Week < r.Weeks[j].Week })

	r.Rules = r.Rules[:0]
	for _, x := range rs {
		x.st.Accounts = len(x.accounts)
		r.Rules = append(r.Rules, x.st)
	}
	sort.Slice(r.Rules, func(i, j int) bool {
		a, b := r.Rules[i], r.Rules[j]
		if a.Findings != b.Findings {
			return a.Findings > b.Findings
		}
		return a.Rule < b.Rule
	})

	var worst []Worst
	for _, p := range r.Details {
		if p.Findings == 0 {
			continue
		}
		worst = append(worst, Worst{Path: p.Path, Account: p.Account, Date: p.Date, Errors: p.Errors, Findings: p.Findings, Excerpt: p.Excerpt})
	}
	sort.Slice(worst, func(i, j int) bool {
		a, b := worst[i], worst[j]
		if a.Errors != b.Errors {
			return a.Errors > b.Errors
		}
		if a.Findings != b.Findings {
			return a.Findings > b.Findings
		}
		return a.Path < b.Path
	})
	if len(worst) > maxWorst {
		worst = worst[:maxWorst]
	}
	r.Worst = worst
	sort.Slice(r.Skipped, func(i, j int) bool {
		if r.Skipped[i].File != r.Skipped[j].File {
			return r.Skipped[i].File < r.Skipped[j].File
		}
		return r.Skipped[i].Row < r.Skipped[j].Row
	})
	for i := range r.Skipped {
		r.Skipped[i].Reason = r.Skipped[i].Text.In(lang)
	}
	r.Kits = uniqSorted(r.Kits)
	r.Kit = strings.Join(r.Kits, ", ")
	r.nonNil()
}

// maxWorst is how many worst posts a report lists.
const maxWorst = 10

// nonNil makes empty lists print as [] in JSON.
func (r *Report) nonNil() {
	if r.Accounts == nil {
		r.Accounts = []AccountStat{}
	}
	if r.Rules == nil {
		r.Rules = []RuleStat{}
	}
	if r.Weeks == nil {
		r.Weeks = []WeekStat{}
	}
	if r.Worst == nil {
		r.Worst = []Worst{}
	}
	if r.Duplicates == nil {
		r.Duplicates = []Duplicate{}
	}
	if r.Skipped == nil {
		r.Skipped = []Skipped{}
	}
	if r.Details == nil {
		r.Details = []Post{}
	}
	if r.Kits == nil {
		r.Kits = []string{}
	}
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Post != b.Post {
			return a.Post < b.Post
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Messages.EN < b.Messages.EN
	})
}

func weekOf(day string) string {
	t, err := parseDay(day)
	if err != nil {
		return "?"
	}
	return ISOWeek(t)
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }
func round4(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }

func uniqSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if v != "" && (i == 0 || v != s[i-1]) {
			out = append(out, v)
		}
	}
	return out
}
