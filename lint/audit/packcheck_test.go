package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// Random bit flips anywhere in a pack never change what the cache returns:
// every entry is either exactly what was written or a miss (then checked
// again). Without checksums 8 of 10 flips changed the report.
func TestCachePackBitFlips(t *testing.T) {
	dir := t.TempDir()
	c := &Cache{Dir: dir, Build: "0.1.0 test"}
	want := map[string]string{}
	for i := 0; i < 8; i++ {
		e := &entry{
			Findings: json.RawMessage(fmt.Sprintf(`[{"rule":"jargon","severity":"warning","line":%d,"column":3,"message":"dalam rangka"}]`, i+1)),
			Tally:    []ruleTally{{Rule: "jargon", Sev: [3]int32{0, 1, 0}}},
			Excerpt:  fmt.Sprintf("unggahan %d", i),
		}
		b, _ := json.Marshal(e)
		want[key(i)] = string(b)
		c.put(key(i), "kit-hash", e)
	}
	c.flush()
	packs, _ := filepath.Glob(filepath.Join(dir, cacheFormat, "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("%d packs", len(packs))
	}
	orig, err := os.ReadFile(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(orig, []byte(packMagic+"\t"+cacheFormat+"\t0.1.0 test\tkit-hash\t")) {
		t.Fatalf("header: %.120q", orig)
	}
	check := func(c *Cache) (hits int) {
		t.Helper()
		for k, w := range want {
			e, ok := c.get(k)
			if !ok {
				continue
			}
			hits++
			if b, _ := json.Marshal(e); string(b) != w {
				t.Fatalf("a changed entry was trusted:\n got %s\nwant %s", b, w)
			}
		}
		return hits
	}
	if n := check(&Cache{Dir: dir, Build: "0.1.0 test"}); n != len(want) {
		t.Fatalf("%d hits of %d in an intact pack", n, len(want))
	}
	if n := check(&Cache{Dir: dir, Build: "0.2.0"}); n != 0 {
		t.Errorf("another build's pack gave %d hits", n)
	}
	rng := rand.New(rand.NewSource(1))
	missed := 0
	for i := 0; i < 400; i++ {
		b := bytes.Clone(orig)
		bit := rng.Intn(len(b) * 8)
		b[bit/8] ^= 1 << (bit % 8)
		if err := os.WriteFile(packs[0], b, 0o644); err != nil {
			t.Fatal(err)
		}
		missed += len(want) - check(&Cache{Dir: dir, Build: "0.1.0 test"})
	}
	if missed == 0 {
		t.Error("no flip was ever noticed")
	}
	// A pack edited by hand (a line number changed) is not trusted either.
	os.WriteFile(packs[0], bytes.Replace(orig, []byte(`"line":3,`), []byte(`"line":30,`), 1), 0o644)
	if n := check(&Cache{Dir: dir, Build: "0.1.0 test"}); n != len(want)-1 {
		t.Errorf("%d hits after editing one entry, want %d", n, len(want)-1)
	}
}
