package core

import "memories-desktop/backend/i18n"

// wordedError is a refusal of ours whose sentence for people is a catalogue message: Describe
// words it in the language in use (the window's, the CLI's), while Error() stays English, the
// text of logs and of a wrapping error's detail.
type wordedError struct {
	key    string
	params i18n.Args
	kind   error // the sentinel errors.Is matches it to, if any
}

func (e *wordedError) Error() string { return i18n.English.T(e.key, e.params) }
func (e *wordedError) Unwrap() error { return e.kind }
