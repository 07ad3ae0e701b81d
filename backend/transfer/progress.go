package transfer

import (
	"cmp"
	"context"
	"math"
	"memories-desktop/backend/clock"
	"slices"
	"sync"
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
	inLine  atomic.Bool   // waiting at the pacer for its endpoint's slot (lineup.go); only call sets it
	slow    atomic.Int64  // ns spent under the download speed floor, over all attempts (floor.go)
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

// LastMoved returns when the reporter last saw bytes move (or the job waiting on purpose); the
// stall watchdog compares it with StallAfter. It is zero before the meter is tracked.
func (m *Meter) LastMoved() time.Time {
	ns := m.moved.Load()
	if ns == 0 {
		return time.Time{}
	}
	return time.Unix(0, ns)
}

// Progress is one job's numbers in the transfer:progress event. Every field is finite, so the
// JSON encoding cannot fail.
type Progress struct {
	ID      uint64  `json:"id"`
	Done    int64   `json:"done"`    // bytes moved, ≥ 0
	Total   int64   `json:"total"`   // bytes, -1 when unknown
	Speed   float64 `json:"speed"`   // bytes per second, moving average, whole number ≥ 0
	ETA     int64   `json:"eta"`     // seconds left, -1 when unknown
	Percent float64 `json:"percent"` // 0..100; 0 when the total is unknown
}

// Speed is an exponential moving average with time constant speedTau: it follows a steady rate
// within about 2 s whatever the sampling interval. A meter that has not moved for idleAfter
// reports speed 0 and an unknown ETA. ETAs beyond maxETA are reported as unknown.
const (
	speedTau  = 500 * time.Millisecond
	idleAfter = 3 * time.Second
	maxETA    = 1 << 31 // seconds, about 68 years
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
	Emit func(batch []Progress)
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
}

// tracked is the reporter's private view of one meter.
type tracked struct {
	m       *Meter
	at      time.Time // time of the previous sample
	done    int64     // count at the previous sample
	epoch   uint32
	movedAt time.Time // last time bytes moved, for the idle rule
	speed   float64
	last    Progress // last emitted
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
	return &Reporter{o: o, jobs: map[uint64]*tracked{}}
}

// Start samples all tracked meters every Interval until ctx is done.
func (r *Reporter) Start(ctx context.Context) {
	t := r.o.Clock.NewTicker(r.o.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C():
			r.tick()
		}
	}
}

// Track starts reporting m; a meter with the same id is replaced.
func (r *Reporter) Track(m *Meter) {
	now := r.o.Clock.Now()
	m.moved.Store(now.UnixNano())
	r.mu.Lock()
	defer r.mu.Unlock()
	r.jobs[m.id] = &tracked{m: m, at: now, done: m.Done(), epoch: m.epoch.Load(), movedAt: now}
}

// Untrack stops reporting job id and returns its final numbers, which the caller sends with the
// terminal job event; once it returns, no later progress event mentions id.
func (r *Reporter) Untrack(id uint64) Progress {
	r.emitMu.Lock()
	defer r.emitMu.Unlock()
	r.mu.Lock()
	defer r.mu.Unlock()
	tr, ok := r.jobs[id]
	if !ok {
		return Progress{ID: id, Total: -1, ETA: -1}
	}
	delete(r.jobs, id)
	return tr.sample(r.o.Clock.Now())
}

// Sample returns job id's current numbers, for a view built between ticks.
func (r *Reporter) Sample(id uint64) (Progress, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	tr, ok := r.jobs[id]
	if !ok {
		return Progress{}, false
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

func (r *Reporter) collect(now time.Time) (batch []Progress, stalls []uint64) {
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
	slices.SortFunc(batch, func(a, b Progress) int { return cmp.Compare(a.ID, b.ID) })
	return batch, stalls
}

// sample reads the meter, updates the moving average and returns the numbers.
func (tr *tracked) sample(now time.Time) Progress {
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
	if stallAfter <= 0 || now.Sub(tr.m.LastMoved()) < stallAfter {
		tr.stalled = false
		return false
	}
	first := !tr.stalled
	tr.stalled = true
	return first
}

// nextSpeed folds the rate over the last dt into the average. Counts going backwards (a restart
// from zero) are rate 0, never a negative speed.
func nextSpeed(prev, delta float64, dt, idle time.Duration) float64 {
	if idle >= idleAfter {
		return 0
	}
	if dt <= 0 {
		return prev
	}
	rate := max(delta, 0) / dt.Seconds()
	a := 1 - math.Exp(-dt.Seconds()/speedTau.Seconds())
	return finite(prev + a*(rate-prev))
}

func makeProgress(id uint64, done, total int64, speed float64) Progress {
	p := Progress{ID: id, Done: max(done, 0), Total: max(total, -1), Speed: math.Round(speed), ETA: -1}
	if total > 0 {
		p.Percent = min(100, 100*float64(p.Done)/float64(total))
		p.ETA = eta(total-p.Done, p.Speed)
	}
	return p
}

// eta is the whole seconds left for remaining bytes at speed, or -1 when it cannot be told.
func eta(remaining int64, speed float64) int64 {
	if remaining <= 0 {
		return 0
	}
	if speed < 1 {
		return -1
	}
	s := math.Ceil(float64(remaining) / speed)
	if s > maxETA {
		return -1
	}
	return int64(s)
}

// finite maps NaN and ±Inf to 0, the last guard before a value reaches JSON.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
