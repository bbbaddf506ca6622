package audit

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Bar draws a progress line (posts done, rate, time left) on a terminal,
// redrawn at most ten times a second.
type Bar struct {
	W     io.Writer
	Lang  string
	mu    sync.Mutex
	start time.Time
	last  time.Time
	drawn bool
}

// Update is an Options.Progress function.
func (b *Bar) Update(done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	if b.start.IsZero() {
		b.start = now
	}
	if now.Sub(b.last) < 100*time.Millisecond && done < total {
		return
	}
	b.last = now
	el := now.Sub(b.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(done) / el
	}
	left := "?"
	if rate > 0 && total >= done {
		left = (time.Duration(float64(total-done)/rate) * time.Second).Round(time.Second).String()
	}
	const width = 24
	fill := 0
	if total > 0 {
		fill = min(width, done*width/total)
	}
	fmt.Fprintf(b.W, "\r[%s%s] %d/%d %s · %.0f/s · %s %s\x1b[K", strings.Repeat("#", fill), strings.Repeat("-", width-fill),
		done, total, t(b.Lang, "unggahan", "posts"), rate, t(b.Lang, "sisa", "left"), left)
	b.drawn = true
}

// Done clears the line.
func (b *Bar) Done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		fmt.Fprint(b.W, "\r\x1b[K")
	}
}
