package transfer

import (
	"cmp"
	"context"
	"errors"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/safefile"
)

// handler performs one attempt at a job. It reports bytes through m and returns the result.
type handler func(ctx context.Context, e *Engine, j contract.Job, m *meter) (contract.JobResult, error)

var handlers = map[jobkind.JobKind]handler{
	jobkind.UploadFile:    runUpload,
	jobkind.UploadURL:     runUploadURL,
	jobkind.Import:        runImport,
	jobkind.Download:      runDownload,
	jobkind.DownloadAsset: runDownload,
}

// endpointFor is the pacer lane a job's main request waits in, for its place in line.
func endpointFor(kind jobkind.JobKind) pacing.Endpoint {
	switch kind {
	case jobkind.UploadFile, jobkind.UploadURL:
		return pacing.EpUpload
	case jobkind.Import:
		return pacing.EpImport
	case jobkind.DownloadAsset:
		return pacing.EpAsset
	}
	return pacing.EpDownload
}

// retryable failures are tried again automatically: rate limits, server errors, broken
// connections and stalls. Everything else needs a person.
func retryable(err error) bool {
	return api.Retryable(err) || errors.Is(err, safefile.ErrTruncated) || errors.Is(err, errIdle) || isStale(err)
}

// call runs f, whose request waits for its slot at the pacer's gate inside the client. While it
// waits, m (when given) shows the job in line and tells the stall watchdog that it is idle on
// purpose; slot (when given) runs as the wait ends, just before the request goes out (also when
// the wait was cancelled: recovery then looks for an upload that never left, the safe side).
func (e *Engine) call(ctx context.Context, m *meter, slot func(), f func(ctx context.Context) error) error {
	if m == nil && slot == nil {
		return f(ctx)
	}
	return f(pacing.WithWaitNotice(ctx, func(waiting bool) {
		e.setWaiting(m, waiting)
		if !waiting && slot != nil {
			slot()
		}
	}))
}

// client is the API client for the next request, paced by the engine's pacer. It repeats
// nothing by itself: the engine retries jobs, and its pollers look again later.
func (e *Engine) client() (*api.Client, error) {
	c, err := e.o.Client()
	if err != nil {
		return nil, err
	}
	return c.WithGate(e.pacer.Gate()).WithoutRetries(), nil
}

// jobError is the record of a job that failed for good: a stable code, and one message saying
// what happened and what to do now (Options.Explain), never advice that only held while retries
// were left.
func (e *Engine) jobError(err error) *contract.JobError {
	code := cmp.Or(localCode(err), api.KindCode(err))
	je := e.o.Explain(code, err)
	je.Code = code
	return &je
}

// setWaiting marks a job's wait for its slot, and moves the lineup so the row shows its place
// in line (and no speed) while it waits.
func (e *Engine) setWaiting(m *meter, waiting bool) {
	if m == nil {
		return
	}
	m.SetWaiting(waiting)
	m.inLine.Store(waiting)
	e.refreshLineup()
}

// isStale reports the errors after which a download starts over from byte 0.
func isStale(err error) bool { return errors.Is(err, errPartStale) }
