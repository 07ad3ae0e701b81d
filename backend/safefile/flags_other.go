//go:build !unix && !windows

package safefile

import (
	"io/fs"
	"syscall"
)

// noFollow is not available here: creation uses O_EXCL, which refuses any existing name, and a
// reopened .part is checked with Lstat and os.SameFile (OpenOwn).
const noFollow = 0

var diskFullErrors = []error{syscall.ENOSPC}

// idOf is not read here (os.SameFile still guards every reopen): the check is skipped.
func idOf(fs.FileInfo) (FileID, bool) { return FileID{}, false }

// links is not read here; os.SameFile still guards every reopen.
func links(fs.FileInfo) uint64 { return 1 }
