package transfer

import (
	"errors"
	"fmt"
	"log/slog"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/store"
)

var (
	errPaused = errors.New("paused")
	// errStalled fails a transfer that moved no byte for Options.StallAfter.
	errStalled = errors.New("the transfer stalled: no data moved for too long")
	// errNotAllowed means the job is not in a state the action applies to.
	errNotAllowed = errors.New("not possible in the job's current state")
)

// Pause stops a queued or running job; Resume puts it back in the queue. A paused download
// keeps its .part file and continues where it stopped when the server allows ranges.
func (e *Engine) Pause(id uint64) error {
	return e.stopOr(id, errPaused, func() error { return e.transition(id, jobstate.Paused, "paused", jobstate.Queued) })
}

// stopOr stops job id when it runs, else applies change; when change finds that the scheduler
// started the job meanwhile, the running job is stopped after all.
func (e *Engine) stopOr(id uint64, cause error, change func() error) error {
	if e.stopRunning(id, cause) {
		return nil
	}
	err := change()
	if errors.Is(err, errNotAllowed) && e.stopRunning(id, cause) {
		return nil
	}
	return err
}

// Resume queues a paused or interrupted job again.
func (e *Engine) Resume(id uint64) error {
	return e.transition(id, jobstate.Queued, "resumed", jobstate.Paused, jobstate.Interrupted)
}

// Cancel stops a job for good (a failed one too). A cancelled download leaves no partial file.
func (e *Engine) Cancel(id uint64) error {
	return e.stopOr(id, errCanceled, func() error {
		err := e.transition(id, jobstate.Canceled, "canceled", jobstate.Queued, jobstate.Paused, jobstate.Interrupted, jobstate.Failed)
		if err == nil {
			removePart(e.db, id)
		}
		return err
	})
}

var errCanceled = errors.New("canceled")

// Retry queues a failed or cancelled job again. For an import that failed as maybe sent
// (ErrMaybeSent), whose message asked the person to look first, it is their word that the earlier
// request did not arrive: it is sent again.
func (e *Engine) Retry(id uint64) error {
	j, err := e.move(id, jobstate.Queued, "retry", func(j *contract.Job) {
		if j.Error != nil && j.Error.Code == errcode.MaybeSent {
			j.AttemptStarted, j.AttemptSent = 0, 0
		}
	}, jobstate.Failed, jobstate.Canceled, jobstate.Interrupted)
	return e.moved(id, j, err)
}

// PauseAll, ResumeAll and RetryFailed act on every job they apply to and return how many.
func (e *Engine) PauseAll() int { return e.forEach(e.Pause, jobstate.Queued, jobstate.Running) }
func (e *Engine) ResumeAll() int {
	return e.forEach(e.Resume, jobstate.Paused, jobstate.Interrupted)
}
func (e *Engine) RetryFailed() int {
	return e.forEach(e.Retry, jobstate.Failed)
}

func (e *Engine) forEach(action func(uint64) error, states ...jobstate.JobState) int {
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
// The check and the write are one transaction, so two actions racing cannot both win.
func (e *Engine) transition(id uint64, to jobstate.JobState, note string, from ...jobstate.JobState) error {
	j, err := e.move(id, to, note, nil, from...)
	return e.moved(id, j, err)
}

// moved reports the outcome of a person's state change: who else moved the job first, or the
// new state to the UI.
func (e *Engine) moved(id uint64, j contract.Job, err error) error {
	if errors.Is(err, store.ErrStateChanged) {
		cur, _ := e.db.Job(id)
		return fmt.Errorf("job %d is %s: %w", id, cur.State, errNotAllowed)
	}
	if err != nil {
		return err
	}
	e.emitJob(j, nil)
	e.kick() // places in line move whenever a job joins or leaves it
	e.signalDone()
	return nil
}

// move is db.Transition, logged like every job state change.
func (e *Engine) move(id uint64, to jobstate.JobState, note string, fn func(*contract.Job), from ...jobstate.JobState) (contract.Job, error) {
	j, err := e.db.Transition(id, to, note, fn, from...)
	if err == nil {
		slog.Info("job state", "job", id, "kind", j.Kind, "state", to, "note", note)
	}
	return j, err
}

// stalled is the watchdog's verdict on a running job.
func (e *Engine) stalled(id uint64) { e.stopRunning(id, errStalled) }
