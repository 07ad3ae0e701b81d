package core

import (
	"context"
	"sync"
)

// checksumRuns holds the cancel function of every SHA-256 being computed, by service and job,
// so the UI can stop one it no longer wants (a large file takes seconds per GiB).
var checksumRuns sync.Map // checksumKey → *checksumRun

type checksumKey struct {
	s  *Service
	id uint64
}

// checksumRun is a pointer so a finished run removes its own entry, never a newer one.
type checksumRun struct{ cancel context.CancelFunc }

// errNoEngine means the transfer engine has not started yet.
var errNoEngine = &wordedError{key: "error.noEngine"}

// DownloadSHA256 computes the SHA-256 of a finished download's file (job id) on request, keeps
// it in the job record and returns it; CancelSHA256 stops it. One computation per job at a time:
// asking again while one runs restarts it.
func (c *Service) DownloadSHA256(id uint64) (string, error) {
	eng := c.engine()
	if eng == nil {
		return "", errNoEngine
	}
	ctx, cancel := context.WithCancel(context.Background())
	key, run := checksumKey{c, id}, &checksumRun{cancel}
	if old, ok := checksumRuns.Swap(key, run); ok {
		old.(*checksumRun).cancel()
	}
	defer checksumRuns.CompareAndDelete(key, run)
	defer cancel()
	return eng.SHA256OfDownload(ctx, id)
}

// CancelSHA256 stops the SHA-256 being computed for job id, if any.
func (c *Service) CancelSHA256(id uint64) {
	if run, ok := checksumRuns.LoadAndDelete(checksumKey{c, id}); ok {
		run.(*checksumRun).cancel()
	}
}
