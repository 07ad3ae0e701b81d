//go:build !unix

package store

import "os"

// unlock is a no-op where closing the file is what releases bbolt's lock.
func unlock(f *os.File) {}
