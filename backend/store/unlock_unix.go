//go:build unix

package store

import (
	"os"
	"syscall"
)

// unlock drops bbolt's lock on f. Closing f alone would not: the file stays mapped, and the
// mapping keeps the locked file description alive.
func unlock(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
