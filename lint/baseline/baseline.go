// Package baseline records the findings a content folder has today, so
// that selaras can be adopted on a backlog: `selaras check` then reports
// only new findings.
//
// A finding is keyed by its file (relative to the baseline's folder,
// slash-separated), its rule, its matched text (case and runs of spaces
// ignored), a hash of the text of its line and one of the lines around
// it (case and spaces ignored too), and its occurrence index among the
// file's findings with all of those equal. Line numbers are not part of
// the key: a finding is matched to a recorded one by the text of its line
// and its neighbours first, then by the text of its line alone (the lines
// around it were edited), and by order only among findings whose lines are
// identical, as code-scanning fingerprints do. So inserting lines above a
// finding does not bring it back, and a new "dalam rangka" written above
// an old one is the one reported. Entries of version 1 files (without line
// hashes) are matched by order among equal matches, as before.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/lint/fix"
)

// FileName is the baseline `check` picks up from the current folder.
const FileName = ".selaras-baseline.json"

// Version is the file format's version: 2 adds the line hashes. Version 1
// files are still read.
const Version = 2

const tool = "selaras"

// Entry is one recorded finding.
type Entry struct {
	Path  string `json:"path"`
	Rule  string `json:"rule"`
	Match string `json:"match"`
	// Text and Context hash the finding's line and the lines before and
	// after it (empty in version 1 files).
	Text       string `json:"text,omitempty"`
	Context    string `json:"context,omitempty"`
	Occurrence int    `json:"occurrence"`
}

// File is a baseline file's content.
type File struct {
	Version int    `json:"version"`
	Tool    string `json:"tool"`
	// Findings are sorted by path, rule, match and occurrence.
	Findings []Entry `json:"findings"`
}

// Rel maps a result's file path to the path recorded in the baseline.
type Rel func(path string) string

// RelTo returns a Rel for a baseline in dir: paths are made absolute
// (abs, when it knows the file, else against the current folder) and then
// relative to dir, with slashes.
func RelTo(dir string, abs func(path string) string) Rel {
	return func(p string) string {
		a := ""
		if abs != nil {
			a = abs(p)
		}
		if a == "" {
			var err error
			if a, err = filepath.Abs(p); err != nil {
				return filepath.ToSlash(p)
			}
		}
		if r, err := filepath.Rel(dir, a); err == nil {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(a)
	}
}

type key struct{ path, rule, match string }

func normalize(match string) string {
	return strings.ToLower(strings.Join(strings.Fields(match), " "))
}

// lineHash identifies a line's text, case and spaces ignored: 16 hex
// digits of its SHA-256 (the baseline records no draft text beyond the
// match).
func lineHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(normalize(p)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// entries lists the findings of fr as entries, with occurrence indexes
// among findings of equal rule, match, line and neighbours.
func entries(fr *lint.FileResult, rel Rel) []Entry {
	p := rel(fr.Path)
	seen := map[Entry]int{}
	out := make([]Entry, 0, len(fr.Findings))
	for _, f := range fr.Findings {
		e := Entry{Path: p, Rule: f.Rule, Match: normalize(f.Match)}
		if f.Line > 0 && !f.FileLevel {
			line := fr.Line(f.Line)
			e.Text = lineHash(line)
			e.Context = lineHash(fr.Line(f.Line-1), line, fr.Line(f.Line+1))
		} else {
			e.Text, e.Context = lineHash(), lineHash()
		}
		e.Occurrence = seen[e]
		seen[e]++
		out = append(out, e)
	}
	return out
}

// legacy is e as a version 1 file keyed it: its occurrence among the
// file's findings of equal rule and match.
func legacyEntries(es []Entry) []Entry {
	seen := map[key]int{}
	out := make([]Entry, len(es))
	for i, e := range es {
		k := key{e.Path, e.Rule, e.Match}
		out[i] = Entry{Path: e.Path, Rule: e.Rule, Match: e.Match, Occurrence: seen[k]}
		seen[k]++
	}
	return out
}

// New records every finding of res.
func New(res *lint.Result, rel Rel) *File {
	b := &File{Version: Version, Tool: tool, Findings: []Entry{}}
	for _, fr := range res.Files {
		b.Findings = append(b.Findings, entries(fr, rel)...)
	}
	b.sort()
	return b
}

func (b *File) sort() {
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Match != y.Match {
			return x.Match < y.Match
		}
		if x.Text != y.Text {
			return x.Text < y.Text
		}
		if x.Context != y.Context {
			return x.Context < y.Context
		}
		return x.Occurrence < y.Occurrence
	})
}

// Merge keeps old's entries for files that were not checked this time
// (checked holds the recorded paths of the checked files) and adds new's:
// recording one folder does not forget the others.
func Merge(old, new *File, checked map[string]bool) *File {
	out := &File{Version: Version, Tool: tool, Findings: append([]Entry{}, new.Findings...)}
	if old != nil {
		for _, e := range old.Findings {
			if !checked[e.Path] {
				out.Findings = append(out.Findings, e)
			}
		}
	}
	out.sort()
	return out
}

// Checked is the set of recorded paths of every file in res.
func Checked(res *lint.Result, rel Rel) map[string]bool {
	m := map[string]bool{}
	for _, fr := range res.Files {
		m[rel(fr.Path)] = true
	}
	return m
}

// Marshal renders the file: indented JSON, one finding per line, so that
// a baseline in version control shows small diffs.
func (b *File) Marshal() []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"tool\": %q,\n  \"findings\": [", b.Version, tool)
	for i, e := range b.Findings {
		line, _ := json.Marshal(e)
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(b.Findings) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	return buf.Bytes()
}

// ErrNotBaseline is returned by Read for a file that is not a selaras
// baseline (so that `baseline write` never overwrites someone's file).
var ErrNotBaseline = errors.New("not a selaras baseline file")

// Read reads a baseline file.
func Read(path string) (*File, error) {
	data, err := readRegular(path)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// maxBaselineBytes bounds a baseline read: about five million findings.
const maxBaselineBytes = 1 << 30

// readRegular reads a regular file (lint.ReadRegular); anything else (a
// named pipe, which would block the read forever, a device, a folder) is
// not a baseline.
func readRegular(path string) ([]byte, error) {
	b, err := lint.ReadRegular(path, maxBaselineBytes)
	if errors.Is(err, lint.ErrNotRegular) {
		return nil, ErrNotBaseline
	}
	return b, err
}

// Parse decodes a baseline file's content.
func Parse(data []byte) (*File, error) {
	var b File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil || b.Tool != tool {
		return nil, ErrNotBaseline
	}
	if b.Version != Version && b.Version != 1 {
		return nil, fmt.Errorf("baseline version %d is not supported (this selaras reads version %d); write it again with selaras baseline write", b.Version, Version)
	}
	return &b, nil
}

// Write writes the baseline atomically. An existing file at path that is
// not a selaras baseline is left alone (ErrNotBaseline).
func (b *File) Write(path string) error {
	if data, err := readRegular(path); err == nil {
		if _, err := Parse(data); errors.Is(err, ErrNotBaseline) {
			return err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return fix.WriteNew(path, b.Marshal(), 0o644)
}

// Stats says what Filter did.
type Stats struct {
	// Baselined is how many findings the baseline hid.
	Baselined int
	// Gone is how many entries for checked files matched no finding: those
	// findings were fixed, and writing the baseline again drops them.
	Gone int
}

// Filter returns res without the findings the baseline records (res itself
// is not changed). Each recorded entry hides at most one finding: first a
// finding on a line of the same text with the same neighbours, then one on
// a line of the same text, then (entries of version 1 files) one of the
// same match by order.
func (b *File) Filter(res *lint.Result, rel Rel) (*lint.Result, Stats) {
	byPath := map[string][]int{}
	for i, e := range b.Findings {
		byPath[e.Path] = append(byPath[e.Path], i)
	}
	used := make([]bool, len(b.Findings))
	var st Stats
	checked := map[string]bool{}
	out := &lint.Result{Errors: res.Errors}
	for _, fr := range res.Files {
		p := rel(fr.Path)
		checked[p] = true
		es := entries(fr, rel)
		hidden := make([]bool, len(es))
		recorded := byPath[p]
		// 1: line and neighbours; the occurrence orders identical ones.
		exact := map[Entry]int{}
		for _, i := range recorded {
			if b.Findings[i].Text != "" {
				exact[b.Findings[i]] = i
			}
		}
		for j, e := range es {
			if i, ok := exact[e]; ok && !used[i] {
				used[i], hidden[j] = true, true
			}
		}
		// 2: the line's text alone, in order.
		type textKey struct{ rule, match, text string }
		byText := map[textKey][]int{}
		for _, i := range recorded {
			if e := b.Findings[i]; e.Text != "" && !used[i] {
				k := textKey{e.Rule, e.Match, e.Text}
				byText[k] = append(byText[k], i)
			}
		}
		for j, e := range es {
			if hidden[j] {
				continue
			}
			k := textKey{e.Rule, e.Match, e.Text}
			if list := byText[k]; len(list) > 0 {
				used[list[0]], hidden[j] = true, true
				byText[k] = list[1:]
			}
		}
		// 3: version 1 entries, by order among equal matches.
		legacy := map[Entry]int{}
		for _, i := range recorded {
			if e := b.Findings[i]; e.Text == "" && !used[i] {
				legacy[e] = i
			}
		}
		if len(legacy) > 0 {
			for j, e := range legacyEntries(es) {
				if i, ok := legacy[e]; ok && !hidden[j] && !used[i] {
					used[i], hidden[j] = true, true
				}
			}
		}
		c := *fr
		c.Findings = nil
		for j, f := range fr.Findings {
			if hidden[j] {
				st.Baselined += 1 + f.More
				continue
			}
			c.Findings = append(c.Findings, f)
		}
		out.Files = append(out.Files, &c)
	}
	for i, e := range b.Findings {
		if checked[e.Path] && !used[i] {
			st.Gone++
		}
	}
	return out, st
}
