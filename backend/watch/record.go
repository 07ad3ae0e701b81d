package watch

import (
	"encoding/json"
	"io/fs"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/transfer"
)

// State is where a file is in a watch's life.
type State string

const (
	Settling  State = "settling"  // changed recently; waits for the settle time
	Writing   State = "writing"   // unchanged, but its container is incomplete: still being written
	Queuing   State = "queuing"   // being queued; a crash here is reconciled on the next start
	Queued    State = "queued"    // a job is on the queue
	Uploaded  State = "uploaded"  // the server accepted it
	Duplicate State = "duplicate" // its content was uploaded before (or is queued) from elsewhere
	Skipped   State = "skipped"   // refused (not a video, codec, name…); not retried unless it changes
	Failed    State = "failed"    // its upload failed for good; not retried unless it changes
)

// Record is what a watch knows about one file, saved under the file's path inside the folder.
type Record struct {
	State   State  `json:"state"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"` // unix ns
	Ctime   int64  `json:"ctime,omitempty"`
	Ino     uint64 `json:"ino,omitempty"`
	FP      string `json:"fp,omitempty"` // content fingerprint (the duplicate index's key)
	JobID   uint64 `json:"job,omitempty"`
	JobPath string `json:"jobPath,omitempty"` // the relative path the job was queued with
	VideoNo string `json:"videoNo,omitempty"`
	Reason  string `json:"reason,omitempty"`
	// Why is what Reason was worded from when it can be worded again (a failed job's error or a
	// refusal, with its catalogue ids), so the watch list reads in the language in use; nil:
	// Reason as stored.
	Why   *contract.JobError `json:"why,omitempty"`
	After string             `json:"after,omitempty"` // what was done with the file after its upload: "deleted", "moved:<path>", "kept:<why>"
	// Stale: the file changed while its job was queued; it is looked at again when the job ends.
	Stale bool  `json:"stale,omitempty"`
	At    int64 `json:"at"` // unix ms of the last change of state
}

// waiting says whether the record still expects something to happen.
func (r *Record) waiting() bool {
	switch r.State {
	case Settling, Writing, Queuing, Queued:
		return true
	}
	return false
}

// sameContentAs says whether info is what r saw (size and modification time).
func (r *Record) sameContentAs(info fs.FileInfo) bool {
	return r.Size == info.Size() && r.ModTime == info.ModTime().UnixNano()
}

// unchangedSince says whether info is exactly the file r noted when it was queued: size,
// modification time, change time and inode. Anything else keeps a file from being moved or
// deleted.
func (r *Record) unchangedSince(info fs.FileInfo) bool {
	ctime, ino := identity(info)
	return r.sameContentAs(info) && r.Ctime == ctime && r.Ino == ino && r.Ino != 0
}

// note keeps info's identity in r.
func (r *Record) note(info fs.FileInfo) {
	r.Size, r.ModTime = info.Size(), info.ModTime().UnixNano()
	r.Ctime, r.Ino = identity(info)
}

func decodeRecord(b []byte) (Record, error) {
	var r Record
	err := json.Unmarshal(b, &r)
	return r, err
}

const maxIssues = 100

// reworded is what a refusal's reason is worded from (Record.Why); nil when it has no
// catalogue id (a parser's finding, kept as it was worded).
func reworded(key string, params map[string]string) *contract.JobError {
	if key == "" {
		return nil
	}
	return &contract.JobError{Key: key, Params: params}
}

func addRecord(s *contract.WatchStats, rel string, r Record) {
	s.Seen++
	s.LastActivity = max(s.LastActivity, r.At)
	switch {
	case r.State == Uploaded:
		s.Uploaded++
	case r.State == Duplicate:
		s.Duplicates++
	case r.waiting():
		s.Waiting++
	case r.State == Skipped:
		s.Skipped++
	case r.State == Failed:
		s.Failed++
	}
	if (r.State == Skipped || r.State == Failed) && len(s.Refused) < maxIssues {
		reason := r.Reason
		if r.Why != nil {
			reason = transfer.WordJobError(i18n.Default(), r.Why).Message
		}
		s.Refused = append(s.Refused, contract.WatchIssue{Path: rel, Reason: reason})
	}
}
