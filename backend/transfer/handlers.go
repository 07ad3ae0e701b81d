package transfer

import (
	"cmp"
	"context"
	"errors"

	"memories-desktop/backend/api"
	"memories-desktop/backend/store"
)

// handler performs one attempt at a job. It reports bytes through m and returns the result.
type handler func(ctx context.Context, e *Engine, j store.Job, m *Meter) (store.JobResult, error)

var handlers = map[store.JobKind]handler{
	KindUpload:   runUpload,
	KindURL:      runUploadURL,
	KindImport:   runImport,
	KindDownload: runDownload,
	KindAsset:    runDownload,
}

func endpointFor(kind store.JobKind) Endpoint {
	switch kind {
	case KindUpload, KindURL:
		return EpUpload
	case KindImport:
		return EpImport
	case KindAsset:
		return EpAsset
	}
	return EpDownload
}

// retryable failures are tried again automatically: rate limits, server errors, broken
// connections and stalls. Everything else needs a person.
func retryable(err error) bool {
	return api.Retryable(err) || errors.Is(err, ErrTruncated) || errors.Is(err, errIdle) || isStale(err)
}

// call runs one request on ep: it waits for a slot, and feeds the outcome back to the pacer.
// While it waits, m (when given) tells the stall watchdog that the job is idle on purpose.
func (e *Engine) call(ctx context.Context, ep Endpoint, m *Meter, f func() error) error {
	e.setWaiting(m, true)
	err := e.pacer.Wait(ctx, ep)
	e.setWaiting(m, false)
	if err != nil {
		return err
	}
	err = f()
	switch {
	case err == nil:
		e.pacer.Succeeded(ep)
	case retryable(err) && ctx.Err() == nil:
		e.pacer.Failed(ep, 0)
	}
	return err
}

// jobError is the record of a job that failed for good: a stable code, and one message saying
// what happened and what to do now (Options.Explain), never advice that only held while retries
// were left.
func (e *Engine) jobError(err error) *store.JobError {
	code := cmp.Or(localCode(err), api.KindCode(err))
	return &store.JobError{Code: code, Message: e.o.Explain(code, err)}
}

// setWaiting marks a job's wait for its slot, and moves the lineup so the row shows its place
// in line (and no speed) while it waits.
func (e *Engine) setWaiting(m *Meter, waiting bool) {
	if m == nil {
		return
	}
	m.SetWaiting(waiting)
	m.inLine.Store(waiting)
	e.refreshLineup()
}
