//go:build !unix && !windows

package safefile

import "syscall"

// noFollow is not available here: creation uses O_EXCL, which refuses any existing name, and a
// reopened .part is checked with Lstat and os.SameFile (OpenOwn).
const noFollow = 0

var diskFullErrors = []error{syscall.ENOSPC}
