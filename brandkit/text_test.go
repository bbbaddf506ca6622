package brandkit

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestTextSectionsDefaultsAndExtends(t *testing.T) {
	var l Loader
	base, err := l.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(base.Tone.Acronyms) == 0 || len(base.Tone.Invitations) == 0 || len(base.Claims.Sources) == 0 ||
		len(base.Neutrality.Parties) == 0 || len(base.Neutrality.Calls) == 0 {
		t.Fatal("the default kit must carry the text rules' word lists")
	}
	dir := t.TempDir()
	write(t, dir, "narasi/a.md", "Contoh.")
	p := write(t, dir, "selaras.toml", `[tone]
acronyms = ["SIPANDU"]
sentence_max = 30

[narrative]
exemplars = "narasi"
threshold = 0.2
`)
	k, err := (&Loader{}).Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if k.Tone.SentenceMax != 30 || k.Tone.PassiveMax != base.Tone.PassiveMax {
		t.Errorf("thresholds: sentence_max %d passive_max %v", k.Tone.SentenceMax, k.Tone.PassiveMax)
	}
	if got := k.Tone.Acronyms; len(got) != len(base.Tone.Acronyms)+1 || got[len(got)-1] != "SIPANDU" {
		t.Errorf("acronyms should extend the default list, got %d entries", len(got))
	}
	if want := filepath.Join(dir, "narasi"); k.Narrative.Exemplars != want || k.Narrative.Threshold != 0.2 {
		t.Errorf("exemplars %q (want %q), threshold %v", k.Narrative.Exemplars, want, k.Narrative.Threshold)
	}
}

func TestTextSectionsProblems(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "selaras.toml", `[tone]
passive_max = 1.5
sentence_max = -1
acronyms = ["RS UD", ""]

[narrative]
exemplars = "../lain"
threshold = 2

[neutrality]
calls = [" "]
`)
	_, err := (&Loader{}).Load(p)
	if err == nil {
		t.Fatal("expected problems")
	}
	msg := err.Error()
	for _, want := range []string{
		"selaras.toml:2: tone.passive_max: a share between 0 and 1",
		"selaras.toml:3: tone.sentence_max: must be 0",
		"selaras.toml:4: tone.acronyms[1]: empty entry",
		"selaras.toml:4: tone.acronyms[0]: \"RS UD\": an acronym is one word",
		"selaras.toml:7: narrative.exemplars: \"../lain\" lies outside the kit's folder",
		"selaras.toml:8: narrative.threshold: a similarity between 0 and 1",
		"selaras.toml:11: neutrality.calls[0]: empty entry",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	if _, err := (&Loader{}).Load(write(t, dir, "missing/selaras.toml", "[narrative]\nexemplars = \"contoh\"\n")); err == nil ||
		!strings.Contains(err.Error(), "selaras.toml:2: narrative.exemplars: \"contoh\": no such folder next to the kit") {
		t.Errorf("a missing exemplars folder must be a kit problem, got %v", err)
	}
	if _, err := (&Loader{}).Load(write(t, dir, "abs/selaras.toml", "[narrative]\nexemplars = \"/etc\"\n")); err == nil ||
		!strings.Contains(err.Error(), "relative to the kit file") {
		t.Errorf("an absolute exemplars folder must be refused, got %v", err)
	}
}
