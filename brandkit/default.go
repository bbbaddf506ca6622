package brandkit

import _ "embed"

// defaultKit is the kit used where no selaras.toml applies: general
// Indonesian government-communication guidance (jargon, standard terms,
// tone, platform specifications), with no hashtags, palette or logo of any
// one government.
//
//go:embed default.toml
var defaultKit []byte

const defaultName = "(default kit)"

// DefaultSource returns the embedded default kit's TOML, for `selaras kit`.
func DefaultSource() []byte { return defaultKit }
