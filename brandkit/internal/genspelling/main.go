// Command genspelling builds brandkit/default-spelling.toml, the default
// kit's list of standard spellings ([[terms]]), from two open word lists
// kept in brandkit/data/kata-baku/ (MIT, licences beside them):
//
//   - bervProject-dict.txt ("baku|tidak baku" pairs, Kata-Baku-Checker),
//   - indocollex-informal-formal.tsv (informal Twitter words and their
//     formal form, indo-collex).
//
// Both lists are noisy for our purpose, so the filter is explicit and
// written down here, with a reason for each group:
//
//   - bervProject: every pair is taken except those listed in drop (slang
//     and register changes, pairs where both forms are standard or the
//     "wrong" form is another word, English words, names, noise); a pair
//     listed in both directions is ambiguous and dropped, and the KBBI
//     direction is re-added by hand in extra.
//   - indo-collex is mostly slang, abbreviations and numbers with units:
//     only the informal words in keep are taken (real misspellings of a
//     standard word, same register).
//
// Run from the repository root: go run ./brandkit/internal/genspelling
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const (
	dataDir = "brandkit/data/kata-baku"
	outFile = "brandkit/default-spelling.toml"
)

// drop lists bervProject pairs ("baku|tidak baku") left out, by reason.
var drop = lines(
	// Slang or spoken forms: rewriting them changes the register, which is
	// a tone question, not a spelling one.
	"baik|bae", "balas|bales", "belum|belom", "cepat|cepet", "dalam|dalem", "dapat|dapet",
	"diam|diem", "ingat|inget", "kalau|kalo", "macam|macem", "malas|males", "padat|padet",
	"ramai|rame", "rapat|rapet", "selesai|selese", "sampai|ampe", "tidak|gak", "seperti|kayak",
	"hanya|cuma", "durian|duren", "rabu|rebo", "senin|senen", "capai|capek", "goblok|goblog",
	"hilang|ilang", "habis|abis", "apak|apek",
	// Not a spelling pair, reversed, or noise in the source.
	"benar|salah", "glucose|glukosa", "hectare|hektar", "ideology|idiologi", "institute|institute",
	"museum|museum", "narasumber|nara", "masal|missal", "mungkir|pungkir", "pelanggan|langganan",
	"limusin|limo", "segi tiga|segitiga", "perancis|prancis", "sumatera|sumatra", "materai|matere",
	"epektif|epektip", "indera|indra", "kasier|kasir", "katapel|ketapel", "trompet|terompet",
	"losin|lusin", "konveksi|konfeksi", "itikad|itikat", "leding|ledeng", "genius|jenius",
	"agrobisnis|agribisnis", "ustaz|ustadzah", "gerha|graha", "pulpen|bolpen", "amoral|a moral",
	"asusila|a susila", "dekret|dekrit2", "maha pengasih|mahapengasih1", "peri keadilan|perikeadilan1",
	"pertanggung jawaban|pertanggungjawab", "non-indonesia|non indonesia2", "kasier|kasir",
	// Both forms are standard in KBBI, or the "wrong" form is another word
	// (rubah: fox; sarap: breakfast; syah: shah; pada hal-hal; mata hari).
	"alpa|alfa", "anutan|panutan", "antar|hantar", "kukuh|kokoh", "roboh|rubuh", "sup|sop",
	"taoge|tauge", "taoge|toge", "taoco|tauco", "skuat|skuad", "gua|goa", "genting|genteng",
	"sah|syah", "relaks|rileks", "sensoris|sensorik", "formal|formil", "moral|moril", "real|riil",
	"frasa|frase", "debit|debet", "karut-marut|carut-marut", "ubrak-abrik|obrak-abrik",
	"kesatria|satria", "saraf|sarap", "ubah|rubah", "padahal|pada hal", "matahari|mata hari",
	"kontrarevolusi|kontra revolusi", "supersibuk|super sibuk", "hindia belanda|hindia-belanda",
	// English words: flagging a foreign word is the jargon rule's job, and
	// these appear in names (Standard Chartered, Lippo Group).
	"aksi|action", "foto|photo", "grup|group", "taksi|taxi", "ekstra|extra", "sentral|central",
	"populer|popular", "standar|standard", "stroberi|strawberry", "seks|sex", "familier|familiar",
	"universitas|university", "universitas|universiti", "institut|institute", "impor|import",
	// Common in names and titles, where the person or body chooses the
	// spelling (Putera, Puteri, Mulya, Rizki, Bhakti, Dharma Wanita, Villa),
	// or a legal form in use (BPN's "sertipikat"), or a sensitive word.
	"putra|putera", "putri|puteri", "mulia|mulya", "rezeki|riski", "rezeki|rizki", "rezeki|rizqi",
	"bakti|bhakti", "darma|dharma", "vila|villa", "sertifikat|sertipikat", "cina|china", "sanggama|senggama",
	// Already in default.toml as an official-name term, or in the jargon list.
	"provinsi|propinsi", "mengubah|merubah",
)

// extra re-adds pairs the source lists in both directions (or not at all),
// in the direction KBBI gives.
var extra = lines(
	"jadwal|jadual", "imajinasi|imaginasi", "imbau|himbau", "utang|hutang", "ideologi|idiologi",
	"dekret|dekrit", "hektare|hektar",
)

// keep lists the indo-collex informal words taken: misspellings of a
// standard word in the same register.
var keep = lines(
	"aktifitas", "ambulan", "atlit", "beraktifitas", "berfikir", "ekspetasi", "fikir", "fikiran",
	"galery", "isteri", "karna", "komplek", "kreatifitas", "kwalitas", "mahluk", "menghianati",
	"mengkonsumsi", "mensukseskan", "mentri", "milyar", "negri", "nopember", "resleting", "sebrang",
	"sintesa", "sprei", "standart", "telfon", "silaturrahmi", "shubuh", "binggung", "kebanggan",
	"lansung", "taqwa", "ustadz", "shalat", "sholat", "parfume", "tunjukan", "bathin",
)

func lines(s ...string) map[string]bool {
	m := map[string]bool{}
	for _, v := range s {
		m[v] = true
	}
	return m
}

func main() {
	out, terms, forms, err := generate(".")
	if err == nil {
		err = writeAtomic(outFile, out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genspelling:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d terms, %d forms to avoid\n", outFile, terms, forms)
}

// generate builds the file's content from the data under root (the
// repository root).
func generate(root string) (out []byte, terms, forms int, err error) {
	dataDir := filepath.Join(root, dataDir)
	pairs := map[string]map[string]bool{} // use -> avoid forms
	add := func(use, avoid string) {
		use, avoid = strings.TrimSpace(use), strings.TrimSpace(avoid)
		if use == "" || avoid == "" || strings.EqualFold(use, avoid) {
			return
		}
		if pairs[use] == nil {
			pairs[use] = map[string]bool{}
		}
		pairs[use][avoid] = true
	}

	berv, err := os.ReadFile(filepath.Join(dataDir, "bervProject-dict.txt"))
	if err != nil {
		return nil, 0, 0, err
	}
	berv = bytes.TrimPrefix(berv, []byte("\xef\xbb\xbf"))
	var bervPairs [][2]string
	seen := map[string]bool{}
	for _, ln := range strings.Split(string(berv), "\n") {
		use, avoid, ok := strings.Cut(strings.TrimSpace(ln), "|")
		if !ok {
			continue
		}
		bervPairs = append(bervPairs, [2]string{use, avoid})
		seen[use+"|"+avoid] = true
	}
	for _, p := range bervPairs {
		key := p[0] + "|" + p[1]
		if drop[key] || seen[p[1]+"|"+p[0]] || strings.ContainsAny(p[1], "0123456789") {
			continue
		}
		add(p[0], p[1])
	}
	for k := range extra {
		use, avoid, _ := strings.Cut(k, "|")
		add(use, avoid)
	}

	f, err := os.Open(filepath.Join(dataDir, "indocollex-informal-formal.tsv"))
	if err != nil {
		return nil, 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	found := map[string]bool{}
	for sc.Scan() {
		informal, formal, ok := strings.Cut(sc.Text(), "\t")
		if !ok || !keep[informal] {
			continue
		}
		found[informal] = true
		add(strings.ToLower(formal), informal)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, 0, err
	}
	for k := range keep {
		if !found[k] {
			return nil, 0, 0, fmt.Errorf("kept word %q is not in the indo-collex list", k)
		}
	}

	uses := make([]string, 0, len(pairs))
	for u := range pairs {
		uses = append(uses, u)
	}
	sort.Strings(uses)
	var b bytes.Buffer
	b.WriteString(`# Standard spellings (ejaan baku) for the default selaras kit: part of the
# embedded default kit, merged after default.toml.
#
# GENERATED by "go run ./brandkit/internal/genspelling" from the word lists in
# brandkit/data/kata-baku/ (bervProject/Kata-Baku-Checker-for-PO-File, MIT,
# (c) 2018 Bervianto Leo Pratama; haryoa/indo-collex, MIT, (c) 2021 Haryo
# Akbarianto Wibowo; licences beside the data). Do not edit by hand: change
# the filter in brandkit/internal/genspelling/main.go and run it again.
#
# Matching is on the surface words, case-insensitive: "praktek" is flagged,
# "mempraktikkan" is left alone.
`)
	n := 0
	for _, u := range uses {
		avoid := make([]string, 0, len(pairs[u]))
		for a := range pairs[u] {
			avoid = append(avoid, a)
		}
		sort.Strings(avoid)
		q := make([]string, len(avoid))
		for i, a := range avoid {
			q[i] = strconv.Quote(a)
		}
		fmt.Fprintf(&b, "\n[[terms]]\nuse   = %s\navoid = [%s]\n", strconv.Quote(u), strings.Join(q, ", "))
		n += len(avoid)
	}
	return b.Bytes(), len(uses), n, nil
}

// writeAtomic replaces path with data through a temporary file in the same
// folder, so a failed run never leaves a half-written list.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".default-spelling-*.toml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
