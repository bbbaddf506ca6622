package lint

import "testing"

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"plain ä 👋🏽\tend":         "plain ä 👋🏽\tend",
		"\x1b]0;PWNED\x07":        `\x1b]0;PWNED\x07`,
		"a\x1b[2Jb":               `a\x1b[2Jb`,
		"c1 \u009b31m":            `c1 \u009b31m`,
		"del\x7f cr\r nl\n":       `del\x7f cr\x0d nl\x0a`,
		"bad \xff\xfe utf8":       `bad \xff\xfe utf8`,
		"\u200b zero width is ok": "\u200b zero width is ok",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
	if got := VisibleLines("a\nb\x1b"); got != "a\nb\\x1b" {
		t.Errorf("VisibleLines: %q", got)
	}
}
