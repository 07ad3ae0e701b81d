package progress

import (
	"context"
	"errors"
	"fmt"
	"time"

	"memories-desktop/backend/clock"
)

// ErrTooSlow ends a watch whose meter stayed under Floor.MinSpeed for Floor.SlowFor, counted
// over all its attempts: a server that trickles or never answers is given up on.
var ErrTooSlow = errors.New("the download was too slow")

// ErrIdle cuts one attempt during which no byte arrived for Floor.IdleRead (the answer never
// came, or the body stopped); the caller decides whether to try again.
var ErrIdle = errors.New("no data arrived")

// Floor is the least a transfer must keep moving. Time its meter spends waiting on purpose
// (SetWaiting) counts neither as slow nor as idle.
type Floor struct {
	MinSpeed int64         // bytes per second, averaged over SlowFor
	SlowFor  time.Duration // time under MinSpeed, summed over attempts, before ErrTooSlow
	IdleRead time.Duration // time without a byte before ErrIdle
	Clock    clock.Clock   // default clock.Real
}

// Watch watches m during one attempt on a ticker of its own, so the copy loop pays nothing. The
// returned context is the attempt's: it is cancelled when the floor is broken. Pass the
// attempt's error to end, which stops the watch and names a cut it caused.
func (f Floor) Watch(ctx context.Context, m *Meter) (context.Context, func(error) error) {
	if f.Clock == nil {
		f.Clock = clock.Real
	}
	w := &floorWatch{f: f, m: m, parent: ctx, stop: make(chan struct{}), exited: make(chan struct{})}
	w.ctx, w.cancel = context.WithCancelCause(ctx)
	now := f.Clock.Now()
	w.seen, w.epoch, w.lastByte = m.Done(), m.epoch.Load(), now
	w.window = []speedSample{{at: now}}
	go w.run(f.Clock.NewTicker(f.checkEvery()))
	return w.ctx, w.end
}

// checkEvery samples often enough to act within a few percent of the limits, at most once a second.
func (f Floor) checkEvery() time.Duration {
	return min(max(min(f.SlowFor, f.IdleRead)/30, 5*time.Millisecond), time.Second)
}

// floorWatch is one attempt's watch.
type floorWatch struct {
	f        Floor
	m        *Meter
	parent   context.Context
	ctx      context.Context
	cancel   context.CancelCauseFunc
	stop     chan struct{}
	exited   chan struct{}
	window   []speedSample
	moved    int64 // bytes this attempt, not counting rebases
	seen     int64
	epoch    uint32
	lastByte time.Time
}

type speedSample struct {
	at    time.Time
	moved int64
}

func (w *floorWatch) run(t clock.Ticker) {
	defer close(w.exited)
	defer t.Stop()
	last := w.window[0].at
	for {
		select {
		case <-w.stop:
			return
		case now := <-t.C():
			if cause := w.check(now, now.Sub(last)); cause != nil {
				w.cancel(cause)
				return
			}
			last = now
		}
	}
}

// check takes one sample and returns a reason to cut the attempt, if any.
func (w *floorWatch) check(now time.Time, dt time.Duration) error {
	if w.m.waiting.Load() {
		w.window, w.lastByte = []speedSample{{at: now, moved: w.moved}}, now
		return nil
	}
	if w.observe() {
		w.lastByte = now
	}
	w.push(now)
	if w.rate() < float64(w.f.MinSpeed) {
		if time.Duration(w.m.slow.Add(int64(dt))) >= w.f.SlowFor {
			return ErrTooSlow
		}
	} else {
		w.m.slow.Store(0)
	}
	if now.Sub(w.lastByte) >= w.f.IdleRead {
		return ErrIdle
	}
	return nil
}

// observe counts the bytes moved since the last sample; a rebase (a resume at the .part's
// length) moves the baseline instead of counting as bytes.
func (w *floorWatch) observe() bool {
	done := w.m.Done()
	if e := w.m.epoch.Load(); e != w.epoch {
		w.epoch, w.seen = e, done
	}
	delta := max(done-w.seen, 0)
	w.seen = done
	w.moved += delta
	return delta > 0
}

// push records a sample and forgets those older than the window (SlowFor), keeping one at its start.
func (w *floorWatch) push(now time.Time) {
	w.window = append(w.window, speedSample{at: now, moved: w.moved})
	for len(w.window) > 2 && now.Sub(w.window[1].at) >= w.f.SlowFor {
		w.window = w.window[1:]
	}
}

// rate is the average speed over the window, in bytes per second.
func (w *floorWatch) rate() float64 {
	first, last := w.window[0], w.window[len(w.window)-1]
	span := last.at.Sub(first.at).Seconds()
	if span <= 0 {
		return float64(w.f.MinSpeed)
	}
	return float64(last.moved-first.moved) / span
}

// end stops the watch and, when it cut the attempt, returns why instead of the bare cancellation.
func (w *floorWatch) end(err error) error {
	close(w.stop)
	<-w.exited
	cause := context.Cause(w.ctx)
	w.cancel(nil)
	if err == nil || w.parent.Err() != nil {
		return err
	}
	switch {
	case errors.Is(cause, ErrTooSlow):
		return fmt.Errorf("%w: under %s/s for %s", ErrTooSlow, formatSize(w.f.MinSpeed), w.f.SlowFor)
	case errors.Is(cause, ErrIdle):
		return fmt.Errorf("%w for %s", ErrIdle, w.f.IdleRead)
	}
	return err
}

// formatSize renders a byte count for messages: "512 B", "1.0 KiB", "2.5 MiB".
func formatSize(n int64) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	if n < 1<<20 {
		return fmt.Sprintf("%.1f KiB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
