package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpToDate fails when brandkit/default-spelling.toml is not what the
// filter and the data give: run `go run ./brandkit/internal/genspelling`.
func TestUpToDate(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	got, terms, forms, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile(filepath.Join(root, outFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, have) {
		t.Errorf("%s is stale: run `go run ./brandkit/internal/genspelling` from the repository root", outFile)
	}
	if terms < 300 || forms < terms {
		t.Errorf("only %d terms and %d forms: the filter dropped too much", terms, forms)
	}
}

// TestFilter spot-checks the filter: real misspellings kept, slang,
// reversed pairs and names dropped.
func TestFilter(t *testing.T) {
	got, _, _, err := generate(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{
		"use   = \"praktik\"\navoid = [\"praktek\"]",
		"use   = \"risiko\"\navoid = [\"resiko\"]",
		"use   = \"analisis\"\navoid = [\"analisa\"]",
		"use   = \"aktivitas\"\navoid = [\"aktifitas\"]",
		"use   = \"imbau\"\navoid = [\"himbau\"]",
		"use   = \"jadwal\"\navoid = [\"jadual\"]",
		"\"mengkonsumsi\"", // from indo-collex
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, bad := range []string{
		"\"belom\"", "\"gak\"", "\"kayak\"", // slang
		"\"rubah\"", "\"sarap\"", // other words
		"avoid = [\"jadwal\"]", "avoid = [\"imbau\"]", // reversed pairs
		"\"putera\"", "\"rizki\"", "\"dharma\"", // names
		"\"group\"", "\"standard\"", // English words
		"\"propinsi\"", "\"merubah\"", // in default.toml or the jargon list
		"100 ribu", "kilometer\"]", // numbers and units
	} {
		if strings.Contains(s, bad) {
			t.Errorf("the list holds %s", bad)
		}
	}
}
