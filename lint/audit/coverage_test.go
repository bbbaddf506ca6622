package audit

import (
	"testing"
	"time"

	"github.com/selaras/selaras/brandkit"
)

func TestCoverageCountsAndIsStable(t *testing.T) {
	r := &Report{Period: PeriodJSON{Since: "2025-10-01", Until: "2025-11-01"}}
	k := &brandkit.Kit{
		Narrative: brandkit.Narrative{Pillars: []brandkit.Pillar{{ID: "a", Label: "A"}, {ID: "b"}}},
		Campaigns: []brandkit.Campaign{
			{Name: "in", Hashtags: []brandkit.Hashtag{"#Ikut"}, From: day("2025-09-20"), Until: day("2025-10-05")},
			{Name: "out", Hashtags: []brandkit.Hashtag{"#Nanti"}, From: day("2025-11-01"), Until: day("2025-11-30")},
		},
		Accounts: map[string]brandkit.Account{"x": {}, "y": {}, "z": {}},
	}
	r.addKitCoverage(k)
	r.Details = []Post{
		{Path: "1", Account: "x", Date: "2025-10-01", Pillars: []string{"a", "b"}, Hashtags: []string{"#ikut"}},
		{Path: "2", Account: "x", Date: "2025-10-06", Hashtags: []string{"#ikut"}}, // after the window
		{Path: "3", Account: "y", Date: "2025-10-02", Pillars: []string{"b", "gone"}},
		{Path: "4", Account: "", Date: "2025-10-03", Hashtags: []string{"#ikut"}},
	}
	for round := 0; round < 2; round++ { // a merge runs it again
		r.coverage()
		n := r.Narrative
		if n.Pillars[0].Label != "A" || n.Pillars[1].Label != "b" || n.Pillars[0].Posts != 1 || n.Pillars[1].Posts != 2 || n.None != 2 {
			t.Fatalf("round %d: pillars %+v none %d", round, n.Pillars, n.None)
		}
		if len(n.Accounts) != 3 || n.Accounts[0].Account != "" || n.Accounts[1].Pillars["a"] != 1 || n.Accounts[1].None != 1 {
			t.Fatalf("round %d: accounts %+v", round, n.Accounts)
		}
		if len(r.Campaigns) != 1 {
			t.Fatalf("campaigns %+v", r.Campaigns)
		}
		c := r.Campaigns[0]
		if len(c.Accounts) != 2 || c.Accounts[0].Account != "" || c.Accounts[1].Account != "x" || c.Accounts[1].Posts != 1 ||
			len(c.Silent) != 2 || c.Silent[0] != "y" || c.Silent[1] != "z" {
			t.Fatalf("round %d: campaign %+v", round, c)
		}
	}
}

func TestDecimalComma(t *testing.T) {
	if got := dec(4.666, 2, "id"); got != "4,67" {
		t.Errorf("id: %q", got)
	}
	if got := dec(4.666, 2, "en"); got != "4.67" {
		t.Errorf("en: %q", got)
	}
}

func day(s string) time.Time {
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}
