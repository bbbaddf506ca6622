package audit

import (
	"encoding/json"
	"iter"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/selaras/selaras/lint"
)

// A month's audit finds tens of thousands of findings, each with its
// messages in two languages: held in memory until the report prints, they
// were most of the audit's peak. The auditor writes each post's findings
// to a temporary file as the post is done and keeps only a tally per
// rule; the report reads them back one post at a time while it prints.
// When no temporary file can be made, or writing one fails, the findings
// stay in memory: the report is the same either way.

// spillFile is the temporary file. On Unix it is unlinked at once, so it
// vanishes with the process however the process ends.
type spillFile struct {
	f      *os.File
	name   string // still to remove at Close (where unlinking an open file fails)
	off    int64
	failed bool
}

// newSpill makes the file in dir, else in the temporary folder. The
// auditor passes the cache folder: it is on disk, while the temporary
// folder is often a tmpfs, where the file would take memory after all.
func newSpill(dir string) *spillFile {
	var f *os.File
	if dir != "" && os.MkdirAll(dir, 0o755) == nil {
		f, _ = os.CreateTemp(dir, ".selaras-audit-*.json")
	}
	if f == nil {
		var err error
		if f, err = os.CreateTemp("", "selaras-audit-*.json"); err != nil {
			return nil
		}
	}
	s := &spillFile{f: f}
	if os.Remove(f.Name()) != nil {
		s.name = f.Name()
	}
	return s
}

// put writes b and says where it went; ok is false once a write failed.
func (s *spillFile) put(b []byte) (at int64, ok bool) {
	if s == nil || s.failed {
		return 0, false
	}
	n, err := s.f.Write(b)
	at = s.off
	s.off += int64(n)
	if err != nil {
		s.failed = true
		return 0, false
	}
	return at, true
}

func (s *spillFile) read(at int64, n int32) ([]byte, error) {
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, at); err != nil {
		return nil, err
	}
	return b, nil
}

func (s *spillFile) close() {
	if s == nil {
		return
	}
	s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
}

// ruleTally counts one rule's findings in one post by severity.
type ruleTally struct {
	Rule string   `json:"rule"`
	Sev  [3]int32 `json:"sev"` // error, warning, info
}

func sevIndex(s string) int {
	switch lint.Severity(s) {
	case lint.Error:
		return 0
	case lint.Warning:
		return 1
	}
	return 2
}

func addTally(ts []ruleTally, fs []Finding) []ruleTally {
	for _, f := range fs {
		i := 0
		for i < len(ts) && ts[i].Rule != f.Rule {
			i++
		}
		if i == len(ts) {
			ts = append(ts, ruleTally{Rule: f.Rule})
		}
		ts[i].Sev[sevIndex(f.Severity)]++
	}
	return ts
}

// addPost adds an audited post with its findings as JSON (an entry's
// Findings: no post path, account or date) and their tally.
func (r *Report) addPost(p Post, findings json.RawMessage, tally []ruleTally) error {
	if len(tally) > 0 && len(findings) < 1<<31-1 {
		if at, ok := r.spill.put(findings); ok {
			p.spillAt, p.spillLen, p.tally = at, int32(len(findings)), tally
			r.Details = append(r.Details, p)
			return nil
		}
		// No spill file, or it failed: the findings stay in memory.
		fs, err := p.decode(findings)
		if err != nil {
			return err
		}
		p.found = fs
	}
	r.Details = append(r.Details, p)
	return nil
}

// decode reads findings stored without the post's details.
func (p *Post) decode(b []byte) ([]Finding, error) {
	var fs []Finding
	if err := json.Unmarshal(b, &fs); err != nil {
		return nil, err
	}
	for i := range fs {
		f := &fs[i]
		f.Post, f.Account, f.Date = p.Path, p.Account, p.Date
		if f.Path == "" {
			f.Path = p.Path
		}
	}
	return fs, nil
}

// postFindings appends post p's findings to dst in report order, with
// their messages in the report's language.
func (r *Report) postFindings(p *Post, dst []Finding) ([]Finding, error) {
	start := len(dst)
	dst = append(dst, p.found...)
	if p.spillLen > 0 {
		b, err := r.spill.read(p.spillAt, p.spillLen)
		if err != nil {
			return dst, err
		}
		fs, err := p.decode(b)
		if err != nil {
			return dst, err
		}
		dst = append(dst, fs...)
	}
	dst = append(dst, p.dups...)
	mine := dst[start:]
	for i := range mine {
		mine[i].Message = mine[i].Messages.In(r.lang)
		if mine[i].Suggestions == nil {
			mine[i].Suggestions = []string{}
		}
	}
	sortFindings(mine)
	return dst, nil
}

// eachPost runs work on each post's findings, several posts at once, and
// hands the results to done in report order until done says stop. A
// report that was not finalized is one post holding r.Findings. A read
// error stops the walk; Err reports it.
func eachPost[T any](r *Report, work func(fs []Finding) T, done func(T) bool) {
	if !r.grouped {
		done(work(r.Findings))
		return
	}
	// Reading back and printing a month's findings is most of a cached
	// audit's time; batches keep every core busy and bound what is held.
	const batch = 64
	out := make([]T, batch)
	errs := make([]error, batch)
	workers := runtime.GOMAXPROCS(0)
	for start := 0; start < len(r.Details); start += batch {
		n := min(batch, len(r.Details)-start)
		var next atomic.Int32
		var wg sync.WaitGroup
		for range min(workers, n) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf []Finding
				for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
					fs, err := r.postFindings(&r.Details[start+i], buf[:0])
					buf = fs
					if errs[i] = err; err == nil {
						out[i] = work(fs)
					}
				}
			}()
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				if r.readErr == nil {
					r.readErr = errf("temuan yang disimpan sementara tidak bisa dibaca: %v", "findings kept in a temporary file cannot be read: %v", lint.PlainError(errs[i]))
				}
				return
			}
			if !done(out[i]) {
				return
			}
		}
	}
}

// AllFindings yields every finding in report order (by post, then place
// in the post). A read error ends the walk; Err reports it.
func (r *Report) AllFindings() iter.Seq[*Finding] {
	return func(yield func(*Finding) bool) {
		own := func(fs []Finding) []Finding { return slices.Clone(fs) }
		eachPost(r, own, func(fs []Finding) bool {
			for i := range fs {
				if !yield(&fs[i]) {
					return false
				}
			}
			return true
		})
	}
}

// FindingCount is how many findings the report lists.
func (r *Report) FindingCount() int {
	if !r.grouped {
		return len(r.Findings)
	}
	return r.findingCount
}

// Err is the first problem met reading findings back while printing.
func (r *Report) Err() error { return r.readErr }

// Close removes the temporary file holding the findings.
func (r *Report) Close() {
	if r != nil {
		r.spill.close()
		r.spill = nil
	}
}
