package transfer

import (
	"context"
	"errors"
	"fmt"
	"net"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
)

// Task status before the platform videos exist.
const statusPending = "PENDING"

// ErrMaybeSent fails an import whose earlier request may have reached the service: its reply
// (the task id) was lost to a crash, a kill or a broken connection, and the service offers no
// way to find a task by its links (docs/API.md §6.3). Sending it again could import the videos
// twice and spend platform credits twice, so it is left to a person: Retry sends it again.
var ErrMaybeSent = errors.New("this import may have reached memories.ai before its answer was lost, and the service offers no way to check, so it was not sent again")

// runImport creates the scraper task; the tracker then follows it until its videos exist.
// Like an upload it is marked in flight (AttemptStarted) in the database just before its request
// leaves, and unmarked once the service has answered. A request left without an answer, or a job
// found still marked, was perhaps received: it fails with ErrMaybeSent and is never sent again
// automatically.
func runImport(ctx context.Context, e *Engine, j contract.Job, m *meter) (contract.JobResult, error) {
	var spec ImportSpec
	if err := decodeParams(j, &spec); err != nil {
		return contract.JobResult{}, err
	}
	if j.AttemptStarted != 0 {
		return contract.JobResult{}, ErrMaybeSent
	}
	client, err := e.client()
	if err != nil {
		return contract.JobResult{}, err
	}
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	var marked error
	slot := func() { // the pacer let the request go: record it first, or do not send it
		if ctx.Err() != nil {
			return // the wait was cut short: nothing will be sent
		}
		if marked = e.markSending(j.ID); marked != nil {
			stop(marked)
		}
	}
	var taskID string
	err = e.call(ctx, m, slot, func(ctx context.Context) (err error) {
		taskID, err = client.Import(ctx, api.ImportRequest{Links: spec.Links, Scope: spec.Scope,
			Quality: spec.Quality, Callback: spec.Callback})
		return err
	})
	switch {
	case marked != nil:
		return contract.JobResult{}, marked
	case err == nil:
		return contract.JobResult{TaskID: taskID, Status: statusPending}, nil
	case importAnswered(err):
		e.sending(j.ID, 0, 0)
	case ctx.Err() == nil: // no answer: the task may exist, so this is for a person, not a retry
		return contract.JobResult{}, fmt.Errorf("%w (%v)", ErrMaybeSent, err)
	}
	return contract.JobResult{}, err
}

// markSending records that a request is about to leave, in one write that must succeed first.
func (e *Engine) markSending(id uint64) error {
	now := e.o.Clock.Now().UnixMilli()
	_, err := e.db.UpdateJob(id, func(j *contract.Job) error {
		j.AttemptStarted, j.AttemptSent = now, now // a small JSON body: all of it may arrive at once
		return nil
	})
	return err
}

// importAnswered reports whether a failed import request certainly created no task: the service
// answered with its own error code (a rate limit, bad links, no credits), the client refused the
// input, or the connection was never made. Server errors (a gateway's 502 or 504 may come after
// the service acted) and broken connections may hide a created task.
func importAnswered(err error) bool {
	var answer *api.Error
	var op *net.OpError
	return (errors.As(err, &answer) && !errors.Is(err, api.ErrServer) && !errors.Is(err, api.ErrNetwork)) ||
		errors.Is(err, api.ErrInvalidInput) || (errors.As(err, &op) && op.Op == "dial")
}
