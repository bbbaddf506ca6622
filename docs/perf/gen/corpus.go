package main

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// The generated corpus imitates a province's shared content folder: one
// folder per agency account, a province kit with accounts, hashtags, a
// palette and a logo, and drafts written from a pool of sentences in the
// style of Indonesian government posts (some plain, some with jargon,
// non-standard spellings, figures, links, questions and hashtags). Every
// choice comes from a seeded generator, so a corpus is the same on every
// run and machine.

// accounts are the agency folders and account slugs of the corpus.
var accounts = []struct{ slug, name, tag, topic string }{
	{"dinkes", "Dinas Kesehatan", "#DinkesBanten", "kesehatan"},
	{"dishub", "Dinas Perhubungan", "#DishubBanten", "transportasi"},
	{"diskominfo", "Dinas Komunikasi dan Informatika", "#DiskominfoBanten", "informasi"},
	{"dindikbud", "Dinas Pendidikan dan Kebudayaan", "#DindikbudBanten", "pendidikan"},
	{"dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "#PUPRBanten", "infrastruktur"},
	{"dinsos", "Dinas Sosial", "#DinsosBanten", "sosial"},
	{"bpbd", "Badan Penanggulangan Bencana Daerah", "#BPBDBanten", "bencana"},
	{"disparbud", "Dinas Pariwisata", "#PesonaBanten", "pariwisata"},
	{"dlhk", "Dinas Lingkungan Hidup dan Kehutanan", "#DLHKBanten", "lingkungan"},
	{"bappeda", "Badan Perencanaan Pembangunan Daerah", "#BappedaBanten", "anggaran"},
	{"kab-pandeglang", "Diskominfo Kabupaten Pandeglang", "#PandeglangBerkah", "daerah"},
	{"kab-lebak", "Diskominfo Kabupaten Lebak", "#LebakHebat", "daerah"},
}

var places = []string{"Serang", "Pandeglang", "Lebak", "Tangerang", "Cilegon", "Kota Serang", "Tangerang Selatan", "Cikeusik", "Rangkasbitung", "Labuan", "Anyer", "Malingping", "Kragilan", "Ciruas", "Balaraja"}

var programs = []string{"imunisasi anak", "pemeriksaan kesehatan gratis", "bus sekolah", "perbaikan jalan provinsi", "beasiswa pelajar", "bantuan pangan", "pelatihan kerja", "penanaman mangrove", "festival budaya", "layanan SIM keliling", "posyandu remaja", "sekolah lapang iklim", "pasar murah", "vaksinasi ternak", "pendaftaran sekolah"}

var weekdays = []string{"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"}

// Sentences: {P} place, {G} program, {N} a count, {R} a rupiah amount,
// {K} a percentage, {H} a number of days, {D} a day name, {T} a date in October, {U} a link, {A} the agency's name.
var openers = []string{
	"Dalam rangka memperingati Hari Jadi Provinsi Banten, {A} menggelar {G} di {P} pada {D}, {T} Oktober 2025.",
	"Bersama ini kami sampaikan bahwa {G} akan dilaksanakan di {P} mulai {D}, {T} Oktober 2025.",
	"Warga {P}, {G} dibuka lagi mulai {D}, {T} Oktober 2025.",
	"Sehubungan dengan musim hujan, {A} mengingatkan warga {P} untuk waspada banjir dan longsor.",
	"Kabar baik untuk warga {P}: {G} kini hadir lebih dekat.",
	"Dalam rangka peningkatan kualitas pelayanan publik, {A} melakukan optimalisasi {G} di {P}.",
	"Hari ini tim {A} turun langsung ke {P} untuk {G}.",
	"Pemerintah Propinsi Banten terus mengimplementasikan program {G} di seluruh kabupaten dan kota.",
	"Sudah tahu? Layanan {G} di {P} tidak dipungut biaya.",
	"Adapun {G} di {P} merupakan bagian dari program prioritas Gubernur.",
	"Mulai {D} ini, {G} di {P} buka pukul 08.00 sampai 15.00 WIB.",
	"Terima kasih kepada warga {P} yang sudah ikut {G} pekan lalu.",
}

var middles = []string{
	"Sebanyak {N} warga sudah mendaftar dan kuota masih tersedia.",
	"Anggaran kegiatan ini sebesar Rp{R} juta dari APBD Provinsi Banten.",
	"Pelaksanaan kegiatan ini merupakan wujud sinergitas antara pemerintah provinsi, kabupaten dan para stakeholder terkait.",
	"Kegiatan ini adalah merupakan upaya peningkatan kesejahteraan masyarakat di wilayah {P}.",
	"Petugas akan mensosialisasikan jadwal lengkap melalui kantor desa dan kelurahan.",
	"Warga cukup membawa KTP dan kartu keluarga ke lokasi.",
	"Layanan ini gratis dan terbuka untuk semua warga, termasuk penyandang disabilitas.",
	"Tahun ini cakupannya naik menjadi {N} penerima di {P}.",
	"Data lengkap penerima bisa dilihat di {U} secara terbuka.",
	"Laporan penggunaan anggaran tersedia di portal PPID: {U}",
	"Guna kelancaran kegiatan, warga dimohon datang tepat waktu.",
	"Terkait jadwal layanan, silakan cek pengumuman di kantor kecamatan.",
	"Dalam hal ini pemerintah memastikan distribusi dilakukan secara merata hingga desa terpencil.",
	"Program ini menjangkau {N} keluarga di desa-desa pelosok {P}.",
	"Jalan sepanjang {N} meter di {P} kini sudah bisa dilewati kendaraan.",
	"Penyesuaian tarif tidak berlaku bagi pelajar dan lansia.",
	"Tim kami bekerja sama dengan puskesmas dan sekolah di {P} agar layanan tepat sasaran.",
	"Pendaftaran dapat dilakukan secara daring di {U} atau langsung di lokasi.",
	"Anak-anak dan orang tua tampak antusias mengikuti rangkaian kegiatan sejak pagi.",
	"Setiap peserta mendapat sertifikat dan pendampingan selama {H} hari.",
	"Kami juga menyiapkan posko pengaduan yang buka setiap hari.",
	"Capaian program naik {K} persen dibanding tahun lalu.",
	"Koordinasi lintas sektor terus kami perkuat demi pelayanan yang lebih cepat.",
	"Para warga-warga yang belum terdata dapat melapor ke ketua RT setempat.",
}

var closers = []string{
	"Ada pertanyaan? Tulis di kolom komentar, tim kami siap menjawab.",
	"Bagaimana pengalaman Anda dengan layanan ini? Ceritakan di komentar.",
	"Yuk, ajak keluarga dan tetangga untuk ikut serta!",
	"Demikian disampaikan, atas perhatiannya diucapkan terima kasih.",
	"Informasi lebih lanjut hubungi call center 112 atau kunjungi {U}.",
	"Bagikan informasi ini agar lebih banyak warga tahu.",
	"Mari bersama wujudkan Banten yang maju, adil dan merata.",
	"Simak jadwal lengkapnya di {U}.",
}

var links = []string{
	"https://data.bantenprov.go.id/dataset/penerima-bantuan-2025",
	"https://ppid.bantenprov.go.id/laporan/anggaran",
	"https://bantenprov.go.id/layanan",
	"https://dinkes.bantenprov.go.id/jadwal-imunisasi",
	"https://sippn.menpan.go.id",
}

var platforms = []string{"instagram", "instagram", "instagram", "facebook", "facebook", "x", "threads", "tiktok"}

// fill replaces the slots of a sentence template.
func fill(r *rand.Rand, s string, agency string) string {
	rep := strings.NewReplacer(
		"{P}", places[r.Intn(len(places))],
		"{G}", programs[r.Intn(len(programs))],
		"{N}", fmt.Sprintf("%d", 10+r.Intn(4990)),
		"{R}", fmt.Sprintf("%d,%d", 1+r.Intn(900), r.Intn(10)),
		"{D}", weekdays[r.Intn(len(weekdays))],
		"{T}", fmt.Sprintf("%d", 1+r.Intn(31)),
		"{K}", fmt.Sprintf("%d", 2+r.Intn(40)),
		"{H}", fmt.Sprintf("%d", 2+r.Intn(28)),
		"{U}", links[r.Intn(len(links))],
		"{A}", agency,
	)
	return rep.Replace(s)
}

// capitalize upper-cases the first letter of a sentence.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// draftText writes draft number i: front matter and a caption of two or
// four paragraphs (about 100 to 200 words; the report prints the average), hashtags at the end.
func draftText(r *rand.Rand, i int, image string) string {
	acc := accounts[i%len(accounts)]
	var b strings.Builder
	platform := platforms[r.Intn(len(platforms))]
	if image != "" {
		platform = "instagram"
	}
	fmt.Fprintf(&b, "+++\nplatform = %q\naccount  = %q\ndate     = 2025-10-%02d\n", platform, acc.slug, 1+r.Intn(31))
	if image != "" {
		fmt.Fprintf(&b, "images   = [%q]\n", image)
	}
	if r.Intn(3) == 0 {
		pillars := []string{"maju", "adil", "merata", "tidak-korupsi"}
		fmt.Fprintf(&b, "pillars  = [%q]\n", pillars[r.Intn(len(pillars))])
	}
	b.WriteString("+++\n")
	words := 0
	used := map[string]bool{}
	para := func(n int, pool []string) {
		var s []string
		for k := 0; k < n; k++ {
			tmpl := pool[r.Intn(len(pool))]
			for used[tmpl] {
				tmpl = pool[r.Intn(len(pool))]
			}
			used[tmpl] = true
			t := capitalize(fill(r, tmpl, acc.name))
			words += len(strings.Fields(t))
			s = append(s, t)
		}
		b.WriteString(strings.Join(s, " "))
		b.WriteString("\n\n")
	}
	para(1+r.Intn(2), openers)
	para(5+r.Intn(4), middles)
	para(3+r.Intn(4), middles)
	para(1, closers)
	// Hashtags: the required one most of the time, sometimes misspelt,
	// in the wrong case, or a banned one.
	tags := []string{acc.tag}
	switch x := r.Intn(20); {
	case x < 14:
		tags = append([]string{"#BantenMaju"}, tags...)
	case x < 16:
		tags = append([]string{"#bantenmaju"}, tags...)
	case x < 17:
		tags = append([]string{"#BantenMju"}, tags...)
	case x < 18:
		tags = append(tags, "#KominfoBanten")
	}
	if r.Intn(2) == 0 {
		tags = append(tags, "#SatuNarasiSeribuAksi")
	}
	b.WriteString(strings.Join(tags, " "))
	b.WriteString("\n")
	return b.String()
}

// kitTOML is the province kit of the corpus (its logo in .merek/).
func kitTOML() string {
	var b strings.Builder
	b.WriteString(`# Generated by docs/perf/gen: a province kit in the style of testdata/demo.
[kit]
name = "Provinsi Contoh (korpus uji kinerja)"
language = "id"

[[jargon]]
phrase  = "bersinergi"
suggest = ["bekerja sama"]
note    = "Sebut siapa bekerja sama dengan siapa."

[[terms]]
use   = "Provinsi Banten"
avoid = ["Propinsi Banten", "Prov. Banten"]
case_sensitive = true

[narrative]
pillars = [
  { id = "maju",          label = "Banten Maju",          keywords = ["maju", "inovasi", "digital", "pendidikan", "infrastruktur"] },
  { id = "adil",          label = "Banten Adil",          keywords = ["adil", "bantuan", "hak", "layanan", "gratis"] },
  { id = "merata",        label = "Banten Merata",        keywords = ["merata", "desa", "pelosok", "kabupaten", "jalan"] },
  { id = "tidak-korupsi", label = "Banten Tidak Korupsi", keywords = ["transparan", "anggaran", "laporan", "akuntabel", "korupsi"] },
]

[hashtags]
required = ["#BantenMaju"]
known    = ["#SatuNarasiSeribuAksi"]
banned   = ["#KominfoBanten"]
replace  = { "#KominfoBanten" = "#DiskominfoBanten" }
max      = 5

[palette]
colors    = ["#0B4EA2", "#F2B705", "#FFFFFF"]
tolerance = 5.0

[[logos]]
file      = ".merek/logo.png"
zone      = "top-left"
min_width = 0.08
`)
	for _, a := range accounts {
		fmt.Fprintf(&b, "\n[accounts.%s]\nname     = %q\npaths    = [\"%s/**\"]\nhashtags = [%q]\n", a.slug, a.name, a.slug, a.tag)
	}
	return b.String()
}

// writeCorpus writes drafts drafts into dir, the first images of them
// (spread evenly) attaching a poster, plus the kit and its logo. Posters
// come from pool (rendered once, then hard-linked).
func writeCorpus(dir string, drafts, images int, seed int64, pool *posterPool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "selaras.toml"), []byte(kitTOML()), 0o644); err != nil {
		return err
	}
	// The logo lives in a hidden folder: selaras skips those when walking,
	// so the logo is not checked as a post's image itself.
	if err := os.MkdirAll(filepath.Join(dir, ".merek"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, ".merek", "logo.png"), logoPNG(), 0o644); err != nil {
		return err
	}
	r := rand.New(rand.NewSource(seed))
	every := 0
	if images > 0 {
		every = drafts / images
	}
	img := 0
	for i := 0; i < drafts; i++ {
		acc := accounts[i%len(accounts)]
		folder := filepath.Join(dir, acc.slug, fmt.Sprintf("%03d", i/(len(accounts)*500)))
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		name := ""
		if every > 0 && i%every == 0 && img < images {
			name = fmt.Sprintf("poster-%06d.jpg", i)
			if err := pool.link(img, filepath.Join(folder, name)); err != nil {
				return err
			}
			img++
		}
		text := draftText(r, i, name)
		if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("pos-%06d.md", i)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
