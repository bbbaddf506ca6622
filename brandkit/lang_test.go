package brandkit

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// langCase is a kit that is wrong in one way; files are written into a
// fresh folder and selaras.toml there is loaded.
type langCase struct {
	name  string
	files map[string]string
	load  string // the file loaded; "selaras.toml" when empty
}

func kitCase(name, src string) langCase {
	return langCase{name: name, files: map[string]string{"selaras.toml": src}}
}

// langCases holds one kit per kind of problem a kit can have: syntax,
// unknown key, wrong type, each value type, each validation, files that
// are missing or unreadable, extends.
func langCases() []langCase {
	return []langCase{
		kitCase("syntax: unterminated string", "[kit]\nname = \"unterminated\n"),
		kitCase("syntax: bare key", "[kit]\nna me = \"x\"\n"),
		kitCase("syntax: key defined twice", "[kit]\nname = \"a\"\nname = \"b\"\n"),
		kitCase("syntax: bad date", "[[campaigns]]\nfrom = 2025-13-45\n"),
		kitCase("unknown key", "[kit]\ncolour = \"merah\"\n"),
		kitCase("unknown key: did you mean", "[kit]\nlangauge = \"id\"\n[hashtag]\nrequired = [\"#A\"]\n"),
		kitCase("unknown key with a bad value", "[palette]\ncolours = [\"#000\"]\n[[logos]]\nfile = \"l.png\"\nzone = \"kiri-atas\"\n"),
		kitCase("value: quoted date", "[[campaigns]]\nhashtags = [\"#A\"]\nfrom = \"2025-09-25\"\nuntil = 2025-10-01\n"),
		kitCase("wrong type: text for a number", "[hashtags]\nmax = \"lima\"\n"),
		kitCase("wrong type: text for a list", "[hashtags]\nrequired = \"#BantenMaju\"\n"),
		kitCase("wrong type: number for text", "[kit]\nname = 5\n"),
		kitCase("wrong type: text for a table", "kit = \"Banten\"\n"),
		kitCase("wrong type: table for a flag", "[[terms]]\nuse = \"a\"\navoid = [\"b\"]\ncase_sensitive = { x = 1 }\n"),
		kitCase("value: severity", "[rules]\nseverity = { jargon = \"keras\" }\n"),
		kitCase("value: colour", "[palette]\ncolors = [\"#12345\"]\n"),
		kitCase("value: hashtag", "[hashtags]\nrequired = [\"BantenMaju\"]\n"),
		kitCase("value: mention", "[mentions]\nrequired = [\"bantenprov\"]\n"),
		kitCase("value: image size", "[platforms.x]\nimage_sizes = [\"besar\"]\n"),
		kitCase("value: zone", "[[logos]]\nfile = \"l.png\"\nzone = \"tengah\"\n"),
		kitCase("value: language", "[kit]\nlanguage = \"jv\"\n"),
		kitCase("value: image format", "[platforms.x]\nformats = [\"bmp\"]\n"),
		kitCase("jargon: no phrase", "[[jargon]]\nsuggest = [\"untuk\"]\n"),
		kitCase("jargon: listed twice", "[[jargon]]\nphrase = \"dalam rangka\"\n[[jargon]]\nphrase = \"Dalam  rangka\"\n"),
		kitCase("jargon: empty suggestion", "[[jargon]]\nphrase = \"dalam rangka\"\nsuggest = [\" \"]\n"),
		kitCase("terms: no use", "[[terms]]\navoid = [\"Propinsi\"]\n"),
		kitCase("terms: no avoid", "[[terms]]\nuse = \"Provinsi\"\n"),
		kitCase("terms: empty avoid", "[[terms]]\nuse = \"Provinsi\"\navoid = [\"\"]\n"),
		kitCase("terms: use avoided", "[[terms]]\nuse = \"Provinsi\"\navoid = [\"Provinsi\"]\n"),
		kitCase("jargon: context of two words", "[[jargon]]\nphrase = \"terkait\"\nnot_after = [\"pihak yang\"]\nnot_before = [\"\"]\n"),
		kitCase("terms: context of two words", "[[terms]]\nuse = \"Kementerian Hukum\"\navoid = [\"Kemenkumham\"]\nnot_before = [\"Provinsi Banten\"]\n"),
		kitCase("terms: empty successor", "[[terms]]\nuse = \"Kementerian Hukum\"\navoid = [\"Kemenkumham\"]\nalso_use = [\" \", \"kemenkumham\"]\n"),
		kitCase("neutrality: sense", "[[neutrality.senses]]\nacronym = \"P K S\"\n[[neutrality.senses]]\nacronym = \"PKS\"\nmeans = [\"=\"]\n"),
		kitCase("claims: empty example source", "[claims]\nexample_source = \"  \"\n"),
		kitCase("pillars: no id", "[narrative]\npillars = [ { label = \"Maju\", keywords = [\"maju\"] } ]\n"),
		kitCase("pillars: id twice", "[narrative]\npillars = [ { id = \"maju\", keywords = [\"maju\"] }, { id = \"maju\", keywords = [\"inovasi\"] } ]\n"),
		kitCase("pillars: no keywords", "[narrative]\npillars = [ { id = \"maju\" } ]\n"),
		kitCase("hashtags: required and banned", "[hashtags]\nrequired = [\"#Maju\"]\nbanned = [\"#maju\"]\n"),
		kitCase("hashtags: negative max", "[hashtags]\nmax = -1\n"),
		kitCase("hashtags: known and banned", "[hashtags]\nknown = [\"#Lama\"]\nbanned = [\"#Lama\"]\n"),
		kitCase("hashtags: account tag banned", "[hashtags]\nbanned = [\"#Lama\"]\n[accounts.dinkes]\nhashtags = [\"#Lama\"]\n"),
		kitCase("hashtags: platform tag banned", "[hashtags]\nbanned = [\"#Lama\"]\n[platforms.x]\nhashtags = [\"#Lama\"]\n"),
		kitCase("hashtags: campaign tag banned", "[hashtags]\nbanned = [\"#Lama\"]\n[[campaigns]]\nhashtags = [\"#Lama\"]\nfrom = 2025-01-01\nuntil = 2025-02-01\n"),
		kitCase("hashtags: replace not a tag", "[hashtags]\nreplace = { \"Lama\" = \"#Baru\" }\n"),
		kitCase("hashtags: replace not banned", "[hashtags]\nreplace = { \"#Lama\" = \"#Baru\" }\n"),
		kitCase("hashtags: replaced by itself", "[hashtags]\nbanned = [\"#Lama\"]\nreplace = { \"#Lama\" = \"#lama\" }\n"),
		kitCase("hashtags: replacement banned", "[hashtags]\nbanned = [\"#Lama\", \"#Baru\"]\nreplace = { \"#Lama\" = \"#Baru\" }\n"),
		kitCase("accounts: slug", "[accounts.\"Din Kes\"]\nname = \"Dinkes\"\n"),
		kitCase("accounts: bad glob", "[accounts.dinkes]\npaths = [\"dinkes/[\"]\n"),
		kitCase("platforms: name", "[platforms.\"Insta Gram\"]\ncaption_max = 10\n"),
		kitCase("platforms: negative limit", "[platforms.x]\ncaption_max = -1\n"),
		kitCase("platforms: negative image limit", "[platforms.x]\nmax_bytes = -1\n"),
		kitCase("campaigns: no hashtags", "[[campaigns]]\nfrom = 2025-01-01\nuntil = 2025-02-01\n"),
		kitCase("campaigns: no dates", "[[campaigns]]\nhashtags = [\"#Baru\"]\n"),
		kitCase("campaigns: until before from", "[[campaigns]]\nhashtags = [\"#Baru\"]\nfrom = 2025-02-01\nuntil = 2025-01-01\n"),
		kitCase("palette: negative tolerance", "[palette]\ntolerance = -1.0\n"),
		kitCase("logos: no file", "[[logos]]\nzone = \"any\"\n"),
		kitCase("logos: min_width", "[[logos]]\nfile = \"l.png\"\nmin_width = 2.0\n"),
		kitCase("images: max_pixels", "[images]\nmax_pixels = -5\n"),
		kitCase("images: share", "[images]\nlogo_score = 2.0\n"),
		kitCase("images: metadata", "[images]\nmetadata = \"semua\"\n"),
		kitCase("tone: passive_max", "[tone]\npassive_max = 1.5\n"),
		kitCase("tone: negative count", "[tone]\nsentence_max = -1\n"),
		kitCase("tone: empty entry", "[tone]\nacronyms = [\" \"]\n"),
		kitCase("tone: acronym of two words", "[tone]\nacronyms = [\"BPJS Kesehatan\"]\n"),
		kitCase("narrative: threshold", "[narrative]\nthreshold = 2.0\n"),
		kitCase("narrative: exemplars absolute", "[narrative]\nexemplars = \"/contoh\"\n"),
		kitCase("narrative: exemplars outside", "[narrative]\nexemplars = \"../contoh\"\n"),
		kitCase("narrative: exemplars missing", "[narrative]\nexemplars = \"contoh\"\n"),
		kitCase("rules: unknown rule", "[rules]\ndisable = [\"tidak-ada\"]\n"),
		kitCase("rules: unknown severity rule", "[rules]\nseverity = { tidak-ada = \"error\" }\n"),
		kitCase("nesting bomb", "a"+strings.Repeat(".b", 200)+" = 1\n"),
		{name: "missing file", files: map[string]string{}, load: "tidak-ada.toml"},
		{name: "not a regular file", files: map[string]string{"folder/a.txt": ""}, load: "folder"},
		{name: "too large", files: map[string]string{"selaras.toml": "# " + strings.Repeat("x", maxKitBytes) + "\n"}},
		kitCase("extends: no such file", "[kit]\nextends = \"induk.toml\"\n"),
		{name: "extends: loop", files: map[string]string{
			"selaras.toml":   "[kit]\nextends = \"b/selaras.toml\"\n",
			"b/selaras.toml": "[kit]\nextends = \"../selaras.toml\"\n"}},
		{name: "extends: too deep", files: deepChain(maxExtends + 1)},
		{name: "extends: broken parent", files: map[string]string{
			"selaras.toml":      "[kit]\nextends = \"prov/selaras.toml\"\n",
			"prov/selaras.toml": "[kit]\nwarna = \"biru\"\n"}},
	}
}

// deepChain is n kits, each extending the next.
func deepChain(n int) map[string]string {
	files := map[string]string{}
	name := "selaras.toml"
	for i := 0; i < n; i++ {
		next := fmt.Sprintf("k%d.toml", i)
		files[name] = fmt.Sprintf("[kit]\nextends = %q\n", next)
		name = next
	}
	files[name] = "[kit]\nname = \"akar\"\n"
	return files
}

func (c langCase) run(t *testing.T) (dir string, err error) {
	t.Helper()
	dir = t.TempDir()
	for name, src := range c.files {
		write(t, dir, name, src)
	}
	load := c.load
	if load == "" {
		load = "selaras.toml"
	}
	l := &Loader{KnownRule: func(n string) bool { return n == "jargon" }}
	_, err = l.Load(filepath.Join(dir, load))
	return dir, err
}

// problems lists the Problems err holds, in order.
func problems(err error) []Problem {
	var out []Problem
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case Problem:
			out = append(out, e)
		case interface{ Unwrap() []error }:
			for _, x := range e.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

// TestKitProblemsBilingual: every kind of kit problem is told in
// Indonesian and in English, the two texts differ, the English one is
// what Error() has always said, and either way it is one line per problem
// naming the file.
func TestKitProblemsBilingual(t *testing.T) {
	for _, c := range langCases() {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.run(t)
			if err == nil {
				t.Fatal("the kit loaded; the case is meant to be wrong")
			}
			probs := problems(err)
			if len(probs) == 0 {
				t.Fatalf("not a Problem: %T %v", err, err)
			}
			en, id := Message(err, "en"), Message(err, "id")
			if en != err.Error() {
				t.Errorf("English differs from Error():\n%s\n%s", en, err.Error())
			}
			enLines, idLines := strings.Split(en, "\n"), strings.Split(id, "\n")
			if len(enLines) != len(probs) || len(idLines) != len(probs) {
				t.Fatalf("want %d lines in each language, got %d and %d:\n%s\n%s", len(probs), len(enLines), len(idLines), en, id)
			}
			for i, p := range probs {
				if strings.TrimSpace(p.MsgID) == "" || strings.TrimSpace(p.Msg) == "" {
					t.Errorf("problem lacks a language: ID %q, EN %q", p.MsgID, p.Msg)
				}
				if p.MsgID == p.Msg {
					t.Errorf("Indonesian and English are the same: %q", p.Msg)
				}
				if idLines[i] == enLines[i] {
					t.Errorf("line %d is the same in both languages: %q", i, idLines[i])
				}
				if p.In("id") != idLines[i] || p.In("en") != enLines[i] {
					t.Errorf("Message and Problem.In disagree:\n%q\n%q", p.In("id"), idLines[i])
				}
				prefix := p.File
				if !strings.HasPrefix(idLines[i], prefix) || !strings.HasPrefix(enLines[i], prefix) {
					t.Errorf("a line does not start with the file %s:\n%s\n%s", prefix, idLines[i], enLines[i])
				}
				// Only the TOML library's syntax messages keep their
				// (English) detail, in an Indonesian frame.
				if framed := strings.HasPrefix(p.MsgID, "TOML tidak sah: "); framed != strings.HasPrefix(c.name, "syntax") {
					t.Errorf("framed as a syntax error: %v, want %v: %q", framed, !framed, p.MsgID)
				}
			}
		})
	}
}

// TestKitProblemsIndonesianWords: the Indonesian lines of the whole
// corpus do not fall back to the English messages, except the TOML
// library's own detail inside its Indonesian frame.
func TestKitProblemsIndonesianWords(t *testing.T) {
	var msgs []string
	for _, c := range langCases() {
		_, err := c.run(t)
		for _, p := range problems(err) {
			id := p.MsgID
			if rest, ok := strings.CutPrefix(id, "TOML tidak sah: "); ok {
				if rest != strings.TrimPrefix(p.Msg, "toml: ") && rest != p.Msg {
					t.Errorf("%s: the TOML library's detail is not kept: %q vs %q", c.name, id, p.Msg)
				}
				continue
			}
			for _, w := range []string{" must ", " needs ", " use ", " write ", " is ", " the ", "unknown", "cannot", "wrong type"} {
				if strings.Contains(" "+id+" ", w) {
					t.Errorf("%s: Indonesian text holds English %q: %q", c.name, strings.TrimSpace(w), id)
				}
			}
			msgs = append(msgs, id)
		}
	}
	sort.Strings(msgs)
	if len(msgs) < 50 {
		t.Errorf("only %d translated problems in the corpus", len(msgs))
	}
}

// TestMessageOfOtherErrors: errors that are not kit problems print as
// they are; a joined list prints one per line.
func TestMessageOfOtherErrors(t *testing.T) {
	plain := errors.New("plain")
	if got := Message(plain, "id"); got != "plain" {
		t.Errorf("plain error: %q", got)
	}
	p := Problem{File: "a.toml", Line: 2, Key: "kit.name", Msg: "bad\nvalue", MsgID: "nilai\nburuk"}
	j := errors.Join(p, plain)
	if got, want := Message(j, "id"), "a.toml:2: kit.name: nilai\\nburuk\nplain"; got != want {
		t.Errorf("joined, id: %q, want %q", got, want)
	}
	if got := Message(j, "en"); got != j.Error() {
		t.Errorf("joined, en: %q, want %q", got, j.Error())
	}
	// A problem made without Indonesian falls back to the English text.
	if got := (Problem{File: "a.toml", Msg: "only english"}).In("id"); got != "a.toml: only english" {
		t.Errorf("fallback: %q", got)
	}
	// The embedded kit is named in the language of the run.
	d := Problem{File: defaultName, Msg: "x", MsgID: "y"}
	if d.In("en") != "(default kit): x" || d.In("id") != "(kit bawaan selaras): y" {
		t.Errorf("embedded kit: %q / %q", d.In("en"), d.In("id"))
	}
	if Message(nil, "id") != "" {
		t.Error("nil error")
	}
}

var update = flag.Bool("update", false, "rewrite testdata/kit-problems.golden")

// TestKitProblemsGolden: the whole corpus in both languages, as the user
// reads it. The English half is what selaras printed before kit problems
// were translated, and must stay so (scripts read it); refresh with
// -update and read the diff.
func TestKitProblemsGolden(t *testing.T) {
	var b bytes.Buffer
	for _, c := range langCases() {
		dir, err := c.run(t)
		fmt.Fprintf(&b, "== %s\n", c.name)
		for _, lang := range []string{"id", "en"} {
			for _, line := range strings.Split(Message(err, lang), "\n") {
				fmt.Fprintf(&b, "%s  %s\n", lang, strings.ReplaceAll(line, dir, "DIR"))
			}
		}
	}
	golden := filepath.Join("testdata", "kit-problems.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("kit problems differ from %s (run with -update and read the diff):\n%s", golden, b.String())
	}
}

// failingSource fails every read with err.
type failingSource struct{ err error }

func (s failingSource) ReadFile(string) ([]byte, error) { return nil, s.err }

// TestReadErrorsBilingual: why a kit cannot be read is told in the run's
// language: a refused permission, and any error of a Source that tells
// itself in both languages; other reasons keep their own text.
func TestReadErrorsBilingual(t *testing.T) {
	cases := []struct {
		err    error
		id, en string
	}{
		{&fs.PathError{Op: "open", Path: "k.toml", Err: fs.ErrPermission},
			"k.toml: kit tidak bisa dibaca: tidak ada izin untuk membacanya", "k.toml: cannot read kit: permission denied"},
		{errorf("terlalu besar", "too large"),
			"k.toml: kit tidak bisa dibaca: terlalu besar", "k.toml: cannot read kit: too large"},
		{errors.New("disk on fire"),
			"k.toml: kit tidak bisa dibaca: disk on fire", "k.toml: cannot read kit: disk on fire"},
	}
	for _, c := range cases {
		l := &Loader{Files: failingSource{c.err}}
		_, err := l.Load("k.toml")
		if got := Message(err, "id"); got != c.id {
			t.Errorf("%v, id: %q, want %q", c.err, got, c.id)
		}
		if got := Message(err, "en"); got != c.en || err.Error() != c.en {
			t.Errorf("%v, en: %q, want %q", c.err, got, c.en)
		}
	}
}
