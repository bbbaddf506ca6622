package morph

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/selaras/selaras/lint/lexicon"
)

// The analyses of words against the embedded lexicons are cached per word:
// an analysis costs a few microseconds and a corpus repeats the same few
// thousand words, so a run pays once per distinct word. The cache stops
// growing at maxCached words (a hostile input of endless distinct words
// then costs time, not memory).
const maxCached = 200_000

type cache struct {
	m sync.Map // word -> []Form
	n atomic.Int64
}

func (c *cache) get(word string, build func() []Form) []Form {
	if v, ok := c.m.Load(word); ok {
		return v.([]Form)
	}
	fs := build()
	if c.n.Load() < maxCached {
		if _, loaded := c.m.LoadOrStore(strings.Clone(word), fs); !loaded {
			c.n.Add(1)
		}
	}
	return fs
}

var idCache, enCache cache

// KnownID reports whether root is an Indonesian root word of the lexicon.
func KnownID(root string) bool { return lexicon.Indonesian.Has(root) }

// KnownEN reports whether root is an English word of the lexicon.
func KnownEN(root string) bool { return lexicon.English.Has(root) }

// Indonesian is Analyze(word, KnownID), cached per word. Nil when word is
// neither an Indonesian root nor one with Indonesian affixes. Callers must
// not change the returned slice.
func Indonesian(word string) []Form {
	return idCache.get(word, func() []Form { return Analyze(word, KnownID) })
}

// IsIndonesian reports whether word is an Indonesian root or a root with
// standard Indonesian affixes.
func IsIndonesian(word string) bool {
	if v, ok := idKnown.m.Load(word); ok {
		return v.(bool)
	}
	if fs, ok := idCache.m.Load(word); ok {
		return len(fs.([]Form)) > 0 && fs.([]Form)[0].Standard
	}
	known := KnownID(word) || Standard(word, KnownID)
	if idKnown.n.Load() < maxCached {
		if _, loaded := idKnown.m.LoadOrStore(strings.Clone(word), known); !loaded {
			idKnown.n.Add(1)
		}
	}
	return known
}

// idKnown caches IsIndonesian's answers (a bool per word).
var idKnown struct {
	m sync.Map
	n atomic.Int64
}

// English is Analyze(word, KnownEN), cached per word: an English word,
// bare or with Indonesian affixes (direview, di-review, meng-update).
func English(word string) []Form {
	return enCache.get(word, func() []Form { return Analyze(word, KnownEN) })
}
