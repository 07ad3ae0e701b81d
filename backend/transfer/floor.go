package transfer

import (
	"context"
	"errors"
	"fmt"
	"memories-desktop/backend/clock"
	"time"
)

// ErrTooSlow fails a download that stayed under Options.MinSpeed for Options.SlowFor, counted
// over all its attempts: a server that trickles or never answers is given up on, not retried.
var ErrTooSlow = errors.New("the download was too slow")

// errIdle cuts one attempt during which no byte arrived for Options.IdleRead (the answer never
// came, or the body stopped); the attempt is retried while the slow budget lasts.
var errIdle = errors.New("no data arrived")

// speedWatch enforces the speed floor and the idle-read limit on one download attempt. It reads
// the job's meter on its own ticker, so the copy loop pays nothing; time the job spends waiting
// on purpose (a rate-limit slot, a backoff) counts neither as slow nor as idle.
type speedWatch struct {
	o        Options
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

// watchSpeed starts the watch; the returned context is the attempt's. Pass the attempt's error
// to end, which stops the watch and names a cut it caused.
func (e *Engine) watchSpeed(ctx context.Context, m *Meter) (context.Context, func(error) error) {
	w := &speedWatch{o: e.o, m: m, parent: ctx, stop: make(chan struct{}), exited: make(chan struct{})}
	w.ctx, w.cancel = context.WithCancelCause(ctx)
	now := e.o.Clock.Now()
	w.seen, w.epoch, w.lastByte = m.Done(), m.epoch.Load(), now
	w.window = []speedSample{{at: now}}
	go w.run(e.o.Clock.NewTicker(checkEvery(e.o)))
	return w.ctx, w.end
}

// checkEvery samples often enough to act within a few percent of the limits, at most once a second.
func checkEvery(o Options) time.Duration {
	return min(max(min(o.SlowFor, o.IdleRead)/30, 5*time.Millisecond), time.Second)
}

func (w *speedWatch) run(t clock.Ticker) {
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
func (w *speedWatch) check(now time.Time, dt time.Duration) error {
	if w.m.waiting.Load() {
		w.window, w.lastByte = []speedSample{{at: now, moved: w.moved}}, now
		return nil
	}
	if w.observe() {
		w.lastByte = now
	}
	w.push(now)
	if w.rate() < float64(w.o.MinSpeed) {
		if time.Duration(w.m.slow.Add(int64(dt))) >= w.o.SlowFor {
			return ErrTooSlow
		}
	} else {
		w.m.slow.Store(0)
	}
	if now.Sub(w.lastByte) >= w.o.IdleRead {
		return errIdle
	}
	return nil
}

// observe counts the bytes moved since the last sample; a rebase (a resume at the .part's
// length) moves the baseline instead of counting as bytes.
func (w *speedWatch) observe() bool {
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
func (w *speedWatch) push(now time.Time) {
	w.window = append(w.window, speedSample{at: now, moved: w.moved})
	for len(w.window) > 2 && now.Sub(w.window[1].at) >= w.o.SlowFor {
		w.window = w.window[1:]
	}
}

// rate is the average speed over the window, in bytes per second.
func (w *speedWatch) rate() float64 {
	first, last := w.window[0], w.window[len(w.window)-1]
	span := last.at.Sub(first.at).Seconds()
	if span <= 0 {
		return float64(w.o.MinSpeed)
	}
	return float64(last.moved-first.moved) / span
}

// end stops the watch and, when it cut the attempt, returns why instead of the bare cancellation.
func (w *speedWatch) end(err error) error {
	close(w.stop)
	<-w.exited
	cause := context.Cause(w.ctx)
	w.cancel(nil)
	if err == nil || w.parent.Err() != nil {
		return err
	}
	switch {
	case errors.Is(cause, ErrTooSlow):
		return fmt.Errorf("%w: under %s/s for %s", ErrTooSlow, formatSize(w.o.MinSpeed), w.o.SlowFor)
	case errors.Is(cause, errIdle):
		return fmt.Errorf("%w for %s", errIdle, w.o.IdleRead)
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

func withFloorDefaults(o Options) Options {
	if o.MinSpeed <= 0 {
		o.MinSpeed = 1024
	}
	if o.SlowFor <= 0 {
		o.SlowFor = time.Minute
	}
	if o.IdleRead <= 0 {
		o.IdleRead = 30 * time.Second
	}
	return o
}
