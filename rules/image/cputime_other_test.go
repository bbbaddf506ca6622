//go:build !unix

package image

import "time"

// cpuTime is unknown here: BenchmarkBudgetRatio then reports wall time only.
func cpuTime() time.Duration { return 0 }
