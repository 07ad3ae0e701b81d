package transfer

import (
	"errors"
	"io/fs"
	"syscall"

	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/progress"
	"memories-desktop/backend/store"
)

// CodeExists marks a download that found its file name taken; the app's Retry asks what to do.
const CodeExists = errcode.Exists

// localAdvice tells what a person can do about a failure on this computer or of the transfer
// itself, which api.Explain knows nothing about. Every message is for a job that has failed for
// good, so none of them promises an automatic retry.
var localAdvice = []struct {
	is         func(error) bool
	code, next string
}{
	{isKind(ErrDiskFull), errcode.DiskFull, "Free some space on that disk, then retry."},
	{isKind(progress.ErrTooSlow), errcode.TooSlow, "Check the connection, then retry; the service may be busy."},
	{isKind(errIdle), errcode.NoData, "The service stopped sending; retry later."},
	{isKind(ErrTruncated), errcode.Truncated, "The connection kept breaking off; retry later."},
	{isKind(ErrNoFolder), errcode.NoFolder, "Choose an existing folder, then retry."},
	{isKind(ErrExists), CodeExists, "Retry to choose: replace it, keep both, or skip."},
	{isKind(ErrNotRegular), errcode.NotRegular, "Move away what is at that name (it is left untouched), then retry."},
	{isReadOnly, errcode.NotWritable, "Choose a folder you can write to, then retry."},
}

func isKind(kind error) func(error) bool {
	return func(err error) bool { return errors.Is(err, kind) }
}

func isReadOnly(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// explainLocal returns the record of a local failure ("what happened. What to do." and a stable
// code), nil for other failures.
func explainLocal(err error) *store.JobError {
	for _, a := range localAdvice {
		if a.is(err) {
			return &store.JobError{Code: a.code, Message: sentence(err.Error()) + " " + a.next}
		}
	}
	return nil
}

// sentence capitalises s and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		s = string(c-'a'+'A') + s[1:]
	}
	if last := s[len(s)-1]; last != '.' && last != '!' && last != '?' {
		s += "."
	}
	return s
}
