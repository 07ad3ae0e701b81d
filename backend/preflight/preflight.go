// Package preflight checks local files and direct video URLs before they cost an upload slot
// (one a minute), so problems the service would reject are reported at once, in plain words.
package preflight

import "memories-desktop/backend/media"

// Upload limits from the service's documentation (docs/API.md §5.1). The docs say
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
	CodeNotVideo       = "not_video"
	CodeTruncated      = "truncated"
	CodeCodec          = "unsupported_codec"
)

// Verdict is the outcome of checking one file. Path is absolute; Size is set for regular files;
// Reason (plain language) and Code are set when the file cannot be uploaded. Media and FileMeta
// are what the container says, once it could be read; Warnings do not stop an upload.
type Verdict struct {
	Path     string      `json:"path"`
	Name     string      `json:"name"`
	Size     int64       `json:"size"`
	OK       bool        `json:"ok"`
	Reason   string      `json:"reason,omitempty"`
	Code     string      `json:"code,omitempty"`
	Warnings []string    `json:"warnings,omitempty"`
	Media    *media.Info `json:"media,omitempty"`
	FileMeta *FileMeta   `json:"fileMeta,omitempty"`
	Preview  string      `json:"preview,omitempty"` // set by the app: the URL its webview plays the file from
}

// Options change what a check enforces.
type Options struct {
	// AnyCodec accepts a video codec the service does not index (a warning instead of a refusal).
	AnyCodec bool
}

// failure is why a check rejected a file.
type failure struct {
	code, reason string
}
