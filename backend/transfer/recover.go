package transfer

import (
	"errors"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/store"
)

// markInterrupted records that jobs found running at start were cut off by a crash or a kill:
// nothing runs them now, and they are resumed (uploads reconciled first) only on request.
func (e *Engine) markInterrupted() error {
	jobs, err := e.db.ActiveJobs()
	if err != nil {
		return err
	}
	for _, j := range jobs {
		if j.State != jobstate.Running {
			continue
		}
		_, err := e.move(j.ID, jobstate.Interrupted, "the previous session stopped during this transfer", nil, jobstate.Running)
		if err != nil && !errors.Is(err, store.ErrStateChanged) {
			return err
		}
	}
	return nil
}

// Interrupted lists jobs that a previous session cut off while they ran. The app offers to
// resume them.
func (e *Engine) Interrupted() ([]contract.Job, error) {
	jobs, err := e.db.ActiveJobs()
	if err != nil {
		return nil, err
	}
	var out []contract.Job
	for _, j := range jobs {
		if j.State == jobstate.Interrupted {
			out = append(out, j)
		}
	}
	return out, nil
}

// ResumeInterrupted queues every interrupted job again and returns their ids. Uploads among them
// look for their marker on the server before sending anything (see reconcile).
func (e *Engine) ResumeInterrupted() ([]uint64, error) {
	jobs, err := e.Interrupted()
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, 0, len(jobs))
	for _, j := range jobs {
		if err := e.Resume(j.ID); err == nil {
			ids = append(ids, j.ID)
		}
	}
	return ids, nil
}

// ResumeUnfinished queues every job that still has work to do — interrupted, paused and
// queued ones — and returns all of their ids, so `memories resume` can wait for each and
// report it; a queued job is never left to be cut off when the command exits.
func (e *Engine) ResumeUnfinished() ([]uint64, error) {
	jobs, err := e.db.ActiveJobs()
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, 0, len(jobs))
	for _, j := range jobs {
		if j.State == jobstate.Paused || j.State == jobstate.Interrupted {
			err = e.Resume(j.ID)
		}
		if err != nil && !errors.Is(err, errNotAllowed) {
			return ids, err // not a job that moved on by itself (Wait reports those): the database
		}
		ids, err = append(ids, j.ID), nil
	}
	return ids, nil
}
