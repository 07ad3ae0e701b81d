package transfer

import (
	"context"
	"errors"
	"log/slog"
	"memories-desktop/backend/i18n"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/safefile"
)

// retryWait holds job j until its next try after the retryable err, publishing why and when
// meanwhile. The wait is the pacer's hold on the endpoint that failed (its back-off, and at least
// the service's Retry-After), so the job's row and the pacer tell the same time.
func (e *Engine) retryWait(ctx context.Context, j contract.Job, m *meter, err error, failures int) error {
	d := e.pacer.NextSlot(failedEndpoint(j.Kind, err))
	rv := &contract.RetryView{At: retryAt(e.o.Clock.Now(), d), Cause: causeOf(err),
		RateLimited: errors.Is(err, api.ErrRateLimited), Failures: failures, Of: e.o.MaxAttempts}
	slog.Info("job will be retried", "job", j.ID, "kind", j.Kind, "in", d.Round(time.Millisecond), "cause", rv.Cause, "error", err)
	if j.Kind == jobkind.UploadFile {
		m.Rebase(0) // the next attempt sends the file from its start: no full bar while waiting
	}
	return e.waitShown(ctx, j.ID, m, d, rv)
}

// waitShown waits d with rv published on job id's view meanwhile, not counting as a stall.
func (e *Engine) waitShown(ctx context.Context, id uint64, m *meter, d time.Duration, rv *contract.RetryView) error {
	due := e.o.Clock.After(d) // before anyone is told the time, so a test's clock cannot skip it
	m.SetWaiting(true)
	defer m.SetWaiting(false)
	e.setRetry(id, rv)
	defer e.setRetry(id, nil)
	select {
	case <-due:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retryAt is now+d in Unix ms, rounded up: a row never promises a try earlier than it comes.
func retryAt(now time.Time, d time.Duration) int64 {
	return now.Add(d + time.Millisecond - 1).UnixMilli()
}

// failedEndpoint is the pacer lane the failed request waited in: its operation's, else the
// job's main one.
func failedEndpoint(kind jobkind.JobKind, err error) pacing.Endpoint {
	if op := api.Op(err); op != "" {
		return pacing.EndpointFor(op)
	}
	return endpointFor(kind)
}

// causeOf names a retryable failure in a few words; the engine's own ones have theirs.
func causeOf(err error) string {
	switch {
	case errors.Is(err, safefile.ErrTruncated):
		return i18n.T("cause.downloadCut")
	case errors.Is(err, errIdle):
		return i18n.T("cause.idle")
	case isStale(err):
		return i18n.T("cause.changed")
	}
	if c := api.Cause(err); c != "" {
		return c
	}
	return i18n.T("cause.temporary")
}

// setRetry records (or, with nil, clears) job id's retry wait and tells the UI.
func (e *Engine) setRetry(id uint64, rv *contract.RetryView) {
	e.mu.Lock()
	r, ok := e.running[id]
	if ok {
		r.retry = rv
	}
	e.mu.Unlock()
	if j, err := e.db.Job(id); ok && err == nil {
		e.emitJob(j, nil)
	}
}

// retryOf is job id's retry wait, nil when it has none.
func (e *Engine) retryOf(id uint64) *contract.RetryView {
	e.mu.Lock()
	defer e.mu.Unlock()
	if r, ok := e.running[id]; ok {
		return r.retry
	}
	return nil
}
