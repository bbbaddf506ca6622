package fix

import (
	"strings"
	"testing"

	"github.com/selaras/selaras/lint"
)

// bigDraft is a 2,000-line draft (about 100 KB, far beyond a caption) with
// a fix on every other line.
func bigDraft() (string, []lint.Finding) {
	var b strings.Builder
	var fs []lint.Finding
	for i := 0; i < 2000; i++ {
		if i%2 == 0 {
			start := b.Len()
			b.WriteString("Dalam rangka")
			fs = append(fs, fnd("jargon", start, b.Len(), "Untuk", true))
		} else {
			b.WriteString("Warga")
		}
		b.WriteString(" HUT Provinsi Banten, kami mengundang warga ke alun-alun.\n")
	}
	return b.String(), fs
}

func BenchmarkApply(b *testing.B) {
	src, fs := bigDraft()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Apply(src, fs, false)
	}
}

func BenchmarkUnified(b *testing.B) {
	src, fs := bigDraft()
	out := Apply(src, fs, false).Text
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Unified("a.md", "a.md", src, out)
	}
}

// BenchmarkUnifiedCaption is the common case: a caption with two fixes.
func BenchmarkUnifiedCaption(b *testing.B) {
	src := "Dalam rangka HUT Provinsi Banten ke-25,\nkami mengundang warga ke alun-alun.\n\nSinergitas OPD dan warga.\n#BantenMaju\n"
	out := strings.Replace(strings.Replace(src, "Dalam rangka", "Untuk", 1), "Sinergitas", "Sinergi", 1)
	for b.Loop() {
		Unified("a.md", "a.md", src, out)
	}
}
