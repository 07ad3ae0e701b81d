package transfer

import (
	"sync"
	"time"

	"memories-desktop/backend/pacing"
	"memories-desktop/backend/store"
)

// Slot is a waiting job's place in its endpoint's line and when the pacer will let it start.
// StartsAt is absolute (Unix ms) so a view opened later shows the same time, not a countdown
// restarted from its own opening; zero means as soon as a worker is free.
type Slot struct {
	Place    int
	StartsAt int64
}

// lineup serialises refreshes of Engine.slots (the slot of every waiting job, recomputed
// whenever the queue or the pacer moves), so events leave in the order slots were computed.
type lineup struct {
	mu sync.Mutex
}

// slotOf returns job id's slot; the zero Slot when it is not waiting.
func (e *Engine) slotOf(id uint64) Slot {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.slots[id]
}

// refreshLineup recomputes every waiting job's slot and tells the UI about each one that moved,
// including one that left the line (its slot is now the zero Slot): a job whose pacer wait ended
// must be told so, or its row keeps its old place and reads "Waiting for slot" while it runs.
func (e *Engine) refreshLineup() {
	e.line.mu.Lock()
	defer e.line.mu.Unlock()
	jobs, err := e.db.ActiveJobs()
	if err != nil {
		return
	}
	next := e.forecast(e.waitingByEndpoint(jobs))
	e.mu.Lock()
	old := e.slots
	e.slots = next
	e.mu.Unlock()
	for _, j := range jobs {
		if next[j.ID] == old[j.ID] {
			continue
		}
		// The list was read before the slots were computed: a job may have finished since, and
		// its old record must not be sent as news.
		if cur, err := e.db.Job(j.ID); err == nil {
			e.emitJob(cur, nil)
		}
	}
}

// waitingByEndpoint lists, per endpoint and in the order the pacer serves them, the jobs that
// wait: running ones already queued at the pacer first, then queued ones, oldest first.
func (e *Engine) waitingByEndpoint(active []store.Job) map[pacing.Endpoint][]uint64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	lines := map[pacing.Endpoint][]uint64{}
	var queued []store.Job
	for _, j := range active {
		r, running := e.running[j.ID]
		switch {
		case running && r.meter.inLine.Load():
			ep := endpointFor(j.Kind)
			lines[ep] = append(lines[ep], j.ID)
		case !running && j.State == store.StateQueued:
			queued = append(queued, j)
		}
	}
	for _, j := range queued {
		ep := endpointFor(j.Kind)
		lines[ep] = append(lines[ep], j.ID)
	}
	return lines
}

// forecast gives each waiting job the pacer's start time for its place in line.
func (e *Engine) forecast(lines map[pacing.Endpoint][]uint64) map[uint64]Slot {
	now := e.o.Clock.Now()
	out := map[uint64]Slot{}
	for ep, ids := range lines {
		times := e.pacer.Forecast(ep, len(ids))
		for i, id := range ids {
			out[id] = Slot{Place: i + 1, StartsAt: startsAt(times[i], now)}
		}
	}
	return out
}

// startsAt is t in Unix ms, or zero when t is not later than now (no pacing wait).
func startsAt(t, now time.Time) int64 {
	if !t.After(now) {
		return 0
	}
	return t.UnixMilli()
}
