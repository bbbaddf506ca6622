// Command genkit writes brandkit/default_kit.go: the embedded default kit
// (default.toml and default-spelling.toml), parsed and validated once at
// build time and written as a Go composite literal. A check of one draft
// then starts with the kit in place instead of decoding some 2,500 lines of
// TOML on every run (that decode was most of selaras's start-up time).
//
// brandkit's tests fail when the file is stale; run, from the repository
// root, after changing either TOML file:
//
//	go run -tags genkit ./brandkit/internal/genkit
//
// (the genkit tag makes brandkit parse the TOML itself, so that a stale
// default_kit.go cannot stop its own regeneration).
package main

import (
	"fmt"
	"os"

	"github.com/selaras/selaras/brandkit"
)

const outFile = "brandkit/default_kit.go"

func main() {
	src, err := brandkit.GenerateDefaultKit()
	if err != nil {
		fmt.Fprintln(os.Stderr, "genkit:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(outFile, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genkit:", err)
		os.Exit(1)
	}
}
