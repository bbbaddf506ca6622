package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/selaras/selaras/lint/audit"
)

// shardArchive generates a month of posts of twelve accounts (drafts under
// each account's folder, and a CSV export with some unreadable rows), with
// captions reused across accounts so that duplicates span shards, and
// posts outside the period.
func shardArchive(t *testing.T, perAccount int) string {
	root := t.TempDir()
	var kit strings.Builder
	kit.WriteString("[kit]\nname = \"Uji Shard\"\n\n[hashtags]\nrequired = [\"#BantenMaju\"]\n\n[narrative]\npillars = [ { id = \"sehat\", keywords = [\"puskesmas\"] } ]\n\n[[campaigns]]\nname = \"Sehat\"\nhashtags = [\"#Sehat\"]\nfrom = 2025-10-01\nuntil = 2025-10-10\n")
	files := map[string]string{}
	topics := []string{
		"Layanan puskesmas buka sampai pukul 20.00 selama bulan ini. Ada pertanyaan? #Sehat",
		"Dalam rangka HUT provinsi, kami mengundang warga ke alun-alun. Siapa ikut? #BantenMaju",
		"Perbaikan jalan ruas utara selesai lebih cepat. Ada masukan? #BantenMaju",
		"Pendaftaran beasiswa dibuka sampai akhir bulan bagi pelajar. Siapa ikut?",
	}
	for a := 1; a <= 12; a++ {
		acc := fmt.Sprintf("acc%02d", a)
		fmt.Fprintf(&kit, "\n[accounts.%s]\npaths = [\"%s/**\"]\n", acc, acc)
		for i := 0; i < perAccount; i++ {
			day := 1 + (i*7+a)%34 // some in November: outside the period
			date := fmt.Sprintf("2025-10-%02d", day)
			if day > 31 {
				date = fmt.Sprintf("2025-11-%02d", day-31)
			}
			body := topics[(i+a)%len(topics)]
			if i%5 != 0 {
				body = fmt.Sprintf("Kabar %s nomor %d dari %s untuk warga. %s", date, i, acc, body)
			}
			files[fmt.Sprintf("%s/%03d.md", acc, i)] = post(date, "", body)
		}
	}
	files["selaras.toml"] = kit.String()
	var csv strings.Builder
	csv.WriteString("Post ID,Page name,Description,Publish time,Permalink\n")
	for i := 0; i < perAccount; i++ {
		when := fmt.Sprintf("10/%02d/2025 09:00", 1+i%28)
		if i%17 == 0 {
			when = "kemarin" // unreadable: skipped with its row number
		}
		fmt.Fprintf(&csv, "%d,acc%02d,\"Imunisasi gratis di puskesmas pekan ini nomor %d. Ada pertanyaan?\",%s,https://www.facebook.com/p/%d\n", i, 1+i%12, i%9, when, i)
	}
	files["exports/meta.csv"] = csv.String()
	auditWrite(t, root, files)
	return root
}

// runShards runs the shards as parallel processes, as a batch engine would.
func runShards(t *testing.T, root string, n int, by string, args []string) []string {
	names := make([]string, n)
	errs := make([]string, n)
	var wg sync.WaitGroup
	for k := 1; k <= n; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			cmd := exec.Command(selarasBin, append(append([]string{}, args...), "--shard", fmt.Sprintf("%d/%d", k, n), "--shard-by", by, ".")...)
			cmd.Dir = root
			var out, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &stderr
			if err := cmd.Run(); err != nil {
				errs[k-1] = fmt.Sprintf("shard %d/%d: %v %s", k, n, err, stderr.String())
				return
			}
			names[k-1] = filepath.Join(root, fmt.Sprintf("shard-%s-%d-of-%d.json", by, k, n))
			if err := os.WriteFile(names[k-1], out.Bytes(), 0o644); err != nil {
				errs[k-1] = err.Error()
			}
		}(k)
	}
	wg.Wait()
	for _, e := range errs {
		if e != "" {
			t.Fatal(e)
		}
	}
	return names
}

func TestAuditShardsMergeToWhole(t *testing.T) {
	root := shardArchive(t, shardPostsPerAccount)
	args := []string{"audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10"}
	whole := runBin(t, root, nil, nil, append(args, ".")...)
	if whole.code != 0 {
		t.Fatalf("whole audit: %d %s", whole.code, whole.stderr)
	}
	if r := decodeAudit(t, whole.stdout); r.Posts < 10*shardPostsPerAccount || len(r.Duplicates) == 0 {
		t.Fatalf("the archive should have many posts and duplicates across accounts: %d posts, %d duplicate groups", r.Posts, len(r.Duplicates))
	}
	for _, by := range []string{"account", "path"} {
		for _, n := range []int{1, 2, 7, 16} {
			names := runShards(t, root, n, by, args)
			m := runBin(t, root, nil, nil, append([]string{"audit", "merge"}, names...)...)
			if m.code != 0 {
				t.Fatalf("%s, %d shards: merge: %d %s", by, n, m.code, m.stderr)
			}
			if m.stdout != whole.stdout {
				t.Errorf("%s, %d shards: the merge differs from the audit of the whole (%d and %d bytes)", by, n, len(m.stdout), len(whole.stdout))
			}
			if n == 7 && by == "account" {
				checkShardReports(t, root, names)
			}
		}
	}
}

// checkShardReports: each shard records itself, accounts land whole in one
// shard, and merge refuses missing, doubled or mixed inputs.
func checkShardReports(t *testing.T, root string, names []string) {
	owner := map[string]int{}
	for k, name := range names {
		b, _ := os.ReadFile(name)
		var rec struct{ Shard *audit.Shard }
		if err := json.Unmarshal(b, &rec); err != nil || rec.Shard == nil || *rec.Shard != (audit.Shard{K: k + 1, N: 7, By: "account"}) {
			t.Errorf("%s does not record its shard: %+v %v", name, rec.Shard, err)
		}
		for _, a := range decodeAudit(t, string(b)).Accounts {
			if prev, ok := owner[a.Account]; ok {
				t.Errorf("account %s is in shards %d and %d", a.Account, prev, k+1)
			}
			owner[a.Account] = k + 1
		}
	}
	missing := runBin(t, root, nil, nil, append([]string{"audit", "merge", "--lang", "en"}, names[:5]...)...)
	if missing.code != 2 || !strings.Contains(missing.stderr, "shards missing of 7: 6, 7") {
		t.Errorf("missing shards: %d %q", missing.code, missing.stderr)
	}
	doubled := runBin(t, root, nil, nil, append([]string{"audit", "merge", "--lang", "en"}, append(names, names[2])...)...)
	if doubled.code != 2 || !strings.Contains(doubled.stderr, "shard 3/7 is given twice") {
		t.Errorf("doubled shard: %d %q", doubled.code, doubled.stderr)
	}
	partial := runBin(t, root, nil, nil, append([]string{"audit", "merge", "--partial"}, names[:5]...)...)
	var p struct {
		Partial       bool
		MissingShards []int `json:"missing_shards"`
	}
	json.Unmarshal([]byte(partial.stdout), &p)
	if partial.code != 0 || !p.Partial || fmt.Sprint(p.MissingShards) != "[6 7]" {
		t.Errorf("--partial: %d %q", partial.code, partial.stderr)
	}
	whole := runBin(t, root, nil, nil, "audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10", "acc01")
	os.WriteFile(filepath.Join(root, "plain.json"), []byte(whole.stdout), 0o644)
	mixed := runBin(t, root, nil, nil, "audit", "merge", "--lang", "en", names[0], filepath.Join(root, "plain.json"))
	if mixed.code != 2 || !strings.Contains(mixed.stderr, "is not a shard") {
		t.Errorf("mixed inputs: %d %q", mixed.code, mixed.stderr)
	}
}

func TestAuditShardUsage(t *testing.T) {
	dir := t.TempDir()
	for _, bad := range [][]string{{"--shard", "0/4"}, {"--shard", "5/4"}, {"--shard", "a/b"}, {"--shard", "4"}, {"--shard", "1/4", "--shard-by", "tanggal"}} {
		res := runBin(t, dir, nil, nil, append([]string{"audit", "--month", "2025-10"}, append(bad, ".")...)...)
		if res.code != 2 || strings.Count(res.stderr, "\n") != 1 || !strings.Contains(res.stderr, "--shard") {
			t.Errorf("%v: %d %q", bad, res.code, res.stderr)
		}
	}
	// The index from the environment is zero-based.
	root := shardArchive(t, 3)
	env := runBin(t, root, nil, []string{"JOB_COMPLETION_INDEX=2"}, "audit", "--format", "json", "--no-cache", "--month", "2025-10", "--shard", "4", "--shard-index-env", "JOB_COMPLETION_INDEX", ".")
	var rec struct{ Shard *audit.Shard }
	json.Unmarshal([]byte(env.stdout), &rec)
	if env.code != 0 || rec.Shard == nil || *rec.Shard != (audit.Shard{K: 3, N: 4, By: "account"}) {
		t.Errorf("--shard-index-env: %d %q %.200s", env.code, env.stderr, env.stdout)
	}
	res := runBin(t, root, nil, []string{"JOB_COMPLETION_INDEX=4"}, "audit", "--month", "2025-10", "--shard", "4", "--shard-index-env", "JOB_COMPLETION_INDEX", ".")
	if res.code != 2 || !strings.Contains(res.stderr, "JOB_COMPLETION_INDEX") {
		t.Errorf("index out of range: %d %q", res.code, res.stderr)
	}
}

func TestAuditOutputFile(t *testing.T) {
	root := shardArchive(t, 2)
	args := []string{"audit", "--format", "json", "--no-cache", "--tz", "Asia/Jakarta", "--month", "2025-10", "--lang", "en"}
	out := filepath.Join(root, "report.json")
	res := runBin(t, root, nil, nil, append(args, "--output", out, ".")...)
	if res.code != 0 || res.stdout != "" {
		t.Fatalf("--output: %d %q %q", res.code, res.stdout, res.stderr)
	}
	first, _ := os.ReadFile(out)
	if whole := runBin(t, root, nil, nil, append(args, ".")...); whole.stdout != string(first) {
		t.Error("the file differs from the report on standard output")
	}
	// Its own earlier report is replaced; anything else is kept.
	if res := runBin(t, root, nil, nil, append(args, "--output", out, ".")...); res.code != 0 {
		t.Errorf("replacing an earlier report: %d %q", res.code, res.stderr)
	}
	notes := filepath.Join(root, "catatan.json")
	os.WriteFile(notes, []byte(`{"mine": true}`), 0o644)
	res = runBin(t, root, nil, nil, append(args, "--output", notes, ".")...)
	if b, _ := os.ReadFile(notes); res.code != 2 || string(b) != `{"mine": true}` || !strings.Contains(res.stderr, "not a selaras report") {
		t.Errorf("a file selaras did not write: %d %q, now %q", res.code, res.stderr, b)
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".selaras-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}
