package safefile

import (
	"io/fs"
	"syscall"
)

// noFollow is not available on Windows: creation uses O_EXCL, which refuses any existing name,
// link or not, and a reopened .part is checked with Lstat and os.SameFile (OpenOwn).
const noFollow = 0

// diskFullErrors are ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL, as Windows reports a full disk.
var diskFullErrors = []error{syscall.ENOSPC, syscall.Errno(112), syscall.Errno(39)}

// idOf is not read here (os.SameFile still guards every reopen): the check is skipped.
func idOf(fs.FileInfo) (FileID, bool) { return FileID{}, false }

// links is not read here; os.SameFile still guards every reopen.
func links(fs.FileInfo) uint64 { return 1 }
