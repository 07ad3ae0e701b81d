package store

import (
	"fmt"
	"slices"

	"memories-desktop/backend/contract"
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

// maxHistory bounds a job's history so a job retried for weeks stays small; the first entry
// (creation) is always kept.
const maxHistory = 64

// appendHistory records a state change, dropping the oldest entries after the first when full.
func appendHistory(j *contract.Job, c contract.StateChange) {
	j.History = append(j.History, c)
	if over := len(j.History) - maxHistory; over > 0 {
		j.History = slices.Delete(j.History, 1, 1+over)
	}
}

// validate refuses kinds and states that have no summary code, so filters never miss a job.
func validateJob(j *contract.Job) error {
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
