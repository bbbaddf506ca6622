package fix

import (
	"fmt"
	"strings"
)

// Context is the number of unchanged lines shown around each change.
const Context = 3

// Unified returns a unified diff from a to b, with @@ hunks and Context
// lines of context, under the names oldName and newName ("--- oldName",
// "+++ newName"): with the file's own path for both, `patch -p0` and
// `git apply -p0` apply it. Lines keep their endings (a CRLF file's diff
// carries CRLF lines); a last line without a line break is marked
// "\ No newline at end of file". It returns "" when a and b are equal.
func Unified(oldName, newName, a, b string) string {
	if a == b {
		return ""
	}
	al, bl := splitLines(a), splitLines(b)
	ops := diffLines(al, bl)
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", header(oldName), header(newName))
	for _, h := range hunks(ops) {
		writeHunk(&sb, ops[h[0]:h[1]])
	}
	return sb.String()
}

// header ends a name that holds a space with a tab, as diff does: patch
// reads a name up to a tab (else up to the first space).
func header(name string) string {
	if strings.Contains(name, " ") {
		return name + "\t"
	}
	return name
}

// splitLines splits s after each "\n", keeping the line endings.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

type opKind byte

const (
	opEqual  opKind = ' '
	opDelete opKind = '-'
	opInsert opKind = '+'
)

// op is one line of the edit script; ai and bi are the 0-based line
// numbers in a and b the op sits at.
type op struct {
	kind   opKind
	line   string
	ai, bi int
}

// diffLines is Myers' O(ND) difference algorithm on lines, after trimming
// the common prefix and suffix (a fix changes a few lines of a draft).
func diffLines(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for i := 0; i < pre; i++ {
		ops = append(ops, op{opEqual, a[i], i, i})
	}
	for _, o := range myers(a[pre:len(a)-suf], b[pre:len(b)-suf]) {
		o.ai += pre
		o.bi += pre
		ops = append(ops, o)
	}
	for i := 0; i < suf; i++ {
		ai, bi := len(a)-suf+i, len(b)-suf+i
		ops = append(ops, op{opEqual, a[ai], ai, bi})
	}
	return ops
}

// maxEdits bounds Myers' search: its trace takes memory quadratic in the
// number of differing lines. Past it (a huge draft changed everywhere), the
// diff falls back to pairing lines (see fallback): still correct, not
// always minimal.
var maxEdits = 1000

func myers(a, b []string) []op {
	n, m := len(a), len(b)
	max := n + m
	if max == 0 {
		return nil
	}
	off := max + 1
	v := make([]int, 2*max+2)
	// trace[d] holds v[-d..d] as it was before step d.
	var trace [][]int
found:
	for d := 0; d <= max; d++ {
		if d > maxEdits {
			return fallback(a, b)
		}
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				break found
			}
		}
	}
	// Walk the trace back from (n, m) to (0, 0).
	var rev []op
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d] // v[d+k] is the furthest x on diagonal k before step d
		k := x - y
		var pk int
		if k == -d || (k != d && v[d+k-1] < v[d+k+1]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := 0
		if d > 0 {
			px = v[d+pk]
		}
		py := px - pk
		for x > px && y > py {
			rev = append(rev, op{opEqual, a[x-1], x - 1, y - 1})
			x--
			y--
		}
		if d > 0 {
			if x == px {
				rev = append(rev, op{opInsert, b[y-1], x, y - 1})
			} else {
				rev = append(rev, op{opDelete, a[x-1], x - 1, y})
			}
		}
		x, y = px, py
	}
	ops := make([]op, len(rev))
	for i, o := range rev {
		ops[len(rev)-1-i] = o
	}
	return ops
}

// fallback is the edit script when Myers' search is too costly: with as
// many lines on both sides (fixes rarely add lines), line i is paired with
// line i; otherwise every line is replaced. Runs of changed lines are
// written as their deletions, then their insertions.
func fallback(a, b []string) []op {
	var ops []op
	if len(a) != len(b) {
		for i, l := range a {
			ops = append(ops, op{opDelete, l, i, 0})
		}
		for i, l := range b {
			ops = append(ops, op{opInsert, l, len(a), i})
		}
		return ops
	}
	for i := 0; i < len(a); {
		if a[i] == b[i] {
			ops = append(ops, op{opEqual, a[i], i, i})
			i++
			continue
		}
		j := i
		for j < len(a) && a[j] != b[j] {
			j++
		}
		for k := i; k < j; k++ {
			ops = append(ops, op{opDelete, a[k], k, i})
		}
		for k := i; k < j; k++ {
			ops = append(ops, op{opInsert, b[k], j, k})
		}
		i = j
	}
	return ops
}

// hunks groups the ops into [start, end) ranges: each change with Context
// equal lines around it; changes closer than 2*Context share a hunk.
func hunks(ops []op) [][2]int {
	var out [][2]int
	for i := 0; i < len(ops); {
		if ops[i].kind == opEqual {
			i++
			continue
		}
		start := max(0, i-Context)
		end := i
		for end < len(ops) {
			if ops[end].kind != opEqual {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == opEqual {
				run++
			}
			if run == len(ops) || run-end > 2*Context {
				end = min(end+Context, len(ops))
				break
			}
			end = run
		}
		out = append(out, [2]int{start, end})
		i = end
	}
	return out
}

func writeHunk(sb *strings.Builder, ops []op) {
	var aLen, bLen int
	aStart, bStart := ops[0].ai, ops[0].bi
	for _, o := range ops {
		if o.kind != opInsert {
			aLen++
		}
		if o.kind != opDelete {
			bLen++
		}
	}
	fmt.Fprintf(sb, "@@ -%s +%s @@\n", rangeOf(aStart, aLen), rangeOf(bStart, bLen))
	for _, o := range ops {
		sb.WriteByte(byte(o.kind))
		sb.WriteString(o.line)
		if !strings.HasSuffix(o.line, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// rangeOf renders a hunk range: 1-based start, and the length unless it is
// one; an empty range names the line before it.
func rangeOf(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
