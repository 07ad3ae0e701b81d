package watch

import (
	"memories-desktop/backend/contract"

	"context"
)

// Queue is what a watch needs from the transfer engine (core implements it).
type Queue interface {
	// Fingerprint is the content hash the duplicate index is keyed by.
	Fingerprint(ctx context.Context, path string) (string, error)
	// UploadedBefore looks the fingerprint up in the duplicate index of scope.
	UploadedBefore(fp, scope string) (videoNo string, ok bool, err error)
	// Enqueue queues the upload of a file the checks accepted, with the watch's preset.
	Enqueue(c contract.WatchConfig, v contract.Verdict) (contract.Job, error)
	// Wait returns once job id has stopped (done, failed, canceled, paused or interrupted).
	Wait(ctx context.Context, id uint64) (contract.Job, error)
	Job(id uint64) (contract.Job, error)
	Resume(id uint64) error
	// FindJob finds the upload job watch queued for path at or after since (unix ms).
	FindJob(watch, path string, since int64) (uint64, bool, error)
}
