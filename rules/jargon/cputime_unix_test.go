//go:build unix

package jargon_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user and system), so
// that BenchmarkChains on a busy shared machine can report CPU time per
// draft rather than wall-clock time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
