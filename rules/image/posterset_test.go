package image

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Poster set floors: posters (out of each half) whose image-palette
// outcome must match its label (testdata/posters-real/labels.tsv). Raise
// them as the rules improve; see the README, "Images".
const (
	posterTuneFloor = 14 // of 16 (11 before the segmentation of #21)
	posterTestFloor = 18 // of 20 (14 before)
)

// TestPosterSet runs the image rules on the real-photograph posters and
// compares image-palette with the labels, each half on its own: no
// palette finding on an on-brand poster, the off-palette element found on
// every other.
func TestPosterSet(t *testing.T) {
	dir := filepath.Join("testdata", "posters-real")
	raw, err := os.ReadFile(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	kit := testKitWith(t, "[rules]\ndisable = [\"image-logo\"]\n")
	right, total := map[string]int{}, map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			t.Fatalf("labels.tsv: bad line %q", line)
		}
		name, half, want := f[0], f[1], f[2]
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got := runImages(t, kit, memFiles{"/mem/" + name: data}, imageInput(name))[name]
		palette := false
		for _, fd := range got {
			palette = palette || fd.Rule == "image-palette"
		}
		ok := palette == (want != "none")
		total[half]++
		if ok {
			right[half]++
		} else {
			t.Logf("%s (%s): want %s, got%s", name, half, want, describe(got))
		}
	}
	t.Logf("poster set: tune %d/%d, test %d/%d right", right["tune"], total["tune"], right["test"], total["test"])
	if total["tune"] != 16 || total["test"] != 20 {
		t.Fatalf("labels.tsv: %d tune and %d test posters, want 16 and 20", total["tune"], total["test"])
	}
	if right["tune"] < posterTuneFloor || right["test"] < posterTestFloor {
		t.Errorf("poster set: tune %d right (floor %d), test %d right (floor %d)", right["tune"], posterTuneFloor, right["test"], posterTestFloor)
	}
}
