// Package jobstate names where a transfer job is in its life. It is its own package because
// Wails v2.11 writes the enums of one Go package in map order (see backend/contract).
package jobstate

// JobState is where a job is in its life; Active states survive a restart and are resumed.
// store keeps it as store.JobState (an alias).
type JobState string

// The job states. Each has a fixed code in job summaries (see store/schema.go).
const (
	Queued  JobState = "queued"
	Running JobState = "running"
	Paused  JobState = "paused"
	// Interrupted marks a job that was running when the previous process stopped; it waits
	// for the user to resume it (uploads are reconciled with the server first).
	Interrupted JobState = "interrupted"
	Done        JobState = "done"
	Failed      JobState = "failed"
	Canceled    JobState = "canceled"
)

// All lists every state with its TypeScript name, in the shape Wails' EnumBind expects.
var All = []struct {
	Value  JobState
	TSName string
}{
	{Queued, "Queued"},
	{Running, "Running"},
	{Paused, "Paused"},
	{Interrupted, "Interrupted"},
	{Done, "Done"},
	{Failed, "Failed"},
	{Canceled, "Canceled"},
}

// Terminal reports whether the job has finished one way or another, so retention may prune it.
func (s JobState) Terminal() bool {
	return s == Done || s == Failed || s == Canceled
}

// Active reports whether the job still has work to do, so crash recovery must look at it and
// retention must keep it.
func (s JobState) Active() bool {
	return s == Queued || s == Running || s == Paused || s == Interrupted
}
