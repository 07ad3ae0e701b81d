package transfer

import "memories-desktop/backend/safefile"

// The safe-file package's names, as the engine's errors and its callers know them.
var (
	ErrExists     = safefile.ErrExists
	ErrTruncated  = safefile.ErrTruncated
	ErrNotRegular = safefile.ErrNotRegular
	ErrDiskFull   = safefile.ErrDiskFull
)

// PartSuffix marks a download in progress.
const PartSuffix = safefile.PartSuffix
