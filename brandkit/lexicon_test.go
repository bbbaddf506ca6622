package brandkit

import (
	"strings"
	"testing"
)

func TestLexiconKeys(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "selaras.toml", `[spelling]
accept = ["cibeber", "", "dua kata"]

[loanwords]
accept = ["giveaway", "car free day"]
acept = ["typo"]

[loanwords.equivalents]
"giveaway" = ["bagi-bagi hadiah"]
"meeting" = []
`)
	_, err := (&Loader{}).Load(p)
	if err == nil {
		t.Fatal("expected problems")
	}
	msg := err.Error()
	for _, want := range []string{
		"spelling.accept[1]: empty entry",
		"spelling.accept[2]: \"dua kata\": write one word an entry",
		"loanwords.acept: unknown key",
		"loanwords.equivalents.meeting: \"meeting\" needs an equivalent",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	if n := strings.Count(msg, "\n") + 1; n != 4 {
		t.Errorf("want 4 problems, got %d:\n%s", n, msg)
	}

	// A good kit merges its lists over the default kit's.
	p = write(t, dir, "selaras.toml", `[spelling]
accept = ["cibeber"]

[loanwords]
accept = ["giveaway"]
equivalents = { "meeting" = ["temu"] }
`)
	k, err := (&Loader{}).Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if !contains(k.Loanwords.Accept, "giveaway") || !contains(k.Loanwords.Accept, "online") {
		t.Errorf("loanwords.accept = %v, want the default kit's words and giveaway", k.Loanwords.Accept)
	}
	if got := k.Loanwords.Equivalents["meeting"]; len(got) != 1 || got[0] != "temu" {
		t.Errorf("equivalents[meeting] = %v", got)
	}
	if !contains(k.Spelling.Accept, "cibeber") {
		t.Errorf("spelling.accept = %v", k.Spelling.Accept)
	}
}
