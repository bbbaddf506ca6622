package brandkit

import (
	"strings"
	"testing"
)

// FuzzParse: any kit text yields a kit or a list of problems, never a
// panic, and every problem names the file.
func FuzzParse(f *testing.F) {
	// A slice of the default kit, not all of it: the fuzzer mutates small
	// inputs far faster, and every section kind is in the first lines.
	src := defaultKitSource()
	f.Add(string(src[:min(len(src), 2048)]))
	f.Add("[kit]\nname = \"x\"\n[[jargon]]\nphrase = \"a\"\n[hashtags]\nrequired = [\"#A\"]\nbanned = [\"#a\"]\n")
	f.Add("[palette]\ncolors = [\"#12\"]\n[[logos]]\nzone = \"x\"\nmin_width = 2.0\n")
	f.Add("a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n")
	f.Fuzz(func(t *testing.T, src string) {
		k, err := Parse("fuzz.toml", []byte(src))
		if err != nil {
			en, id := strings.Split(err.Error(), "\n"), strings.Split(Message(err, "id"), "\n")
			if len(en) != len(id) {
				t.Fatalf("%d problems in English, %d in Indonesian:\n%s\n%s", len(en), len(id), err, Message(err, "id"))
			}
			for _, line := range append(en, id...) {
				if !strings.HasPrefix(line, "fuzz.toml") {
					t.Fatalf("problem without the file name: %q", line)
				}
			}
			return
		}
		if k == nil {
			t.Fatal("no kit and no error")
		}
	})
}
