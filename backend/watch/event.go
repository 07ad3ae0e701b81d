package watch

import (
	"memories-desktop/backend/contract"
	"time"

	"context"
)

// Event is one thing a running watch noticed or decided, for progress lines and logs.
type Event struct {
	Time    time.Time `json:"time"`
	Watch   string    `json:"watch"`
	Kind    string    `json:"event"` // see the Ev… constants
	Path    string    `json:"path,omitempty"`
	Detail  string    `json:"detail,omitempty"`
	JobID   uint64    `json:"jobId,omitempty"`
	VideoNo string    `json:"videoNo,omitempty"`
	// Folders is how many folders are watched live, on started, scanned and limit events.
	Folders int `json:"folders,omitempty"`
}

// Event kinds.
const (
	EvStarted   = "started"   // the watch runs: Detail says how many folders are watched live
	EvLimit     = "limit"     // the inotify limit was reached; Detail says what happens instead
	EvScanned   = "scanned"   // a full scan finished
	EvSettling  = "settling"  // a new or changed file waits for the settle time
	EvWriting   = "writing"   // a file stopped changing but is not a whole video yet
	EvQueued    = "queued"    // an upload job was queued
	EvUploaded  = "uploaded"  // the server accepted the upload
	EvDuplicate = "duplicate" // the content was uploaded before (or is queued); not sent again
	EvRenamed   = "renamed"   // a known file moved inside the folder; not sent again
	EvSkipped   = "skipped"   // refused with a reason; not retried unless it changes
	EvFailed    = "failed"    // the upload failed for good
	EvMoved     = "moved"     // moved into the Uploaded subfolder after its upload
	EvDeleted   = "deleted"   // deleted after its confirmed upload
	EvKept      = "kept"      // left in place although move/delete was asked (Detail: why)
	EvGone      = "gone"      // the watched folder disappeared; it is looked for at each rescan
	EvBack      = "back"      // the watched folder is back
	EvError     = "error"     // something failed; the watch goes on
	EvPaused    = "paused"    // the watch is paused (nothing is queued)
	EvStopped   = "stopped"
)

// Queue is what a watch needs from the transfer engine (core implements it).
type Queue interface {
	// Fingerprint is the content hash the duplicate index is keyed by.
	Fingerprint(ctx context.Context, path string) (string, error)
	// UploadedBefore looks the fingerprint up in the duplicate index of scope.
	UploadedBefore(fp, scope string) (videoNo string, ok bool, err error)
	// Enqueue queues the upload of a file the checks accepted, with the watch's preset.
	Enqueue(c Config, v contract.Verdict) (contract.Job, error)
	// Wait returns once job id has stopped (done, failed, canceled, paused or interrupted).
	Wait(ctx context.Context, id uint64) (contract.Job, error)
	Job(id uint64) (contract.Job, error)
	Resume(id uint64) error
	// FindJob finds the upload job watch queued for path at or after since (unix ms).
	FindJob(watch, path string, since int64) (uint64, bool, error)
}
