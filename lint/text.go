package lint

import "fmt"

// Text is a message in both languages selaras speaks. Indonesian is the
// default; English is shown with --lang en. Both are written with the same
// care: neither is a machine translation of the other.
type Text struct {
	ID string // Bahasa Indonesia
	EN string // English
}

// In returns the text in lang ("id" or "en"), falling back to Indonesian.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.ID
}

// Complete reports whether both languages are present.
func (t Text) Complete() bool { return t.ID != "" && t.EN != "" }

// Tf formats both languages with the same arguments.
func Tf(id, en string, args ...any) Text {
	return Text{ID: fmt.Sprintf(id, args...), EN: fmt.Sprintf(en, args...)}
}
