package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// selarasBin is the real binary, built once for the end-to-end tests of
// this package (every *_test.go here uses it through runBin).
var selarasBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "selaras-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	selarasBin = filepath.Join(dir, "selaras")
	build := exec.Command("go", "build", "-o", selarasBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building selaras:", err)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary did.
type result struct {
	stdout, stderr string
	code           int
}

// runBin runs the built binary in dir with stdin and args. The environment
// is the test's, without colour or language settings that would change the
// output, plus extra ("KEY=value").
func runBin(t testing.TB, dir string, stdin []byte, extra []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(selarasBin, args...)
	cmd.Dir = dir
	env := []string{}
	for _, kv := range os.Environ() {
		switch {
		case bytes.HasPrefix([]byte(kv), []byte("NO_COLOR=")), bytes.HasPrefix([]byte(kv), []byte("SELARAS_LANG=")):
			continue
		}
		env = append(env, kv)
	}
	cmd.Env = append(env, extra...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running selaras: %v", err)
	}
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

func TestMemoryLimitIsHalfTheMachine(t *testing.T) {
	raw, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		t.Skip("no /proc/meminfo here")
	}
	var kb int64
	fmt.Sscanf(string(raw), "MemTotal: %d kB", &kb)
	want := max(kb<<10/2, 1<<30)
	if got := memoryLimit(); got != want {
		t.Errorf("memoryLimit() = %d, want %d", got, want)
	}
}
