package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
)

// writeJSON prints the report as encoding/json would with a two-space
// indent, but one list element at a time: a month of posts is tens of
// megabytes of JSON, and building it whole before printing doubled the
// audit's peak memory. TestStreamedJSONMatchesEncoder holds the two
// outputs byte for byte equal.
func writeJSON(bw *bufio.Writer, r *Report) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// value writes v indented as if it stood at the given depth, without
	// the encoder's trailing newline.
	value := func(v any, depth int) error {
		buf.Reset()
		enc.SetIndent(strings.Repeat("  ", depth), "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	rv := reflect.ValueOf(r).Elem()
	rt := rv.Type()
	bw.WriteString("{")
	first := true
	for i := 0; i < rt.NumField(); i++ {
		sf := rt.Field(i)
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		fv := rv.Field(i)
		if strings.Contains(opts, "omitempty") && fv.IsZero() || strings.Contains(opts, "omitempty") && (fv.Kind() == reflect.Map || fv.Kind() == reflect.Slice) && fv.Len() == 0 {
			continue
		}
		if !first {
			bw.WriteString(",")
		}
		first = false
		bw.WriteString("\n  ")
		if err := value(name, 0); err != nil {
			return err
		}
		bw.WriteString(": ")
		if sf.Name == "Findings" && r.grouped {
			// Read back and encoded post by post (see spill.go).
			if err := writeFindingsJSON(bw, r); err != nil {
				return err
			}
			continue
		}
		if fv.Kind() != reflect.Slice || fv.IsNil() || fv.Len() == 0 {
			if err := value(fv.Interface(), 1); err != nil {
				return err
			}
			continue
		}
		// A list: its elements one by one.
		bw.WriteString("[")
		for j := 0; j < fv.Len(); j++ {
			if j > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			if err := value(fv.Index(j).Interface(), 2); err != nil {
				return err
			}
		}
		bw.WriteString("\n  ]")
	}
	_, err := bw.WriteString("\n}\n")
	return err
}

// writeFindingsJSON prints the findings list of a finalized report, each
// post's findings encoded on whichever core is free.
func writeFindingsJSON(bw *bufio.Writer, r *Report) error {
	type encoded struct {
		b   []byte
		err error
	}
	encode := func(fs []Finding) encoded {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		var out []byte
		for i := range fs {
			buf.Reset()
			if err := enc.Encode(&fs[i]); err != nil {
				return encoded{err: err}
			}
			out = append(out, ",\n    "...)
			out = append(out, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
		}
		return encoded{b: out}
	}
	bw.WriteString("[")
	wrote := false
	var err error
	eachPost(r, encode, func(e encoded) bool {
		if err = e.err; err != nil || len(e.b) == 0 {
			return err == nil
		}
		if !wrote {
			e.b = e.b[1:] // the list's first element has no comma before it
			wrote = true
		}
		_, err = bw.Write(e.b)
		return err == nil
	})
	if err != nil {
		return err
	}
	if wrote {
		bw.WriteString("\n  ")
	}
	_, err = bw.WriteString("]")
	return err
}
