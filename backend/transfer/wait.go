package transfer

import (
	"context"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
)

// Wait blocks until every job in ids has stopped (done, failed, canceled, paused or interrupted)
// and returns them as stored. The CLI uses it to run a command's jobs to the end. It fails when
// the database cannot record their progress (see storeFailed).
func (e *Engine) Wait(ctx context.Context, ids ...uint64) ([]contract.Job, error) {
	pending := ids
	for {
		e.mu.Lock()
		changed, broken := e.done, e.broken
		e.mu.Unlock()
		if broken != nil {
			return nil, broken
		}
		var err error
		if pending, err = e.unsettled(pending); err != nil {
			return nil, err
		}
		if len(pending) == 0 {
			return e.jobs(ids)
		}
		select {
		case <-changed:
		case <-ctx.Done():
			jobs, _ := e.jobs(ids)
			return jobs, ctx.Err()
		}
	}
}

// unsettled drops the stopped jobs from the front of ids and returns the rest. Jobs run roughly
// in the order given, so each wake-up reads one or two records instead of all of them: reading
// all made a 6,000-task import spend most of its CPU decoding jobs it had already seen finish.
func (e *Engine) unsettled(ids []uint64) ([]uint64, error) {
	for len(ids) > 0 {
		j, err := e.db.Job(ids[0])
		if err != nil {
			return nil, err
		}
		if j.State == jobstate.Queued || j.State == jobstate.Running {
			return ids, nil
		}
		ids = ids[1:]
	}
	return nil, nil
}

// jobs reads the jobs in ids as stored.
func (e *Engine) jobs(ids []uint64) ([]contract.Job, error) {
	jobs := make([]contract.Job, 0, len(ids))
	for _, id := range ids {
		j, err := e.db.Job(id)
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}
