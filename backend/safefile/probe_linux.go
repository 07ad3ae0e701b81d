package safefile

import (
	"errors"
	"io/fs"

	"golang.org/x/sys/unix"
)

// probeUnnamed creates an unnamed file in dir and closes it, which frees it; done is false when
// the file system (or kernel) has no unnamed files, and a named probe must do.
func probeUnnamed(dir string) (done bool, err error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o600)
	switch {
	case err == nil:
		return true, unix.Close(fd)
	case errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.EISDIR), errors.Is(err, unix.EINVAL):
		return false, nil
	}
	return true, &fs.PathError{Op: "create", Path: dir, Err: err}
}
