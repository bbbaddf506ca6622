package rules_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/rules"
)

// The real-text evaluation set (testdata/eval-real, see its README.md and
// GUIDE.md): published regional-government passages labelled by hand with
// the wording a plain-language editor would rewrite, labelled before
// selaras was run on them.
//
// The limits below hold the TEST half and the control sets to the levels
// measured when the set was added (recall rounded down by 0.02, false
// alarms rounded up a little; for findings per label see its comment).
// When the detection improves, set them to the new measured level, rounded
// the same conservative way, so that the gain is kept. Never lower a floor
// (or raise a ceiling) to make a change pass: that change made the wording
// checks worse on real text. A wording rule under another name counts once
// its name is added to evalRealRules.
const (
	// evalRealRecallFloor is the least share of the test half's labels that
	// a wording finding must overlap.
	evalRealRecallFloor = 0.24
	// evalRealFindingsPerLabelCeiling is the most wording findings per
	// label on the test half. It is not today's level (0.34): findings per
	// label must rise as recall rises (a check that finds every label
	// reports at least one finding per label), so a ceiling at today's
	// level would fail every improvement. It is the bound the project aims
	// to stay under (1.5); the precision guard at today's level is
	// evalRealTestFalseAlarmCeiling.
	evalRealFindingsPerLabelCeiling = 1.5
	// evalRealTestFalseAlarmCeiling is the most false alarms (wording
	// findings overlapping no label) per 1,000 words on the test half.
	evalRealTestFalseAlarmCeiling = 4.0
	// evalRealPlainGovFalseAlarmCeiling and
	// evalRealConversationalFalseAlarmCeiling are the most false alarms
	// (wording findings overlapping no label) per 1,000 words on the control
	// sets of plainly written government pages and of conversational text.
	evalRealPlainGovFalseAlarmCeiling       = 8.1
	evalRealConversationalFalseAlarmCeiling = 5.0
)

// evalRealKindFloors are the least recall per kind on the test half (the
// measured level rounded down by 0.02, never below 0).
var evalRealKindFloors = map[string]float64{
	"phrase":      0.38,
	"chain":       0.08,
	"loanword":    0.30,
	"form":        0.31,
	"redundancy":  0.00,
	"misspelling": 0.04,
	"name":        0.48,
}

// evalRealRules are the wording rules the set measures, by name: a name no
// rule has yet simply reports nothing, so a new rule counts as soon as it
// is registered under one of these names.
var evalRealRules = []string{"jargon", "term", "spelling"}

// evalRealKinds are the label kinds of GUIDE.md, in report order.
var evalRealKinds = []string{"phrase", "chain", "loanword", "form", "redundancy", "misspelling", "name"}

const evalRealDir = "../testdata/eval-real"

// evalRealLabel is one row of a labels.tsv, located in its file.
type evalRealLabel struct {
	file, kind, span string
	occurrence       int
	start, end       int // byte offsets of the located span; -1 when not found
}

// readEvalRealLabels reads dir/labels.tsv and locates every label in its
// file (the occurrence-th substring occurrence of the span).
func readEvalRealLabels(dir string) ([]evalRealLabel, error) {
	f, err := os.Open(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []evalRealLabel
	sources := map[string]string{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if line == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue // header
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 4 {
			return nil, fmt.Errorf("labels.tsv:%d: %d columns, want at least 4", line, len(cols))
		}
		occ, err := strconv.Atoi(cols[3])
		if err != nil || occ < 1 {
			return nil, fmt.Errorf("labels.tsv:%d: occurrence %q is not a number from 1", line, cols[3])
		}
		l := evalRealLabel{file: cols[0], kind: cols[1], span: cols[2], occurrence: occ, start: -1, end: -1}
		src, ok := sources[l.file]
		if !ok {
			raw, err := os.ReadFile(filepath.Join(dir, l.file))
			if err != nil {
				return nil, fmt.Errorf("labels.tsv:%d: %v", line, err)
			}
			src = string(raw)
			sources[l.file] = src
		}
		if l.span != "" {
			from := 0
			for n := 1; ; n++ {
				i := strings.Index(src[from:], l.span)
				if i < 0 {
					break
				}
				if n == occ {
					l.start, l.end = from+i, from+i+len(l.span)
					break
				}
				from += i + 1
			}
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// readEvalRealDates reads dir/dates.tsv (file, date as YYYY-MM-DD,
// comment), the publication or event date of the passages that show one.
// The harness gives each dated passage that date in front matter, so that
// date-aware rules (an official name that changed in October 2024) judge
// the passage as of its date. A set without dates.tsv has no dates.
func readEvalRealDates(dir string) (map[string]string, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "dates.tsv"))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	dates := map[string]string{}
	for i, line := range strings.Split(string(raw), "\n") {
		if i == 0 || strings.TrimSpace(line) == "" {
			continue // header
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("dates.tsv:%d: want file and date", i+1)
		}
		if _, err := time.Parse("2006-01-02", cols[1]); err != nil {
			return nil, fmt.Errorf("dates.tsv:%d: %v", i+1, err)
		}
		if _, err := os.Stat(filepath.Join(dir, cols[0])); err != nil {
			return nil, fmt.Errorf("dates.tsv:%d: %v", i+1, err)
		}
		dates[cols[0]] = cols[1]
	}
	return dates, nil
}

// evalRealSets are the folders of the set, each with its labels.tsv.
var evalRealSets = []string{"dev", "test", "control/plain-gov", "control/conversational"}

// TestEvalRealLabels checks the labels files: every label names an existing
// passage, a kind of the guide, and a span that occurs at least
// `occurrence` times in it; labels of one file do not overlap; every
// passage has a source.
func TestEvalRealLabels(t *testing.T) {
	kinds := map[string]bool{}
	for _, k := range evalRealKinds {
		kinds[k] = true
	}
	sources, err := os.ReadFile(filepath.Join(evalRealDir, "SOURCES.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range evalRealSets {
		dir := filepath.Join(evalRealDir, set)
		labels, err := readEvalRealLabels(dir)
		if err != nil {
			t.Fatalf("%s: %v", set, err)
		}
		if _, err := readEvalRealDates(dir); err != nil {
			t.Errorf("%s: %v", set, err)
		}
		byFile := map[string][]evalRealLabel{}
		for _, l := range labels {
			if !kinds[l.kind] {
				t.Errorf("%s/%s: kind %q is not one of %v", set, l.file, l.kind, evalRealKinds)
			}
			if l.start < 0 {
				t.Errorf("%s/%s: %s %q occurrence %d cannot be located", set, l.file, l.kind, l.span, l.occurrence)
				continue
			}
			if !evalRealWordEdges(sourceOf(t, dir, l.file), l.start, l.end) {
				t.Errorf("%s/%s: %s %q occurrence %d starts or ends inside a word; label the whole word or fix the occurrence", set, l.file, l.kind, l.span, l.occurrence)
			}
			byFile[l.file] = append(byFile[l.file], l)
		}
		for file, ls := range byFile {
			sort.Slice(ls, func(i, j int) bool { return ls[i].start < ls[j].start })
			for i := 1; i < len(ls); i++ {
				if ls[i].start < ls[i-1].end {
					t.Errorf("%s/%s: labels %q and %q overlap", set, file, ls[i-1].span, ls[i].span)
				}
			}
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Errorf("%s: no passages", set)
		}
		for _, f := range files {
			if !strings.Contains(string(sources), filepath.Base(f)) {
				t.Errorf("%s/%s: no row in SOURCES.md", set, filepath.Base(f))
			}
		}
	}
}

// sourceOf reads a passage (the labels test reads each file a few times;
// the set is small).
func sourceOf(t *testing.T, dir, file string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// evalRealWordEdges reports whether src[start:end] neither begins nor ends
// in the middle of a word, so that an occurrence index cannot silently
// point into a longer word (guna inside Bangunan).
func evalRealWordEdges(src string, start, end int) bool {
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if start > 0 {
		before, _ := utf8.DecodeLastRuneInString(src[:start])
		first, _ := utf8.DecodeRuneInString(src[start:])
		if inWord(before) && inWord(first) {
			return false
		}
	}
	if end < len(src) {
		after, _ := utf8.DecodeRuneInString(src[end:])
		last, _ := utf8.DecodeLastRuneInString(src[:end])
		if inWord(after) && inWord(last) {
			return false
		}
	}
	return true
}

// evalRealScore is what one set measured.
type evalRealScore struct {
	words, labels, findings, falseAlarms int
	found, perKind                       map[string]int // found labels, labels, by kind
	byRule                               map[string]int // wording findings by rule
	missed, alarms                       []string       // for the dev report
}

func (s evalRealScore) recall() float64 {
	n := 0
	for _, v := range s.found {
		n += v
	}
	if s.labels == 0 {
		return 1
	}
	return float64(n) / float64(s.labels)
}

func (s evalRealScore) kindRecall(k string) float64 {
	if s.perKind[k] == 0 {
		return 1
	}
	return float64(s.found[k]) / float64(s.perKind[k])
}

func (s evalRealScore) perLabel() float64 {
	if s.labels == 0 {
		return 0
	}
	return float64(s.findings) / float64(s.labels)
}

func (s evalRealScore) alarmsPerK() float64 {
	if s.words == 0 {
		return 0
	}
	return 1000 * float64(s.falseAlarms) / float64(s.words)
}

// scoreEvalReal runs every rule with the default embedded kit over the
// passages of one set and scores the findings of the wording rules against
// its labels.
func scoreEvalReal(t *testing.T, set string, only map[string]bool) evalRealScore {
	t.Helper()
	dir := filepath.Join(evalRealDir, set)
	labels, err := readEvalRealLabels(dir)
	if err != nil {
		t.Fatalf("%s: %v", set, err)
	}
	if only != nil {
		var kept []evalRealLabel
		for _, l := range labels {
			if only[l.file] {
				kept = append(kept, l)
			}
		}
		labels = kept
	}
	byFile := map[string][]evalRealLabel{}
	for _, l := range labels {
		byFile[l.file] = append(byFile[l.file], l)
	}
	kit, err := (&brandkit.Loader{}).Default()
	if err != nil {
		t.Fatal(err)
	}
	wording := map[string]bool{}
	for _, name := range evalRealRules {
		wording[name] = true
	}
	all, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range all {
		if only == nil || only[filepath.Base(f)] {
			files = append(files, f)
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	dates, err := readEvalRealDates(dir)
	if err != nil {
		t.Fatalf("%s: %v", set, err)
	}
	shift := map[string]int{} // bytes of front matter put before a passage
	inputs := make([]lint.Input, 0, len(files))
	s := evalRealScore{found: map[string]int{}, perKind: map[string]int{}, byRule: map[string]int{}}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s.words += len(strings.Fields(string(raw)))
		if d := dates[filepath.Base(f)]; d != "" {
			front := "+++\ndate = " + d + "\n+++\n"
			shift[filepath.Base(f)] = len(front)
			raw = append([]byte(front), raw...)
		}
		inputs = append(inputs, lint.Input{Path: f, Abs: filepath.Join(abs, filepath.Base(f)), Root: abs, Data: raw})
	}
	eng := &lint.Engine{Rules: rules.Checks(), Kits: &brandkit.Loader{Fixed: kit}, Jobs: 1}
	res := eng.Run(inputs)
	if len(res.Errors) > 0 {
		t.Fatalf("%s: %v", set, res.Errors)
	}
	for _, fr := range res.Files {
		name := filepath.Base(fr.Path)
		ls := byFile[name]
		off := shift[name]
		hit := make([]bool, len(ls))
		for _, f := range fr.Findings {
			if !wording[f.Rule] || f.FileLevel || f.Path != "" {
				continue
			}
			s.findings++
			s.byRule[f.Rule]++
			overlaps := false
			for i, l := range ls {
				if l.start >= 0 && f.Span.Start-off < l.end && l.start < f.Span.End-off {
					hit[i] = true
					overlaps = true
				}
			}
			if !overlaps {
				s.falseAlarms++
				s.alarms = append(s.alarms, fmt.Sprintf("%s:%d %s `%s`", name, f.Line, f.Rule, f.Match))
			}
		}
		for i, l := range ls {
			if hit[i] {
				s.found[l.kind]++
			} else {
				s.missed = append(s.missed, fmt.Sprintf("%s %s `%s`", name, l.kind, l.span))
			}
		}
		delete(byFile, name)
	}
	for name, ls := range byFile { // passages the engine returned nothing for
		for _, l := range ls {
			s.missed = append(s.missed, fmt.Sprintf("%s %s `%s`", name, l.kind, l.span))
		}
	}
	for _, l := range labels {
		s.labels++
		s.perKind[l.kind]++
	}
	sort.Strings(s.missed)
	sort.Strings(s.alarms)
	return s
}

// evalRealSourceKind returns the passages of one set (a "## set/" section
// of SOURCES.md) whose source kind (the table's second column: go.id,
// desa.id, release, news) is kind.
func evalRealSourceKind(t *testing.T, set, kind string) map[string]bool {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(evalRealDir, "SOURCES.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	section := ""
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "## ") {
			section = strings.Fields(line)[1]
			continue
		}
		cells := strings.Split(line, "|")
		if section != set+"/" || len(cells) < 4 {
			continue
		}
		if file := strings.TrimSpace(cells[1]); strings.HasSuffix(file, ".txt") && strings.TrimSpace(cells[2]) == kind {
			out[file] = true
		}
	}
	if len(out) == 0 {
		t.Fatalf("SOURCES.md lists no %s passage of %s", kind, set)
	}
	return out
}

// logEvalReal prints one set's numbers: overall and per kind.
func logEvalReal(t *testing.T, set string, s evalRealScore) {
	t.Helper()
	t.Logf("%s: %d words, %d labels, %d wording findings (%.2f per label), recall %.3f, %d false alarms (%.2f per 1,000 words)",
		set, s.words, s.labels, s.findings, s.perLabel(), s.recall(), s.falseAlarms, s.alarmsPerK())
	var by []string
	for _, name := range evalRealRules {
		by = append(by, fmt.Sprintf("%s %d", name, s.byRule[name]))
	}
	t.Logf("    findings by rule: %s", strings.Join(by, ", "))
	for _, k := range evalRealKinds {
		if s.perKind[k] > 0 {
			t.Logf("    %-11s %3d/%-3d recall %.3f", k, s.found[k], s.perKind[k], s.kindRecall(k))
		}
	}
}

// TestEvalReal runs the default kit over the real-text set and holds the
// test half and the control sets to the limits above. With -v it lists the
// dev half's missed labels and false alarms (tune on those); of the test
// half and the controls it prints counts only.
func TestEvalReal(t *testing.T) {
	for _, name := range evalRealRules {
		if rules.ByName(name) == nil {
			t.Logf("rule %q is not registered yet: it reports nothing", name)
		}
	}
	dev := scoreEvalReal(t, "dev", nil)
	logEvalReal(t, "dev", dev)
	for _, m := range dev.missed {
		t.Logf("    dev missed: %s", m)
	}
	for _, a := range dev.alarms {
		t.Logf("    dev false alarm: %s", a)
	}

	test := scoreEvalReal(t, "test", nil)
	logEvalReal(t, "test", test)
	if r := test.recall(); r < evalRealRecallFloor {
		t.Errorf("test half: recall %.3f is below its floor %.2f", r, evalRealRecallFloor)
	}
	for _, k := range evalRealKinds {
		if r := test.kindRecall(k); r < evalRealKindFloors[k] {
			t.Errorf("test half: %s recall %.3f is below its floor %.2f", k, r, evalRealKindFloors[k])
		}
	}
	if p := test.perLabel(); p > evalRealFindingsPerLabelCeiling {
		t.Errorf("test half: %.2f wording findings per label is above its ceiling %.2f", p, evalRealFindingsPerLabelCeiling)
	}
	if a := test.alarmsPerK(); a > evalRealTestFalseAlarmCeiling {
		t.Errorf("test half: %.2f false alarms per 1,000 words is above its ceiling %.2f", a, evalRealTestFalseAlarmCeiling)
	}

	// The passages from regional-government sites alone (SOURCES.md kind
	// go.id), the closest to what agency posts copy; reported, not held.
	for _, set := range []string{"dev", "test"} {
		s := scoreEvalReal(t, set, evalRealSourceKind(t, set, "go.id"))
		t.Logf("%s, go.id passages only: %d words, %d labels, %d wording findings (%.2f per label), recall %.3f, %d false alarms (%.2f per 1,000 words)",
			set, s.words, s.labels, s.findings, s.perLabel(), s.recall(), s.falseAlarms, s.alarmsPerK())
	}

	for _, c := range []struct {
		set     string
		ceiling float64
	}{
		{"control/plain-gov", evalRealPlainGovFalseAlarmCeiling},
		{"control/conversational", evalRealConversationalFalseAlarmCeiling},
	} {
		s := scoreEvalReal(t, c.set, nil)
		logEvalReal(t, c.set, s)
		if a := s.alarmsPerK(); a > c.ceiling {
			t.Errorf("%s: %.2f false alarms per 1,000 words is above its ceiling %.2f", c.set, a, c.ceiling)
		}
	}
}
