package audit

import "github.com/selaras/selaras/lint"

// Error is a problem for the user, in both languages selaras speaks.
type Error struct{ Msg lint.Text }

func (e *Error) Error() string { return e.Msg.EN }

func errf(id, en string, args ...any) error { return &Error{Msg: lint.Tf(id, en, args...)} }

// Message returns err's text in lang: both languages for an *Error,
// err.Error() otherwise.
func Message(err error, lang string) string {
	if e, ok := err.(*Error); ok {
		return e.Msg.In(lang)
	}
	return err.Error()
}
