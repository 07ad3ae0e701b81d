package transfer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"memories-desktop/backend/api"
	"memories-desktop/backend/applog"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/store"
)

// schedule starts queued jobs, oldest first, while fewer than Concurrency run.
func (e *Engine) schedule() {
	for {
		e.fill()
		select {
		case <-e.wake:
		case <-e.ctx.Done():
			return
		}
	}
}

// fill starts the oldest queued jobs while workers are free. It reads only as many queued jobs
// as it can start, through the store's state index, so a wake-up costs the same whether ten or
// fifty thousand jobs wait.
func (e *Engine) fill() {
	jobs, err := e.db.FirstJobs(jobstate.Queued, nil, e.freeWorkers(), e.isRunning)
	if err != nil {
		e.storeFailed(err) // a queue that cannot be read would leave Wait waiting forever
		return
	}
	for _, j := range jobs {
		if !e.claim(j.ID) {
			continue
		}
		// The list above is a snapshot: the job may have been paused, cancelled or even run
		// since, so it is claimed in the database only if it is still queued.
		started, err := e.move(j.ID, jobstate.Running, "", nil, jobstate.Queued)
		if err != nil {
			e.unclaim(j.ID)
			e.storeFailed(err)
			continue
		}
		e.spawn(func() { e.runJob(started) })
	}
	e.refreshLineup()
}

// freeWorkers is how many more jobs may run now.
func (e *Engine) freeWorkers() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.o.Concurrency - len(e.running)
}

// isRunning reports whether job id holds a worker.
func (e *Engine) isRunning(id uint64) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, ok := e.running[id]
	return ok
}

// claim reserves a worker slot for job id; false when it runs already or all slots are busy.
func (e *Engine) claim(id uint64) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, busy := e.running[id]; busy || len(e.running) >= e.o.Concurrency {
		return false
	}
	ctx, cancel := context.WithCancelCause(e.ctx)
	e.running[id] = &runningJob{ctx: ctx, cancel: cancel, meter: newMeter(id)}
	return true
}

// runJob executes one job that fill moved to running: transient failures are retried with
// backoff up to MaxAttempts; the outcome is written to the database before anyone is told.
func (e *Engine) runJob(j contract.Job) {
	id := j.ID
	r := e.runningJob(id)
	defer e.release(id)
	e.emitJob(j, nil) // carries NextSlotMs: "next upload slot in 0:43"
	e.reporter.Track(r.meter.Meter)
	result, err := e.attempts(r.ctx, j, r.meter)
	final := e.reporter.Untrack(id)
	e.finish(r.ctx, id, result, err, final)
}

func (e *Engine) runningJob(id uint64) *runningJob {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.running[id]
}

func (e *Engine) release(id uint64) {
	e.unclaim(id)
	e.kick()
}

// unclaim frees job id's worker slot.
func (e *Engine) unclaim(id uint64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if r, ok := e.running[id]; ok {
		r.cancel(nil)
		delete(e.running, id)
	}
}

func (e *Engine) attempts(ctx context.Context, j contract.Job, m *meter) (contract.JobResult, error) {
	h, ok := handlers[j.Kind]
	if !ok {
		return contract.JobResult{}, fmt.Errorf("unknown job kind %q", j.Kind)
	}
	for failures := 0; ; {
		j = e.startAttempt(j)
		result, err := runAttempt(ctx, e, h, j, m)
		if err == nil || !retryable(err) || ctx.Err() != nil {
			return result, err
		}
		// A rate limit is the service asking for time, not a fault: it is honoured for as long
		// as the service keeps asking. Other transient failures get MaxAttempts tries.
		if !errors.Is(err, api.ErrRateLimited) {
			if failures++; failures >= e.o.MaxAttempts {
				return result, err
			}
		}
		if werr := e.retryWait(ctx, j, m, err, failures); werr != nil {
			return result, err
		}
	}
}

// runAttempt runs one try of a job. A panic in a handler is a bug: it is logged with its stack and
// fails this job (it is not retried), while the engine and the app keep running.
func runAttempt(ctx context.Context, e *Engine, h handler, j contract.Job, m *meter) (result contract.JobResult, err error) {
	err = applog.Guard(fmt.Sprintf("%s job %d", j.Kind, j.ID), func() error {
		var herr error
		result, herr = h(ctx, e, j, m)
		return herr
	})
	return result, err
}

// finish records the outcome: done, failed, or — when cancelled — canceled, paused or interrupted
// according to why the context was cancelled.
func (e *Engine) finish(ctx context.Context, id uint64, result contract.JobResult, err error, final contract.Progress) {
	state, note := jobstate.Done, ""
	switch {
	case err == nil:
	case ctx.Err() != nil:
		err = context.Cause(ctx)
		state, note = stopState(err)
	default:
		state = jobstate.Failed
		slog.Warn("job failed", "job", id, "error", err)
	}
	// The outcome and the state are one write, and only from running: a job someone else has
	// moved on meanwhile keeps what they wrote.
	j, uerr := e.move(id, state, note, func(j *contract.Job) {
		if err == nil {
			j.Result = mergeResult(j.Result, result)
			j.Error = nil
		} else if state == jobstate.Failed {
			j.Error = e.jobError(err)
		}
	}, jobstate.Running)
	if state == jobstate.Canceled {
		removePart(e.db, id)
	}
	e.storeFailed(uerr)
	if uerr == nil {
		e.emitJob(j, &final)
		if state == jobstate.Done {
			e.tracker.follow(j)
		}
	}
	e.signalDone()
}

// stopState maps why a job was stopped to the state it is left in.
func stopState(cause error) (jobstate.JobState, string) {
	switch {
	case errors.Is(cause, errPaused):
		return jobstate.Paused, "paused"
	case errors.Is(cause, errShutdown):
		return jobstate.Interrupted, "the app closed during the transfer"
	case errors.Is(cause, errStalled):
		return jobstate.Failed, errStalled.Error()
	case errors.Is(cause, errCanceled):
		return jobstate.Canceled, "canceled"
	}
	// The engine's own context ended (the CLI's Ctrl+C or SIGTERM): like the app's quit, the
	// job is kept, with its .part file, for `resume`; only an explicit Cancel discards it.
	return jobstate.Interrupted, "stopped before the transfer finished"
}

// startAttempt counts an attempt.
func (e *Engine) startAttempt(j contract.Job) contract.Job {
	next, err := e.db.UpdateJob(j.ID, func(j *contract.Job) error { j.Attempts++; return nil })
	if err != nil {
		j.Attempts++
		return j
	}
	return next
}

func mergeResult(old, new contract.JobResult) contract.JobResult {
	if new.TaskID == "" {
		new.TaskID = old.TaskID
	}
	if len(new.VideoNos) == 0 {
		new.VideoNos = old.VideoNos
	}
	return new
}

// storeFailed records a database write that failed for another reason than a lost race (a
// damaged or full disk file): jobs can then neither start nor finish, so Wait stops with it.
func (e *Engine) storeFailed(err error) {
	if err == nil || errors.Is(err, store.ErrStateChanged) {
		return
	}
	e.mu.Lock()
	if e.broken == nil {
		e.broken = err
	}
	e.mu.Unlock()
	e.signalDone()
}

func (e *Engine) signalDone() {
	e.mu.Lock()
	close(e.done)
	e.done = make(chan struct{})
	e.mu.Unlock()
}
