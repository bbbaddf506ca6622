package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a token is.
type TokenKind uint8

const (
	TokWord    TokenKind = iota + 1 // letters (and digits), with inner hyphens: "buku-buku", "ke-25", "e-KTP"
	TokNumber                       // digits with inner separators: "1.250", "3,5"
	TokHashtag                      // "#BantenMaju": '#' and the tag's letters, digits, '_'
	TokMention                      // "@bantenprov"
	TokURL                          // "https://…", "www.…", "bantenprov.go.id/…"
	TokEmail                        // "humas@bantenprov.go.id"
	TokPath                         // a Markdown link or image target that is not a URL: "poster.jpg"
	TokEmoji                        // one emoji, with its modifiers and joiners
	TokPunct                        // any other single character
)

var tokenKindNames = [...]string{"", "word", "number", "hashtag", "mention", "url", "email", "path", "emoji", "punct"}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "?"
}

// Token is one unit of a draft's body, with its byte span in Draft.Source.
type Token struct {
	Kind       TokenKind
	Start, End int
	Text       string // Source[Start:End]
	// Lower is the lower-cased text, for words, numbers, hashtags and mentions.
	Lower string
	// Stem is the word's stem in the kit's language (words only; filled by
	// the engine once per draft). Protected words and words that cannot be
	// stemmed have Stem == Lower.
	Stem string
	// Sentence and Para number the sentence and paragraph the token is in,
	// from 0. A phrase never matches across either.
	Sentence, Para int

	// hLower and hStem hash Lower and Stem for Matcher's pre-filter,
	// set (hashed) once the engine has stemmed the word.
	hLower, hStem uint32
	hashed        bool
}

// hashWord sets the token's hashes from its Lower and Stem.
func (t *Token) hashWord() {
	t.hLower = wordHash(t.Lower)
	t.hStem = t.hLower
	if t.Stem != t.Lower {
		t.hStem = wordHash(t.Stem)
	}
	t.hashed = true
}

// wordHash is FNV-1a: cheap, and the same for a word in a draft and in a
// kit phrase.
func wordHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// Span is a byte range of Draft.Source.
type Span struct{ Start, End int }

// abbreviations end with a full stop that does not end the sentence.
var abbreviations = map[string]bool{
	"dr": true, "drg": true, "h": true, "hj": true, "prof": true, "no": true, "jl": true,
	"kab": true, "kec": true, "kel": true, "rp": true, "st": true, "sdr": true, "bpk": true,
	"ir": true, "tn": true, "ny": true, "yth": true, "a.n": true, "an": true, "tgl": true,
	"pk": true, "hlm": true, "telp": true, "dra": true, "drs": true, "mr": true, "mrs": true,
}

// tokenize splits s[start:end] into tokens. One pass, no regular
// expressions: every rule reads these tokens instead of scanning text again.
func tokenize(s string, start, end int) []Token {
	t := tokenizer{s: s, end: end}
	t.toks = make([]Token, 0, (end-start)/5+8)
	t.run(start)
	return t.toks
}

type tokenizer struct {
	s         string
	end       int
	toks      []Token
	sentence  int
	para      int
	sentBreak bool
	newlines  int
	// chunkFrom and chunkTo cache the last whitespace-delimited chunk, and
	// closeAt/nlAt the next ')' and '\n' after a link's "](": every word or
	// link inside them finds the same end, so a long line is scanned once,
	// not once per word (which made hostile lines quadratic).
	chunkFrom, chunkTo int
	closeAt, nlAt      nextByte
}

// nextByte caches where the next occurrence of a byte is.
type nextByte struct{ from, at int }

// next returns the index of the first c in s[i:end], or -1, reusing the
// last answer when i lies between the last search's start and its result.
func (n *nextByte) next(s string, c byte, i, end int) int {
	if n.at != 0 && n.from <= i && (i <= n.at || n.at < 0) {
		return n.at
	}
	n.from, n.at = i, -1
	if k := strings.IndexByte(s[i:end], c); k >= 0 {
		n.at = i + k
	}
	if n.at == 0 {
		n.from = -1 // 0 marks an empty cache; never reuse this answer
	}
	return n.at
}

func (t *tokenizer) emit(kind TokenKind, a, b int) {
	if kind != TokPunct || !isClosing(t.s[a:b]) {
		if t.sentBreak && len(t.toks) > 0 {
			t.sentence++
		}
		t.sentBreak = false
	}
	tok := Token{Kind: kind, Start: a, End: b, Text: t.s[a:b], Sentence: t.sentence, Para: t.para}
	switch kind {
	case TokWord, TokNumber, TokHashtag, TokMention:
		tok.Lower = strings.ToLower(tok.Text)
		tok.Stem = tok.Lower
	}
	t.toks = append(t.toks, tok)
	t.newlines = 0
}

// isClosing is punctuation that belongs to the sentence before it.
func isClosing(p string) bool {
	switch p {
	case ".", "!", "?", "…", ")", "]", "\"", "'", "”", "’", "»":
		return true
	}
	return false
}

func (t *tokenizer) run(i int) {
	s := t.s
	for i < t.end {
		c := s[i]
		if c == '\n' {
			t.newlines++
			if t.newlines == 2 {
				t.para++
				t.sentBreak = true
			}
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:t.end])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		switch {
		case c == '<' && strings.HasPrefix(s[i:t.end], "<!--"):
			// An HTML comment is invisible once published: not linted.
			j := strings.Index(s[i:t.end], "-->")
			if j < 0 {
				i = t.end
			} else {
				i += j + 3
			}
			continue
		case c == ']' && i+1 < t.end && s[i+1] == '(':
			i = t.linkTarget(i)
			continue
		case c == '#' && !t.afterWordChar(i):
			if j := scanTag(s, i+1, t.end); j > i+1 {
				t.emit(TokHashtag, i, j)
				i = j
				continue
			}
		case c == '@' && !t.afterWordChar(i):
			if j := scanHandle(s, i+1, t.end); j > i+1 {
				t.emit(TokMention, i, j)
				i = j
				continue
			}
		case isWordRune(r):
			i = t.word(i)
			continue
		case isEmojiStart(r, s[i+size:t.end]):
			j := scanEmoji(s, i, t.end)
			t.emit(TokEmoji, i, j)
			i = j
			continue
		}
		t.emit(TokPunct, i, i+size)
		if (r == '.' || r == '!' || r == '?' || r == '…') && !t.abbreviation(r) {
			t.sentBreak = true
		}
		i += size
	}
}

// afterWordChar reports whether the byte before i continues a word, as in
// "C#" or "nama@domain": then '#' and '@' start no tag or mention.
func (t *tokenizer) afterWordChar(i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t.s[:i])
	return isWordRune(r)
}

// abbreviation reports whether the full stop just emitted closes a known
// abbreviation or an initial ("dr.", "H.", "A."), which ends no sentence.
func (t *tokenizer) abbreviation(r rune) bool {
	if r != '.' || len(t.toks) < 2 {
		return false
	}
	prev := t.toks[len(t.toks)-2]
	if prev.Kind != TokWord || prev.End != t.toks[len(t.toks)-1].Start {
		return false
	}
	return abbreviations[prev.Lower] || utf8.RuneCountInString(prev.Text) == 1
}

// linkTarget handles "](target)" of a Markdown link or image: the target is
// one URL or path token, never words.
func (t *tokenizer) linkTarget(i int) int {
	t.emit(TokPunct, i, i+1)
	open := i + 1
	closeAt := t.closeAt.next(t.s, ')', open, t.end)
	nlAt := t.nlAt.next(t.s, '\n', open, t.end)
	if closeAt < 0 || (nlAt >= 0 && nlAt < closeAt) {
		return open
	}
	close := closeAt - open
	t.emit(TokPunct, open, open+1)
	a, b := open+1, open+close
	for a < b && t.s[a] == ' ' {
		a++
	}
	// "<poster baru.jpg>": CommonMark's angle-bracket form, which may hold
	// spaces; the target is what the brackets enclose.
	if a < b && t.s[a] == '<' {
		if g := strings.IndexByte(t.s[a+1:b], '>'); g >= 0 {
			g += a + 1
			t.emit(TokPunct, a, a+1)
			if a+1 < g {
				kind := TokPath
				if isURLStart(t.s[a+1 : g]) {
					kind = TokURL
				}
				t.emit(kind, a+1, g)
			}
			t.emit(TokPunct, g, g+1)
			t.emit(TokPunct, open+close, open+close+1)
			return open + close + 1
		}
	}
	// A title after the target ("poster.jpg \"Poster\"") is not part of it.
	if sp := strings.IndexAny(t.s[a:b], " \t"); sp >= 0 {
		b = a + sp
	}
	if a < b {
		kind := TokPath
		if isURLStart(t.s[a:b]) {
			kind = TokURL
		}
		t.emit(kind, a, b)
	}
	t.emit(TokPunct, open+close, open+close+1)
	return open + close + 1
}

// word scans a word, number, URL or e-mail address starting at i.
func (t *tokenizer) word(i int) int {
	s := t.s
	// The whitespace-delimited chunk decides URLs and e-mail addresses.
	chunkEnd := i
	if t.chunkFrom <= i && i < t.chunkTo {
		chunkEnd = t.chunkTo
	}
	for chunkEnd < t.end {
		r, size := utf8.DecodeRuneInString(s[chunkEnd:t.end])
		if unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' || r == '(' || r == ')' || r == '[' || r == ']' {
			break
		}
		chunkEnd += size
	}
	t.chunkFrom, t.chunkTo = i, chunkEnd
	chunk := s[i:chunkEnd]
	if isURLStart(chunk) || isBareDomain(chunk) {
		j := i + trimURLEnd(chunk)
		t.emit(TokURL, i, j)
		return j
	}
	// No e-mail address is longer than 254 characters: a longer chunk is
	// not searched (a line of "ab@ab@..." would be searched once per word).
	if at := strings.IndexByte(chunk[:min(len(chunk), maxAddressScan)], '@'); at > 0 && len(chunk) <= maxAddressScan {
		if n := emailLen(chunk); n > 0 {
			t.emit(TokEmail, i, i+n)
			return i + n
		}
	}
	j := i
	letters := false
	for j < t.end {
		r, size := utf8.DecodeRuneInString(s[j:t.end])
		if isWordRune(r) {
			if !unicode.IsDigit(r) {
				letters = true
			}
			j += size
			continue
		}
		// Joiners stay inside a word only between the right neighbours.
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		next, _ := utf8.DecodeRuneInString(s[j+size : t.end])
		if j+size >= t.end {
			break
		}
		switch {
		case r == '-' && isWordRune(next) && next != '_':
		case (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next):
		case (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
		default:
			goto done
		}
		j += size
	}
done:
	kind := TokWord
	if !letters {
		kind = TokNumber
	}
	t.emit(kind, i, j)
	return j
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// scanTag returns the end of a hashtag's body starting at i: letters,
// digits, marks and '_', as the platforms read a tag.
func scanTag(s string, i, end int) int {
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(s[j:end])
		if !(isWordRune(r) || r == '_') {
			break
		}
		j += size
	}
	return j
}

// scanHandle returns the end of a mention's handle: ASCII letters, digits,
// '_' and inner '.'.
func scanHandle(s string, i, end int) int {
	j := i
	for j < end {
		c := s[j]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' {
			j++
			continue
		}
		if c == '.' && j+1 < end && j > i && isHandleByte(s[j+1]) {
			j++
			continue
		}
		break
	}
	return j
}

func isHandleByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isURLStart(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.")
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// topLevel lists the endings that make "name.ending" a web address without
// a scheme, as posts write them ("bantenprov.go.id", "s.id/abc").
var topLevel = []string{".go.id", ".co.id", ".or.id", ".ac.id", ".sch.id", ".desa.id", ".id", ".com", ".org", ".net", ".info", ".io", ".ly"}

// maxAddressScan bounds how much of a chunk is read to decide whether it
// is an e-mail address or a bare domain (both at most 254 characters, plus
// room for trailing punctuation).
const maxAddressScan = 320

func isBareDomain(chunk string) bool {
	host := chunk
	if len(host) > maxAddressScan {
		k := strings.IndexByte(host[:maxAddressScan], '/')
		if k < 0 {
			return false // no web address has a host this long
		}
		host = host[:k]
	}
	if k := strings.IndexByte(host, '/'); k >= 0 {
		host = host[:k]
	}
	host = strings.TrimRight(host, ".,;:!?")
	if strings.ContainsAny(host, "@") || !strings.Contains(host, ".") {
		return false
	}
	low := strings.ToLower(host)
	for _, tl := range topLevel {
		if strings.HasSuffix(low, tl) && len(low) > len(tl) {
			for _, r := range low {
				if !(r == '.' || r == '-' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9') {
					return false
				}
			}
			return true
		}
	}
	return false
}

// trimURLEnd drops punctuation that ends the sentence rather than the URL.
func trimURLEnd(chunk string) int {
	n := len(chunk)
	for n > 0 {
		c := chunk[n-1]
		if strings.IndexByte(".,;:!?'*_", c) >= 0 {
			n--
			continue
		}
		break
	}
	return n
}

func emailLen(chunk string) int {
	n := trimURLEnd(chunk)
	c := chunk[:n]
	at := strings.IndexByte(c, '@')
	if at <= 0 || strings.Count(c, "@") != 1 {
		return 0
	}
	local, domain := c[:at], c[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return 0
	}
	for _, r := range local + domain {
		if !(r == '.' || r == '-' || r == '_' || r == '+' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return 0
		}
	}
	return n
}

// isEmojiStart reports whether r begins an emoji (rest is what follows).
func isEmojiStart(r rune, rest string) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r >= 0x2B00 && r <= 0x2BFF,
		r >= 0x2300 && r <= 0x23FF, r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	}
	// A plain symbol or digit followed by the emoji presentation selector
	// or a keycap is drawn as an emoji too.
	next, _ := utf8.DecodeRuneInString(rest)
	return (next == 0xFE0F || next == 0x20E3) && !unicode.IsSpace(r)
}

// scanEmoji returns the end of one emoji starting at i: the base, its
// variation selector, skin tone, keycap, and any zero-width-joined parts.
func scanEmoji(s string, i, end int) int {
	r, size := utf8.DecodeRuneInString(s[i:end])
	j := i + size
	regional := r >= 0x1F1E6 && r <= 0x1F1FF
	for j < end {
		r, size = utf8.DecodeRuneInString(s[j:end])
		switch {
		case r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || (r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F):
			j += size
		case regional && r >= 0x1F1E6 && r <= 0x1F1FF:
			j += size
			regional = false
		case r == 0x200D:
			j += size
			if j < end {
				_, size = utf8.DecodeRuneInString(s[j:end])
				j += size
			}
		default:
			return j
		}
	}
	return j
}
