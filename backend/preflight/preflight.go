// Package preflight checks local files and direct video URLs before they cost an upload slot
// (one a minute), so problems the service would reject are reported at once, in plain words.
package preflight

// Upload limits from the service's documentation (§4.1, §4.3 of the API notes). The docs say
// "3 GB" and "1 GB"; binary units are used, as the service's own storage does.
const (
	MaxFileSize int64 = 3 << 30
	MaxURLSize  int64 = 1 << 30
)

// Stable verdict codes: the UI switches on these, never on the reason text.
const (
	CodeMissing        = "missing"
	CodeNotRegular     = "not_regular"
	CodeEmpty          = "empty"
	CodeUnsupportedExt = "unsupported_ext"
	CodeTooLarge       = "too_large"
	CodeUnreadable     = "unreadable"
)

// Verdict is the outcome of checking one file. Path is absolute; Size is set for regular files;
// Reason (plain language) and Code are set when the file cannot be uploaded.
type Verdict struct {
	Path   string `json:"path"`
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	OK     bool   `json:"ok"`
	Reason string `json:"reason,omitempty"`
	Code   string `json:"code,omitempty"`
}

// failure is why a check rejected a file.
type failure struct {
	code, reason string
}
