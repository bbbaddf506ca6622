package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// TestScaleRecipes parses the batch-engine recipes of docs/scale.md as
// YAML (no cluster or CI runner is at hand to run them) and checks that
// each runs shards and a merge with flags this selaras knows.
func TestScaleRecipes(t *testing.T) {
	files, _ := filepath.Glob("../../docs/scale/*.y*ml")
	if len(files) < 3 {
		t.Fatalf("recipes: %v", files)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := yaml.Unmarshal(b, &doc); err != nil {
			t.Errorf("%s: not YAML: %v", name, err)
			continue
		}
		if len(doc) == 0 {
			t.Errorf("%s: empty", name)
		}
		text := string(b)
		for _, want := range []string{"--shard", "audit"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
		if !strings.Contains(name, "kubernetes") && !strings.Contains(text, "audit merge") {
			t.Errorf("%s: no merge step", name)
		}
	}
	// The Kubernetes manifest is an Indexed Job reading the index Kubernetes sets.
	b, _ := os.ReadFile("../../docs/scale/kubernetes-job.yaml")
	var job struct {
		Kind string
		Spec struct {
			CompletionMode string `yaml:"completionMode"`
			Completions    int
			Template       struct {
				Spec struct {
					Containers []struct{ Args []string }
				}
			}
		}
	}
	if err := yaml.Unmarshal(b, &job); err != nil {
		t.Fatal(err)
	}
	args := strings.Join(job.Spec.Template.Spec.Containers[0].Args, " ")
	if job.Kind != "Job" || job.Spec.CompletionMode != "Indexed" || !strings.Contains(args, "--shard=16") ||
		!strings.Contains(args, "--shard-index-env=JOB_COMPLETION_INDEX") || job.Spec.Completions != 16 {
		t.Errorf("kubernetes job: %+v %q", job.Spec, args)
	}
	// Every flag the recipes use exists.
	help := runBin(t, t.TempDir(), nil, nil, "audit", "--help")
	for _, flag := range []string{"--shard", "--shard-index-env", "--output", "--cache-dir", "--tz", "--format"} {
		if !strings.Contains(help.stdout+help.stderr, flag) {
			t.Errorf("audit --help has no %s", flag)
		}
	}
}
