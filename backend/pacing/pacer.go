package pacing

import (
	"context"
	"math/rand/v2"
	"memories-desktop/backend/api"
	"memories-desktop/backend/clock"
	"sync"
	"time"
)

// Backoff after a transient failure starts at minBackoff and doubles up to maxBackoff, the
// schedule the docs recommend; jitter spreads it by ±backoffJitter so clients do not retry in step.
const (
	minBackoff    = time.Second
	maxBackoff    = 32 * time.Second
	backoffJitter = 0.2
)

// Options configure a Pacer.
type Options struct {
	Limits map[Endpoint]Limit
	Clock  clock.Clock
	// Proactive spaces requests to Limits. False (MEMORIES_RATE_LIMITS=off) sends at once, but
	// backoff after 0429, 5xx and network failures still applies.
	Proactive bool
	Rand      func() float64 // jitter source in [0,1); default math/rand
	// Last holds send times restored from disk, so pacing survives process restarts (the CLI
	// runs one process per command).
	Last map[Endpoint]time.Time
}

// Pacer keeps requests within the service's per-endpoint rate limits and backs off after
// transient failures, so the app waits for a slot instead of failing with 0429.
type Pacer struct {
	o     Options
	mu    sync.Mutex
	lanes map[Endpoint]*lane
}

// lane is one endpoint's state. Its queue holds the callers of Wait in arrival order; only the
// head may take the next slot.
type lane struct {
	every time.Duration
	last  time.Time // last send
	hold  time.Time // no send before this, after a failure
	// rateHold is the part of hold a rate limit imposed: even an impatient request (a person
	// waiting, api.Impatient) waits for it, while it may skip a back-off after an outage.
	rateHold time.Time
	fails    int // consecutive failures, for the backoff exponent
	queue    []*paceWaiter
}

type paceWaiter struct {
	wake chan struct{} // signalled when the waiter becomes the head of its lane
}

// New returns a pacer; restored send times later than now are treated as now, so a clock
// that went backwards cannot block an endpoint for long.
func New(o Options) *Pacer {
	if o.Clock == nil {
		o.Clock = clock.Real
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
	p := &Pacer{o: o, lanes: map[Endpoint]*lane{}}
	now := o.Clock.Now()
	for ep, t := range o.Last {
		p.lane(ep).last = minTime(t, now)
	}
	return p
}

// Wait blocks until ep may send, then records the send time. Concurrent callers on one endpoint
// get one slot each, first come first served. It returns ctx.Err() as soon as ctx is done.
func (p *Pacer) Wait(ctx context.Context, ep Endpoint) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w := p.join(ep)
	impatient := api.IsImpatient(ctx)
	for {
		d, head := p.try(ep, w, impatient)
		if head && d == 0 {
			return nil
		}
		if err := p.sleep(ctx, w, d, head); err != nil {
			p.leave(ep, w)
			return err
		}
	}
}

// sleep waits for the head's slot time, or for a waiter to become the head.
func (p *Pacer) sleep(ctx context.Context, w *paceWaiter, d time.Duration, head bool) error {
	var due <-chan time.Time
	if head {
		due = p.o.Clock.After(d)
	}
	select {
	case <-due:
	case <-w.wake:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

func (p *Pacer) join(ep Endpoint) *paceWaiter {
	w := &paceWaiter{wake: make(chan struct{}, 1)}
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.lane(ep)
	l.queue = append(l.queue, w)
	return w
}

// try grants w the slot when it heads the queue and the slot is due; otherwise it tells how long
// the head has to wait. A granted waiter leaves the queue and wakes its successor.
func (p *Pacer) try(ep Endpoint, w *paceWaiter, impatient bool) (time.Duration, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.lanes[ep]
	if l.queue[0] != w {
		return 0, false
	}
	now := p.o.Clock.Now()
	next := p.nextAt(l)
	if impatient {
		next = p.nextAtPast(l)
	}
	if d := next.Sub(now); d > 0 {
		return d, true
	}
	l.last = now
	l.pop(w)
	return 0, true
}

// leave takes a cancelled waiter out of the queue without using a slot.
func (p *Pacer) leave(ep Endpoint, w *paceWaiter) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lanes[ep].pop(w)
}

// pop removes w and, when the head changed, wakes the new head.
func (l *lane) pop(w *paceWaiter) {
	for i, x := range l.queue {
		if x != w {
			continue
		}
		l.queue = append(l.queue[:i], l.queue[i+1:]...)
		if i == 0 && len(l.queue) > 0 {
			l.queue[0].signal()
		}
		return
	}
}

func (w *paceWaiter) signal() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// NextSlot tells how long until ep may send (0 if now), for "next upload slot in 0:43".
func (p *Pacer) NextSlot(ep Endpoint) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return max(0, p.nextAt(p.lane(ep)).Sub(p.o.Clock.Now()))
}

// Failed records a transient failure on ep (0429, 5xx, network): the next send waits an
// exponential backoff (1 s doubling to 32 s, ±20% jitter), and at least retryAfter. It returns
// that delay.
func (p *Pacer) Failed(ep Endpoint, retryAfter time.Duration) time.Duration {
	return p.failed(ep, retryAfter, false)
}

// RateLimited is Failed for a 0429: the same back-off, which even an impatient request obeys.
func (p *Pacer) RateLimited(ep Endpoint, retryAfter time.Duration) time.Duration {
	return p.failed(ep, retryAfter, true)
}

func (p *Pacer) failed(ep Endpoint, retryAfter time.Duration, rate bool) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.lane(ep)
	d := max(p.backoff(l.fails), retryAfter)
	l.fails++
	until := p.o.Clock.Now().Add(d)
	l.hold = maxTime(l.hold, until)
	if rate {
		l.rateHold = maxTime(l.rateHold, until)
	}
	return d
}

// Succeeded resets ep's backoff: the next failure starts again at 1 s. A hold already imposed
// by an earlier failure still runs out normally.
func (p *Pacer) Succeeded(ep Endpoint) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lane(ep).fails = 0
}

// Snapshot returns the last send time of every endpoint that has sent, to persist across runs.
func (p *Pacer) Snapshot() map[Endpoint]time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[Endpoint]time.Time, len(p.lanes))
	for ep, l := range p.lanes {
		if !l.last.IsZero() {
			out[ep] = l.last
		}
	}
	return out
}

// backoff is the jittered delay after fails earlier consecutive failures. Jitter is ±20% rather
// than "full jitter", so a retry never comes much earlier than the documented schedule.
func (p *Pacer) backoff(fails int) time.Duration {
	base := min(minBackoff<<min(fails, 5), maxBackoff)
	d := time.Duration(float64(base) * (1 - backoffJitter + 2*backoffJitter*unit(p.o.Rand())))
	return min(d, maxBackoff)
}

// nextAt is the earliest time l may send. Callers hold p.mu.
func (p *Pacer) nextAt(l *lane) time.Time {
	if !p.o.Proactive || l.last.IsZero() {
		return l.hold
	}
	return maxTime(l.hold, l.last.Add(l.every))
}

// nextAtPast is nextAt for an impatient request: past the back-off of an outage, not past a
// rate limit or the spacing. Callers hold p.mu.
func (p *Pacer) nextAtPast(l *lane) time.Time {
	if !p.o.Proactive || l.last.IsZero() {
		return l.rateHold
	}
	return maxTime(l.rateHold, l.last.Add(l.every))
}

// lane returns ep's state, creating it on first use. Callers hold p.mu (or own p exclusively).
func (p *Pacer) lane(ep Endpoint) *lane {
	l, ok := p.lanes[ep]
	if !ok {
		l = &lane{every: p.o.Limits[ep].Every}
		p.lanes[ep] = l
	}
	return l
}

// unit clamps a random draw into [0,1], so a faulty Rand (or NaN) cannot break the bounds.
func unit(r float64) float64 {
	if !(r > 0) {
		return 0
	}
	return min(r, 1)
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// SetProactive turns spacing to the documented limits on or off (the Settings switch); backoff
// after failures applies either way.
func (p *Pacer) SetProactive(on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.o.Proactive = on
	// Heads asleep until a slot computed under the old setting look again now, so turning
	// pacing off releases waiting jobs at once rather than at their old slot time.
	for _, l := range p.lanes {
		if len(l.queue) > 0 {
			l.queue[0].signal()
		}
	}
}

// Forecast returns when the next n requests on ep may start if nothing else changes: the lane's
// next slot, then one interval apart when pacing is on. It reads the same state Wait obeys, so
// a job's "starts in about 2:40" is what the pacer will actually do.
func (p *Pacer) Forecast(ep Endpoint, n int) []time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.lane(ep)
	first := maxTime(p.nextAt(l), p.o.Clock.Now())
	step := time.Duration(0)
	if p.o.Proactive {
		step = l.every
	}
	out := make([]time.Time, n)
	for i := range out {
		out[i] = first.Add(time.Duration(i) * step)
	}
	return out
}
