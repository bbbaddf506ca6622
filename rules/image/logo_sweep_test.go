package image

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sweepCase is one generated poster for TestLogoSweep.
type sweepCase struct {
	name   string
	spec   posterSpec
	q      int  // JPEG quality
	inZone bool // the logo is inside the kit's top-left zone
}

func sweepCases() []sweepCase {
	var cs []sweepCase
	add := func(name string, s posterSpec, q int, in bool) {
		cs = append(cs, sweepCase{name: name, spec: s, q: q, inZone: in})
	}
	shares := []float64{0.06, 0.08, 0.1, 0.13, 0.17, 0.22, 0.28, 0.35, 0.45}
	for _, sh := range shares {
		for _, q := range []int{60, 90} {
			s := onBrand()
			s.logoShare, s.logoX, s.logoY = sh, 0.03, 0.02
			add(fmt.Sprintf("corner/%.2f/q%d", sh, q), s, q, true)
		}
		if sh <= 0.22 { // over the photo, still inside the zone
			s := onBrand()
			s.logoShare, s.logoX, s.logoY = sh, 0.25, 0.31
			add(fmt.Sprintf("on-photo/%.2f", sh), s, 80, true)
		}
		if sh <= 0.35 { // inside the zone, away from its corner
			s := onBrand()
			s.logoShare, s.logoX, s.logoY = sh, 0.5-sh-0.01, 0.12
			add(fmt.Sprintf("zone-edge/%.2f", sh), s, 80, true)
		}
		if sh <= 0.35 { // misplaced: right half, middle
			s := onBrand()
			s.logoShare, s.logoX, s.logoY = sh, 0.62, 0.08
			add(fmt.Sprintf("top-right/%.2f", sh), s, 80, false)
		}
		if sh <= 0.28 { // misplaced, over the photo
			s := onBrand()
			s.logoShare, s.logoX, s.logoY = sh, 0.55, 0.45
			add(fmt.Sprintf("photo-right/%.2f", sh), s, 80, false)
		}
	}
	for _, sh := range []float64{0.1, 0.2, 0.3, 0.4} { // square and story posters
		s := onBrand()
		s.w, s.h = 1080, 1080
		s.logoShare = sh
		add(fmt.Sprintf("square/%.2f", sh), s, 85, true)
		s.w, s.h = 1080, 1920
		add(fmt.Sprintf("story/%.2f", sh), s, 85, true)
	}
	return cs
}

var updateSweep = flag.Bool("update-sweep", false, "rewrite testdata/logo-sweep.golden from the current logo search")

// TestLogoSweep guards what the logo search finds on posters with the logo
// at many sizes and places, against testdata/logo-sweep.golden (recorded
// from the search before its speed-ups): every logo found there must still
// be found, in or out of the zone alike, with a box within 8 % of the
// logo's width of the recorded one. A case missed there may be found now
// (the file lists the misses as such). Rewrite it with -update-sweep only
// when the search is meant to find more.
func TestLogoSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("about 80 posters")
	}
	kit := testKitWith(t, "")
	files := memFiles{"/mem/logo.png": encPNG(t, logoMark(200))}
	src, err := logoSource(kit, files.ReadFile, 0)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "logo-sweep.golden")
	want := map[string]string{}
	if !*updateSweep {
		b, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			name, rest, _ := strings.Cut(line, " ")
			want[name] = rest
		}
	}
	var out strings.Builder
	for _, c := range sweepCases() {
		data := encJPEG(t, poster(c.spec), c.q)
		pc := decodePicture(func(string) ([]byte, error) { return data, nil }, "p.jpg", "p.jpg", 1<<26)
		m := findLogo(pc, kit, src, kit.Logos[0])
		got := "missed"
		if m.Found {
			got = fmt.Sprintf("found in-zone=%v %d %d %d %d", m.InZone, m.Box.Min.X, m.Box.Min.Y, m.Box.Max.X, m.Box.Max.Y)
		}
		fmt.Fprintf(&out, "%s %s\n", c.name, got)
		if *updateSweep {
			continue
		}
		w, ok := want[c.name]
		if !ok {
			t.Errorf("%s: not in %s (run with -update-sweep)", c.name, golden)
			continue
		}
		if w == "missed" {
			continue
		}
		if !m.Found {
			t.Errorf("%s: logo not found (best score %.2f at %v), recorded: %s", c.name, m.Score, m.Box, w)
			continue
		}
		var in bool
		var x0, y0, x1, y1 int
		if _, err := fmt.Sscanf(w, "found in-zone=%t %d %d %d %d", &in, &x0, &y0, &x1, &y1); err != nil {
			t.Fatalf("%s: bad golden line %q", c.name, w)
		}
		tol := 0.08 * c.spec.logoShare * float64(c.spec.w)
		far := func(a, b int) bool { return math.Abs(float64(a-b)) > tol }
		if m.InZone != in || far(m.Box.Min.X, x0) || far(m.Box.Min.Y, y0) || far(m.Box.Max.X, x1) || far(m.Box.Max.Y, y1) {
			t.Errorf("%s: %s, recorded: %s", c.name, got, w)
		}
		if m.InZone != c.inZone {
			t.Errorf("%s: in zone %v, placed in zone %v", c.name, m.InZone, c.inZone)
		}
	}
	if *updateSweep {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
