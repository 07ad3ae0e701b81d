package contract

import (
	"encoding/json"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

// JobSubject is what a job is about, read from its stored parameters: the file or URL uploaded
// (and the watch folder that queued the file), the links imported, or the id downloaded.
type JobSubject struct {
	File     string   `json:"file,omitempty"`
	URL      string   `json:"url,omitempty"`
	Platform string   `json:"platform,omitempty"`
	ID       string   `json:"id,omitempty"`
	Watch    string   `json:"watch,omitempty"`
	Links    []string `json:"links,omitempty"`
}

// JobQuery filters the transfers and history views.
type JobQuery struct {
	Kinds  []string `json:"kinds"`
	States []string `json:"states"`
	Text   string   `json:"text"`
	Cursor string   `json:"cursor"`
	Limit  int      `json:"limit"`
}

// JobPage is one page of jobs as the UI shows them.
type JobPage struct {
	Jobs       []JobView `json:"jobs"`
	NextCursor string    `json:"nextCursor"`
	// Damaged names the matching jobs whose records could not be read: they are left out of
	// Jobs, and the History view says so with the repair (`memories doctor --repair`).
	Damaged []uint64 `json:"damaged"`
}

// RetryAll is what "Retry all failed" did: how many jobs it queued again, and the names of the
// downloads it left failed because their file names are taken and nobody has chosen yet.
type RetryAll struct {
	Retried int      `json:"retried"`
	Taken   []string `json:"taken"`
}

// Progress is one job's numbers in the transfer:progress event. Every field is finite, so the
// JSON encoding cannot fail.
type Progress struct {
	ID      uint64  `json:"id"`
	Done    int64   `json:"done"`    // bytes moved, ≥ 0
	Total   int64   `json:"total"`   // bytes, -1 when unknown
	Speed   float64 `json:"speed"`   // bytes per second, moving average, whole number ≥ 0
	ETA     int64   `json:"eta"`     // seconds left, -1 when unknown
	Percent float64 `json:"percent"` // 0..100; 0 when the total is unknown
}

// StateChange is one entry of a job's history, shown in the job's details.
type StateChange struct {
	State jobstate.JobState `json:"state"`
	At    int64             `json:"at"` // unix ms
	Note  string            `json:"note,omitempty"`
}

// JobError is the stable code and readable message of a job's last failure. Message is worded
// when the job fails; Key, NextKey and Params (the catalogue ids of what happened and what to do,
// and their placeholders) let every read word it again in the language in use, so a history
// written by `--json` (English) reads German in a German window. Records without Key (older
// ones) show Message as stored.
type JobError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Key     string            `json:"key,omitempty"`
	NextKey string            `json:"nextKey,omitempty"`
	Params  map[string]string `json:"params,omitempty"`
}

// JobResult is what a job produced, kept so history can link to it and search can find it.
type JobResult struct {
	VideoNos    []string `json:"videoNos,omitempty"`
	TaskID      string   `json:"taskId,omitempty"`
	Path        string   `json:"path,omitempty"`
	Bytes       int64    `json:"bytes,omitempty"`
	SHA256      string   `json:"sha256,omitempty"`      // downloads: the saved file's SHA-256, when asked for
	Fingerprint string   `json:"fingerprint,omitempty"` // uploads and downloads: XXH3-128, keys the duplicate index
	Status      string   `json:"status,omitempty"`      // server status, e.g. UNPARSE, PARSE, FAILED
}

// Job is one persistent transfer: written before its first request so a crash never loses it.
type Job struct {
	ID       uint64            `json:"id"` // assigned by CreateJob
	Kind     jobkind.JobKind   `json:"kind"`
	State    jobstate.JobState `json:"state"`
	Scope    string            `json:"scope"`
	Name     string            `json:"name"` // display name: file name, URL, "12 TikTok links"…
	Tags     []string          `json:"tags,omitempty"`
	Created  int64             `json:"created"` // unix ms; with ID it forms the storage key
	Updated  int64             `json:"updated"` // unix ms, bumped by every write
	Attempts int               `json:"attempts"`
	// AttemptStarted is when the latest upload or import attempt began (unix ms), written before
	// its request; AttemptSent when its last bytes were handed over (0: never, so the service
	// cannot have the whole request). After a crash they bound what may still arrive; an import
	// still marked is never sent again without a person's Retry.
	AttemptStarted int64           `json:"attemptStarted,omitempty"`
	AttemptSent    int64           `json:"attemptSent,omitempty"`
	Params         json.RawMessage `json:"params,omitempty"` // the engine's inputs; NEVER the API key
	Marker         string          `json:"marker,omitempty"` // reconciles an upload whose reply was lost
	Result         JobResult       `json:"result"`
	Error          *JobError       `json:"error,omitempty"`
	History        []StateChange   `json:"history,omitempty"`
}

// RetryView says, while a job waits to try again after a failure that may pass, why and until
// when, so its row reads "Retrying in 8 s (connection refused)" instead of a transfer at 0 B/s.
type RetryView struct {
	At    int64  `json:"at"`    // Unix ms of the next try
	Cause string `json:"cause"` // a few words: "connection refused", "rate-limited", "server error 503"
	// RateLimited: the service asked the app to wait (0429). Such waits are not counted: the job
	// tries again for as long as the service keeps asking, whatever the pacing setting.
	RateLimited bool `json:"rateLimited"`
	Failures    int  `json:"failures"` // counted failures so far (rate limits excluded)
	Of          int  `json:"of"`       // the job fails at this many counted failures
}

// JobView is a job as the UI and the CLI show it: no parameters, marker tags hidden, with the
// latest progress sample and how long until its endpoint has a free slot.
type JobView struct {
	ID         uint64            `json:"id"`
	Kind       jobkind.JobKind   `json:"kind"`
	State      jobstate.JobState `json:"state"`
	Scope      string            `json:"scope"`
	Name       string            `json:"name"`
	Tags       []string          `json:"tags"`
	Created    int64             `json:"created"`
	Updated    int64             `json:"updated"`
	Attempts   int               `json:"attempts"`
	Result     JobResult         `json:"result"`
	Error      *JobError         `json:"error,omitempty"`
	Progress   *Progress         `json:"progress,omitempty"`
	NextSlotMs int64             `json:"nextSlotMs"`
	// Place (1 = next) and StartsAt (Unix ms, 0 = when a worker is free) while the job waits
	// for its endpoint; both zero otherwise. See lineup.go.
	Place    int   `json:"place"`
	StartsAt int64 `json:"startsAt"`
	// Retry is set while the job waits to try again after a failure that may pass (retry.go).
	Retry *RetryView `json:"retry,omitempty"`
	// Watch names the watch folder that queued an upload; "" for everything else.
	Watch string `json:"watch,omitempty"`
	// Subject is what the job is about (history pages carry it; events do not).
	Subject *JobSubject `json:"subject,omitempty"`
	// Platform and Links are an import's platform ("tiktok") and how many links it sends, so
	// views word its name in their language ("3 TikTok links"); Name is the English one.
	Platform string `json:"platform,omitempty"`
	Links    int    `json:"links,omitempty"`
}

// StatusSkipped is the result status of a download skipped because its file existed.
const StatusSkipped = "skipped"
