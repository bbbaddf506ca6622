package brandkit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// FileName is the name of a kit file found by walking up from a draft.
const FileName = "selaras.toml"

// maxKitBytes bounds what a kit file may hold; a kit is hand-written text.
const maxKitBytes = 4 << 20

// maxExtends bounds an extends chain, well beyond any real hierarchy
// (province, regency, agency).
const maxExtends = 16

// Source is where kit files are read from: the file system, or the git
// index when checking staged files. ReadFile returns an error satisfying
// errors.Is(err, fs.ErrNotExist) when there is no such file.
type Source interface {
	ReadFile(path string) ([]byte, error)
}

// OSFiles reads kit files from the operating system's file system.
type OSFiles struct{}

func (OSFiles) ReadFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errorf("%s bukan berkas biasa", "%s is not a regular file", path)
	}
	if info.Size() > maxKitBytes {
		return nil, errorf("%s lebih besar dari %d MiB: bukan kit", "%s is larger than %d MiB: not a kit", path, maxKitBytes>>20)
	}
	return os.ReadFile(path)
}

// Loader finds and loads kits, caching each file once. It is safe for
// concurrent use.
type Loader struct {
	// Files is where kit files are read; nil means the OS file system.
	Files Source
	// Override, when set, is the kit file used for every file (--kit).
	Override string
	// Fixed, when set, is the kit used for every file (tests, examples).
	Fixed *Kit
	// KnownRule, when set, validates the rule names a kit mentions.
	KnownRule func(name string) bool
	// Strict adds the checks of `selaras kit check` (strict.go): logo
	// files exist, and, with Unfindable, every jargon phrase and avoided
	// term can be found in a draft. Unfindable says why a text holding
	// phrase would still not match it (in Indonesian and English), or
	// returns "" when it would.
	Strict     bool
	Unfindable func(phrase string) (id, en string)

	mu   sync.Mutex
	kits map[string]*loaded // by cleaned path
	dirs map[string]string  // folder -> nearest kit path, "" for none
}

type loaded struct {
	once sync.Once
	kit  *Kit
	err  error
}

func (l *Loader) files() Source {
	if l.Files == nil {
		return OSFiles{}
	}
	return l.Files
}

// ForFile returns the kit that applies to the draft or image at path: the
// override, else the nearest selaras.toml in its folder or above, else the
// embedded default.
func (l *Loader) ForFile(path string) (*Kit, error) {
	if l.Fixed != nil {
		return l.Fixed, nil
	}
	if l.Override != "" {
		return l.Load(l.Override)
	}
	if kp := l.nearest(filepath.Dir(path)); kp != "" {
		return l.Load(kp)
	}
	return l.Default()
}

// nearest walks up from dir to the root looking for a kit file.
func (l *Loader) nearest(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	var visited []string
	found := ""
	for d := abs; ; {
		l.mu.Lock()
		kp, ok := l.dirs[d]
		l.mu.Unlock()
		if ok {
			found = kp
			break
		}
		visited = append(visited, d)
		cand := filepath.Join(d, FileName)
		if _, err := l.files().ReadFile(cand); err == nil || !errors.Is(err, fs.ErrNotExist) {
			// A kit that exists but cannot be read is still the nearest kit:
			// Load reports why, rather than silently skipping to a parent.
			found = cand
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	l.mu.Lock()
	if l.dirs == nil {
		l.dirs = map[string]string{}
	}
	for _, d := range visited {
		l.dirs[d] = found
	}
	l.mu.Unlock()
	return found
}

// Load reads the kit file at path and the kits it extends.
func (l *Loader) Load(path string) (*Kit, error) {
	key := filepath.Clean(path)
	l.mu.Lock()
	if l.kits == nil {
		l.kits = map[string]*loaded{}
	}
	e, ok := l.kits[key]
	if !ok {
		e = &loaded{}
		l.kits[key] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.kit, e.err = l.loadChain(key, nil) })
	return e.kit, e.err
}

// Default returns the embedded default kit: parsed and validated at build
// time (default_kit.go, made by `go run -tags genkit ./brandkit/internal/genkit`; a test keeps it
// in step with the TOML), so no run pays for decoding it.
func (l *Loader) Default() (*Kit, error) { return generatedDefault, nil }

// Parse reads a kit from src alone (no extends is followed); name is used in
// messages. It is what tests and `selaras kit check` of a snippet use.
func Parse(name string, src []byte) (*Kit, error) {
	var l Loader
	return l.parse(name, src, nil)
}

// ParseOver reads a kit from src merged over parent, as if src said
// `extends` of parent.
func ParseOver(parent *Kit, name string, src []byte) (*Kit, error) {
	var l Loader
	return l.parse(name, src, parent)
}

func (l *Loader) loadChain(path string, seen []string) (*Kit, error) {
	for _, s := range seen {
		if s == path {
			return nil, problemf(seen[0], 0, "kit.extends", "extends membentuk lingkaran: %s", "extends forms a loop: %s",
				strings.Join(append(seen, path), " -> "))
		}
	}
	if len(seen) >= maxExtends {
		return nil, problemf(seen[0], 0, "kit.extends", "rantai extends lebih dari %d kit", "extends chain is deeper than %d kits", maxExtends)
	}
	src, err := l.files().ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, problemf(path, 0, "", "berkas kit tidak ditemukan", "kit file not found")
		}
		id, en := readReason(err)
		return nil, Problem{File: path, Msg: "cannot read kit: " + en, MsgID: "kit tidak bisa dibaca: " + id}
	}
	var head struct {
		Kit struct {
			Extends  string `toml:"extends"`
			Defaults *bool  `toml:"defaults"`
		} `toml:"kit"`
	}
	if err := depthProblem(path, src); err != nil {
		return nil, err
	}
	// Only to learn the parent; full errors come from parse below.
	_, _ = toml.Decode(string(src), &head)
	var parent *Kit
	if ext := head.Kit.Extends; ext != "" {
		pp := ext
		if !filepath.IsAbs(pp) {
			pp = filepath.Join(filepath.Dir(path), pp)
		}
		pp = filepath.Clean(pp)
		parent, err = l.loadChain(pp, append(seen, path))
		if err != nil {
			var p Problem
			if errors.As(err, &p) && p.File == pp && p.Msg == "kit file not found" {
				return nil, problemf(path, newLocator(src).key("kit", "extends"), "kit.extends",
					"extends %q: berkas kit itu tidak ada", "extends %q: no such kit file", ext)
			}
			return nil, err
		}
	} else if head.Kit.Defaults == nil || *head.Kit.Defaults {
		if parent, err = l.Default(); err != nil {
			return nil, err
		}
	}
	return l.parse(path, src, parent)
}

// depthProblem refuses a kit nested deeper than MaxTOMLDepth before the
// decoder sees it (see TOMLTooDeep).
func depthProblem(name string, src []byte) error {
	if line := TOMLTooDeep(string(src)); line > 0 {
		return problemf(name, line, "", "tabel, daftar atau kunci bertitik bersarang lebih dari %d tingkat: bukan kit",
			"tables, arrays or dotted keys nested more than %d levels deep: not a kit", MaxTOMLDepth)
	}
	return nil
}

func (l *Loader) parse(name string, src []byte, parent *Kit) (*Kit, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if err := depthProblem(name, src); err != nil {
		return nil, err
	}
	var k Kit
	md, err := toml.Decode(string(src), &k)
	loc := newLocator(src)
	if err != nil {
		// The decoder stops at the first bad value; the schema walk
		// reports the rest of the kit's problems with it.
		// The walk finds the decoder's problem too, at a better line
		// (the decoder's line for a bad value can be that of a later key).
		first := tomlProblem(name, err)
		probs := schemaProblems(name, string(src), loc)
		if !slices.ContainsFunc(probs, func(e error) bool {
			p := e.(Problem)
			return p.Key == first.Key && (p.Msg == first.Msg || p.Line == first.Line)
		}) {
			probs = append(probs, first)
		}
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].(Problem).Line < probs[j].(Problem).Line })
		if len(probs) == 1 {
			return nil, probs[0]
		}
		return nil, errors.Join(capProblems(name, probs, 0)...)
	}
	var probs []error
	reported := map[string]bool{}
	extra := 0 // problems past maxKitProblems: counted, not built
	for _, u := range md.Undecoded() {
		// A key inside an unknown table is not reported again.
		inside := false
		for j := 1; j <= len(u) && !inside; j++ {
			inside = reported[strings.Join(u[:j], ".")]
		}
		if inside {
			continue
		}
		reported[u.String()] = true
		if len(probs) >= maxKitProblems {
			extra++
			continue
		}
		probs = append(probs, unknownKeyProblem(name, loc.key(u...), u))
	}
	probs = append(probs, k.validate(name, loc, l.KnownRule)...)
	if l.Strict {
		probs = append(probs, l.strictProblems(name, loc, &k)...)
	}
	if len(probs)+extra > 0 {
		return nil, errors.Join(capProblems(name, probs, extra)...)
	}
	k.Path = name
	if name == defaultName {
		k.Path = ""
	}
	sum := sha256.Sum256(src)
	k.Hash = hex.EncodeToString(sum[:8])
	k.Chain = []string{name}
	if parent != nil {
		merged := mergeKits(parent, &k, &md)
		merged.Path, merged.Chain = k.Path, append(append([]string{}, parent.Chain...), name)
		h := sha256.Sum256([]byte(parent.Hash + k.Hash))
		merged.Hash = hex.EncodeToString(h[:8])
		return merged, nil
	}
	k.Rules.Disable = effectiveDisabled(nil, k.Rules)
	k.Rules.Enable = nil
	return &k, nil
}

// maxKitProblems bounds the problems told about one kit file: a real kit
// has a handful; a generated one with 40,000 unknown keys needs the first
// few and a count, not 40,000 lines.
const maxKitProblems = 200

// capProblems keeps the first maxKitProblems problems and counts the rest
// (extra more were only counted).
func capProblems(name string, probs []error, extra int) []error {
	if len(probs)+extra <= maxKitProblems {
		return probs
	}
	more := len(probs) + extra - maxKitProblems
	p := problemf(name, 0, "", "... dan %d masalah lain (%d yang pertama ditampilkan)", "... and %d more problems (the first %d are shown)", more, maxKitProblems)
	p.More = more
	return append(probs[:maxKitProblems:maxKitProblems], p)
}

// effectiveDisabled applies a kit's [rules] enable/disable to what its
// parent disabled.
func effectiveDisabled(parentOff []string, r RuleSettings) []string {
	var out []string
	for _, d := range append(append([]string{}, parentOff...), r.Disable...) {
		if !contains(r.Enable, d) && !contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// mergeKits lays child over parent: lists are added to the parent's, tables
// are merged key by key, and a value the child sets replaces the parent's.
func mergeKits(parent, child *Kit, md *toml.MetaData) *Kit {
	out := &Kit{}
	pv, cv, ov := reflect.ValueOf(parent).Elem(), reflect.ValueOf(child).Elem(), reflect.ValueOf(out).Elem()
	t := pv.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := tomlName(f)
		if tag == "" || !f.IsExported() {
			continue
		}
		ov.Field(i).Set(mergeValue(pv.Field(i), cv.Field(i), md, []string{tag}))
	}
	out.Rules.Disable = effectiveDisabled(parent.Rules.Disable, child.Rules)
	out.Rules.Enable = nil
	out.Kit.Extends = child.Kit.Extends
	out.Kit.Defaults = child.Kit.Defaults
	out.Jargon = lastWins(out.Jargon, func(j Jargon) string { return strings.ToLower(strings.Join(strings.Fields(j.Phrase), " ")) })
	out.Terms = lastWins(out.Terms, func(t Term) string { return t.Use })
	for _, list := range []*[]Hashtag{&out.Hashtags.Required, &out.Hashtags.Banned, &out.Hashtags.Known} {
		*list = lastWins(*list, func(h Hashtag) string { return strings.ToLower(string(h)) })
	}
	dropBanned(out)
	return out
}

// dropBanned removes a banned tag from the lists that ask for it, as a kit
// merged over its parent holds them: a regency banning a tag its province
// lists as known or required bans it, and the merged kit (what `kit check
// --print` writes) must not both ask for and ban one tag.
func dropBanned(k *Kit) {
	banned := map[string]bool{}
	for _, b := range k.Hashtags.Banned {
		banned[strings.ToLower(string(b))] = true
	}
	if len(banned) == 0 {
		return
	}
	keep := func(list []Hashtag) []Hashtag {
		var out []Hashtag
		for _, h := range list {
			if !banned[strings.ToLower(string(h))] {
				out = append(out, h)
			}
		}
		if len(out) == len(list) {
			return list
		}
		return out
	}
	// The maps and lists may still be the parent's own: copied, never
	// changed in place.
	k.Hashtags.Known, k.Hashtags.Required = keep(k.Hashtags.Known), keep(k.Hashtags.Required)
	if k.Accounts != nil {
		accounts := make(map[string]Account, len(k.Accounts))
		for slug, a := range k.Accounts {
			a.Hashtags = keep(a.Hashtags)
			accounts[slug] = a
		}
		k.Accounts = accounts
	}
	if k.Platforms != nil {
		platforms := make(map[string]Platform, len(k.Platforms))
		for name, p := range k.Platforms {
			p.Hashtags = keep(p.Hashtags)
			platforms[name] = p
		}
		k.Platforms = platforms
	}
	campaigns := make([]Campaign, len(k.Campaigns))
	for i, c := range k.Campaigns {
		c.Hashtags = keep(c.Hashtags)
		campaigns[i] = c
	}
	if k.Campaigns != nil {
		k.Campaigns = campaigns
	}
}

func mergeValue(p, c reflect.Value, md *toml.MetaData, key []string) reflect.Value {
	if !md.IsDefined(key...) {
		return p
	}
	switch p.Kind() {
	case reflect.Slice:
		if p.Type() == reflect.TypeOf([]byte(nil)) {
			return c
		}
		out := reflect.MakeSlice(p.Type(), 0, p.Len()+c.Len())
		out = reflect.AppendSlice(out, p)
		if !p.Type().Elem().Comparable() {
			return reflect.AppendSlice(out, c)
		}
		// A plain value the parent already lists is not listed twice.
		for i := 0; i < c.Len(); i++ {
			v, dup := c.Index(i), false
			for j := 0; j < p.Len() && !dup; j++ {
				dup = p.Index(j).Equal(v)
			}
			if !dup {
				out = reflect.Append(out, v)
			}
		}
		return out
	case reflect.Map:
		out := reflect.MakeMap(p.Type())
		iter := p.MapRange()
		for iter.Next() {
			out.SetMapIndex(iter.Key(), iter.Value())
		}
		iter = c.MapRange()
		for iter.Next() {
			k := iter.Key()
			v := iter.Value()
			if old := p.MapIndex(k); old.IsValid() && k.Kind() == reflect.String {
				v = mergeValue(old, v, md, append(append([]string{}, key...), k.String()))
			}
			out.SetMapIndex(k, v)
		}
		return out
	case reflect.Struct:
		if p.Type() == reflect.TypeOf(HexColor{}) || p.Type() == reflect.TypeOf(ImageSize{}) || p.Type().PkgPath() == "time" {
			return c
		}
		out := reflect.New(p.Type()).Elem()
		for i := 0; i < p.NumField(); i++ {
			f := p.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			tag := tomlName(f)
			if tag == "" {
				out.Field(i).Set(p.Field(i))
				continue
			}
			out.Field(i).Set(mergeValue(p.Field(i), c.Field(i), md, append(append([]string{}, key...), tag)))
		}
		return out
	default:
		return c
	}
}

func tomlName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if tag == "-" {
		return ""
	}
	if tag == "" {
		return f.Name
	}
	return tag
}

func tomlProblem(name string, err error) Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Usage != "" {
			msg += " (" + strings.TrimSpace(strings.SplitN(pe.Usage, "\n", 2)[0]) + ")"
		}
		return decodeProblem(name, pe.Position.Line, pe.LastKey, strings.TrimSpace(msg))
	}
	// Type mismatches come as plain errors: "toml: line 2 (last key "a.b"): …".
	if m := typeErrRe.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return decodeProblem(name, line, m[2], strings.Replace(m[3], "incompatible types: ", "wrong type: ", 1))
	}
	return decodeProblem(name, 0, "", strings.TrimPrefix(plainErr(err), "toml: "))
}

// decodeProblem is a problem the TOML decoder found, in English as it
// said it (msg) and in Indonesian.
func decodeProblem(name string, line int, key, msg string) Problem {
	return Problem{File: name, Line: line, Key: key, Msg: msg, MsgID: decodeMessageID(msg)}
}

// plainErr strips Go's "open x: " style prefixes down to the reason.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

var typeErrRe = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

func dirOf(p string) string { return filepath.Dir(p) }

// lastWins drops earlier entries whose key a later entry repeats: a child
// kit's entry replaces its parent's, in the parent's place.
func lastWins[T any](list []T, key func(T) string) []T {
	last := map[string]int{}
	for i, v := range list {
		last[key(v)] = i
	}
	out := list[:0:0]
	placed := map[string]bool{}
	for _, v := range list {
		k := key(v)
		if placed[k] {
			continue
		}
		placed[k] = true
		out = append(out, list[last[k]])
	}
	return out
}
