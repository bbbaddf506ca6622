package brandkit

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleLine is a commented example in the starter kit: '#' directly
// followed by TOML ("#[hashtags]", "#max = 5"); prose comments have a
// space after the '#'.
var exampleLine = regexp.MustCompile(`(?m)^#([^#\s])`)

func loadIn(t *testing.T, src []byte) (*Kit, error) {
	t.Helper()
	dir := t.TempDir()
	var logo bytes.Buffer
	if err := png.Encode(&logo, image.NewNRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), logo.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var l Loader
	return l.Load(p)
}

func TestStarterKitIsValid(t *testing.T) {
	k, err := loadIn(t, StarterSource())
	if err != nil {
		t.Fatalf("the starter kit does not load:\n%v", err)
	}
	if k.Kit.Name == "" || k.Language() != "id" || len(k.Jargon) == 0 {
		t.Errorf("starter kit should have a name, language id and build on the default kit: %+v", k.Kit)
	}
	if len(k.Hashtags.Required) != 0 {
		t.Errorf("the starter must not require tags nobody asked for: %v", k.Hashtags.Required)
	}
}

// Every commented example, once uncommented, must be a valid kit too:
// authors switch them on one by one.
func TestStarterExamplesAreValid(t *testing.T) {
	src := exampleLine.ReplaceAll(StarterSource(), []byte("$1"))
	if bytes.Equal(src, StarterSource()) {
		t.Fatal("no commented examples found")
	}
	k, err := loadIn(t, src)
	if err != nil {
		t.Fatalf("the starter kit's examples, uncommented, do not load:\n%v\n\n%s", err, src)
	}
	if len(k.Hashtags.Required) == 0 || len(k.Accounts) == 0 || len(k.Campaigns) == 0 || len(k.Palette.Colors) == 0 || len(k.Logos) == 0 || len(k.Narrative.Pillars) != 2 {
		t.Errorf("some examples were not read: %+v", k)
	}
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "# ") && l != "#" {
			t.Errorf("comment line neither prose (\"# \") nor an example: %q", l)
		}
	}
}

func TestDemoKitIsValid(t *testing.T) {
	k, err := loadIn(t, DemoSource())
	if err != nil {
		t.Fatalf("the embedded demo kit does not load:\n%v", err)
	}
	if len(k.Hashtags.Required) == 0 {
		t.Errorf("the demo kit should carry the campaign's tags")
	}
}

// TestStarterUntilIsTheGivenDay: a campaign's until is the given day,
// inclusive; "hari ini" (today) in its comment said something else.
func TestStarterUntilIsTheGivenDay(t *testing.T) {
	for _, line := range strings.Split(string(StarterSource()), "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, "#"), "until") {
			if !strings.Contains(line, "termasuk tanggal ini") || strings.Contains(line, "hari ini") {
				t.Errorf("starter kit: %q; want the given day (termasuk tanggal ini)", line)
			}
			return
		}
	}
	t.Error("the starter kit has no until example")
}
