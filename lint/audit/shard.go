package audit

import (
	"fmt"
	"hash/fnv"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Shard is the share of an archive one worker audits: shard K of N
// (1 ≤ K ≤ N), chosen by a stable hash of each post's account (so that
// every account lands whole in one shard) or of its path. The zero Shard
// audits everything.
type Shard struct {
	K  int    `json:"k"`
	N  int    `json:"n"`
	By string `json:"by"` // "account" or "path"
}

// ShardBy are the keys a shard can be chosen by, the default first.
var ShardBy = []string{"account", "path"}

// ParseShard reads "K/N". An index from the environment (zero-based, as
// Kubernetes Indexed Jobs and CI matrices give it) replaces K when env is
// set; then spec may be "N" alone.
func ParseShard(spec, by, env string) (Shard, error) {
	if spec == "" && env == "" {
		return Shard{}, nil
	}
	if by == "" {
		by = ShardBy[0]
	}
	if by != "account" && by != "path" {
		return Shard{}, errf("--shard-by %q: pakai account atau path", "--shard-by %q: use account or path", by)
	}
	kText, nText, hasK := strings.Cut(spec, "/")
	if !hasK {
		kText, nText = "", spec
	}
	n, err := strconv.Atoi(nText)
	if err != nil || n < 1 {
		return Shard{}, errf("--shard %q: tulis K/N dengan 1 ≤ K ≤ N, misalnya 3/16", "--shard %q: write K/N with 1 ≤ K ≤ N, for example 3/16", spec)
	}
	var k int
	switch {
	case env != "":
		v, ok := os.LookupEnv(env)
		idx, err := strconv.Atoi(strings.TrimSpace(v))
		if !ok || err != nil || idx < 0 || idx >= n {
			return Shard{}, errf("--shard-index-env %s: variabel itu harus berisi indeks 0..%d (berbasis nol), berisi %q",
				"--shard-index-env %s: the variable must hold an index 0..%d (zero-based), it holds %q", env, n-1, v)
		}
		k = idx + 1
	case hasK:
		k, err = strconv.Atoi(kText)
		if err != nil || k < 1 || k > n {
			return Shard{}, errf("--shard %q: tulis K/N dengan 1 ≤ K ≤ N, misalnya 3/16", "--shard %q: write K/N with 1 ≤ K ≤ N, for example 3/16", spec)
		}
	default:
		return Shard{}, errf("--shard %q: tulis K/N, atau N saja bersama --shard-index-env", "--shard %q: write K/N, or N alone with --shard-index-env", spec)
	}
	return Shard{K: k, N: n, By: by}, nil
}

// On reports whether the shard takes a post with this account and path.
// Keys are hashed with FNV-1a, which is the same on every machine and in
// every version, so that workers agree without talking to each other.
func (s Shard) On(account, path string) bool {
	if s.N <= 1 {
		return true
	}
	key := account
	if s.By == "path" {
		key = path
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64()%uint64(s.N)) == s.K-1
}

// String is "K/N by KEY".
func (s Shard) String() string { return fmt.Sprintf("%d/%d (%s)", s.K, s.N, s.By) }

// checkShards decides whether reports can be merged as the shards of one
// audit: all or none are shards; the shards share N, key, period (checked
// by Merge), selaras version and kits; each K appears once, and all of
// 1..N are there. With partial, a missing or mixed set merges anyway and
// the missing shards are returned.
func checkShards(reps []*Report, names []string, partial bool) (missing []int, err error) {
	var first = -1
	for i, r := range reps {
		if r.Shard != nil {
			first = i
			break
		}
	}
	if first < 0 {
		return nil, nil // not shards: a merge of parts, as before
	}
	ref := reps[first]
	byK := map[int]string{}
	for i, r := range reps {
		if r.Shard == nil {
			if partial {
				continue
			}
			return nil, errf("%s bukan bagian dari audit --shard, sedangkan %s adalah bagian %s; gabungkan bagian-bagian satu audit saja (atau --partial)",
				"%s is not a shard of an --shard audit, while %s is shard %s; merge the shards of one audit only (or --partial)",
				names[i], names[first], ref.Shard)
		}
		if r.Shard.N != ref.Shard.N || r.Shard.By != ref.Shard.By {
			return nil, errf("%s adalah bagian %s, %s bagian %s: jumlah atau kunci bagian berbeda",
				"%s is shard %s, %s is shard %s: the number of shards or their key differ", names[i], r.Shard, names[first], ref.Shard)
		}
		if prev, dup := byK[r.Shard.K]; dup {
			return nil, errf("bagian %d/%d diberikan dua kali: %s dan %s", "shard %d/%d is given twice: %s and %s", r.Shard.K, r.Shard.N, prev, names[i])
		}
		byK[r.Shard.K] = names[i]
		if !partial && (r.Selaras != ref.Selaras || strings.Join(r.Kits, "\x00") != strings.Join(ref.Kits, "\x00") && len(r.Kits) > 0 && len(ref.Kits) > 0) {
			return nil, errf("%s dibuat dengan selaras %q dan kit %q, %s dengan %q dan %q: jalankan semua bagian dengan versi dan kit yang sama (atau --partial)",
				"%s was made by selaras %q with kits %q, %s by %q with %q: run every shard with the same version and kit (or --partial)",
				names[i], r.Selaras, strings.Join(r.Kits, ", "), names[first], ref.Selaras, strings.Join(ref.Kits, ", "))
		}
	}
	for k := 1; k <= ref.Shard.N; k++ {
		if _, ok := byK[k]; !ok {
			missing = append(missing, k)
		}
	}
	sort.Ints(missing)
	if len(missing) > 0 && !partial {
		return nil, errf("bagian yang hilang dari %d: %s; gabungkan semuanya, atau pakai --partial untuk laporan sebagian",
			"shards missing of %d: %s; merge them all, or use --partial for a partial report", ref.Shard.N, joinInts(missing))
	}
	return missing, nil
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}
