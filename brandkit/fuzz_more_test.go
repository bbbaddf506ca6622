package brandkit

import (
	"strings"
	"testing"
)

// TestTOMLTooDeep: bombs are caught on the line where they pass the limit;
// brackets, braces and dots inside strings and comments do not count; the
// embedded and demo kits pass.
func TestTOMLTooDeep(t *testing.T) {
	deep := MaxTOMLDepth + 1
	cases := []struct {
		name, src string
		want      int
	}{
		{"default kit", string(defaultKitSource()), 0},
		{"demo kit", string(demoKit), 0},
		{"dotted key", "a = 1\n" + "k" + strings.Repeat(".k", deep) + " = 1\n", 2},
		{"table header", "[" + strings.Repeat("t.", deep) + "t]\n", 1},
		{"inline tables", "x = " + strings.Repeat("{a=", deep) + "1" + strings.Repeat("}", deep) + "\n", 1},
		{"arrays over lines", "x = [\n" + strings.Repeat("[\n", deep) + "1" + strings.Repeat("]", deep+1) + "\n", deep},
		{"limit exactly", "x = " + strings.Repeat("[", MaxTOMLDepth) + "1" + strings.Repeat("]", MaxTOMLDepth) + "\n", 0},
		{"in strings", `a = "` + strings.Repeat("[{.", 100) + `"` + "\nb = '" + strings.Repeat("[", 100) + "'\n", 0},
		{"in multi-line strings", "a = \"\"\"\n" + strings.Repeat("[{", 100) + "\\\"\"\"\n\"\"\"\nb = '''" + strings.Repeat(".", 100) + "'''\n", 0},
		{"in comments", "# " + strings.Repeat("[", 100) + "\na = 1 # " + strings.Repeat("{", 100) + "\n", 0},
		{"floats and dates", "x = [" + strings.Repeat("1.5, ", 200) + "2025-10-14T08:00:00.123Z]\n", 0},
		{"after a string", "a = \"x\"\n" + strings.Repeat("[", deep) + "\n", 2},
		{"unclosed string", "a = \"" + strings.Repeat("[", 100), 0},
	}
	for _, c := range cases {
		if got := TOMLTooDeep(c.src); got != c.want {
			t.Errorf("%s: line %d, want %d", c.name, got, c.want)
		}
	}
}

// TestParseRefusesDeepKit: a nesting bomb is one problem naming the file
// and line, found before the decoder runs.
func TestParseRefusesDeepKit(t *testing.T) {
	src := "[kit]\nname = \"x\"\n" + "a" + strings.Repeat(".b", 20000) + " = 1\n"
	_, err := Parse("bomb.toml", []byte(src))
	if err == nil || !strings.HasPrefix(err.Error(), "bomb.toml:3: ") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("got %v", err)
	}
}
