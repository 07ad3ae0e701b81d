package transfer

import (
	"errors"
	"fmt"
	"log/slog"

	"memories-desktop/backend/store"
)

var (
	errPaused = errors.New("paused")
	// ErrStalled fails a transfer that moved no byte for Options.StallAfter.
	ErrStalled = errors.New("the transfer stalled: no data moved for too long")
	// ErrNotAllowed means the job is not in a state the action applies to.
	ErrNotAllowed = errors.New("not possible in the job's current state")
)

// Pause stops a queued or running job; Resume puts it back in the queue. A paused download
// keeps its .part file and continues where it stopped when the server allows ranges.
func (e *Engine) Pause(id uint64) error {
	if e.stopRunning(id, errPaused) {
		return nil
	}
	return e.transition(id, store.StatePaused, "paused", store.StateQueued)
}

// Resume queues a paused or interrupted job again.
func (e *Engine) Resume(id uint64) error {
	return e.transition(id, store.StateQueued, "resumed", store.StatePaused, StateInterrupted)
}

// Cancel stops a job for good (a failed one too). A cancelled download leaves no partial file.
func (e *Engine) Cancel(id uint64) error {
	if e.stopRunning(id, errCanceled) {
		return nil
	}
	err := e.transition(id, store.StateCanceled, "canceled", store.StateQueued, store.StatePaused, StateInterrupted, store.StateFailed)
	if err == nil {
		removePart(e.db, id)
	}
	return err
}

var errCanceled = errors.New("canceled")

// Retry queues a failed or cancelled job again.
func (e *Engine) Retry(id uint64) error {
	return e.transition(id, store.StateQueued, "retry", store.StateFailed, store.StateCanceled, StateInterrupted)
}

// PauseAll, ResumeAll and RetryFailed act on every job they apply to and return how many.
func (e *Engine) PauseAll() int  { return e.forEach(e.Pause, store.StateQueued, store.StateRunning) }
func (e *Engine) ResumeAll() int { return e.forEach(e.Resume, store.StatePaused, StateInterrupted) }
func (e *Engine) RetryFailed() int {
	return e.forEach(e.Retry, store.StateFailed)
}

func (e *Engine) forEach(action func(uint64) error, states ...store.JobState) int {
	page, err := e.db.Jobs(store.JobQuery{States: states, Limit: 1000})
	if err != nil {
		return 0
	}
	n := 0
	for _, j := range page.Jobs {
		if action(j.ID) == nil {
			n++
		}
	}
	return n
}

func (e *Engine) stopRunning(id uint64, cause error) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, ok := e.running[id]
	if ok {
		r.cancel(cause)
	}
	return ok
}

// transition moves job id to state when it is in one of from.
func (e *Engine) transition(id uint64, to store.JobState, note string, from ...store.JobState) error {
	j, err := e.db.Job(id)
	if err != nil {
		return err
	}
	if !oneOf(j.State, from) {
		return fmt.Errorf("job %d is %s: %w", id, j.State, ErrNotAllowed)
	}
	j, err = e.setState(id, to, note)
	if err != nil {
		return err
	}
	e.emitJob(j, nil)
	e.kick() // places in line move whenever a job joins or leaves it
	e.signalDone()
	return nil
}

func oneOf(s store.JobState, set []store.JobState) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

func (e *Engine) setState(id uint64, s store.JobState, note string) (store.Job, error) {
	j, err := e.db.SetState(id, s, note)
	if err == nil {
		slog.Info("job state", "job", id, "kind", j.Kind, "state", s, "note", note)
	}
	return j, err
}

// stalled is the watchdog's verdict on a running job.
func (e *Engine) stalled(id uint64) { e.stopRunning(id, ErrStalled) }
