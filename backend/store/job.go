package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

// JobKind says what a transfer job does; the engine keeps the kind-specific inputs in Job.Params.
// It is defined with the UI contract (backend/contract/jobkind) so the frontend gets it generated.
type JobKind = jobkind.JobKind

// The kinds of transfer job. Each has a fixed code in job summaries (see schema.go).
const (
	KindUploadFile    = jobkind.UploadFile
	KindUploadURL     = jobkind.UploadURL
	KindImport        = jobkind.Import
	KindDownload      = jobkind.Download
	KindDownloadAsset = jobkind.DownloadAsset
)

// JobState is where a job is in its life (Terminal, Active); defined with the UI contract
// (backend/contract/jobstate) so the frontend gets it generated.
type JobState = jobstate.JobState

// The job states. Each has a fixed code in job summaries (see schema.go).
const (
	StateQueued      = jobstate.Queued
	StateRunning     = jobstate.Running
	StatePaused      = jobstate.Paused
	StateInterrupted = jobstate.Interrupted // was running when the process stopped; waits for resume
	StateDone        = jobstate.Done
	StateFailed      = jobstate.Failed
	StateCanceled    = jobstate.Canceled
)

// StateChange is one entry of a job's history, shown in the job's details.
type StateChange struct {
	State JobState `json:"state"`
	At    int64    `json:"at"` // unix ms
	Note  string   `json:"note,omitempty"`
}

// JobError is the stable code and readable message of a job's last failure.
type JobError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
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
	ID       uint64   `json:"id"` // assigned by CreateJob
	Kind     JobKind  `json:"kind"`
	State    JobState `json:"state"`
	Scope    string   `json:"scope"`
	Name     string   `json:"name"` // display name: file name, URL, "12 TikTok links"…
	Tags     []string `json:"tags,omitempty"`
	Created  int64    `json:"created"` // unix ms; with ID it forms the storage key
	Updated  int64    `json:"updated"` // unix ms, bumped by every write
	Attempts int      `json:"attempts"`
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

// maxHistory bounds a job's history so a job retried for weeks stays small; the first entry
// (creation) is always kept.
const maxHistory = 64

// appendHistory records a state change, dropping the oldest entries after the first when full.
func (j *Job) appendHistory(c StateChange) {
	j.History = append(j.History, c)
	if over := len(j.History) - maxHistory; over > 0 {
		j.History = slices.Delete(j.History, 1, 1+over)
	}
}

// validate refuses kinds and states that have no summary code, so filters never miss a job.
func (j *Job) validate() error {
	if code(jobKindCodes, j.Kind) == 0 {
		return fmt.Errorf("%w: unknown job kind %q", ErrInvalid, j.Kind)
	}
	if code(jobStateCodes, j.State) == 0 {
		return fmt.Errorf("%w: unknown job state %q", ErrInvalid, j.State)
	}
	return nil
}

// code is the summary byte of v, or 0 when v is not in the table.
func code[T comparable](table []T, v T) byte {
	if i := slices.Index(table, v); i > 0 {
		return byte(i)
	}
	return 0
}
