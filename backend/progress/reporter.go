package progress

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"memories-desktop/backend/clock"
	"memories-desktop/backend/contract"
)

// DefaultInterval is the reporter's cadence: 4 events a second keep bars smooth without
// flooding the UI thread, where each event costs one JavaScript evaluation.
const DefaultInterval = 250 * time.Millisecond

// ReporterOptions configure a Reporter.
type ReporterOptions struct {
	Clock    clock.Clock
	Interval time.Duration // default DefaultInterval
	// Emit receives, from the reporter goroutine only, the jobs whose numbers changed since the
	// last emit (and each job once after Track), sorted by id; never an empty batch. It must not
	// call Track or Untrack.
	Emit func(batch []contract.Progress)
	// StallAfter is how long a meter may not move before OnStall; 0 turns the watchdog off.
	StallAfter time.Duration
	// OnStall is called once per stall, from the reporter goroutine.
	OnStall func(id uint64)
}

// Reporter samples the meters of running jobs on its own ticker and sends one coalesced event
// per tick, so hundreds of transfers never flood the UI.
type Reporter struct {
	o      ReporterOptions
	emitMu sync.Mutex // held across Emit, so no progress follows Untrack's final sample
	mu     sync.Mutex
	jobs   map[uint64]*tracked
	wake   chan struct{} // Track tells an idle reporter a job is there
}

// tracked is the reporter's private view of one meter.
type tracked struct {
	m       *Meter
	at      time.Time // time of the previous sample
	done    int64     // count at the previous sample
	epoch   uint32
	movedAt time.Time // last time bytes moved, for the idle rule
	speed   float64
	last    contract.Progress // last emitted
	emitted bool
	stalled bool
}

// NewReporter returns a reporter; call Start to run it.
func NewReporter(o ReporterOptions) *Reporter {
	if o.Clock == nil {
		o.Clock = clock.Real
	}
	if o.Interval <= 0 {
		o.Interval = DefaultInterval
	}
	return &Reporter{o: o, jobs: map[uint64]*tracked{}, wake: make(chan struct{}, 1)}
}

// Start samples all tracked meters every Interval until ctx is done. With no job tracked it
// runs no ticker: an idle app or `memories watch` does not wake 4 times a second for nothing.
func (r *Reporter) Start(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.wake:
		}
		if r.sampleWhileTracking(ctx) {
			return
		}
	}
}

// sampleWhileTracking ticks until a tick finds no job tracked (true: ctx ended).
func (r *Reporter) sampleWhileTracking(ctx context.Context) bool {
	t := r.o.Clock.NewTicker(r.o.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return true
		case <-t.C():
			r.tick()
			if !r.tracking() {
				return false
			}
		}
	}
}

func (r *Reporter) tracking() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.jobs) > 0
}

// Track starts reporting m; a meter with the same id is replaced.
func (r *Reporter) Track(m *Meter) {
	now := r.o.Clock.Now()
	m.moved.Store(now.UnixNano())
	r.mu.Lock()
	defer r.mu.Unlock()
	r.jobs[m.id] = &tracked{m: m, at: now, done: m.Done(), epoch: m.epoch.Load(), movedAt: now}
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Untrack stops reporting job id and returns its final numbers, which the caller sends with the
// terminal job event; once it returns, no later progress event mentions id.
func (r *Reporter) Untrack(id uint64) contract.Progress {
	r.emitMu.Lock()
	defer r.emitMu.Unlock()
	r.mu.Lock()
	defer r.mu.Unlock()
	tr, ok := r.jobs[id]
	if !ok {
		return contract.Progress{ID: id, Total: -1, ETA: -1}
	}
	delete(r.jobs, id)
	return tr.sample(r.o.Clock.Now())
}

// Sample returns job id's current numbers, for a view built between ticks.
func (r *Reporter) Sample(id uint64) (contract.Progress, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	tr, ok := r.jobs[id]
	if !ok {
		return contract.Progress{}, false
	}
	return tr.sample(r.o.Clock.Now()), true
}

// tick emits the changed jobs, then reports new stalls outside the locks, since OnStall
// typically cancels a job whose worker then calls Untrack.
func (r *Reporter) tick() {
	r.emitMu.Lock()
	batch, stalls := r.collect(r.o.Clock.Now())
	if len(batch) > 0 && r.o.Emit != nil {
		r.o.Emit(batch)
	}
	r.emitMu.Unlock()
	for _, id := range stalls {
		if r.o.OnStall != nil {
			r.o.OnStall(id)
		}
	}
}

func (r *Reporter) collect(now time.Time) (batch []contract.Progress, stalls []uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, tr := range r.jobs {
		if p := tr.sample(now); !tr.emitted || p != tr.last {
			batch = append(batch, p)
			tr.last, tr.emitted = p, true
		}
		if tr.newStall(now, r.o.StallAfter) {
			stalls = append(stalls, id)
		}
	}
	slices.SortFunc(batch, func(a, b contract.Progress) int { return cmp.Compare(a.ID, b.ID) })
	return batch, stalls
}

// sample reads the meter, updates the moving average and returns the numbers.
func (tr *tracked) sample(now time.Time) contract.Progress {
	done := tr.observe(now)
	tr.speed = nextSpeed(tr.speed, float64(done)-float64(tr.done), now.Sub(tr.at), now.Sub(tr.movedAt))
	tr.at, tr.done = now, done
	return makeProgress(tr.m.id, done, tr.m.Total(), tr.speed)
}

// observe reads the count and records movement: moved bytes for the idle rule; moved bytes, a
// rebase or a deliberate wait for the stall watchdog. A rebase also moves the baseline, so the
// jump is not taken for speed.
func (tr *tracked) observe(now time.Time) int64 {
	rebased := false
	if e := tr.m.epoch.Load(); e != tr.epoch {
		tr.epoch, tr.done, rebased = e, tr.m.Done(), true
	}
	done := tr.m.Done()
	if done != tr.done {
		tr.movedAt = now
	}
	if done != tr.done || rebased || tr.m.waiting.Load() {
		tr.m.moved.Store(now.UnixNano())
	}
	return done
}

// newStall reports, once per stall, that the meter has not moved for stallAfter.
func (tr *tracked) newStall(now time.Time, stallAfter time.Duration) bool {
	if stallAfter <= 0 || now.Sub(tr.m.lastMoved()) < stallAfter {
		tr.stalled = false
		return false
	}
	first := !tr.stalled
	tr.stalled = true
	return first
}
