//go:build unix

package transfer

import "syscall"

// noFollow makes open fail on a symbolic link instead of writing to wherever it points.
const noFollow = syscall.O_NOFOLLOW
