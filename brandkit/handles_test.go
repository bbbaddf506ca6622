package brandkit

import (
	"strings"
	"testing"
)

func TestAccountHandles(t *testing.T) {
	src := `[accounts.dinkes]
name    = "Dinas Kesehatan"
handles = ["dinkesjateng", "@dinkes.jateng", "Dinas  Kesehatan Jawa Tengah"]

[accounts.dishub]
handles = ["dishubjateng"]
`
	k, err := Parse("kit.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"dinkesjateng": "dinkes", "@DinkesJateng": "dinkes", "dinkes.jateng": "dinkes",
		" dinas kesehatan jawa tengah ": "dinkes", "Dinas Kesehatan": "dinkes", "@dinkes": "dinkes",
		"DISHUBJATENG": "dishub", "dishub": "dishub",
	} {
		if got, ok := k.AccountByHandle(in); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	if got, ok := k.AccountByHandle("biro humas"); ok {
		t.Errorf("biro humas matched %q", got)
	}
}

func TestAccountHandlesValidated(t *testing.T) {
	src := `[accounts.dinkes]
handles = ["dinkesjateng", " "]

[accounts.dishub]
handles = ["@DinkesJateng"]
`
	_, err := Parse("kit.toml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	for _, w := range []string{
		`kit.toml:2: accounts.dinkes.handles[1]: empty handle`,
		`kit.toml:5: accounts.dishub.handles[0]: "@DinkesJateng" is already a handle of account dinkes`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
	if id := Message(err, "id"); !strings.Contains(id, "sudah menjadi nama akun dinkes") {
		t.Errorf("Indonesian: %s", id)
	}
}
