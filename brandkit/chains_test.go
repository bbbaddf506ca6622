package brandkit

import (
	"strings"
	"testing"
)

func TestChainsDefaultsAndExtends(t *testing.T) {
	var l Loader
	base, err := l.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, w := base.Chains, base.Wordiness
	if !c.On() || !w.On() || len(c.LightVerbs) == 0 || len(c.Heads) == 0 || len(c.Ignore) == 0 ||
		len(c.Verbs) == 0 || len(c.Actions) == 0 || len(w.Around) == 0 || len(w.Plural) == 0 || len(w.AboutVerbs) == 0 {
		t.Fatal("the default kit must carry the [chains] and [wordiness] lists, switched on")
	}
	dir := t.TempDir()
	k, err := (&Loader{}).Load(write(t, dir, "selaras.toml", "[chains]\nlight_verbs = [\"menggelar\"]\n\n[wordiness]\nenabled = false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := k.Chains.LightVerbs; len(got) != len(c.LightVerbs)+1 || got[len(got)-1] != "menggelar" {
		t.Errorf("light_verbs should extend the default list, got %q", got)
	}
	if !k.Chains.On() || k.Wordiness.On() || len(k.Wordiness.Around) != len(w.Around) {
		t.Errorf("enabled: chains %v wordiness %v (around %d)", k.Chains.On(), k.Wordiness.On(), len(k.Wordiness.Around))
	}
}

func TestChainsProblems(t *testing.T) {
	dir := t.TempDir()
	_, err := (&Loader{}).Load(write(t, dir, "selaras.toml", `[chains]
heads = ["upaya", ""]
verbs = ["mendampingi warga"]

[wordiness]
around = ["sangat sekali", "sangat ... sekali"]
`))
	if err == nil {
		t.Fatal("expected problems")
	}
	msg := err.Error()
	for _, want := range []string{
		"selaras.toml:2: chains.heads[1]: empty entry",
		"selaras.toml:3: chains.verbs[0]: \"mendampingi warga\": write one word",
		"selaras.toml:6: wordiness.around[0]: \"sangat sekali\": write two words with \"...\" between them",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "around[1]") {
		t.Errorf("a good pattern was reported:\n%s", msg)
	}
}
