//go:build !unix && !windows

package transfer

import "syscall"

// noFollow is not available here: creation uses O_EXCL, which refuses any existing name, and a
// reopened .part is checked with Lstat and os.SameFile (openOwn).
const noFollow = 0

var diskFullErrors = []error{syscall.ENOSPC}
