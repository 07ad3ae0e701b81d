package transfer

import (
	"context"
	"errors"
	"slices"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/store"
)

// The service shows an upload's tags only once it is parsed, so reconciling may have to wait
// for recent uploads to finish indexing before it can tell whether one of them is ours.
const (
	reconcileFor = 15 * time.Minute
	clockSkew    = 2 * time.Minute
)

// ErrUndecided means the server could not say in time whether an earlier attempt arrived; the
// job is failed rather than risk a duplicate, and the user can check the library and retry.
var ErrUndecided = errors.New("could not confirm whether an earlier attempt of this upload reached memories.ai; check the library, then retry")

// reconcile asks the server whether an earlier attempt of upload job j arrived, by its marker
// tag. It runs only when an attempt may have been sent (a retry, or a job resumed after the
// process stopped), so a first attempt costs no extra request.
func (e *Engine) reconcile(ctx context.Context, client *api.Client, j store.Job, m *Meter) (bool, store.JobResult, error) {
	if j.Marker == "" || (j.Attempts <= 1 && !wasInterrupted(j)) {
		return false, store.JobResult{}, nil
	}
	deadline := e.o.Clock.Now().Add(reconcileFor)
	for delay := e.o.TrackEvery; ; delay = min(delay*2, maxTrackDelay) {
		v, undecided, err := e.findMarker(ctx, client, j)
		switch {
		case err != nil:
			return false, store.JobResult{}, err
		case v != nil:
			return true, store.JobResult{VideoNos: []string{v.VideoNo}, Bytes: v.Size, Status: v.Status}, nil
		case !undecided:
			return false, store.JobResult{}, nil
		case e.o.Clock.Now().After(deadline):
			return false, store.JobResult{}, ErrUndecided
		}
		m.SetWaiting(true) // waiting for indexing is not a stall
		err = sleep(ctx, e.o.Clock, delay)
		m.SetWaiting(false)
		if err != nil {
			return false, store.JobResult{}, err
		}
	}
}

// findMarker looks for j's marker among the newest videos. undecided is true when a video
// uploaded since the job was created is still indexing, so its tags cannot be seen yet.
func (e *Engine) findMarker(ctx context.Context, client *api.Client, j store.Job) (*api.Video, bool, error) {
	var page api.VideoPage
	err := e.call(ctx, EpList, nil, func() (err error) {
		page, err = client.ListVideos(ctx, api.ListRequest{Scope: j.Scope, Size: 200})
		return err
	})
	if err != nil {
		return nil, false, err
	}
	since := j.Created - clockSkew.Milliseconds()
	undecided := false
	for i, v := range page.Videos {
		if slices.Contains(v.Tags, j.Marker) {
			return &page.Videos[i], false, nil
		}
		undecided = undecided || (v.CreateTime >= since && v.Status == api.StatusUnparsed)
	}
	return nil, undecided, nil
}

func wasInterrupted(j store.Job) bool {
	for _, h := range j.History {
		if h.State == StateInterrupted {
			return true
		}
	}
	return false
}

func sleep(ctx context.Context, c Clock, d time.Duration) error {
	select {
	case <-c.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
