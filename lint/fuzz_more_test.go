package lint

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/selaras/selaras/brandkit"
)

// FuzzTokenize holds the tokenizer to its invariants on any valid text:
// tokens lie inside the range asked for, in order, without overlap, on rune
// boundaries, with a known kind and the right lower-cased text; sentence
// and paragraph numbers never go back; and what lies between tokens is
// white space, an HTML comment or a link title, never lost text.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0)
	}
	f.Add("Lihat ![poster](poster.jpg \"Judul\") dan [tautan](https://x.id/a).", 3)
	f.Add("<!-- komentar --> Halo <!-- tak tertutup", 1)
	f.Add("Dr. H. Ahmad, S.T. datang.  Lalu?\n\nParagraf baru… ya!", 7)
	f.Add("#a#b @c.d e@f.go.id ]( ](x) 1.2.3 ke-25 Jum'at a‐b ٣٤ 𝔘", 2)
	f.Fuzz(func(t *testing.T, s string, cut int) {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return // a draft's Source is valid UTF-8 without NUL (ParseDraft)
		}
		start := 0
		if cut > 0 && len(s) > 0 {
			start = cut % (len(s) + 1)
			for start < len(s) && !utf8.RuneStart(s[start]) {
				start++
			}
		}
		checkTokens(t, s, start, len(s), tokenize(s, start, len(s)))
	})
}

func checkTokens(t *testing.T, s string, start, end int, toks []Token) {
	t.Helper()
	prev := start
	sent, para := 0, 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > end {
			t.Fatalf("token %d %v outside [%d,%d) or before the previous end %d", i, tk, start, end, prev)
		}
		if !utf8.RuneStart(s[tk.Start]) || (tk.End < len(s) && !utf8.RuneStart(s[tk.End])) {
			t.Fatalf("token %d %v off a rune boundary", i, tk)
		}
		if tk.Text != s[tk.Start:tk.End] {
			t.Fatalf("token %d text %q is not its span %q", i, tk.Text, s[tk.Start:tk.End])
		}
		if tk.Kind < TokWord || tk.Kind > TokPunct {
			t.Fatalf("token %d %v has no known kind", i, tk)
		}
		switch tk.Kind {
		case TokWord, TokNumber, TokHashtag, TokMention:
			if tk.Lower != strings.ToLower(tk.Text) {
				t.Fatalf("token %d %v: Lower %q", i, tk, tk.Lower)
			}
		case TokPunct:
			if utf8.RuneCountInString(tk.Text) != 1 {
				t.Fatalf("punctuation token %d %v is not one character", i, tk)
			}
		}
		if tk.Kind == TokHashtag && (tk.Text[0] != '#' || len(tk.Text) < 2) {
			t.Fatalf("hashtag %v", tk)
		}
		if tk.Kind == TokMention && (tk.Text[0] != '@' || len(tk.Text) < 2) {
			t.Fatalf("mention %v", tk)
		}
		if tk.Sentence < sent || tk.Para < para {
			t.Fatalf("token %d %v: sentence %d / paragraph %d went back from %d / %d", i, tk, tk.Sentence, tk.Para, sent, para)
		}
		sent, para = tk.Sentence, tk.Para
		titleOK := i > 0 && (toks[i-1].Kind == TokPath || toks[i-1].Kind == TokURL) && tk.Text == ")"
		if gap := s[prev:tk.Start]; !titleOK && !blankOrComment(gap) {
			t.Fatalf("text %q before token %d %v was dropped", gap, i, tk)
		}
		prev = tk.End
	}
	if gap := s[prev:end]; !blankOrComment(gap) {
		t.Fatalf("text %q after the last token was dropped", gap)
	}
}

// blankOrComment reports whether gap holds only white space and HTML
// comments (the last one possibly unclosed).
func blankOrComment(gap string) bool {
	for gap != "" {
		if strings.HasPrefix(gap, "<!--") {
			j := strings.Index(gap, "-->")
			if j < 0 {
				return true
			}
			gap = gap[j+3:]
			continue
		}
		r, size := utf8.DecodeRuneInString(gap)
		if !isSpaceRune(r) {
			return false
		}
		gap = gap[size:]
	}
	return true
}

func isSpaceRune(r rune) bool {
	return strings.ContainsRune(" \t\r\n\f\v", r) || (r >= utf8.RuneSelf && strings.TrimSpace(string(r)) == "")
}

// everyWord reports each word of the body with its lower-cased text as the
// match, so that ignores have something to silence.
var everyWord = &Rule{Name: "fuzz-word", Check: func(p *Pass) error {
	for _, t := range p.Draft.Tokens {
		if t.Kind == TokWord {
			p.Report(Finding{Span: Span{t.Start, t.End}, Match: t.Lower, Message: Text{ID: "kata", EN: "word"}})
		}
	}
	return nil
}}

// FuzzFrontMatterIgnores runs the engine on a draft with fuzzed front
// matter (ignores among it) and body: it never panics; every finding lies
// inside the text, on rune boundaries, with the line and column of its
// span; the body starts after the front matter; and no finding survives
// that an ignore of the draft matches.
func FuzzFrontMatterIgnores(f *testing.F) {
	f.Add("ignore = [{ rule = \"fuzz-word\", match = \"dalam  RANGKA\", reason = \"kutipan\" }]", "Dalam rangka HUT. dalam rangka")
	f.Add("ignore = [{ rule = \"fuzz-word\" }, { rule = \"tak-ada\", reason = \"x\" }, { rule = \"\" }]", "Halo warga")
	f.Add("platform = \"x\"\ndate = 2025-10-14T08:00:00+07:00\nimages = [\"../../a.jpg\", \"data:image/png;base64,AAAA\"]\npillars = [\"maju\"]", "![x](b.png)")
	f.Add("ignore = \"jargon\"", "teks")
	f.Add("x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "teks")
	f.Add("ignore = [{ rule = 'fuzz-word', reason = 'a' }]\r", "\r\nA\r\n")
	f.Add("+++", "+++\n+++")
	base, err := (&brandkit.Loader{}).Default()
	if err != nil {
		f.Fatal(err)
	}
	eng := &Engine{Rules: []*Rule{everyWord}, Kits: &brandkit.Loader{Fixed: base}, Jobs: 1, ReportUnusedIgnores: true}
	f.Fuzz(func(t *testing.T, front, body string) {
		src := "+++\n" + front + "\n+++\n" + body
		res := eng.Run([]Input{{Path: "f.md", Abs: "/fuzz/f.md", Root: "/fuzz", Data: []byte(src)}})
		if len(res.Errors) > 0 {
			t.Fatalf("engine errors: %v", res.Errors)
		}
		for _, fr := range res.Files {
			d := fr.Draft
			if d == nil {
				continue
			}
			if d.Body < 0 || d.Body > len(d.Source) {
				t.Fatalf("body starts at %d of %d", d.Body, len(d.Source))
			}
			if d.Front.Present && (d.Front.Span.End != d.Body || d.Front.Span.Start != 0) {
				t.Fatalf("front matter %v, body at %d", d.Front.Span, d.Body)
			}
			for _, tk := range d.Tokens {
				if tk.Start < d.Body {
					t.Fatalf("token %v inside the front matter (body at %d)", tk, d.Body)
				}
			}
			for _, fd := range fr.Findings {
				sp := fd.Span
				if sp.Start < 0 || sp.End < sp.Start || sp.End > len(d.Source) {
					t.Fatalf("finding %s %v outside %d bytes", fd.Rule, sp, len(d.Source))
				}
				if !fd.FileLevel {
					if !boundaryOK(d.Source, sp.Start) || !boundaryOK(d.Source, sp.End) {
						t.Fatalf("finding %s %v off a rune boundary", fd.Rule, sp)
					}
					if l, c := d.Position(sp.Start); l != fd.Line || c != fd.Column {
						t.Fatalf("finding %s at %d:%d, its span starts at %d:%d", fd.Rule, fd.Line, fd.Column, l, c)
					}
					if d.Offset(fd.Line, fd.Column) != sp.Start {
						t.Fatalf("finding %s: %d:%d does not lead back to offset %d", fd.Rule, fd.Line, fd.Column, sp.Start)
					}
				}
				for _, ig := range d.Front.Ignore {
					if IgnoreMatches(ig, fd) {
						t.Fatalf("finding %s %q survived the ignore %+v", fd.Rule, fd.Match, ig)
					}
				}
			}
		}
	})
}

func boundaryOK(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// TestPositionLongLine: on a 1 MB line the checkpointed count agrees with
// counting from the line start, ASCII or not.
func TestPositionLongLine(t *testing.T) {
	for _, unit := range []string{"dalam rangka ", "é👋🏽 kata "} {
		src := "judul\n" + strings.Repeat(unit, (1<<20)/len(unit)) + "\nakhir"
		d, _ := ParseDraft("f.md", "/f.md", "/", []byte(src))
		for _, off := range []int{0, 5, 6, 7, 1030, 1031, 4096 + 6, len(src) / 2, len(src) - 7, len(src) - 6, len(src)} {
			for off < len(src) && !utf8.RuneStart(src[off]) {
				off++
			}
			ln := strings.Count(src[:off], "\n")
			ls := strings.LastIndexByte(src[:off], '\n') + 1
			wantCol := utf8.RuneCountInString(src[ls:off]) + 1
			if l, c := d.Position(off); l != ln+1 || c != wantCol {
				t.Fatalf("%q: Position(%d) = %d:%d, want %d:%d", unit, off, l, c, ln+1, wantCol)
			}
		}
	}
}

// BenchmarkTokenizeHostile: lines that used to cost time quadratic in their
// length (every word rescanned its whole space-free chunk, every "](" the
// rest of the text). Compare the ns/byte of the two sizes: it must stay
// flat (`go test ./lint -run '^$' -bench TokenizeHostile -benchtime 3x`).
func BenchmarkTokenizeHostile(b *testing.B) {
	for _, unit := range []string{"a,", "ab@", "a_", "](", "x.id/", "#"} {
		for _, n := range []int{1 << 16, 1 << 20} {
			s := strings.Repeat(unit, n/len(unit))
			b.Run(fmt.Sprintf("%q/%dKiB", unit, n>>10), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for i := 0; i < b.N; i++ {
					tokenize(s, 0, len(s))
				}
			})
		}
	}
}
