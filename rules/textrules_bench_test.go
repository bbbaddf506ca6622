package rules_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
	"github.com/selaras/selaras/rules/claim"
	"github.com/selaras/selaras/rules/length"
	"github.com/selaras/selaras/rules/narrative"
	"github.com/selaras/selaras/rules/neutrality"
	"github.com/selaras/selaras/rules/tone"
)

// typicalDrafts are agency posts of about 150 words each, in the style of
// the evaluation set: some clean, some with the problems the text rules
// look for.
var typicalDrafts = []string{
	`+++
platform = "instagram"
account = "dinkes"
date = 2025-10-14
pillars = ["adil"]
+++
Bulan Imunisasi Anak Nasional telah dilaksanakan di seluruh puskesmas Provinsi Banten. Kegiatan dibuka oleh Kepala Dinas Kesehatan dan dihadiri para camat, kader posyandu, serta tokoh masyarakat dari delapan kabupaten dan kota.

Sebanyak 12.500 anak usia 0-59 bulan sudah mendapatkan imunisasi dasar lengkap, dan cakupan imunisasi naik menjadi 92,4% dibandingkan tahun lalu. Anggaran program ini mencapai Rp1,2 miliar dari APBD.

Orang tua yang belum membawa anaknya bisa datang ke puskesmas terdekat setiap Selasa dan Kamis pagi. Bawa buku KIA dan kartu BPJS Kesehatan. Layanan ini GRATIS untuk semua warga!!!

Ada pertanyaan tentang jadwal imunisasi di desa Anda? Tulis di kolom komentar, tim kami akan menjawab.

#BantenMaju #DinkesBanten #ImunisasiLengkap`,
	`+++
platform = "x"
account = "dishub"
date = 2025-10-16
+++
Mulai Senin depan, Dinas Perhubungan memberlakukan rekayasa lalu lintas di Jalan Raya Serang-Pandeglang selama perbaikan jembatan Ciujung yang diperkirakan berlangsung tiga minggu. Kendaraan dari arah Serang dialihkan melalui Jalan Palima, sedangkan kendaraan dari arah Pandeglang tetap melintas dengan sistem buka-tutup yang diatur petugas di lapangan setiap lima belas menit.

Pengguna jalan diimbau berangkat lebih awal dan mengikuti petunjuk petugas. Angkutan umum jurusan Serang-Pandeglang tetap beroperasi seperti biasa, tetapi waktu tempuh bisa bertambah sekitar dua puluh menit pada jam sibuk pagi dan sore.

Untuk pengendara sepeda motor, jalur alternatif lewat Jalan Kadubanen bisa dipakai, namun jalannya sempit dan belum diterangi lampu. Hindari jalur itu setelah magrib.

Punya pertanyaan soal rute pengalihan? Balas unggahan ini, petugas kami memantau setiap hari sampai pukul 21.00. Info lengkap: https://dishub.bantenprov.go.id/rekayasa-lalin

#BantenMaju`,
	`+++
platform = "facebook"
account = "dpmd"
date = 2025-10-20
pillars = ["merata"]
+++
Jalan desa di Kecamatan Cibeber kini sudah diaspal sepanjang 4,5 km. Warga tidak perlu lagi memutar jauh untuk membawa hasil panen ke pasar kecamatan.

Pembangunan ini dikerjakan bersama warga lewat program padat karya, sehingga 120 warga desa ikut bekerja dan mendapat upah harian. Sumber dana: Dana Desa tahun 2025 dan bantuan keuangan provinsi (sumber: laporan DPMD Banten).

Kami ingin mendengar dari Anda: jalan mana lagi di desa Anda yang perlu diperbaiki? Ceritakan di kolom komentar atau kirim pesan langsung ke akun kami. Foto kondisi jalan akan sangat membantu tim kami menyusun prioritas tahun depan.

Terima kasih kepada seluruh warga Cibeber yang sudah bergotong royong!

#BantenMaju #DesaMaju`,
}

// BenchmarkNarrativeToneClaimNeutralityLength measures drafts per second
// on one core for the text rules of narrative, tone-*, claim-source,
// neutrality and length, with the default kit laid under a kit that has
// narrative pillars, over drafts of about 150 words. "parse-only" is the
// engine's own cost (parsing, tokenizing, stemming) for comparison; each
// rule's own cost is the difference to it.
//
//	go test ./rules -run '^$' -bench NarrativeTone -cpu 1 -benchtime 2000x
func BenchmarkNarrativeToneClaimNeutralityLength(b *testing.B) {
	base, err := (&brandkit.Loader{}).Default()
	if err != nil {
		b.Fatal(err)
	}
	kit, err := brandkit.ParseOver(base, "bench.toml", []byte(`[narrative]
pillars = [
  { id = "maju",   label = "Banten Maju",   keywords = ["maju", "inovasi", "digital", "pendidikan", "infrastruktur"] },
  { id = "adil",   label = "Banten Adil",   keywords = ["adil", "bantuan", "hak", "layanan", "gratis"] },
  { id = "merata", label = "Banten Merata", keywords = ["merata", "desa", "pelosok", "kabupaten", "jalan"] },
]`))
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range typicalDrafts {
		body := d[strings.LastIndex(d, "+++")+3:]
		if n := len(strings.Fields(body)); n < 100 || n > 200 {
			b.Fatalf("a typical draft has %d words, want about 150", n)
		}
	}
	dir := b.TempDir()
	inputs := make([]lint.Input, len(typicalDrafts))
	for i, src := range typicalDrafts {
		p := filepath.Join(dir, fmt.Sprintf("d%d.md", i))
		inputs[i] = lint.Input{Path: p, Abs: p, Root: dir, Data: []byte(src)}
	}
	mine := []*lint.Rule{narrative.Rule, tone.Passive, tone.SentenceLength, tone.Shouting, tone.Exclamation,
		tone.Interaction, claim.Rule, neutrality.Rule, length.Rule}
	sets := []struct {
		name  string
		rules []*lint.Rule
	}{{"parse-only", nil}, {"all-nine", mine}}
	for _, r := range mine {
		sets = append(sets, struct {
			name  string
			rules []*lint.Rule
		}{r.Name, []*lint.Rule{r}})
	}
	for _, set := range sets {
		b.Run(set.name, func(b *testing.B) {
			eng := &lint.Engine{Rules: set.rules, Kits: &brandkit.Loader{Fixed: kit}, Jobs: 1}
			eng.Run(inputs) // build the kit's matchers once
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if res := eng.Run(inputs[i%len(inputs) : i%len(inputs)+1]); len(res.Errors) > 0 {
					b.Fatal(res.Errors)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "drafts/s")
		})
	}
}
