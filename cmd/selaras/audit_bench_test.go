package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// auditCorpus writes 10,000 drafts of 20 accounts over October 2025, 2,000
// of them attaching a PNG image (every tenth image a re-used picture), and
// a kit. Captions are built from a pool of sentences, some with jargon or
// without the required tag.
func auditCorpus(b *testing.B, root string, drafts, images int) {
	b.Helper()
	rng := rand.New(rand.NewSource(8))
	kit := "[kit]\nname = \"Bench\"\n\n[hashtags]\nrequired = [\"#BantenMaju\"]\n"
	for a := 0; a < 20; a++ {
		kit += fmt.Sprintf("\n[accounts.opd%02d]\npaths = [\"opd%02d/**\"]\n", a, a)
	}
	if err := os.WriteFile(filepath.Join(root, "selaras.toml"), []byte(kit), 0o644); err != nil {
		b.Fatal(err)
	}
	sentences := []string{
		"Dalam rangka hari jadi provinsi, kami mengundang warga ke alun-alun kota.",
		"Imunisasi anak gratis tersedia di puskesmas terdekat setiap hari kerja.",
		"Layanan bus sekolah kini menjangkau desa di pelosok kabupaten.",
		"Pemerintah provinsi bersinergi dengan pelaku usaha untuk membuka lapangan kerja.",
		"Jalan provinsi ruas utara selesai diperbaiki lebih cepat dari jadwal.",
		"Data anggaran tahun ini bisa dilihat di portal data terbuka.",
		"Ada pertanyaan? Tulis di kolom komentar.",
		"Bagaimana pendapat Anda tentang layanan ini?",
		"Pendaftaran pelatihan kerja dibuka sampai akhir bulan bagi semua warga.",
		"Sosialisasi program bantuan dilaksanakan oleh dinas terkait di setiap kecamatan.",
	}
	for i := 0; i < drafts; i++ {
		acc := fmt.Sprintf("opd%02d", i%20)
		day := 1 + i%31
		var body []string
		for s := 0; s < 3+rng.Intn(4); s++ {
			body = append(body, sentences[rng.Intn(len(sentences))])
		}
		body = append(body, fmt.Sprintf("Informasi nomor %d.", i))
		if rng.Intn(4) != 0 {
			body = append(body, "#BantenMaju")
		}
		fm := fmt.Sprintf("+++\ndate = 2025-10-%02d\n", day)
		if i%(drafts/images) == 0 {
			fm += fmt.Sprintf("images = [\"img%05d.png\"]\n", i)
			pic := i
			if (i/(drafts/images))%10 == 9 {
				pic = 0 // a re-used picture
			}
			writeBenchPNG(b, filepath.Join(root, acc, fmt.Sprintf("img%05d.png", i)), pic)
		}
		fm += "+++\n"
		p := filepath.Join(root, acc, fmt.Sprintf("%05d.md", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(fm+strings.Join(body, " ")+"\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// writeBenchPNG writes a 320x320 picture whose pattern depends on seed.
func writeBenchPNG(b *testing.B, p string, seed int) {
	img := image.NewNRGBA(image.Rect(0, 0, 320, 320))
	r := rand.New(rand.NewSource(int64(seed)))
	for by := 0; by < 8; by++ {
		for bx := 0; bx < 8; bx++ {
			c := color.NRGBA{uint8(r.Intn(256)), uint8(r.Intn(256)), uint8(r.Intn(256)), 255}
			for y := by * 40; y < by*40+40; y++ {
				for x := bx * 40; x < bx*40+40; x++ {
					img.SetNRGBA(x, y, c)
				}
			}
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
}

// runMeasured runs the binary and returns its wall time, CPU time (user
// and system: the fairer measure on a shared machine) and peak memory.
func runMeasured(b *testing.B, dir string, args ...string) (time.Duration, time.Duration, int64) {
	b.Helper()
	cmd := exec.Command(selarasBin, args...)
	cmd.Dir = dir
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &errb
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v\n%s", args, err, errb.String())
	}
	el := time.Since(start)
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var rss int64
	if ru != nil {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return el, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), rss
}

// BenchmarkAuditBudget measures the budgets with the real binary on
// 10,000 drafts and 2,000 images: `check` on the same files, a cold audit
// (empty cache), a warm audit (everything cached); it reports seconds and
// peak memory (MB) of each, and the cold/check ratio.
//
//	go test ./cmd/selaras -run '^$' -bench AuditBudget -benchtime 1x
func BenchmarkAuditBudget(b *testing.B) {
	root := b.TempDir()
	auditCorpus(b, root, 10000, 2000)
	month := []string{"--month", "2025-10", "--tz", "UTC"}
	for i := 0; i < b.N; i++ {
		cache := filepath.Join(b.TempDir(), "cache")
		tc, cc, mc := runMeasured(b, root, "check", "--format", "json", "--fail-on", "none", ".")
		ta, ca, ma := runMeasured(b, root, append([]string{"audit", "--format", "json", "--cache-dir", cache, "."}, month...)...)
		tw, cw, mw := runMeasured(b, root, append([]string{"audit", "--format", "json", "--cache-dir", cache, "."}, month...)...)
		tn, cn, mn := runMeasured(b, root, append([]string{"audit", "--format", "json", "--no-cache", "."}, month...)...)
		b.ReportMetric(tc.Seconds(), "check-s")
		b.ReportMetric(ta.Seconds(), "cold-s")
		b.ReportMetric(tn.Seconds(), "nocache-s")
		b.ReportMetric(tw.Seconds(), "warm-s")
		b.ReportMetric(cc.Seconds(), "check-cpu-s")
		b.ReportMetric(ca.Seconds(), "cold-cpu-s")
		b.ReportMetric(cn.Seconds(), "nocache-cpu-s")
		b.ReportMetric(cw.Seconds(), "warm-cpu-s")
		b.ReportMetric(ta.Seconds()/tc.Seconds(), "cold/check")
		b.ReportMetric(ca.Seconds()/cc.Seconds(), "cold/check-cpu")
		b.ReportMetric(float64(mc)/1e6, "check-MB")
		b.ReportMetric(float64(max(ma, mn))/1e6, "cold-MB")
		b.ReportMetric(float64(mw)/1e6, "warm-MB")
	}
}
