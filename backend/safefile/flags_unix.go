//go:build unix

package safefile

import (
	"io/fs"
	"syscall"
)

// noFollow makes open fail on a symbolic link instead of writing to wherever it points.
const noFollow = syscall.O_NOFOLLOW

// diskFullErrors are the errors of a write that failed for lack of space: the disk, or the
// user's quota on it.
var diskFullErrors = []error{syscall.ENOSPC, syscall.EDQUOT}

// idOf is the file's device and inode number.
func idOf(info fs.FileInfo) (FileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return FileID{}, false
	}
	return FileID{Dev: uint64(st.Dev), Ino: uint64(st.Ino)}, true
}

// links is the file's count of hard links (names).
func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
