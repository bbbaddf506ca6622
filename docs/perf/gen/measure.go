package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// sample is one run of a command: wall time, CPU time (user + system, of
// the process and its threads) and peak resident memory.
type sample struct {
	Wall, CPU time.Duration
	RSS       int64 // bytes
}

// runOnce runs bin with args in dir; okCodes lists the exit statuses that
// count as success (check exits 1 when it finds errors). stdout is
// returned when keep is set, else discarded.
//
// Peak memory comes from GNU time (timeBin) when it is there: the rusage
// Go gets for a child it started is not enough, because Go starts children
// with vfork semantics (CLONE_VM), and Linux then carries the parent's own
// peak resident set into the child's ru_maxrss, so every figure would be
// at least this program's peak. GNU time forks a small process of its own,
// and reports the measured command's peak alone.
func runOnce(dir string, env []string, keep bool, okCodes []int, bin string, args ...string) (sample, []byte, error) {
	var rssFile string
	if timeBin != "" {
		f, err := os.CreateTemp("", "perf-rss-*")
		if err != nil {
			return sample{}, nil, err
		}
		rssFile = f.Name()
		f.Close()
		defer os.Remove(rssFile)
		args = append([]string{"-f", "%M", "-o", rssFile, bin}, args...)
		bin = timeBin
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = env
	}
	var out, errb bytes.Buffer
	if keep {
		cmd.Stdout = &out
	} else {
		cmd.Stdout = io.Discard
	}
	cmd.Stderr = &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, nil, fmt.Errorf("%s: %v", bin, err)
	}
	// The machine is shared: a run whose resident memory passes memLimit
	// is stopped rather than allowed to push others out of memory.
	done := make(chan struct{})
	var killed atomic.Bool
	go func() {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		pid := cmd.Process.Pid
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if rss := treeResident(pid); memLimit > 0 && rss > memLimit {
					killed.Store(true)
					cmd.Process.Kill()
					return
				}
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	wall := time.Since(start)
	if killed.Load() {
		return sample{}, nil, fmt.Errorf("stopped by the script after %.0f s: resident memory passed %s (the guard that protects the shared machine)", wall.Seconds(), mb(memLimit))
	}
	if cmd.ProcessState == nil {
		return sample{}, nil, fmt.Errorf("%s: %v", bin, err)
	}
	code := cmd.ProcessState.ExitCode()
	ok := false
	for _, c := range okCodes {
		ok = ok || c == code
	}
	if !ok {
		msg := errb.String()
		if len(msg) > 400 {
			msg = msg[:400]
		}
		return sample{}, nil, fmt.Errorf("%s %v: exit %d: %s", bin, args, code, msg)
	}
	// CPU time: wait4's rusage includes the waited-for descendants, so
	// under GNU time it is the command's time plus time's own (tiny).
	s := sample{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if rssFile != "" {
		b, _ := os.ReadFile(rssFile)
		f := strings.Fields(string(b))
		if len(f) > 0 {
			kb, err := strconv.ParseInt(f[len(f)-1], 10, 64)
			if err != nil {
				return sample{}, nil, fmt.Errorf("GNU time wrote %q", b)
			}
			s.RSS = kb * 1024
		}
	} else if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.RSS = ru.Maxrss * 1024 // kilobytes on Linux; see above
	}
	return s, out.Bytes(), nil
}

// timeBin is GNU time, when found (see runOnce).
var timeBin string

// treeResident is the resident memory of a process and its children (the
// measured command runs under GNU time).
func treeResident(pid int) int64 {
	total := residentBytes(fmt.Sprintf("/proc/%d/statm", pid))
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	for _, c := range strings.Fields(string(b)) {
		if n, err := strconv.Atoi(c); err == nil {
			total += treeResident(n)
		}
	}
	return total
}

// memLimit is the resident memory above which a measured run is stopped.
var memLimit int64 = 2000e6

// residentBytes reads a process's resident set from /proc/PID/statm.
func residentBytes(statm string) int64 {
	b, err := os.ReadFile(statm)
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

// median of each field over the samples (fields taken independently).
func median(ss []sample) sample {
	if len(ss) == 0 {
		return sample{}
	}
	w := make([]time.Duration, len(ss))
	c := make([]time.Duration, len(ss))
	r := make([]int64, len(ss))
	for i, s := range ss {
		w[i], c[i], r[i] = s.Wall, s.CPU, s.RSS
	}
	sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
	sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
	sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
	m := len(ss) / 2
	if len(ss)%2 == 1 {
		return sample{w[m], c[m], r[m]}
	}
	return sample{(w[m-1] + w[m]) / 2, (c[m-1] + c[m]) / 2, (r[m-1] + r[m]) / 2}
}

// spread is the lowest and highest wall time of the samples.
func spread(ss []sample) (lo, hi time.Duration) {
	for i, s := range ss {
		if i == 0 || s.Wall < lo {
			lo = s.Wall
		}
		if s.Wall > hi {
			hi = s.Wall
		}
	}
	return lo, hi
}
