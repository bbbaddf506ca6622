package main

import (
	"bytes"
	"encoding"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/selaras/selaras/brandkit"
	"github.com/selaras/selaras/lint"
)

func init() {
	register("kit", command{
		summary: lang2{id: "periksa kit merek: selaras kit check [BERKAS] [--print]", en: "check a brand kit: selaras kit check [FILE] [--print]"},
		run:     runKit,
	})
}

var kitUsage = lang2{
	id: "Pemakaian: selaras kit check [BERKAS] [--print]\n\n  check   memeriksa kit (dan rantai extends-nya); --print mencetak kit efektif sebagai TOML\n\nTanpa BERKAS: selaras.toml terdekat dari folder ini ke atas, atau kit bawaan.",
	en: "Usage: selaras kit check [FILE] [--print]\n\n  check   validates a kit (and its extends chain); --print prints the effective kit as TOML\n\nWithout FILE: the nearest selaras.toml from this folder up, else the embedded kit.",
}

func runKit(e *env, args []string) int {
	lang := defaultLang(e)
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, kitUsage.in(lang))
		return exitError
	}
	switch args[0] {
	case "check":
		return runKitCheck(e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, kitUsage.in(lang))
		return exitOK
	}
	fmt.Fprintf(e.stderr, "selaras kit: %s\n", lang2{
		id: fmt.Sprintf("subperintah %q tidak dikenal; yang ada: check", args[0]),
		en: fmt.Sprintf("unknown subcommand %q; there is: check", args[0])}.in(lang))
	return exitError
}

func runKitCheck(e *env, args []string) int {
	f := newFlags(e, "kit check", lang2{
		id: "memeriksa kit merek dan rantai extends-nya; tanpa BERKAS: selaras.toml terdekat, atau kit bawaan",
		en: "validates a brand kit and its extends chain; without FILE: the nearest selaras.toml, else the embedded kit"})
	printKit := f.bool("print", false, lang2{
		id: "cetak kit efektif (digabung dengan rantai extends-nya dan kit bawaan) sebagai TOML",
		en: "print the effective kit (merged over its extends chain and the default kit) as TOML"})
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		f.fail("%s", lang2{id: "sebutkan satu berkas kit saja", en: "name one kit file only"}.in(f.lang))
		return exitError
	}
	loader := newLoader("")
	loader.Strict, loader.Unfindable = true, phraseUnfindable
	var (
		kit  *brandkit.Kit
		err  error
		name string
	)
	switch {
	case len(pos) == 1:
		name = pos[0]
		if info, serr := os.Stat(name); serr == nil && info.IsDir() {
			name = filepath.Join(name, brandkit.FileName)
		}
		kit, err = loader.Load(name)
	default:
		name = nearestKit()
		if name != "" {
			kit, err = loader.Load(name)
		} else {
			kit, err = loader.Default()
		}
	}
	if err != nil {
		for _, line := range strings.Split(brandkit.Message(err, f.lang), "\n") {
			if line != "" {
				fmt.Fprintln(e.stdout, line)
			}
		}
		n := brandkit.Count(err)
		f.fail("%s", lang2{
			id: fmt.Sprintf("%d masalah dalam kit; perbaiki lalu jalankan lagi", n),
			en: fmt.Sprintf("%d problems in the kit; fix them and run again", n)}.in(f.lang))
		return exitError
	}
	if *printKit {
		out, err := effectiveTOML(kit, f.lang)
		if err != nil {
			f.fail("%v", err)
			return exitError
		}
		e.stdout.Write(out)
		return exitOK
	}
	shown := name
	if shown == "" {
		shown = chainName(kit.Chain[len(kit.Chain)-1], f.lang)
	}
	if kit.Kit.Name != "" {
		shown += " (" + kit.Kit.Name + ")"
	}
	fmt.Fprintf(e.stdout, "ok: %s\n", shown)
	fmt.Fprintln(e.stdout, lang2{id: "rantai kit (induk lebih dulu):", en: "kit chain (parents first):"}.in(f.lang))
	for _, c := range kit.Chain {
		fmt.Fprintf(e.stdout, "  %s\n", chainName(c, f.lang))
	}
	return exitOK
}

// phraseUnfindable says why the text rules could not find phrase in a
// draft that holds it as written: the tokenizer reads part of it as
// something other than words (a web address, a hashtag). "" when they can.
func phraseUnfindable(phrase string) (id, en string) {
	d, _ := lint.ParseDraft("kit", "kit", "", []byte("Kami menulis "+phrase+" di sini.\n"))
	found := false
	lint.NewMatcher([]lint.PhraseSpec{{Text: phrase, Exact: true}}, nil).Find(d, func(lint.Match) { found = true })
	if found {
		return "", ""
	}
	p, _ := lint.ParseDraft("kit", "kit", "", []byte(phrase))
	for _, t := range p.Tokens {
		if as, ok := tokenAs[t.Kind]; ok {
			return fmt.Sprintf("selaras membaca %q sebagai %s, bukan kata", t.Text, as.id), fmt.Sprintf("selaras reads %q as %s, not words", t.Text, as.en)
		}
	}
	return "teks yang memuatnya pun tidak cocok", "not even a text that holds it matches"
}

// tokenAs names the tokens that are not words, for phraseUnfindable.
var tokenAs = map[lint.TokenKind]lang2{
	lint.TokHashtag: {id: "tagar", en: "a hashtag"},
	lint.TokMention: {id: "akun", en: "a mention"},
	lint.TokURL:     {id: "alamat web", en: "a web address"},
	lint.TokEmail:   {id: "alamat surel", en: "an e-mail address"},
	lint.TokPath:    {id: "jalur berkas", en: "a file path"},
	lint.TokEmoji:   {id: "emoji", en: "an emoji"},
}

// nearestKit is the kit file a draft in the current folder would get: the
// nearest selaras.toml walking up, as a path relative to the current
// folder when possible; "" when there is none.
func nearestKit() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; {
		cand := filepath.Join(d, brandkit.FileName)
		if _, err := os.Stat(cand); err == nil {
			if rel, err := filepath.Rel(wd, cand); err == nil {
				return rel
			}
			return cand
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// chainName shows a kit of the chain; the embedded kit by its name in
// lang.
func chainName(c, lang string) string {
	if c == "(default kit)" {
		return lang2{id: "(kit bawaan selaras)", en: "(selaras's embedded kit)"}.in(lang)
	}
	return c
}

// effectiveTOML renders a merged kit as a standalone TOML file: what a
// folder gets, with defaults = false and no extends (everything inherited is
// spelled out), paths relative to the kit's folder, and keys left at their
// zero value omitted.
func effectiveTOML(k *brandkit.Kit, lang string) ([]byte, error) {
	// Work on the mirror (see omitEmpty), never on a copy of the kit, which
	// holds its memo.
	m := omitEmpty(reflect.ValueOf(k).Elem())
	info := m.FieldByName("Kit")
	info.FieldByName("Extends").SetString("")
	no := false
	info.FieldByName("Defaults").Set(reflect.ValueOf(&no))
	enable := m.FieldByName("Rules").FieldByName("Enable")
	enable.Set(reflect.Zero(enable.Type()))
	if dir := k.Dir(); dir != "" {
		accounts := m.FieldByName("Accounts")
		iter := accounts.MapRange()
		for iter.Next() {
			a := reflect.New(iter.Value().Type()).Elem()
			a.Set(iter.Value())
			paths := a.FieldByName("Paths")
			paths.Set(reflect.ValueOf(relPaths(dir, paths.Interface().([]string), true)))
			accounts.SetMapIndex(iter.Key(), a)
		}
		logos := m.FieldByName("Logos")
		for i := 0; i < logos.Len(); i++ {
			file := logos.Index(i).FieldByName("File")
			file.SetString(relPaths(dir, []string{file.String()}, false)[0])
		}
	}
	var chain []string
	for _, n := range k.Chain {
		chain = append(chain, chainName(n, lang))
	}
	var b bytes.Buffer
	fmt.Fprintln(&b, lang2{
		id: "# Kit efektif: " + strings.Join(chain, " -> "),
		en: "# Effective kit: " + strings.Join(chain, " -> ")}.in(lang))
	fmt.Fprintln(&b, lang2{
		id: "# Berdiri sendiri (defaults = false, tanpa extends); jalur relatif terhadap folder kit.",
		en: "# Standalone (defaults = false, no extends); paths are relative to the kit's folder."}.in(lang))
	fmt.Fprintln(&b)
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(m.Interface()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// relPaths makes paths (already joined with the kit's folder by the loader)
// relative to dir again, with forward slashes for globs.
func relPaths(dir string, paths []string, slash bool) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = p
		if filepath.IsAbs(p) != filepath.IsAbs(dir) {
			continue
		}
		if r, err := filepath.Rel(dir, filepath.FromSlash(p)); err == nil {
			out[i] = r
			if slash {
				out[i] = filepath.ToSlash(r)
			}
		}
	}
	return out
}

var (
	textMarshaler = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	timeType      = reflect.TypeOf(time.Time{})
)

// omitEmpty copies v into types that mirror the kit's structs with
// `omitempty,omitzero` added to every TOML key, so that the printed kit
// lists what is set and not every empty key of the schema. It follows the
// schema by reflection: keys added to brandkit.Kit later are printed
// without changes here.
func omitEmpty(v reflect.Value) reflect.Value {
	t := v.Type()
	if t == timeType {
		return reflect.ValueOf(tomlTime{v.Interface().(time.Time)})
	}
	if t.Implements(textMarshaler) {
		return v
	}
	switch t.Kind() {
	case reflect.Struct:
		var fields []reflect.StructField
		var vals []reflect.Value
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			tag := sf.Tag.Get("toml")
			if !sf.IsExported() || tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if name == "" {
				name = sf.Name
			}
			fv := omitEmpty(v.Field(i))
			fields = append(fields, reflect.StructField{Name: sf.Name, Type: fv.Type(), Tag: reflect.StructTag(`toml:"` + name + `,omitempty,omitzero"`)})
			vals = append(vals, fv)
		}
		out := reflect.New(reflect.StructOf(fields)).Elem()
		for i, fv := range vals {
			out.Field(i).Set(fv)
		}
		return out
	case reflect.Slice:
		et := omitEmpty(reflect.Zero(t.Elem())).Type()
		if v.IsNil() {
			return reflect.Zero(reflect.SliceOf(et))
		}
		out := reflect.MakeSlice(reflect.SliceOf(et), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(omitEmpty(v.Index(i)))
		}
		return out
	case reflect.Map:
		et := omitEmpty(reflect.Zero(t.Elem())).Type()
		mt := reflect.MapOf(t.Key(), et)
		if v.IsNil() {
			return reflect.Zero(mt)
		}
		out := reflect.MakeMapWithSize(mt, v.Len())
		iter := v.MapRange()
		for iter.Next() {
			out.SetMapIndex(iter.Key(), omitEmpty(iter.Value()))
		}
		return out
	case reflect.Pointer:
		et := omitEmpty(reflect.Zero(t.Elem())).Type()
		if v.IsNil() {
			return reflect.Zero(reflect.PointerTo(et))
		}
		p := reflect.New(et)
		p.Elem().Set(omitEmpty(v.Elem()))
		return p
	}
	return v
}

// tomlTime writes a kit date back as TOML wrote it: a date alone
// (2025-09-25) when it has no time of day, as campaign dates do; the TOML
// decoder returns those as midnight UTC.
type tomlTime struct{ t time.Time }

func (d tomlTime) MarshalTOML() ([]byte, error) {
	u := d.t.UTC()
	if u.Hour() == 0 && u.Minute() == 0 && u.Second() == 0 && u.Nanosecond() == 0 {
		return []byte(u.Format("2006-01-02")), nil
	}
	return []byte(d.t.Format(time.RFC3339Nano)), nil
}
