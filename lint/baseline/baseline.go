// Package baseline records the findings a content folder has today, so
// that selaras can be adopted on a backlog: `selaras check` then reports
// only new findings.
//
// A finding is keyed by its file (relative to the baseline's folder,
// slash-separated), its rule, its matched text (case and runs of spaces
// ignored) and its occurrence index among the file's findings with the
// same rule and text, in text order. Line numbers are not part of the key,
// so editing other parts of a file (inserting lines above a finding) does
// not bring baselined findings back; a third "dalam rangka" in a file that
// had two is reported.
package baseline

import (
	"bytes"
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

// Version is the file format's version.
const Version = 1

const tool = "selaras"

// Entry is one recorded finding.
type Entry struct {
	Path       string `json:"path"`
	Rule       string `json:"rule"`
	Match      string `json:"match"`
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

// entries lists the findings of fr as entries, with occurrence indexes.
func entries(fr *lint.FileResult, rel Rel) []Entry {
	p := rel(fr.Path)
	seen := map[key]int{}
	out := make([]Entry, 0, len(fr.Findings))
	for _, f := range fr.Findings {
		k := key{p, f.Rule, normalize(f.Match)}
		out = append(out, Entry{Path: p, Rule: f.Rule, Match: k.match, Occurrence: seen[k]})
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
	if b.Version != Version {
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
// is not changed).
func (b *File) Filter(res *lint.Result, rel Rel) (*lint.Result, Stats) {
	known := map[Entry]bool{}
	for _, e := range b.Findings {
		known[e] = true
	}
	var st Stats
	used := map[Entry]bool{}
	checked := map[string]bool{}
	out := &lint.Result{Errors: res.Errors}
	for _, fr := range res.Files {
		es := entries(fr, rel)
		checked[rel(fr.Path)] = true
		c := *fr
		c.Findings = nil
		for i, f := range fr.Findings {
			if known[es[i]] {
				used[es[i]] = true
				st.Baselined++
				continue
			}
			c.Findings = append(c.Findings, f)
		}
		out.Files = append(out.Files, &c)
	}
	for _, e := range b.Findings {
		if checked[e.Path] && !used[e] {
			st.Gone++
		}
	}
	return out, st
}
