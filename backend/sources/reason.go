package sources

import "memories-desktop/backend/i18n"

// reason is why a line is not a supported link: a catalogue message, worded in the language of
// the moment it is shown.
type reason struct {
	id   string
	args i18n.Args
}

func (r *reason) Error() string { return i18n.T(r.id, r.args) }
