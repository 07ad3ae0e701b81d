package progress

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// The floor's watch runs on a real ticker in its own goroutine; synctest's bubble gives it a
// fake clock that moves only when every goroutine waits, so minutes pass instantly and exactly.

var testFloor = Floor{MinSpeed: 1024, SlowFor: 10 * time.Second, IdleRead: 5 * time.Second}

// trickle adds n bytes to m every interval until ctx ends.
func trickle(n int64, interval time.Duration) func(ctx context.Context, m *Meter) {
	return func(ctx context.Context, m *Meter) {
		for ctx.Err() == nil {
			m.Add(n)
			time.Sleep(interval)
		}
	}
}

// attempt runs one attempt fed by feed until the watch cuts it or limit passes, and returns how
// long it ran and what end made of its error.
func attempt(t *testing.T, m *Meter, limit time.Duration, feed func(context.Context, *Meter)) (time.Duration, error) {
	t.Helper()
	start := time.Now()
	ctx, end := testFloor.Watch(t.Context(), m)
	fed, stop := context.WithCancel(ctx)
	exited := make(chan struct{})
	go func() { feed(fed, m); close(exited) }()
	defer func() { stop(); <-exited }() // the bubble ends only when the feeder has
	select {
	case <-ctx.Done():
		return time.Since(start), end(ctx.Err())
	case <-time.After(limit):
		return time.Since(start), end(nil)
	}
}

func wantCut(t *testing.T, took time.Duration, err error, after time.Duration, kind error, says string) {
	t.Helper()
	if !errors.Is(err, kind) || !strings.Contains(err.Error(), says) {
		t.Fatalf("error %v, want %v saying %q", err, kind, says)
	}
	if took < after || took > after+after/20 {
		t.Fatalf("cut after %s, want %s (+5%%)", took, after)
	}
}

func TestFloorCutsATrickleAfterSlowFor(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		took, err := attempt(t, NewMeter(1, -1), time.Hour, trickle(100, time.Second))
		wantCut(t, took, err, testFloor.SlowFor, ErrTooSlow, "under 1.0 KiB/s for 10s")
	})
}

func TestFloorCutsAnAttemptWithoutBytesAfterIdleRead(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		took, err := attempt(t, NewMeter(1, -1), time.Hour, trickle(0, time.Second))
		wantCut(t, took, err, testFloor.IdleRead, ErrIdle, "no data arrived for 5s")
	})
}

func TestFloorLeavesAFastTransferAlone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		took, err := attempt(t, NewMeter(1, -1), time.Minute, trickle(64<<10, 100*time.Millisecond))
		if err != nil || took != time.Minute {
			t.Fatalf("ran %s, %v; want a full minute and no error", took, err)
		}
	})
}

func TestFloorSlowTimeAddsUpOverAttempts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := NewMeter(1, -1)
		if _, err := attempt(t, m, 6*time.Second, trickle(100, time.Second)); err != nil {
			t.Fatalf("first attempt: %v", err)
		}
		m.Rebase(1 << 30) // the retry resumes at the .part length: not speed
		took, err := attempt(t, m, time.Hour, trickle(100, time.Second))
		wantCut(t, took, err, testFloor.SlowFor-6*time.Second, ErrTooSlow, "too slow")
	})
}

func TestFloorWaitingOnPurposeIsNeitherSlowNorIdle(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := NewMeter(1, -1)
		wait := func(ctx context.Context, m *Meter) {
			m.SetWaiting(true)
			time.Sleep(2 * time.Minute) // a long rate-limit wait
			m.SetWaiting(false)
		}
		took, err := attempt(t, m, time.Hour, wait)
		wantCut(t, took, err, 2*time.Minute+testFloor.IdleRead, ErrIdle, "no data")
	})
}

func TestFloorLeavesTheCallersOwnErrorsAlone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		parent, cancel := context.WithCancel(t.Context())
		ctx, end := testFloor.Watch(parent, NewMeter(1, -1))
		mine := errors.New("disk full")
		if err := end(mine); err != mine || ctx.Err() == nil {
			t.Fatalf("end(mine) = %v, ctx %v", err, ctx.Err())
		}
		_, end = testFloor.Watch(parent, NewMeter(2, -1))
		time.Sleep(time.Hour) // the floor cuts the attempt, then the caller gives up too
		cancel()
		if err := end(context.Canceled); err != context.Canceled {
			t.Fatalf("after the caller's cancel: %v, want its own error", err)
		}
	})
}
