package audit

import (
	"strings"
	"testing"
)

func TestBar(t *testing.T) {
	var b strings.Builder
	bar := &Bar{W: &b, Lang: "en"}
	bar.Update(5, 10)
	out := b.String()
	if !strings.HasPrefix(out, "\r[############------------] 5/10 posts") || !strings.Contains(out, "/s") || !strings.Contains(out, "left") {
		t.Errorf("bar: %q", out)
	}
	bar.Update(6, 10) // within 100 ms: not redrawn
	if b.String() != out {
		t.Errorf("redrawn too often: %q", b.String())
	}
	bar.Update(10, 10) // the last one always is
	bar.Done()
	if !strings.HasSuffix(b.String(), "\r\x1b[K") || !strings.Contains(b.String(), "10/10") {
		t.Errorf("end: %q", b.String())
	}
}
