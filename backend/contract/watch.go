package contract

import "time"

// WatchSummary is a watch with its counts, for the watch list.
type WatchSummary struct {
	WatchConfig
	Stats WatchStats `json:"stats"`
}

// WatchAfter is what happens to a file once the server has accepted its upload.
type WatchAfter string

const (
	WatchKeep   WatchAfter = "keep"   // leave it where it is (the default)
	WatchMove   WatchAfter = "move"   // move it into the watched folder's WatchUploadedDir
	WatchDelete WatchAfter = "delete" // delete it; only with WatchConfig.DeleteConfirmed
)

// WatchUploadedDir is the subfolder WatchAfter=move puts uploaded files in; it is never watched.
const WatchUploadedDir = "Uploaded"

// WatchDeleteConfirmation is what a user types to allow WatchAfter=delete.
const WatchDeleteConfirmation = "DELETE"

// WatchConfig is one watch as saved in the profile's database.
type WatchConfig struct {
	Name      string     `json:"name"`
	Folder    string     `json:"folder"` // absolute
	Recursive bool       `json:"recursive"`
	Include   []string   `json:"include"` // file name patterns (filepath.Match, any case)
	Exclude   []string   `json:"exclude"`
	Scope     string     `json:"scope"` // "": the profile's scope
	Tags      []string   `json:"tags"`
	After     WatchAfter `json:"after"`
	// DeleteConfirmed is set when the user typed WatchDeleteConfirmation for WatchAfter=delete.
	DeleteConfirmed bool  `json:"deleteConfirmed"`
	SettleMS        int64 `json:"settleMs"`
	Paused          bool  `json:"paused"`
	Created         int64 `json:"created"` // unix ms
}

// WatchEvent is one thing a running watch noticed or decided, for progress lines and logs.
type WatchEvent struct {
	Time    time.Time `json:"time"`
	Watch   string    `json:"watch"`
	Kind    string    `json:"event"` // see the WatchEv… constants
	Path    string    `json:"path,omitempty"`
	Detail  string    `json:"detail,omitempty"`
	JobID   uint64    `json:"jobId,omitempty"`
	VideoNo string    `json:"videoNo,omitempty"`
	// Folders is how many folders are watched live, on started, scanned and limit events.
	Folders int `json:"folders,omitempty"`
}

// WatchStats is a watch's summary for the watch list.
type WatchStats struct {
	Seen         int          `json:"seen"`
	Uploaded     int          `json:"uploaded"`
	Duplicates   int          `json:"duplicates"`
	Waiting      int          `json:"waiting"`
	Skipped      int          `json:"skipped"`
	Failed       int          `json:"failed"`
	LastActivity int64        `json:"lastActivity"` // unix ms, 0: none yet
	Refused      []WatchIssue `json:"refused"`      // skipped and failed files with their reasons (the first 100)
}

// WatchIssue is one skipped or failed file.
type WatchIssue struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// WatchRunOptions tune a running watch; zero values are the defaults.
type WatchRunOptions struct {
	Rescan        time.Duration    // how often the whole tree is scanned again (default 10 min)
	LimitedRescan time.Duration    // the same while some folders are not watched live (default 1 min)
	MaxWatches    int              // folders watched live at most; 0: as many as the system allows
	Report        func(WatchEvent) // where events go; nil: nowhere
}

// WatchEvent kinds.
const (
	WatchEvStarted   = "started"   // the watch runs: Detail says how many folders are watched live
	WatchEvLimit     = "limit"     // the inotify limit was reached; Detail says what happens instead
	WatchEvScanned   = "scanned"   // a full scan finished
	WatchEvSettling  = "settling"  // a new or changed file waits for the settle time
	WatchEvWriting   = "writing"   // a file stopped changing but is not a whole video yet
	WatchEvQueued    = "queued"    // an upload job was queued
	WatchEvUploaded  = "uploaded"  // the server accepted the upload
	WatchEvDuplicate = "duplicate" // the content was uploaded before (or is queued); not sent again
	WatchEvRenamed   = "renamed"   // a known file moved inside the folder; not sent again
	WatchEvSkipped   = "skipped"   // refused with a reason; not retried unless it changes
	WatchEvFailed    = "failed"    // the upload failed for good
	WatchEvMoved     = "moved"     // moved into the Uploaded subfolder after its upload
	WatchEvDeleted   = "deleted"   // deleted after its confirmed upload
	WatchEvKept      = "kept"      // left in place although move/delete was asked (Detail: why)
	WatchEvGone      = "gone"      // the watched folder disappeared; it is looked for at each rescan
	WatchEvBack      = "back"      // the watched folder is back
	WatchEvError     = "error"     // something failed; the watch goes on
	WatchEvPaused    = "paused"    // the watch is paused (nothing is queued)
	WatchEvStopped   = "stopped"
)
