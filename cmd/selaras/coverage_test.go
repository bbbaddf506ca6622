package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/selaras/selaras/lint/audit"
)

// coverageArchive is a month of three accounts under a kit with two
// narrative pillars and two campaigns, one inside October 2025 and one
// outside it.
func coverageArchive(t *testing.T) string {
	root := t.TempDir()
	auditWrite(t, root, map[string]string{
		"selaras.toml": `[kit]
name = "Uji Cakupan"

[narrative]
pillars = [
  { id = "sehat", label = "Banten Sehat", keywords = ["imunisasi", "puskesmas"] },
  { id = "jalan", label = "Banten Terhubung", keywords = ["jalan", "bus"] },
]

[[campaigns]]
name     = "Bulan Imunisasi"
hashtags = ["#BulanImunisasi"]
from     = 2025-10-01
until    = 2025-10-15

[[campaigns]]
name     = "Mudik Aman"
hashtags = ["#MudikAman"]
from     = 2025-12-15
until    = 2025-12-31

[accounts.dinkes]
paths = ["dinkes/**"]
[accounts.dishub]
paths = ["dishub/**"]
[accounts.dindik]
paths = ["dindik/**"]
`,
		"dinkes/a.md": post("2025-10-02", "", "Imunisasi anak gratis di puskesmas setiap hari kerja. Ada pertanyaan? #BulanImunisasi"),
		"dinkes/b.md": post("2025-10-09", "", "Layanan puskesmas buka sampai pukul 20.00 selama bulan ini. Ada pertanyaan? #bulanimunisasi"),
		"dinkes/c.md": post("2025-10-20", "", "Cuci tangan pakai sabun sebelum makan. Sudah coba? #BulanImunisasi"),
		"dishub/a.md": post("2025-10-03", "", "Bus sekolah kini lewat jalan desa setiap pagi. Sudah coba?"),
		"dishub/b.md": post("2025-10-28", "", "Perbaikan jalan provinsi ruas utara selesai. Ada masukan?"),
		"dindik/a.md": post("2025-10-06", "", "Pendaftaran beasiswa dibuka sampai akhir bulan. Siapa ikut?"),
	})
	return root
}

func TestAuditCoverage(t *testing.T) {
	root := coverageArchive(t)
	args := []string{"audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10"}
	res := runBin(t, root, nil, nil, append(args, ".")...)
	if res.code != 0 {
		t.Fatalf("audit: %d %s", res.code, res.stderr)
	}
	var r struct {
		Narrative audit.Narrative      `json:"narrative"`
		Campaigns []audit.CampaignStat `json:"campaigns"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatal(err)
	}
	n := r.Narrative
	if len(n.Pillars) != 2 || n.Pillars[0].ID != "sehat" || n.Pillars[0].Posts != 2 || n.Pillars[1].Posts != 2 || n.None != 2 {
		t.Errorf("pillars: %+v none %d", n.Pillars, n.None)
	}
	want := map[string]string{"dindik": "map[] 1", "dinkes": "map[sehat:2] 1", "dishub": "map[jalan:2] 0"}
	for _, a := range n.Accounts {
		if got := strings.TrimSpace(strings.Join([]string{fmtMap(a.Pillars), itoaT(a.None)}, " ")); got != want[a.Account] {
			t.Errorf("account %s: %s, want %s", a.Account, got, want[a.Account])
		}
	}
	if len(n.Weeks) != 4 || n.Weeks[1].Week != "2025-W41" || n.Weeks[1].Pillars["sehat"] != 1 || n.Weeks[1].None != 1 {
		t.Errorf("weeks: %+v", n.Weeks)
	}
	// Only the campaign overlapping October; dinkes joined with two posts
	// inside the window (case aside), the third is after it.
	if len(r.Campaigns) != 1 {
		t.Fatalf("campaigns: %+v", r.Campaigns)
	}
	c := r.Campaigns[0]
	if c.Name != "Bulan Imunisasi" || len(c.Accounts) != 1 || c.Accounts[0].Account != "dinkes" || c.Accounts[0].Posts != 2 ||
		strings.Join(c.Silent, ",") != "dindik,dishub" {
		t.Errorf("campaign: %+v", c)
	}

	// Merged shards equal the audit of the whole, coverage included.
	a := runBin(t, root, nil, nil, append(args, "dinkes")...)
	b := runBin(t, root, nil, nil, append(args, "dishub", "dindik")...)
	os.WriteFile(filepath.Join(root, "a.json"), []byte(a.stdout), 0o644)
	os.WriteFile(filepath.Join(root, "b.json"), []byte(b.stdout), 0o644)
	m := runBin(t, root, nil, nil, "audit", "merge", "b.json", "a.json")
	if m.code != 0 || m.stdout != res.stdout {
		t.Errorf("merge: %d %s\nmerged:\n%s\nwhole:\n%s", m.code, m.stderr, m.stdout, res.stdout)
	}

	// The CSV coverage table and the other formats.
	csv := runBin(t, root, nil, nil, "audit", "--format", "csv", "--csv-table", "coverage", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10", ".")
	for _, line := range []string{"table,key,item,posts", "account,dinkes,sehat,2", "campaign,Bulan Imunisasi,dinkes,2", "silent,Bulan Imunisasi,dishub,0", "pillar,(none),,2"} {
		if !strings.Contains(csv.stdout, line+"\n") {
			t.Errorf("coverage CSV lacks %q:\n%s", line, csv.stdout)
		}
	}
	tbl := runBin(t, root, nil, nil, "audit", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10", ".")
	if !strings.Contains(tbl.stdout, "Narasi: unggahan per pilar") || !strings.Contains(tbl.stdout, "diam: dindik, dishub") {
		t.Errorf("table lacks the coverage sections:\n%s", tbl.stdout)
	}
	html := runBin(t, root, nil, nil, "audit", "--format", "html", "--lang", "en", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10", ".")
	for _, s := range []string{"Narrative: posts by pillar and account", `class="n heat"`, "silent</span>: dindik, dishub", "Posts serve the campaign"} {
		if !strings.Contains(html.stdout, s) {
			t.Errorf("HTML lacks %q", s)
		}
	}
	bad := runBin(t, root, nil, nil, "audit", "--csv-table", "coverage", "--month", "2025-10", ".")
	if bad.code != 2 || !strings.Contains(bad.stderr, "--csv-table") {
		t.Errorf("--csv-table without --format csv: %d %q", bad.code, bad.stderr)
	}
}

func fmtMap(m map[string]int) string {
	b, _ := json.Marshal(m)
	s := strings.NewReplacer(`"`, "", "{", "map[", "}", "]", ",", " ").Replace(string(b))
	return s
}

func itoaT(n int) string { b, _ := json.Marshal(n); return string(b) }
