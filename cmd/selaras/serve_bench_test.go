//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// caption300 is a 300-word caption with the usual problems (jargon,
// exclamations, a miscased tag).
func caption300() string {
	sentences := []string{
		"Dalam rangka memperingati Hari Kesehatan Nasional, Dinas Kesehatan Provinsi Banten mengadakan pemeriksaan kesehatan gratis bagi warga di seluruh puskesmas.",
		"Kami menghimbau masyarakat untuk datang lebih pagi agar antrean tidak menumpuk!!!",
		"Pemeriksaan meliputi tekanan darah, gula darah, kolesterol, serta konsultasi gizi untuk ibu hamil dan balita.",
		"Warga cukup membawa KTP dan kartu BPJS bila ada; tanpa kartu pun tetap dilayani.",
		"Layanan dibuka setiap hari Senin sampai Sabtu pukul 08.00 hingga 14.00 WIB selama bulan November.",
		"Ada pertanyaan? Tulis di kolom komentar, tim kami akan menjawab.",
	}
	var b strings.Builder
	words := 0
	for i := 0; words < 300; i++ {
		s := sentences[i%len(sentences)]
		b.WriteString(s)
		b.WriteString(" ")
		words += len(strings.Fields(s))
		if i%3 == 2 {
			b.WriteString("\n\n")
		}
	}
	b.WriteString("\n\n#bantenmaju #DinkesBanten")
	return b.String()
}

func percentile(ds []time.Duration, p float64) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[min(len(ds)-1, int(float64(len(ds))*p))]
}

// BenchmarkServeCheck300Words: 8 clients on loopback, each sending checks
// of a 300-word caption (the page's request, with detail) one after the
// other; bounded at 50 requests a client and 60 seconds. Reports p50 and
// p95 latency; the budget is p95 < 20 ms.
func BenchmarkServeCheck300Words(b *testing.B) {
	ts := startServe(b, serveDir(b), "")
	body, _ := json.Marshal(map[string]string{"text": caption300(), "platform": "instagram", "account": "dinkes", "date": "2025-11-10"})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	post := func() time.Duration {
		start := time.Now()
		resp, err := client.Post(ts.URL+"/api/check?detail=1", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
		return time.Since(start)
	}
	post() // the kit's memos, warm
	const clients, each = 8, 50
	var all []time.Duration
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		var mu sync.Mutex
		var wg sync.WaitGroup
		deadline := time.Now().Add(60 * time.Second)
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := 0; r < each && time.Now().Before(deadline); r++ {
					d := post()
					mu.Lock()
					all = append(all, d)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
	}
	b.ReportMetric(float64(percentile(all, 0.50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(all, 0.95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(len(all)), "requests")
	// CPU time of the whole process (server and clients) per request:
	// what the latency would be on an idle core, whatever else the
	// machine runs.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(all)), "cpu-ms/req")
}

// cpuTime is the CPU time this process used so far (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkServePageLoad: what a browser fetches to show the page (the
// HTML, its stylesheet and script, the kit's lists), one load after the
// other; reports p50 and p95 of a whole load. The budget is < 100 ms.
func BenchmarkServePageLoad(b *testing.B) {
	ts := startServe(b, serveDir(b), "")
	client := &http.Client{}
	get := func(p string) {
		resp, err := client.Get(ts.URL + p)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %d", p, resp.StatusCode)
		}
	}
	var all []time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		for _, p := range []string{"/", "/app.css", "/app.js", "/api/info"} {
			get(p)
		}
		all = append(all, time.Since(start))
	}
	b.ReportMetric(float64(percentile(all, 0.50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(all, 0.95).Microseconds())/1000, "p95-ms")
}
