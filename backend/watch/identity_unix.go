//go:build linux || darwin

package watch

import (
	"io/fs"
	"syscall"
)

// identity is the file's change time (unix ns; no writer can set it back) and inode.
func identity(info fs.FileInfo) (ctime int64, ino uint64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0
	}
	return ctimeNanos(st), uint64(st.Ino)
}
