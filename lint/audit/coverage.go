package audit

import (
	"sort"
	"strings"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

// Narrative is how the period's posts carried the kit's narrative pillars:
// per pillar, per account and per ISO week, with the posts that touch none.
// A post touches a pillar as the narrative rule sees it
// (lint.TouchedPillars).
type Narrative struct {
	Pillars  []PillarStat     `json:"pillars"`
	None     int              `json:"none"`
	Accounts []AccountPillars `json:"accounts"`
	Weeks    []WeekPillars    `json:"weeks"`
}

// PillarStat is one pillar and the posts that touch it.
type PillarStat struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Posts int    `json:"posts"`
}

// AccountPillars counts one account's posts per pillar.
type AccountPillars struct {
	Account string         `json:"account"`
	Posts   int            `json:"posts"`
	Pillars map[string]int `json:"pillars"`
	None    int            `json:"none"`
}

// WeekPillars counts one ISO week's posts per pillar.
type WeekPillars struct {
	Week    string         `json:"week"`
	Pillars map[string]int `json:"pillars"`
	None    int            `json:"none"`
}

// CampaignStat is one [[campaigns]] entry whose window overlaps the period:
// which accounts posted with one of its tags inside the window, and which
// accounts the kit declares posted nothing for it.
type CampaignStat struct {
	Name     string            `json:"name"`
	Hashtags []string          `json:"hashtags"`
	From     string            `json:"from"`
	Until    string            `json:"until"` // inclusive, as in the kit
	Accounts []CampaignAccount `json:"accounts"`
	Silent   []string          `json:"silent"`
}

// CampaignAccount is an account that joined a campaign, and with how many
// posts.
type CampaignAccount struct {
	Account string `json:"account"`
	Posts   int    `json:"posts"`
}

// postCoverage is what a post contributes to coverage: the pillars it
// touches and its hashtags (lower case), both kept in post_details so that
// `audit merge` can count again.
func postCoverage(d *lint.Draft, k *brandkit.Kit) (pillars, tags []string) {
	for i, on := range lint.TouchedPillars(d, k) {
		if on {
			pillars = append(pillars, k.Narrative.Pillars[i].ID)
		}
	}
	seen := map[string]bool{}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind == lint.TokHashtag && !seen[t.Lower] {
			seen[t.Lower] = true
			tags = append(tags, t.Lower)
		}
	}
	sort.Strings(tags)
	return pillars, tags
}

// addKitCoverage records what a kit defines for coverage: its pillars, its
// campaigns overlapping the period and its declared accounts. Definitions
// of several kits are pooled: the first label of a pillar id wins, a
// campaign is one per name and window.
func (r *Report) addKitCoverage(k *brandkit.Kit) {
	for _, pl := range k.Narrative.Pillars {
		if r.Narrative == nil {
			r.Narrative = &Narrative{}
		}
		if !hasPillar(r.Narrative.Pillars, pl.ID) {
			label := pl.Label
			if label == "" {
				label = pl.ID
			}
			r.Narrative.Pillars = append(r.Narrative.Pillars, PillarStat{ID: pl.ID, Label: label})
		}
	}
	for _, c := range k.Campaigns {
		from, until := c.From.Format(dayLayout), c.Until.Format(dayLayout)
		if until < r.Period.Since || from >= r.Period.Until {
			continue // the window does not overlap the period
		}
		st := CampaignStat{Name: c.Name, From: from, Until: until}
		for _, h := range c.Hashtags {
			st.Hashtags = append(st.Hashtags, string(h))
		}
		r.Campaigns = addCampaign(r.Campaigns, st)
	}
	for slug := range k.Accounts {
		r.KitAccounts = append(r.KitAccounts, slug)
	}
	r.KitAccounts = uniqSorted(r.KitAccounts)
}

func hasPillar(ps []PillarStat, id string) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

func addCampaign(cs []CampaignStat, c CampaignStat) []CampaignStat {
	for _, x := range cs {
		if x.Name == c.Name && x.From == c.From && x.Until == c.Until {
			return cs
		}
	}
	return append(cs, c)
}

// mergeCoverage pools the definitions of reports being merged.
func (r *Report) mergeCoverage(in *Report) {
	if in.Narrative != nil {
		if r.Narrative == nil {
			r.Narrative = &Narrative{}
		}
		for _, p := range in.Narrative.Pillars {
			if !hasPillar(r.Narrative.Pillars, p.ID) {
				r.Narrative.Pillars = append(r.Narrative.Pillars, PillarStat{ID: p.ID, Label: p.Label})
			}
		}
	}
	for _, c := range in.Campaigns {
		r.Campaigns = addCampaign(r.Campaigns, CampaignStat{Name: c.Name, Hashtags: c.Hashtags, From: c.From, Until: c.Until})
	}
	r.KitAccounts = uniqSorted(append(r.KitAccounts, in.KitAccounts...))
}

// coverage counts pillars and campaign participation from the posts; it
// starts from the definitions alone, so running it again (as a merge does)
// gives the same result.
func (r *Report) coverage() {
	if n := r.Narrative; n != nil {
		n.None = 0
		n.Accounts, n.Weeks = nil, nil
		idx := map[string]int{}
		for i := range n.Pillars {
			n.Pillars[i].Posts = 0
			idx[n.Pillars[i].ID] = i
		}
		accs := map[string]*AccountPillars{}
		weeks := map[string]*WeekPillars{}
		for _, p := range r.Details {
			a := accs[p.Account]
			if a == nil {
				a = &AccountPillars{Account: p.Account, Pillars: map[string]int{}}
				accs[p.Account] = a
			}
			wk := weekOf(p.Date)
			w := weeks[wk]
			if w == nil {
				w = &WeekPillars{Week: wk, Pillars: map[string]int{}}
				weeks[wk] = w
			}
			a.Posts++
			touched := 0
			for _, id := range p.Pillars {
				i, ok := idx[id]
				if !ok {
					continue
				}
				touched++
				n.Pillars[i].Posts++
				a.Pillars[id]++
				w.Pillars[id]++
			}
			if touched == 0 {
				n.None++
				a.None++
				w.None++
			}
		}
		for _, a := range accs {
			n.Accounts = append(n.Accounts, *a)
		}
		sort.Slice(n.Accounts, func(i, j int) bool { return n.Accounts[i].Account < n.Accounts[j].Account })
		for _, w := range weeks {
			n.Weeks = append(n.Weeks, *w)
		}
		sort.Slice(n.Weeks, func(i, j int) bool { return n.Weeks[i].Week < n.Weeks[j].Week })
	}
	for ci := range r.Campaigns {
		c := &r.Campaigns[ci]
		tags := map[string]bool{}
		for _, h := range c.Hashtags {
			tags[strings.ToLower(h)] = true
		}
		byAcc := map[string]int{}
		for _, p := range r.Details {
			if p.Date < c.From || p.Date > c.Until {
				continue
			}
			for _, h := range p.Hashtags {
				if tags[h] {
					byAcc[p.Account]++
					break
				}
			}
		}
		c.Accounts = []CampaignAccount{}
		for acc, n := range byAcc {
			c.Accounts = append(c.Accounts, CampaignAccount{Account: acc, Posts: n})
		}
		sort.Slice(c.Accounts, func(i, j int) bool { return c.Accounts[i].Account < c.Accounts[j].Account })
		c.Silent = []string{}
		for _, acc := range r.KitAccounts {
			if byAcc[acc] == 0 {
				c.Silent = append(c.Silent, acc)
			}
		}
	}
	sort.SliceStable(r.Campaigns, func(i, j int) bool {
		a, b := r.Campaigns[i], r.Campaigns[j]
		if a.From != b.From {
			return a.From < b.From
		}
		return a.Name < b.Name
	})
}
