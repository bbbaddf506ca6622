package audit

import (
	"sort"
	"strconv"

	"github.com/selaras/selaras/lint"
)

// findDuplicates groups posts that reuse an image (perceptual hashes within
// imageDistance) or a near-identical caption (MinHash similarity at least
// captionSimilar). In each group the earliest post is the original; every
// other post gets a finding naming it (info unless its kit says otherwise;
// a post whose kit switched the rule off is not compared at all). Images
// within one post are not compared with each other. It returns the groups
// and the findings of the posts that reuse.
func findDuplicates(posts []Post) (dups []Duplicate, findings []Finding) {
	order := make([]int, len(posts))
	for i := range order {
		order[i] = i
	}
	// Earliest first, then by path: the first of a group is the original.
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := posts[order[a]], posts[order[b]]
		if pa.Date != pb.Date {
			return pa.Date < pb.Date
		}
		return pa.Path < pb.Path
	})
	rank := make([]int, len(posts))
	for r, i := range order {
		rank[i] = r
	}

	// Images: union-find over image entries; candidates share at least one
	// of the hash's eight bytes exactly (with at most 6 differing bits, one
	// byte of 8 is untouched), so not every pair is compared.
	type img struct {
		post int
		path string
		hash uint64
		luma int
	}
	var imgs []img
	for i, p := range posts {
		if _, on := dupSeverity(p, RuleDupImage); !on {
			continue // its kit switched the rule off: not compared at all
		}
		for _, s := range p.Images {
			h, err := strconv.ParseUint(s.DHash, 16, 64)
			if err != nil {
				continue
			}
			imgs = append(imgs, img{post: i, path: s.Path, hash: h, luma: s.Luma})
		}
	}
	uf := newUnionFind(len(imgs))
	buckets := map[[2]uint64][]int{}
	for i, im := range imgs {
		for k := 0; k < 8; k++ {
			key := [2]uint64{uint64(k), (im.hash >> (8 * k)) & 0xff}
			buckets[key] = append(buckets[key], i)
		}
	}
	for _, list := range buckets {
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				x, y := imgs[list[a]], imgs[list[b]]
				if x.post == y.post || uf.find(list[a]) == uf.find(list[b]) {
					continue
				}
				if popcount(x.hash^y.hash) <= imageDistance && abs(x.luma-y.luma) <= lumaDistance {
					uf.union(list[a], list[b])
				}
			}
		}
	}
	groups := map[int][]int{}
	for i := range imgs {
		groups[uf.find(i)] = append(groups[uf.find(i)], i)
	}
	for _, g := range groups {
		postSet := map[int]string{} // post -> its image in the group
		var paths []string
		for _, i := range g {
			if _, ok := postSet[imgs[i].post]; !ok {
				postSet[imgs[i].post] = imgs[i].path
			}
			paths = append(paths, imgs[i].path)
		}
		if len(postSet) < 2 {
			continue
		}
		members := sortedMembers(postSet, rank)
		d := Duplicate{Kind: "image", Images: uniqSorted(paths)}
		orig := posts[members[0]]
		for n, pi := range members {
			p := posts[pi]
			d.Posts = append(d.Posts, p.Path)
			if n == 0 {
				continue
			}
			findings = append(findings, dupFinding(p, RuleDupImage, postSet[pi], orig.Path, lint.Tf(
				"gambar %s sudah dipakai di unggahan %s; pakai gambar baru atau sebut bahwa ini unggahan ulang",
				"image %s was already used in post %s; use a new picture or say it is a repost",
				postSet[pi], orig.Path)))
		}
		dups = append(dups, d)
	}

	// Captions: MinHash with banding (16 bands of 4 slots) for candidates,
	// then the signature similarity decides.
	sigs := make([][]uint32, len(posts))
	for i, p := range posts {
		if _, on := dupSeverity(p, RuleDupCaption); on && p.Caption != "" {
			sigs[i], _ = decodeSig(p.Caption)
		}
	}
	cuf := newUnionFind(len(posts))
	// Equal signatures are joined at once; only one of them takes part in
	// the banding.
	first := map[string]int{}
	const rows = 4
	cbuckets := map[[2]uint64][]int{}
	for i, s := range sigs {
		if s == nil {
			continue
		}
		if f, ok := first[posts[i].Caption]; ok {
			cuf.union(f, i)
			continue
		}
		first[posts[i].Caption] = i
		for band := 0; band < minhashSize/rows; band++ {
			var k uint64
			for _, v := range s[band*rows : band*rows+rows] {
				k = k*0x100000001b3 ^ uint64(v)
			}
			key := [2]uint64{uint64(band), k}
			cbuckets[key] = append(cbuckets[key], i)
		}
	}
	// Within a bucket, every post is compared with the first
	// bucketHead posts of the bucket (all pairs in a small bucket), so a
	// band shared by thousands of templated captions costs linear time.
	const bucketHead = 32
	for _, list := range cbuckets {
		for b := 1; b < len(list); b++ {
			for a := 0; a < min(b, bucketHead); a++ {
				i, j := list[a], list[b]
				if cuf.find(i) == cuf.find(j) {
					continue
				}
				if similarity(sigs[i], sigs[j]) >= captionSimilar {
					cuf.union(i, j)
				}
			}
		}
	}
	cgroups := map[int][]int{}
	for i, s := range sigs {
		if s != nil {
			cgroups[cuf.find(i)] = append(cgroups[cuf.find(i)], i)
		}
	}
	for _, g := range cgroups {
		if len(g) < 2 {
			continue
		}
		set := map[int]string{}
		for _, i := range g {
			set[i] = ""
		}
		members := sortedMembers(set, rank)
		// The group's similarity: the lowest of each post's to the original.
		low := 1.0
		for _, pi := range members[1:] {
			low = min(low, similarity(sigs[members[0]], sigs[pi]))
		}
		d := Duplicate{Kind: "caption", Similarity: round2(low)}
		orig := posts[members[0]]
		for n, pi := range members {
			p := posts[pi]
			d.Posts = append(d.Posts, p.Path)
			if n == 0 {
				continue
			}
			pct := int(similarity(sigs[members[0]], sigs[pi])*100 + 0.5)
			findings = append(findings, dupFinding(p, RuleDupCaption, "", orig.Path, lint.Tf(
				"keterangan hampir sama (%d%%) dengan unggahan %s; tulis ulang untuk akun dan pembaca ini",
				"caption nearly identical (%d%%) to post %s; write it again for this account and its readers",
				pct, orig.Path)))
		}
		dups = append(dups, d)
	}
	sort.Slice(dups, func(i, j int) bool {
		if dups[i].Kind != dups[j].Kind {
			return dups[i].Kind > dups[j].Kind // image before caption
		}
		return dups[i].Posts[0] < dups[j].Posts[0]
	})
	return dups, findings
}

func dupFinding(p Post, rule, path, original string, msg lint.Text) Finding {
	if path == "" {
		path = p.Path
	}
	sev, _ := dupSeverity(p, rule) // a post whose kit switched rule off is not compared
	return Finding{Post: p.Path, Path: path, Account: p.Account, Date: p.Date, Rule: rule,
		Severity: sev, Messages: msg, Match: original, Suggestions: []string{}}
}

func sortedMembers(set map[int]string, rank []int) []int {
	out := make([]int, 0, len(set))
	for i := range set {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool { return rank[out[a]] < rank[out[b]] })
	return out
}

type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra < rb {
		u[rb] = ra
	} else if rb < ra {
		u[ra] = rb
	}
}

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
