//go:build genkit

package brandkit

// With the genkit tag (used only by brandkit/internal/genkit), the default
// kit is parsed from its TOML at start-up instead of taken from
// default_kit.go, so that a stale or broken default_kit.go never stops the
// generator that rewrites it.
var generatedDefault = func() *Kit {
	var l Loader
	k, err := l.parse(defaultName, defaultKitSource(), nil)
	if err != nil {
		panic(err) // a broken default kit is a build error; genkit prints it
	}
	return k
}()
