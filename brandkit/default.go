package brandkit

import _ "embed"

// defaultKit is the kit used where no selaras.toml applies: general
// Indonesian government-communication guidance (jargon, standard terms,
// tone, platform specifications), with no hashtags, palette or logo of any
// one government.
//
//go:embed default.toml
var defaultMain []byte

// defaultSpelling is the generated list of standard spellings ([[terms]]),
// kept in its own file so default.toml stays readable; see
// brandkit/internal/genspelling.
//
//go:embed default-spelling.toml
var defaultSpelling []byte

// defaultKitSource is default.toml followed by default-spelling.toml: one
// TOML document (the spelling file holds only [[terms]] tables). Built on
// demand: a check uses the kit parsed at build time (default_kit.go), and
// only `selaras kit` and the generator need the text.
func defaultKitSource() []byte {
	return append(append(append([]byte{}, defaultMain...), '\n'), defaultSpelling...)
}

const defaultName = "(default kit)"

// DefaultSource returns the embedded default kit's TOML, for `selaras kit`.
func DefaultSource() []byte { return defaultKitSource() }
