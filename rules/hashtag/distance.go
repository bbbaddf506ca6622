package hashtag

import "unicode"

// distance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of two neighbours, each
// counting 1), over runes. It stops early and returns limit+1 once the
// distance is sure to exceed limit.
// scratch, when long enough (3*(len(b)+1)), saves an allocation.
func distance(a, b []rune, limit int, scratch []int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	// A common prefix and suffix cost nothing: tags of one kit share a lot
	// ("...Banten"), so the table shrinks to the part that differs.
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return min(max(len(a), len(b)), limit+1)
	}
	// Three rows: the one before the previous (for swaps), previous, current.
	n := len(b)
	rows := scratch
	if len(rows) < 3*(n+1) {
		rows = make([]int, 3*(n+1))
	}
	prev2, prev, cur := rows[:n+1], rows[n+1:2*(n+1)], rows[2*(n+1):]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[n], limit+1)
}

// maxEdits is how many edits still make a tag of n characters (without
// '#') a typo of another: none for short tags, where one letter turns a
// tag into another word (#Lebak, #Lebah), one up to 13 characters, two
// from 14 on.
func maxEdits(n int) int {
	switch {
	case n <= 5:
		return 0
	case n <= 13:
		return 1
	}
	return 2
}

// digitsOnlyDiffer reports whether a and b differ only in a run of digits
// (#HUTBanten25 and #HUTBanten26, #BantenMaju and #BantenMaju2025): a
// different edition or year, not a misspelling.
func digitsOnlyDiffer(a, b []rune) bool {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	ea, eb := len(a), len(b)
	for ea > i && eb > i && a[ea-1] == b[eb-1] {
		ea--
		eb--
	}
	if ea == i && eb == i {
		return false // equal
	}
	for _, r := range a[i:ea] {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	for _, r := range b[i:eb] {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// twoNeighboursReplaced reports whether a and b have the same length and differ
// in exactly two neighbouring places that are not a swap of each other
// (#DinsosBantenSehat, #DinkesBantenSehat): two letters replaced side by
// side make another word far more often than a typo does.
func twoNeighboursReplaced(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	first, n := -1, 0
	for i := range a {
		if a[i] != b[i] {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	return n == 2 && a[first+1] != b[first+1] && !(a[first] == b[first+1] && a[first+1] == b[first])
}
