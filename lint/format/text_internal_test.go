package format

import "testing"

func TestTextQuotesControlCharactersInPaths(t *testing.T) {
	if got := shownPath("a\nb.md"); got != `"a\nb.md"` {
		t.Errorf("shownPath: %s", got)
	}
	if got := shownPath("dinkes/ä b.md"); got != "dinkes/ä b.md" {
		t.Errorf("plain path changed: %s", got)
	}
}
