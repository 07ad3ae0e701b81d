//go:build unix

package safefile

import "syscall"

// noFollow makes open fail on a symbolic link instead of writing to wherever it points.
const noFollow = syscall.O_NOFOLLOW

// diskFullErrors are the errors of a write that failed for lack of space: the disk, or the
// user's quota on it.
var diskFullErrors = []error{syscall.ENOSPC, syscall.EDQUOT}
