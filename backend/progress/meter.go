// Package progress meters running transfers: a Meter per transfer that the copy loop bumps with
// one atomic add, a Reporter that turns the meters into speed, ETA and about four coalesced
// events a second and watches for stalls, and a Floor that gives up on a download that keeps
// too slow or stops sending. It knows nothing of jobs, endpoints or retries: the engine decides
// what a stall or a cut attempt means.
package progress

import (
	"sync/atomic"
	"time"
)

// Meter counts the bytes of one running transfer. The copy loop only calls Add or Set, which
// are single atomic operations; everything costly (speed, ETA, events) happens in the Reporter's
// own goroutine, as in cavaliergopher/grab.
type Meter struct {
	id      uint64
	done    atomic.Int64
	total   atomic.Int64
	moved   atomic.Int64  // unix ns of the last movement the reporter saw
	epoch   atomic.Uint32 // bumped by Rebase
	waiting atomic.Bool   // idle on purpose (pacer slot, backoff, rehash): not a stall
	slow    atomic.Int64  // ns spent under a Floor's speed, over all attempts (floor.go)
}

// NewMeter returns a meter for job id; total is the size in bytes, or -1 when unknown.
func NewMeter(id uint64, total int64) *Meter {
	m := &Meter{id: id}
	m.total.Store(total)
	return m
}

// ID returns the job id the meter belongs to.
func (m *Meter) ID() uint64 { return m.id }

// Add counts n more bytes moved.
func (m *Meter) Add(n int64) { m.done.Add(n) }

// Set replaces the byte count, for loops that report a running total.
func (m *Meter) Set(done int64) { m.done.Store(done) }

// SetTotal sets the size once it is known (-1 for unknown).
func (m *Meter) SetTotal(t int64) { m.total.Store(t) }

// Done returns the bytes moved so far.
func (m *Meter) Done() int64 { return m.done.Load() }

// Total returns the size in bytes, or a negative number when unknown.
func (m *Meter) Total() int64 { return m.total.Load() }

// Rebase sets the count without counting the jump as speed: a resumed download starts at its
// .part length, and that is not bytes moved in the last quarter second.
func (m *Meter) Rebase(done int64) {
	m.done.Store(done)
	m.epoch.Add(1)
}

// SetWaiting tells the stall watchdog that no byte moves on purpose, for example while the job
// waits for a rate-limit slot or a backoff; a stall is counted from when the wait ends.
func (m *Meter) SetWaiting(waiting bool) { m.waiting.Store(waiting) }

// lastMoved returns when the reporter last saw bytes move (or the job waiting on purpose); the
// stall watchdog compares it with StallAfter. It is zero before the meter is tracked.
func (m *Meter) lastMoved() time.Time {
	ns := m.moved.Load()
	if ns == 0 {
		return time.Time{}
	}
	return time.Unix(0, ns)
}
