package contract

import "errors"

// ErrorInfo is what a failed call returns to the UI (via Wails' ErrorFormatter) and what the CLI
// prints as one line: a stable code, a sentence for people, and where relevant the field and
// next step.
type ErrorInfo struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	Next    string `json:"next,omitempty"`
	Detail  string `json:"detail,omitempty"` // technical text, shown behind "details"
	// Key and NextKey are the catalogue ids Message and Next were worded from, Params their
	// placeholders, so a front end can word a code itself (docs/TRANSLATING.md).
	Key     string         `json:"key,omitempty"`
	NextKey string         `json:"nextKey,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
	// RetryAt is when the service said to try again (unix ms), for a rate-limited call that said.
	RetryAt int64 `json:"retryAt,omitempty"`
}

func (e ErrorInfo) Error() string { return e.Message }

// ErrDamaged means the database file is corrupt: bbolt found an inconsistent page (it panics
// on those; every transaction here recovers) or a record cannot be decoded.
var ErrDamaged = errors.New("the database is damaged")

// ErrLocked means another process (usually a running Memories Desktop) holds the database.
var ErrLocked = errors.New("the database is in use by another process (Memories Desktop or a memories command)")
