package brandkit

import _ "embed"

// starterKit is the commented kit `selaras init` writes: a name and a
// language, and every other section as a commented example.
//
//go:embed starter.toml
var starterKit []byte

// demoKit is a copy of testdata/demo/selaras.toml (go:embed cannot reach
// outside this folder), written by `selaras init --from demo`. A test in
// cmd/selaras fails when the two differ.
//
//go:embed demo.toml
var demoKit []byte

// StarterSource returns the starter kit's TOML.
func StarterSource() []byte { return append([]byte(nil), starterKit...) }

// DemoSource returns the demo kit's TOML (the Banten example).
func DemoSource() []byte { return append([]byte(nil), demoKit...) }

// demoLogo is a copy of testdata/demo/logo-banten.png, the demo kit's
// [[logos]] file: `init --from demo` writes it beside the kit, which
// `kit check` would otherwise refuse for naming a logo that does not exist.
//
//go:embed demo-logo.png
var demoLogo []byte

// DemoLogoName is the file name the demo kit gives its logo.
const DemoLogoName = "logo-banten.png"

// DemoLogo returns the demo kit's logo (PNG).
func DemoLogo() []byte { return append([]byte(nil), demoLogo...) }
