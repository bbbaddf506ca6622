package lint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func kinds(toks []Token) string {
	var b []string
	for _, t := range toks {
		b = append(b, t.Kind.String()+":"+t.Text)
	}
	return strings.Join(b, " ")
}

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Dalam rangka HUT ke-25.", "word:Dalam word:rangka word:HUT word:ke-25 punct:."},
		{"#BantenMaju #HUTBanten25 #Jawa_Barat", "hashtag:#BantenMaju hashtag:#HUTBanten25 hashtag:#Jawa_Barat"},
		{"#Banten-Maju", "hashtag:#Banten punct:- word:Maju"},
		{"C# dan a#b", "word:C punct:# word:dan word:a punct:# word:b"},
		{"Hubungi @bantenprov atau humas@bantenprov.go.id.", "word:Hubungi mention:@bantenprov word:atau email:humas@bantenprov.go.id punct:."},
		{"Info: https://bantenprov.go.id/berita?id=1, ya", "word:Info punct:: url:https://bantenprov.go.id/berita?id=1 punct:, word:ya"},
		{"Cek dishub.bantenprov.go.id.", "word:Cek url:dishub.bantenprov.go.id punct:."},
		{"Anggaran Rp1.250.000 naik 12,5%", "word:Anggaran word:Rp1.250.000 word:naik number:12,5 punct:%"},
		{"buku-buku dan Jum'at", "word:buku-buku word:dan word:Jum'at"},
		{"Ayo 👍🏽 datang 👨‍👩‍👧 🇮🇩!", "word:Ayo emoji:👍🏽 word:datang emoji:👨‍👩‍👧 emoji:🇮🇩 punct:!"},
		{"![Poster HUT](poster-hut.jpg) [situs](https://x.id)", "punct:! punct:[ word:Poster word:HUT punct:] punct:( path:poster-hut.jpg punct:) punct:[ word:situs punct:] punct:( url:https://x.id punct:)"},
		{"teks <!-- tersembunyi --> lagi", "word:teks word:lagi"},
		{"Sekolah–rumah", "word:Sekolah punct:– word:rumah"},
	}
	for _, c := range cases {
		got := kinds(tokenize(c.in, 0, len(c.in)))
		if got != c.want {
			t.Errorf("%q\n got  %s\n want %s", c.in, got, c.want)
		}
	}
}

func TestSentencesAndParagraphs(t *testing.T) {
	src := "Dr. Andi hadir. Warga datang!\nAcara lanjut\nsampai sore.\n\nParagraf baru"
	toks := tokenize(src, 0, len(src))
	get := func(word string) Token {
		for _, tk := range toks {
			if tk.Text == word {
				return tk
			}
		}
		t.Fatalf("no token %q", word)
		return Token{}
	}
	if get("Andi").Sentence != get("Dr").Sentence {
		t.Error("an abbreviation's full stop ends no sentence")
	}
	if get("Warga").Sentence != get("hadir").Sentence+1 {
		t.Error("a full stop ends a sentence")
	}
	if get("sampai").Sentence != get("Acara").Sentence {
		t.Error("a single line break inside a paragraph ends no sentence")
	}
	if get("Paragraf").Para != 1 || get("sore").Para != 0 {
		t.Error("a blank line starts a paragraph")
	}
}

func TestTokensStayOnRuneBoundaries(t *testing.T) {
	src := "Halo ✨ warga — “kutipan” #Tagé @akun x.id 12,5% 🇮🇩\r\nBaris\u00a0dua"
	for _, tk := range tokenize(src, 0, len(src)) {
		if !utf8.RuneStart(src[tk.Start]) || (tk.End < len(src) && !utf8.RuneStart(src[tk.End])) || tk.Text != src[tk.Start:tk.End] {
			t.Errorf("token off a rune boundary: %v", tk)
		}
	}
}
