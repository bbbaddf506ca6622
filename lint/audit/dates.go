package audit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

// front is what the audit reads of a draft's front matter before checking
// it: enough to date the post and name its account.
type front struct {
	Date     time.Time `toml:"date"`
	Account  string    `toml:"account"`
	Platform string    `toml:"platform"`
	hasDate  bool
	// local is true for a date or date-time without an offset: a calendar
	// day (and wall clock) in the audit's time zone.
	local bool
}

// offsetRe finds a TOML date-time with an offset ("Z" or "+07:00").
var offsetRe = regexp.MustCompile(`(?m)^[ \t]*"?date"?[ \t]*=[ \t]*\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(:\d\d(\.\d+)?)?([Zz]|[+-]\d\d:\d\d)`)

// readFront parses the TOML front matter at the top of data, as the engine
// does; broken front matter gives a zero front (the engine reports it).
func readFront(data []byte) front {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, "\r \t")) != "+++" {
		return front{}
	}
	for off := 0; off < len(rest); {
		line, _, _ := bytes.Cut(rest[off:], []byte("\n"))
		if string(bytes.TrimRight(line, "\r \t")) == "+++" {
			var f front
			md, err := toml.Decode(string(rest[:off]), &f)
			if err != nil {
				return front{}
			}
			f.hasDate = md.IsDefined("date")
			f.local = !offsetRe.Match(rest[:off])
			return f
		}
		off += len(line) + 1
	}
	return front{}
}

// gitDates knows, for the files of git repositories, the time of the last
// commit that touched each. It runs one `git log` per repository, the
// first time a file of that repository is asked about.
type gitDates struct {
	mu    sync.Mutex
	tops  map[string]string // folder -> repository top ("" for none)
	repos map[string]*repoDates
	// Env is added to git's environment (tests).
	Env []string
}

type repoDates struct {
	once  sync.Once
	times map[string]time.Time // slash path relative to top -> commit time
}

func (g *gitDates) top(dir string) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.tops == nil {
		g.tops = map[string]string{}
	}
	// Walk up to the folder holding .git (a folder, or a file in a
	// worktree or submodule), remembering the answer for every folder on
	// the way: one lookup per folder of the archive, no git process.
	var visited []string
	found := ""
	for d := dir; ; {
		if t, ok := g.tops[d]; ok {
			found = t
			break
		}
		visited = append(visited, d)
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			found = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range visited {
		g.tops[d] = found
	}
	return found
}

// Date returns the last commit time of the file at abs, if it is in a git
// repository and committed.
func (g *gitDates) Date(abs string) (time.Time, bool) {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	dir := filepath.Dir(real)
	top := g.top(dir)
	if top == "" {
		return time.Time{}, false
	}
	g.mu.Lock()
	if g.repos == nil {
		g.repos = map[string]*repoDates{}
	}
	rd := g.repos[top]
	if rd == nil {
		rd = &repoDates{}
		g.repos[top] = rd
	}
	g.mu.Unlock()
	rd.once.Do(func() { rd.times = g.load(top) })
	rel, err := filepath.Rel(top, real)
	if err != nil {
		return time.Time{}, false
	}
	t, ok := rd.times[filepath.ToSlash(rel)]
	return t, ok
}

// load reads the whole history once: newest commits first, so the first
// time a path is listed is its last commit. The format puts an empty field
// before each commit time, which no file name can be.
func (g *gitDates) load(top string) map[string]time.Time {
	times := map[string]time.Time{}
	cmd := exec.Command("git", "log", "--format=%x00%ct", "--name-only", "-z", "--no-renames")
	cmd.Dir = top
	cmd.Env = append(os.Environ(), g.Env...)
	out, err := cmd.Output()
	if err != nil {
		return times
	}
	fields := strings.Split(string(out), "\x00")
	var cur time.Time
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if f == "" && i+1 < len(fields) {
			if sec, err := strconv.ParseInt(strings.TrimSpace(fields[i+1]), 10, 64); err == nil {
				cur = time.Unix(sec, 0)
				i++
				continue
			}
		}
		name := strings.TrimPrefix(f, "\n")
		if name == "" || cur.IsZero() {
			continue
		}
		if _, seen := times[name]; !seen {
			times[name] = cur
		}
	}
	return times
}
