package brandkit

import "strings"

// Nearest is the candidate closest to a mistyped name, compared without
// case: at most two edits away and fewer than half of the candidate's
// length (the rule `selaras` uses for mistyped options), or "" when none is
// that close. Ties go to the earlier candidate.
func Nearest(name string, candidates []string) string {
	best, bestD := "", 3
	low := strings.ToLower(name)
	for _, c := range candidates {
		if d := EditDistance(low, strings.ToLower(c)); d < bestD && 2*d < len(c) {
			best, bestD = c, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance of a and b, in bytes (keys and
// option names are ASCII). Names longer than 64 bytes are not compared: no
// key is that long, and a hostile name must not cost its length squared.
func EditDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
