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

// folderID is the device and inode a folder path leads to, which a mount over it changes.
func folderID(info fs.FileInfo) [2]uint64 {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return [2]uint64{}
	}
	return [2]uint64{uint64(st.Dev), uint64(st.Ino)}
}
