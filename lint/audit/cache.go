package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// Cache keeps each post's results on disk, under a key made of the post's
// content, its path, the kit (its whole extends chain and its logo files)
// and selaras's build: re-running an audit re-checks only what changed. A
// missing, unreadable or corrupt entry is a miss, never an error; writes go
// to a temporary file renamed into place, so a reader never sees half an
// entry.
type Cache struct {
	Dir string

	hits, misses atomic.Int64
	warnOnce     sync.Once
	// Warn is called once when an entry cannot be written.
	Warn func(error)
}

// cacheFormat changes when the entry layout does.
const cacheFormat = "audit-v1"

// entry is one cached post.
type entry struct {
	Findings []Finding `json:"findings"`
	Caption  string    `json:"caption,omitempty"`
	Excerpt  string    `json:"excerpt,omitempty"`
	Platform string    `json:"platform,omitempty"`
	// Deps are the attached images: the entry holds only while each still
	// has the same content.
	Deps []dep `json:"deps,omitempty"`
}

type dep struct {
	Abs  string    `json:"abs"`
	Sum  string    `json:"sum"` // "" when the file could not be read
	Sig  *ImageSig `json:"sig,omitempty"`
	Path string    `json:"path"`
}

// Stats returns how many posts came from the cache and how many were
// checked.
func (c *Cache) Stats() (hits, misses int) {
	if c == nil {
		return 0, 0
	}
	return int(c.hits.Load()), int(c.misses.Load())
}

func (c *Cache) file(key string) string {
	return filepath.Join(c.Dir, cacheFormat, key[:2], key+".json")
}

func (c *Cache) get(key string) (*entry, bool) {
	if c == nil || key == "" {
		return nil, false
	}
	b, err := os.ReadFile(c.file(key))
	if err != nil {
		return nil, false
	}
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, false
	}
	for _, d := range e.Deps {
		if fileSum(d.Abs) != d.Sum {
			return nil, false
		}
	}
	return &e, true
}

func (c *Cache) put(key string, e *entry) {
	if c == nil || key == "" {
		return
	}
	b, err := json.Marshal(e)
	if err == nil {
		err = writeAtomic(c.file(key), b)
	}
	if err != nil && c.Warn != nil {
		c.warnOnce.Do(func() { c.Warn(err) })
	}
}

// writeAtomic writes data to a temporary file beside name and renames it
// into place.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// fileSum is the SHA-256 of a file's content, "" when it cannot be read.
func fileSum(name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		return ""
	}
	return sumBytes(b)
}

func sumBytes(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func sum(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		var n [8]byte
		l := len(p)
		for i := range n {
			n[i] = byte(l >> (8 * i))
		}
		h.Write(n[:])
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}
