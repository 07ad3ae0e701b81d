package transfer

import (
	"context"
	"errors"
	"memories-desktop/backend/clock"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/i18n"
	"slices"
	"time"

	"memories-desktop/backend/api"
)

// The service shows an upload's tags only once it is parsed, so reconciling may have to wait
// for recent uploads to finish indexing before it can tell whether one of them is ours.
const (
	reconcileFor = 15 * time.Minute
	clockSkew    = 2 * time.Minute
)

// errUndecided means the server could not say in time whether an earlier attempt arrived; the
// job is failed rather than risk a duplicate, and the user can check the library and retry.
var errUndecided = errors.New("could not confirm whether an earlier attempt of this upload reached memories.ai; check the library, then retry")

// reconcile asks the server whether an earlier attempt of upload job j arrived, by its marker
// tag. It runs only when an attempt may have been sent (a retry, or a job resumed after the
// process stopped), so a first attempt costs no extra request. "Not there" is only believed
// once the earlier request can no longer arrive (see inFlightUntil) and no recent upload is
// still indexing.
func (e *Engine) reconcile(ctx context.Context, client *api.Client, j contract.Job, m *meter) (bool, contract.JobResult, error) {
	if j.Marker == "" || (j.Attempts <= 1 && !wasInterrupted(j)) {
		return false, contract.JobResult{}, nil
	}
	now := e.o.Clock.Now()
	settled, deadline := e.inFlightUntil(j, now), now.Add(reconcileFor)
	for delay := e.o.TrackEvery; ; delay = min(delay*2, maxTrackDelay) {
		v, undecided, err := e.findMarker(ctx, client, j)
		now = e.o.Clock.Now()
		switch {
		case err != nil:
			return false, contract.JobResult{}, err
		case v != nil:
			return true, contract.JobResult{VideoNos: []string{v.VideoNo}, Bytes: v.Size, Status: v.Status}, nil
		case !undecided && !now.Before(settled):
			return false, contract.JobResult{}, nil
		case now.After(deadline):
			return false, contract.JobResult{}, errUndecided
		}
		d := nextLook(now, settled, delay)
		rv := &contract.RetryView{At: retryAt(now, d), Cause: i18n.T("cause.checkingArrival")}
		if err := e.waitShown(ctx, j.ID, m, d, rv); err != nil {
			return false, contract.JobResult{}, err
		}
	}
}

// nextLook is how long to wait before listing again: the backoff, but never past the moment
// the earlier request is known to be over, when one last look decides.
func nextLook(now, settled time.Time, delay time.Duration) time.Duration {
	if left := settled.Sub(now); left > 0 && left < delay {
		return left
	}
	return delay
}

// inFlightUntil is when the previous attempt's request can no longer create a video: the
// service answers (or gives up) within the request timeout after the last byte, and the last
// byte was sent before that attempt ended. An attempt that never handed over its last bytes
// (AttemptSent 0) or whose answer was received (both 0) leaves nothing in flight.
func (e *Engine) inFlightUntil(j contract.Job, now time.Time) time.Time {
	if j.AttemptStarted == 0 || j.AttemptSent == 0 {
		return time.Time{}
	}
	return attemptEnded(j, now).Add(e.o.RequestTimeout)
}

// attemptEnded is when the job first left running after its last attempt started (a crash is
// dated when the next process noticed it); now while it has not left.
func attemptEnded(j contract.Job, now time.Time) time.Time {
	for _, h := range j.History {
		if h.At >= j.AttemptStarted && h.State != jobstate.Running {
			return time.UnixMilli(h.At)
		}
	}
	return now
}

// findMarker looks for j's marker: parsed videos through the list's tag filter, then the
// unparsed ones (whose tags the service may not show yet), paging through all of both.
// undecided is true when a video uploaded since the job was created is still indexing.
func (e *Engine) findMarker(ctx context.Context, client *api.Client, j contract.Job) (*contract.VideoDetails, bool, error) {
	var found *contract.VideoDetails
	mine := func(v contract.VideoDetails) bool {
		if slices.Contains(v.Tags, j.Marker) {
			found = &v
		}
		return found != nil
	}
	if err := e.listAll(ctx, client, contract.ListRequest{Scope: j.Scope, Tag: j.Marker}, mine); err != nil || found != nil {
		return found, false, err
	}
	since, undecided := j.Created-clockSkew.Milliseconds(), false
	err := e.listAll(ctx, client, contract.ListRequest{Scope: j.Scope, Status: contract.StatusUnparsed}, func(v contract.VideoDetails) bool {
		undecided = undecided || v.CreateTime >= since
		return mine(v)
	})
	return found, undecided && found == nil, err
}

// maxListPages bounds one listing (100,000 videos at 200 a page) against a server that never
// stops saying there is more.
const maxListPages = 500

// listAll calls visit for every video matching req, page by page, until visit returns true.
func (e *Engine) listAll(ctx context.Context, client *api.Client, req contract.ListRequest, visit func(contract.VideoDetails) bool) error {
	req.Size = 200
	for req.Page = 1; req.Page <= maxListPages; req.Page++ {
		p, err := client.ListVideos(ctx, req)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(p.Videos, visit) {
			return nil
		}
		if len(p.Videos) < req.Size || int64(req.Page*req.Size) >= p.Total {
			return nil
		}
	}
	return nil
}

func wasInterrupted(j contract.Job) bool {
	for _, h := range j.History {
		if h.State == jobstate.Interrupted {
			return true
		}
	}
	return false
}

func sleep(ctx context.Context, c clock.Clock, d time.Duration) error {
	select {
	case <-c.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
