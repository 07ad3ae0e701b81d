package transfer

import (
	"context"

	"memories-desktop/backend/store"
)

// Wait blocks until every job in ids has stopped (done, failed, canceled, paused or interrupted)
// and returns them as stored. The CLI uses it to run a command's jobs to the end. It fails when
// the database cannot record their progress (see storeFailed).
func (e *Engine) Wait(ctx context.Context, ids ...uint64) ([]store.Job, error) {
	for {
		e.mu.Lock()
		changed, broken := e.done, e.broken
		e.mu.Unlock()
		if broken != nil {
			return nil, broken
		}
		jobs, settled, err := e.settled(ids)
		if err != nil || settled {
			return jobs, err
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return jobs, ctx.Err()
		}
	}
}

func (e *Engine) settled(ids []uint64) ([]store.Job, bool, error) {
	jobs := make([]store.Job, 0, len(ids))
	all := true
	for _, id := range ids {
		j, err := e.db.Job(id)
		if err != nil {
			return nil, false, err
		}
		jobs = append(jobs, j)
		all = all && j.State != store.StateQueued && j.State != store.StateRunning
	}
	return jobs, all, nil
}
