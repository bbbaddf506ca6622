package audit

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func key(n int) string { return sumBytes([]byte{byte(n), byte(n >> 8)}) }

func TestCachePacks(t *testing.T) {
	dir := t.TempDir()
	c := &Cache{Dir: dir}
	for i := 0; i < 5; i++ {
		c.put(key(i), "kit", &entry{Findings: json.RawMessage(fmt.Sprintf(`[{"rule":"jargon","line":%d}]`, i)), Tally: []ruleTally{{Rule: "jargon", Sev: [3]int32{0, 1, 0}}}, Excerpt: "x"})
	}
	c.flush()
	c.put(key(9), "kit", &entry{Excerpt: "second pack"})
	c.flush()
	packs, _ := filepath.Glob(filepath.Join(dir, cacheFormat, "*.pack"))
	if len(packs) != 2 {
		t.Fatalf("%d packs, want 2", len(packs))
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, cacheFormat, ".tmp-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	c2 := &Cache{Dir: dir}
	for _, i := range []int{0, 4, 9} {
		if _, ok := c2.get(key(i)); !ok {
			t.Errorf("entry %d missing", i)
		}
	}
	if e, ok := c2.get(key(3)); !ok || string(e.Findings) != `[{"rule":"jargon","line":3}]` {
		t.Errorf("entry 3: %+v", e)
	}
	if _, ok := c2.get(key(7)); ok {
		t.Error("an entry never written was found")
	}
	// A newer pack wins; a corrupt entry is a miss.
	time.Sleep(time.Millisecond)
	c2.put(key(3), "kit", &entry{Excerpt: "newer"})
	c2.put(key(4), "kit", &entry{Excerpt: "to be broken"})
	c2.flush()
	packs, _ = filepath.Glob(filepath.Join(dir, cacheFormat, "*.pack"))
	newest := packs[len(packs)-1]
	b, _ := os.ReadFile(newest)
	os.WriteFile(newest, []byte(strings.Replace(string(b), `{"findings":null,"excerpt":"to be broken"}`, `{"findings":[`, 1)), 0o644)
	c3 := &Cache{Dir: dir}
	if e, ok := c3.get(key(3)); !ok || e.Excerpt != "newer" {
		t.Errorf("newer entry: %+v", e)
	}
	if _, ok := c3.get(key(4)); ok {
		t.Error("a corrupt entry was used")
	}
	// Beyond the size bound the oldest packs go.
	old := cacheMaxBytes
	defer func() { cacheMaxBytes = old }()
	info, _ := os.Stat(newest)
	cacheMaxBytes = info.Size()
	c4 := &Cache{Dir: dir}
	if _, ok := c4.get(key(0)); ok {
		t.Error("the oldest pack was kept beyond the size bound")
	}
	if _, ok := c4.get(key(3)); !ok {
		t.Error("the newest pack was removed")
	}
	if packs, _ = filepath.Glob(filepath.Join(dir, cacheFormat, "*.pack")); len(packs) != 1 {
		t.Errorf("%d packs left, want 1", len(packs))
	}
}

func TestCacheUnwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	var warned []error
	c := &Cache{Dir: file, Warn: func(err error) { warned = append(warned, err) }}
	c.put(key(1), "kit", &entry{})
	c.flush()
	c.put(key(2), "kit", &entry{})
	c.flush()
	if len(warned) != 1 {
		t.Errorf("warned %d times, want once", len(warned))
	}
	if _, ok := c.get(key(1)); ok {
		t.Error("hit in an unwritable cache")
	}
}
