package transfer

import (
	"errors"
	"io/fs"
	"syscall"

	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/progress"
	"memories-desktop/backend/safefile"
)

// localCodes name the failures on this computer or of the transfer itself, which api knows
// nothing about, with a stable code each. What people are told about them is core's
// (Options.Explain gets the code).
var localCodes = []struct {
	is   func(error) bool
	code string
}{
	{isKind(safefile.ErrDiskFull), errcode.DiskFull},
	{isKind(progress.ErrTooSlow), errcode.TooSlow},
	{isKind(errIdle), errcode.NoData},
	{isKind(safefile.ErrTruncated), errcode.Truncated},
	{isKind(ErrNoFolder), errcode.NoFolder},
	{isKind(safefile.ErrExists), errcode.Exists},
	{isKind(safefile.ErrNotRegular), errcode.NotRegular},
	{isKind(ErrNotMedia), errcode.Unexpected},
	{isReadOnly, errcode.NotWritable},
	{isKind(ErrMaybeSent), errcode.MaybeSent},
}

func isKind(kind error) func(error) bool {
	return func(err error) bool { return errors.Is(err, kind) }
}

func isReadOnly(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// localCode returns the code of a local failure, "" for other failures.
func localCode(err error) string {
	for _, c := range localCodes {
		if c.is(err) {
			return c.code
		}
	}
	return ""
}
