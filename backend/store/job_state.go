package store

import (
	"errors"
	"fmt"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"slices"
)

// ErrStateChanged means a compare-and-set found the job in a state other than the ones the
// caller expected: someone else moved it first, and nothing was written.
var ErrStateChanged = errors.New("the job's state changed meanwhile")

// Transition moves job id to state to, in one transaction, only when it is currently in one of
// from; otherwise it writes nothing and returns an error wrapping ErrStateChanged. fn, when not
// nil, edits the job in the same transaction (a result, an error), so the state and what goes
// with it are never seen apart.
func (db *DB) Transition(id uint64, to jobstate.JobState, note string, fn func(*contract.Job), from ...jobstate.JobState) (contract.Job, error) {
	return db.updateJob(id, note, checkTransition, func(j *contract.Job) error {
		if !slices.Contains(from, j.State) {
			return fmt.Errorf("job %d is %s, not %v: %w", id, j.State, from, ErrStateChanged)
		}
		if fn != nil {
			fn(j)
		}
		j.State = to
		return nil
	})
}

// checkTransition keeps the rule every state change but SetState's obeys: a finished upload or
// download is final, so a done job never runs (or fails) again.
func checkTransition(before, after *contract.Job) error {
	if before.State == jobstate.Done && after.State != jobstate.Done {
		return fmt.Errorf("job %d is done and cannot become %s: %w", before.ID, after.State, ErrStateChanged)
	}
	return nil
}
