package brandkit

import (
	"encoding"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// The TOML decoder stops at the first value it cannot store (a bad zone, a
// number where text belongs) and then says nothing about the rest of the
// kit. So that a kit's problems all come in one run, a kit the decoder
// refuses for a value is read again as plain TOML data and walked against
// the schema (the Kit type): every unknown key, with the nearest known key,
// and every bad value, each with its line.

var (
	quotedDateRe        = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	timeType            = reflect.TypeOf(time.Time{})
	kitType             = reflect.TypeOf(Kit{})
)

// unknownKeyProblem reports key u (not in the schema), with the nearest
// key known where it stands.
func unknownKeyProblem(file string, line int, u []string) Problem {
	key := strings.Join(u, ".")
	if near := Nearest(u[len(u)-1], knownKeys(u[:len(u)-1])); near != "" {
		return problemf(file, line, key, "kunci tidak dikenal; maksudnya %q?", "unknown key; did you mean %q?", near)
	}
	return problemf(file, line, key, "kunci tidak dikenal", "unknown key")
}

// knownKeys lists the keys the schema allows inside the table at path
// (nil when path is not a table of the schema).
func knownKeys(path []string) []string {
	t := kitType
	for _, p := range path {
		t = elemType(t)
		switch t.Kind() {
		case reflect.Struct:
			f, ok := fieldFor(t, p)
			if !ok {
				return nil
			}
			t = f.Type
		case reflect.Map:
			t = t.Elem()
		default:
			return nil
		}
	}
	t = elemType(t)
	if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() {
			if n := tomlName(f); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// elemType looks through pointers and lists to what they hold.
func elemType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}

// fieldFor finds the field a TOML key is stored in, as the decoder does:
// by its exact name, else without case.
func fieldFor(t reflect.Type, key string) (reflect.StructField, bool) {
	var fold reflect.StructField
	found := false
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		n := tomlName(f)
		if !f.IsExported() || n == "" {
			continue
		}
		if n == key {
			return f, true
		}
		if !found && strings.EqualFold(n, key) {
			fold, found = f, true
		}
	}
	return fold, found
}

// schemaProblems reads src as plain TOML and returns every unknown key and
// bad value the schema finds. It returns nil when src is not even TOML.
func schemaProblems(file string, src string, loc *locator) []error {
	var data map[string]any
	if _, err := toml.Decode(src, &data); err != nil {
		return nil
	}
	w := &schemaWalker{file: file, loc: loc}
	w.walk(data, kitType, nil, "")
	sort.SliceStable(w.probs, func(i, j int) bool { return w.probs[i].Line < w.probs[j].Line })
	out := make([]error, len(w.probs))
	for i, p := range w.probs {
		out[i] = p
	}
	return out
}

type schemaWalker struct {
	file  string
	loc   *locator
	probs []Problem
}

func (w *schemaWalker) add(p Problem) { w.probs = append(w.probs, p) }

// walk checks value v against type t; key is the dotted key as messages
// show it, at the same with array elements numbered ("logos[1].zone"), to
// find its line.
func (w *schemaWalker) walk(v any, t reflect.Type, key []string, at string) {
	name := strings.Join(key, ".")
	wrong := func(want string) {
		w.add(decodeProblem(w.file, w.loc.at(at), name,
			fmt.Sprintf("wrong type: TOML value has type %s; destination has type %s", tomlTypeName(v), want)))
	}
	if t != timeType && reflect.PointerTo(t).Implements(textUnmarshalerType) {
		s, ok := v.(string)
		if !ok {
			wrong("primitive (string-like)")
			return
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			w.add(decodeProblem(w.file, w.loc.at(at), name, err.Error()))
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		w.walk(v, t.Elem(), key, at)
	case reflect.Struct:
		if t == timeType {
			if s, ok := v.(string); ok && quotedDateRe.MatchString(s) {
				leaf := key[len(key)-1]
				w.add(Problem{File: w.file, Line: w.loc.at(at), Key: name,
					MsgID: fmt.Sprintf("%s adalah tanggal, ditulis tanpa tanda kutip: %s = %s", leaf, leaf, s),
					Msg:   fmt.Sprintf("%s is a date, written without quotes: %s = %s", leaf, leaf, s)})
			} else if _, ok := v.(time.Time); !ok {
				wrong("time.Time")
			}
			return
		}
		m, ok := v.(map[string]any)
		if !ok {
			w.add(decodeProblem(w.file, w.loc.at(at), name,
				fmt.Sprintf("type mismatch for %s: expected table but found %s", t.String(), tomlTypeName(v))))
			return
		}
		for _, k := range sortedKeys(m) {
			sub := append(append([]string{}, key...), k)
			subAt := k
			if at != "" {
				subAt = at + "." + k
			}
			f, ok := fieldFor(t, k)
			if !ok {
				w.add(unknownKeyProblem(w.file, w.loc.at(subAt), sub))
				continue
			}
			w.walk(m[k], f.Type, sub, subAt)
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			wrong("map")
			return
		}
		for _, k := range sortedKeys(m) {
			w.walk(m[k], t.Elem(), append(append([]string{}, key...), k), at+"."+k)
		}
	case reflect.Slice:
		switch l := v.(type) {
		case []any:
			for i, e := range l {
				w.walk(e, t.Elem(), key, fmt.Sprintf("%s[%d]", at, i))
			}
		case []map[string]any:
			for i, e := range l {
				w.walk(e, t.Elem(), key, fmt.Sprintf("%s[%d]", at, i))
			}
		default:
			wrong("slice")
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			wrong("string")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if _, ok := v.(int64); !ok {
			wrong("integer")
		}
	case reflect.Float32, reflect.Float64:
		switch v.(type) {
		case int64, float64:
		default:
			wrong("float")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			wrong("boolean")
		}
	}
}

// tomlTypeName names the type of a decoded TOML value as the decoder's
// messages do.
func tomlTypeName(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "int64"
	case float64:
		return "float64"
	case bool:
		return "bool"
	case time.Time:
		return "time.Time"
	case []any:
		return "[]any"
	case map[string]any:
		return "map[string]any"
	case []map[string]any:
		return "[]map[string]any"
	}
	return fmt.Sprintf("%T", v)
}
