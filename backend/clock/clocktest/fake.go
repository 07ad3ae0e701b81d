// Package clocktest holds a fake clock for tests; nothing in a shipped binary imports it.
package clocktest

import (
	"memories-desktop/backend/clock"

	"context"
	"sync"
	"time"
)

// Fake is a Clock whose time moves only when a test calls Advance. It lets tests check
// "one upload per minute" or a 4 Hz progress cadence exactly and without sleeping. It is safe
// for concurrent use.
type Fake struct {
	mu      sync.Mutex
	changed *sync.Cond // broadcast whenever the set of pending timers changes
	now     time.Time
	timers  []*fakeTimer
}

// fakeTimer is one pending After channel (period 0) or one running ticker.
type fakeTimer struct {
	at     time.Time
	period time.Duration
	ch     chan time.Time
}

// NewFake returns a clock standing at start.
func New(start time.Time) *Fake {
	c := &Fake{now: start}
	c.changed = sync.NewCond(&c.mu)
	return c
}

// Now returns the fake time.
func (c *Fake) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After returns a channel that receives the fake time once the clock has been advanced by d.
// A non-positive d fires at once, as time.After does.
func (c *Fake) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	c.mu.Lock()
	defer c.mu.Unlock()
	if d <= 0 {
		ch <- c.now
		return ch
	}
	c.add(&fakeTimer{at: c.now.Add(d), ch: ch})
	return ch
}

// NewTicker returns a ticker that fires every d of fake time. Like time.Ticker its channel holds
// one tick and drops ticks nobody received. It panics on a non-positive d, as time.NewTicker does.
func (c *Fake) NewTicker(d time.Duration) clock.Ticker {
	if d <= 0 {
		panic("clocktest: non-positive interval for Fake.NewTicker")
	}
	t := &fakeTimer{period: d, ch: make(chan time.Time, 1)}
	c.mu.Lock()
	defer c.mu.Unlock()
	t.at = c.now.Add(d)
	c.add(t)
	return &fakeTicker{c: c, t: t}
}

// Advance moves the time forward by d, firing every After channel and ticker that falls due, in
// time order, each with the time at which it was due.
func (c *Fake) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	end := c.now.Add(d)
	for t := c.earliest(end); t != nil; t = c.earliest(end) {
		c.now = t.at
		c.fire(t)
	}
	c.now = end
}

// BlockUntil waits until at least n After channels or tickers are pending, that is until the
// goroutines under test have reached their waits, so a following Advance cannot race them.
// Note that an After channel nobody reads any more (its waiter was cancelled) stays pending
// until the clock passes it.
func (c *Fake) BlockUntil(n int) {
	_ = c.BlockUntilContext(context.Background(), n)
}

// BlockUntilContext is BlockUntil that gives up when ctx is done, so a test whose code under
// test never reaches its wait fails with an error instead of hanging.
func (c *Fake) BlockUntilContext(ctx context.Context, n int) error {
	stop := context.AfterFunc(ctx, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.changed.Broadcast()
	})
	defer stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.timers) < n {
		if err := ctx.Err(); err != nil {
			return err
		}
		c.changed.Wait()
	}
	return nil
}

func (c *Fake) add(t *fakeTimer) {
	c.timers = append(c.timers, t)
	c.changed.Broadcast()
}

func (c *Fake) remove(t *fakeTimer) {
	for i, x := range c.timers {
		if x == t {
			c.timers = append(c.timers[:i], c.timers[i+1:]...)
			c.changed.Broadcast()
			return
		}
	}
}

// earliest returns the first timer due at or before end; ties go to the one created first.
func (c *Fake) earliest(end time.Time) *fakeTimer {
	var first *fakeTimer
	for _, t := range c.timers {
		if !t.at.After(end) && (first == nil || t.at.Before(first.at)) {
			first = t
		}
	}
	return first
}

func (c *Fake) fire(t *fakeTimer) {
	select {
	case t.ch <- c.now:
	default: // a ticker whose last tick is still unread drops this one
	}
	if t.period > 0 {
		t.at = t.at.Add(t.period)
		return
	}
	c.remove(t)
}

type fakeTicker struct {
	c *Fake
	t *fakeTimer
}

func (f *fakeTicker) C() <-chan time.Time { return f.t.ch }

func (f *fakeTicker) Stop() {
	f.c.mu.Lock()
	defer f.c.mu.Unlock()
	f.c.remove(f.t)
}
