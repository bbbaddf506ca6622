package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/selaras/selaras/lint"
)

// Cache keeps each post's results on disk, under a key made of the post's
// content, its path, the kit (its whole extends chain and its logo files)
// and selaras's build: re-running an audit re-checks only what changed.
//
// Entries are written in packs, one file per batch of checked posts
// (creating ten thousand small files costs seconds on common file
// systems): each line of a pack is a key, a tab and the entry as JSON. A
// pack is written to a temporary file and renamed into place, so no reader
// sees half of one. A missing, unreadable or corrupt entry is a miss, never
// an error. Packs older than 30 days, and the oldest beyond 512 MB in all,
// are removed.
type Cache struct {
	Dir string
	// Warn is called once when the cache cannot be written.
	Warn func(error)

	hits, misses atomic.Int64
	warnOnce     sync.Once

	loadOnce sync.Once
	// index says where each key's entry is; the entries stay on disk
	// until asked for (a month's packs are tens of megabytes).
	index map[string]packSpan
	packs []string
	// open is the pack read last: hits come in runs from one pack.
	readMu   sync.Mutex
	open     *os.File
	openPack int

	sums sync.Map // attached image path -> fileSum

	mu      sync.Mutex
	pending [][]byte // lines not yet written
}

// packSpan is an entry's place: pack number, byte offset and length.
type packSpan struct {
	pack int32
	len  int32
	off  int64
}

// cacheEntryMax bounds an entry's size; a longer line is not an entry.
const cacheEntryMax = 1 << 30

// cacheFormat changes when the entry layout does.
const cacheFormat = "audit-v2"

// cacheMaxAge is how long a pack is kept, cacheMaxBytes how much disk
// the packs may take together: about 100,000 posts' results at the 5 KB a
// post with seven findings takes (a smaller cap made a warm audit of a
// 100,000-post archive re-check half of it). Only an index of the packs
// is held in memory (about 150 bytes a post); each run reads them through
// once.
var (
	cacheMaxAge         = 30 * 24 * time.Hour
	cacheMaxBytes int64 = 512 << 20
)

// entry is one cached post. Its findings stay JSON (without the post's
// path, account and date, which the audit adds) with a tally per rule
// beside them: a cached post's findings go to the report's spill file as
// they are, never decoded until they print.
type entry struct {
	Findings json.RawMessage `json:"findings"`
	Tally    []ruleTally     `json:"tally,omitempty"`
	Caption  string          `json:"caption,omitempty"`
	Excerpt  string          `json:"excerpt,omitempty"`
	Platform string          `json:"platform,omitempty"`
	Pillars  []string        `json:"pillars,omitempty"`
	Tags     []string        `json:"tags,omitempty"`
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

func (c *Cache) dir() string { return filepath.Join(c.Dir, cacheFormat) }

// load reads every pack once, oldest first; later packs win.
func (c *Cache) load() {
	c.index = map[string]packSpan{}
	// The first layout's packs can never be read again.
	os.RemoveAll(filepath.Join(c.Dir, "audit-v1"))
	ents, err := os.ReadDir(c.dir())
	if err != nil {
		return
	}
	now := time.Now()
	// Packs are named by time: walking backwards, the newest are kept up
	// to cacheMaxBytes; older ones, and any older than cacheMaxAge, go.
	var keep []string
	total := int64(0)
	for i := len(ents) - 1; i >= 0; i-- {
		e := ents[i]
		name := e.Name()
		if !strings.HasSuffix(name, ".pack") {
			continue
		}
		p := filepath.Join(c.dir(), name)
		info, err := e.Info()
		if err != nil {
			continue
		}
		total += info.Size()
		if now.Sub(info.ModTime()) > cacheMaxAge || total > cacheMaxBytes {
			os.Remove(p)
			continue
		}
		keep = append(keep, p)
	}
	for i := len(keep) - 1; i >= 0; i-- {
		p := keep[i]
		// A pack that is a pipe or a link to a device is no pack: never
		// opened, never read past the cache's own size.
		b, err := lint.ReadRegular(p, cacheMaxBytes)
		if err != nil {
			continue
		}
		pack := int32(len(c.packs))
		c.packs = append(c.packs, p)
		off := 0
		for off < len(b) {
			line := b[off:]
			next := len(b)
			if j := bytes.IndexByte(line, '\n'); j >= 0 {
				line, next = line[:j], off+j+1
			}
			if k, v, ok := bytes.Cut(line, []byte("\t")); ok && len(k) == 64 && len(v) < cacheEntryMax {
				c.index[string(k)] = packSpan{pack: pack, off: int64(off + len(k) + 1), len: int32(len(v))}
			}
			off = next
		}
	}
}

// read returns the bytes of an entry, nil when its pack went away.
func (c *Cache) read(at packSpan) []byte {
	c.readMu.Lock()
	defer c.readMu.Unlock()
	if c.open == nil || c.openPack != int(at.pack) {
		if c.open != nil {
			c.open.Close()
			c.open = nil
		}
		f, _, err := lint.OpenRegular(c.packs[at.pack])
		if err != nil {
			return nil
		}
		c.open, c.openPack = f, int(at.pack)
	}
	b := make([]byte, at.len)
	if _, err := c.open.ReadAt(b, at.off); err != nil {
		return nil
	}
	return b
}

// Close lets go of the pack file held open for reading.
func (c *Cache) Close() {
	if c == nil {
		return
	}
	c.readMu.Lock()
	defer c.readMu.Unlock()
	if c.open != nil {
		c.open.Close()
		c.open = nil
	}
}

func (c *Cache) get(key string) (*entry, bool) {
	if c == nil || key == "" {
		return nil, false
	}
	c.loadOnce.Do(c.load)
	at, ok := c.index[key]
	if !ok {
		return nil, false
	}
	b := c.read(at)
	var e entry
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, false
	}
	if len(e.Tally) == 0 && len(e.Findings) > 0 && string(e.Findings) != "null" && string(e.Findings) != "[]" {
		return nil, false // findings without their tally: not an entry of ours
	}
	for _, d := range e.Deps {
		if c.depSum(d.Abs) != d.Sum {
			return nil, false
		}
	}
	return &e, true
}

// put queues an entry; flush writes the queued entries as one pack.
func (c *Cache) put(key string, e *entry) {
	if c == nil || key == "" {
		return
	}
	b, err := json.Marshal(e)
	if err != nil {
		return
	}
	line := make([]byte, 0, len(key)+len(b)+2)
	line = append(append(append(append(line, key...), '\t'), b...), '\n')
	c.mu.Lock()
	c.pending = append(c.pending, line)
	c.mu.Unlock()
}

func (c *Cache) flush() {
	if c == nil {
		return
	}
	c.mu.Lock()
	lines := c.pending
	c.pending = nil
	c.mu.Unlock()
	if len(lines) == 0 {
		return
	}
	err := writePack(c.dir(), bytes.Join(lines, nil))
	if err != nil && c.Warn != nil {
		c.warnOnce.Do(func() { c.Warn(err) })
	}
}

// writePack writes data to a temporary file in dir and renames it to a
// new .pack name.
func writePack(dir string, data []byte) error {
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
		// Named by time, so that packs load oldest first and a newer entry
		// for the same key wins.
		name := fmt.Sprintf("%019d-%s.pack", time.Now().UnixNano(), strings.TrimPrefix(filepath.Base(tmp), ".tmp-"))
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// depSum is fileSum, once per file and run: posts share images, and a
// run takes the files as they are when it starts.
func (c *Cache) depSum(name string) string {
	if v, ok := c.sums.Load(name); ok {
		return v.(string)
	}
	s := fileSum(name)
	c.sums.Store(name, s)
	return s
}

// fileSum is the SHA-256 of a file's content, "" when it cannot be read.
func fileSum(name string) string {
	b, err := lint.ReadRegular(name, lint.MaxAssetBytes)
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
