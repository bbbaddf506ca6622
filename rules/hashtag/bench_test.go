package hashtag_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/rules/hashtag"
)

// benchKit is a kit with 2*known known tags, 20 campaigns and 30 accounts.
func benchKit(b *testing.B, known int) *brandkit.Kit {
	var s strings.Builder
	s.WriteString("[hashtags]\nrequired = [\"#BantenMaju\"]\nbanned = [\"#KominfoBanten\"]\nmax = 5\nknown = [")
	for i := 0; i < known; i++ {
		fmt.Fprintf(&s, "\"#KegiatanDinas%dBanten\", \"#Program%cBantenSejahtera\",", i, 'A'+rune(i%26))
	}
	s.WriteString("]\n[mentions]\nrequired = [\"@bantenprov\"]\n")
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&s, "[[campaigns]]\nname = \"k%d\"\nhashtags = [\"#Kampanye%dBanten\"]\nfrom = 2025-%02d-01\nuntil = 2025-%02d-28\n", i, i, i%12+1, i%12+1)
	}
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&s, "[accounts.dinas-%d]\npaths = [\"dinas-%d/**\"]\nhashtags = [\"#Dinas%dBanten\"]\n", i, i, i)
	}
	loader := &brandkit.Loader{}
	base, err := loader.Default()
	if err != nil {
		b.Fatal(err)
	}
	kit, err := brandkit.ParseOver(base, "bench.toml", []byte(s.String()))
	if err != nil {
		b.Fatal(err)
	}
	return kit
}

// benchDraft is a long caption with 12 tags: kit tags, typos, a broken
// tag, a repeat, unknown tags.
const benchDraft = `+++
platform = "instagram"
account = "dinas-3"
date = 2025-04-10
+++
Posyandu kini hadir sampai ke desa-desa di pelosok Lebak. Bawa si kecil untuk
ditimbang dan diperiksa gratis setiap Selasa pagi. Ada pertanyaan? Tulis di
kolom komentar, tim kami akan menjawab. Info lengkap di @bantenprov.

#BantenMaju #bantenmaju #BantenMju #Banten-Maju #KominfoBanten #UMKM
#ProgramCBantenSejahtra #KegiatanDinas12Banten #PosyanduKeliling #SehatBersama
#Dinas3Banten #Kampanye3Banten
`

func benchRun(b *testing.B, rules []*lint.Rule) {
	for _, known := range []int{5, 200} {
		b.Run(fmt.Sprintf("known=%d", 2*known), func(b *testing.B) {
			eng := &lint.Engine{Rules: rules, Kits: &brandkit.Loader{Fixed: benchKit(b, known)}, Jobs: 1}
			in := []lint.Input{{Path: "a.md", Abs: "/bench/dinas-3/a.md", Root: "/bench", Data: []byte(benchDraft)}}
			eng.Run(in) // builds the per-kit data once
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				eng.Run(in)
			}
		})
	}
}

// BenchmarkParseOnly is the engine's cost without rules, to subtract.
func BenchmarkParseOnly(b *testing.B) { benchRun(b, nil) }

// BenchmarkHashtagRules runs the seven hashtag and mention rules.
func BenchmarkHashtagRules(b *testing.B) { benchRun(b, all) }

// BenchmarkTypo is the costliest rule: every unknown tag against every kit tag.
func BenchmarkTypo(b *testing.B) { benchRun(b, []*lint.Rule{hashtag.Typo}) }
