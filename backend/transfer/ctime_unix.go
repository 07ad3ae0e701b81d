//go:build linux || darwin

package transfer

import (
	"io/fs"
	"syscall"
	"time"
)

// changeTime is the file's status-change time (ctime), which no writer can set back.
func changeTime(info fs.FileInfo) time.Time {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return time.Time{}
	}
	return time.Unix(ctimeOf(st))
}
