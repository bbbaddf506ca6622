//go:build !unix

package jargon_test

import "time"

// cpuTime is unknown here; BenchmarkChains then reports wall-clock time only.
func cpuTime() time.Duration { return 0 }
