package core

import (
	"context"
	"memories-desktop/backend/contract"
)

// PauseJob, ResumeJob, CancelJob and RetryJob act on one job of the running queue.
func (c *Service) PauseJob(id uint64) error  { return c.engine().Pause(id) }
func (c *Service) ResumeJob(id uint64) error { return c.engine().Resume(id) }
func (c *Service) CancelJob(id uint64) error { return c.engine().Cancel(id) }
func (c *Service) RetryJob(id uint64) error  { return c.engine().Retry(id) }

// PauseAll and ResumeAll act on every job they apply to and return how many.
func (c *Service) PauseAll() int  { return c.engine().PauseAll() }
func (c *Service) ResumeAll() int { return c.engine().ResumeAll() }

// RunningJobs is how many transfers are running now (the app asks before quitting).
func (c *Service) RunningJobs() int { return c.engine().Running() }

// ResumeInterrupted queues what the previous session left unfinished again (uploads are
// reconciled with the server first) and returns how many.
func (c *Service) ResumeInterrupted() (int, error) {
	ids, err := c.engine().ResumeInterrupted()
	return len(ids), err
}

// DiscardInterrupted cancels what the previous session left unfinished and returns how many.
func (c *Service) DiscardInterrupted() (int, error) {
	jobs, err := c.engine().Interrupted()
	n := 0
	for _, j := range jobs {
		if c.engine().Cancel(j.ID) == nil {
			n++
		}
	}
	return n, err
}

// ResumeUnfinished queues every unfinished job again — interrupted, paused or queued — and
// returns their ids (`memories resume`).
func (c *Service) ResumeUnfinished() ([]uint64, error) { return c.engine().ResumeUnfinished() }

// WaitJobs waits until every job in ids has finished, one way or another, and returns them.
func (c *Service) WaitJobs(ctx context.Context, ids ...uint64) ([]contract.Job, error) {
	return c.engine().Wait(ctx, ids...)
}

// DatabasePath is the active profile's database file, for messages that name it.
func (c *Service) DatabasePath() string { return c.activeDB().Path() }
