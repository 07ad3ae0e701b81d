// Package preflight checks local files and direct video URLs before they cost an upload slot
// (one a minute), so problems the service would reject are reported at once, in plain words.
package preflight

import "memories-desktop/backend/i18n"

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
)

// Options change what a check enforces.
type Options struct {
	// AnyCodec accepts a video codec the service does not index (a warning instead of a refusal).
	AnyCodec bool
}

// failure is why a check rejected a file: its catalogue id and placeholders, so the reason can
// be worded again in another language (a watch keeps its refusals), or, for a parser's finding
// that no message of ours words, the finding itself.
type failure struct {
	code, key string
	args      i18n.Args
	raw       string
}

// refusal is the failure with code, worded by the catalogue message key.
func refusal(code, key string, args ...i18n.Args) *failure {
	f := &failure{code: code, key: key}
	if len(args) > 0 {
		f.args = args[0]
	}
	return f
}
