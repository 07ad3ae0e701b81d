package progress

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"memories-desktop/backend/clock"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
)

// harness drives a Reporter tick by tick from the test goroutine, so every assertion about
// what was (or was not) emitted is deterministic.
type harness struct {
	t      *testing.T
	c      *clocktest.Fake
	r      *Reporter
	emits  [][]contract.Progress
	stalls []uint64
}

func newHarness(t *testing.T, stallAfter time.Duration) *harness {
	h := &harness{t: t, c: clocktest.New(clocktest.Epoch)}
	h.r = NewReporter(ReporterOptions{Clock: h.c, StallAfter: stallAfter,
		Emit:    func(b []contract.Progress) { h.emits = append(h.emits, b) },
		OnStall: func(id uint64) { h.stalls = append(h.stalls, id) }})
	return h
}

// step advances one default interval and runs a tick; it returns the batch emitted, if any.
func (h *harness) step() []contract.Progress {
	h.t.Helper()
	n := len(h.emits)
	h.c.Advance(DefaultInterval)
	h.r.tick()
	switch len(h.emits) - n {
	case 0:
		return nil
	case 1:
		return h.emits[n]
	}
	h.t.Fatal("more than one emit per tick")
	return nil
}

func (h *harness) track(id uint64, total int64) *Meter {
	m := NewMeter(id, total)
	h.r.Track(m)
	return m
}

func TestMeterCounts(t *testing.T) {
	m := NewMeter(7, -1)
	m.Add(10)
	m.Add(5)
	if m.ID() != 7 || m.Done() != 15 || m.Total() != -1 {
		t.Fatalf("id %d done %d total %d", m.ID(), m.Done(), m.Total())
	}
	m.Set(3)
	m.SetTotal(100)
	if m.Done() != 3 || m.Total() != 100 {
		t.Fatalf("after Set: done %d total %d", m.Done(), m.Total())
	}
	if !m.lastMoved().IsZero() {
		t.Fatal("lastMoved set before tracking")
	}
}

func TestReporterBatchesOnlyChangedJobs(t *testing.T) {
	h := newHarness(t, 0)
	a, b := h.track(1, 100), h.track(2, 100)
	if got := h.step(); len(got) != 2 || got[0].ID != 1 || got[1].ID != 2 {
		t.Fatalf("first tick announces every new job, sorted by id: %+v", got)
	}
	b.Add(10)
	if got := h.step(); len(got) != 1 || got[0].ID != 2 || got[0].Done != 10 {
		t.Fatalf("batch = %+v, want only job 2", got)
	}
	a.Set(0) // same value: not a change
	h.c.Advance(idleAfter)
	h.step() // job 2's speed drops to zero once idle: one more change
	for range 8 {
		if got := h.step(); got != nil {
			t.Fatalf("emitted %+v although nothing changed", got)
		}
	}
}

// The cadence test runs the reporter on the real clock inside a synctest bubble: its ticker is
// the one production uses, and the bubble's time moves only when every goroutine waits.
func TestReporterCadenceIs4Hz(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var mu sync.Mutex
		var at []time.Duration
		r := NewReporter(ReporterOptions{Emit: func([]contract.Progress) {
			mu.Lock()
			at = append(at, time.Since(start))
			mu.Unlock()
		}})
		ctx, cancel := context.WithCancel(t.Context())
		go r.Start(ctx)
		m := NewMeter(1, -1)
		r.Track(m)
		for range 20 { // one second in 50 ms steps, always moving
			m.Add(1000)
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond) // past the tick at 1 s, short of the next
		cancel()
		synctest.Wait()
		mu.Lock()
		defer mu.Unlock()
		want := []time.Duration{250 * time.Millisecond, 500 * time.Millisecond, 750 * time.Millisecond, time.Second}
		if !slices.Equal(at, want) {
			t.Fatalf("emits at %v, want %v", at, want)
		}
	})
}

func TestReporterSpeedConvergesWithinTwoSeconds(t *testing.T) {
	const rate = 4 << 20 // bytes per second
	h := newHarness(t, 0)
	m := h.track(1, 100*rate)
	var p contract.Progress
	for range 8 { // 2 s at 4 Hz
		m.Add(rate / 4)
		p = h.step()[0]
	}
	if math.Abs(p.Speed-rate)/rate > 0.03 {
		t.Fatalf("speed %.0f after 2 s, want %d ±3%%", p.Speed, rate)
	}
	wantETA := (100*rate - p.Done) / rate
	if p.ETA < wantETA || p.ETA > wantETA+wantETA/20+1 {
		t.Fatalf("ETA %d s, want about %d s", p.ETA, wantETA)
	}
	if p.Percent != 2 {
		t.Fatalf("percent %v, want 2", p.Percent)
	}
}

func TestReporterStalledSpeedDecaysToZero(t *testing.T) {
	h := newHarness(t, 0)
	m := h.track(1, 1<<40)
	for range 8 {
		m.Add(1 << 20)
		h.step()
	}
	prev, _ := h.r.Sample(1)
	for range int(idleAfter/DefaultInterval) - 1 {
		p := h.step()[0]
		if p.Speed >= prev.Speed || p.ETA < prev.ETA {
			t.Fatalf("stalled: speed %v → %v, ETA %d → %d", prev.Speed, p.Speed, prev.ETA, p.ETA)
		}
		prev = p
	}
	p := h.step()[0]
	if p.Speed != 0 || p.ETA != -1 {
		t.Fatalf("after %v idle: speed %v ETA %d, want 0 and -1", idleAfter, p.Speed, p.ETA)
	}
}

func TestReporterRebaseIsNotSpeed(t *testing.T) {
	h := newHarness(t, 0)
	m := h.track(1, 1<<30)
	m.Rebase(500 << 20) // a resumed .part file
	if p := h.step()[0]; p.Speed != 0 || p.Done != 500<<20 {
		t.Fatalf("after rebase: %+v, want speed 0", p)
	}
	if !m.lastMoved().Equal(h.c.Now()) {
		t.Fatal("a rebase does not count as life for the stall watchdog")
	}
	m.Add(1 << 20)
	if p := h.step()[0]; p.Speed <= 0 || p.Speed > 4<<20 {
		t.Fatalf("speed %v after 1 MiB in 250 ms", p.Speed)
	}
}

func TestReporterStallCallback(t *testing.T) {
	h := newHarness(t, time.Second)
	m := h.track(9, -1)
	for range 12 { // 3 s of movement
		m.Add(1)
		h.step()
	}
	if len(h.stalls) != 0 {
		t.Fatalf("stall reported while moving: %v", h.stalls)
	}
	for range 3 { // 750 ms still
		h.step()
	}
	if len(h.stalls) != 0 {
		t.Fatal("stall reported before StallAfter")
	}
	h.step() // 1 s still
	for range 20 {
		h.step()
	}
	if len(h.stalls) != 1 || h.stalls[0] != 9 {
		t.Fatalf("stalls = %v, want exactly [9]", h.stalls)
	}
	if !m.lastMoved().Equal(clocktest.Epoch.Add(3 * time.Second)) {
		t.Fatalf("lastMoved = %v, want +3s", m.lastMoved().Sub(clocktest.Epoch))
	}
}

func TestReporterWaitingIsNotAStall(t *testing.T) {
	h := newHarness(t, time.Second)
	m := h.track(3, -1)
	m.SetWaiting(true) // e.g. waiting for the next upload slot
	for range 40 {
		h.step()
	}
	if len(h.stalls) != 0 {
		t.Fatalf("stall reported while waiting on purpose: %v", h.stalls)
	}
	m.SetWaiting(false)
	for range 4 {
		h.step()
	}
	if len(h.stalls) != 1 {
		t.Fatalf("stalls = %v, want one, 1 s after the wait ended", h.stalls)
	}
}

func TestReporterUntrack(t *testing.T) {
	h := newHarness(t, 0)
	m := h.track(4, 1000)
	h.step()
	m.Add(1000)
	final := h.r.Untrack(4)
	if final.ID != 4 || final.Done != 1000 || final.Total != 1000 || final.Percent != 100 || final.ETA != 0 {
		t.Fatalf("final = %+v", final)
	}
	if got := h.step(); got != nil {
		t.Fatalf("emitted %+v after Untrack", got)
	}
	if _, ok := h.r.Sample(4); ok {
		t.Fatal("Sample found an untracked job")
	}
	if p := h.r.Untrack(5); p.ID != 5 || p.ETA != -1 || p.Total != -1 {
		t.Fatalf("Untrack of an unknown job = %+v", p)
	}
}

func TestReporterNoProgressAfterUntrack(t *testing.T) {
	c := clocktest.New(clocktest.Epoch)
	var mu sync.Mutex
	var log []string
	note := func(s string) { mu.Lock(); log = append(log, s); mu.Unlock() }
	entered, release := make(chan struct{}), make(chan struct{})
	r := NewReporter(ReporterOptions{Clock: c, Emit: func([]contract.Progress) {
		close(entered)
		<-release
		note("emit")
	}})
	r.Track(NewMeter(1, -1))
	ticked := make(chan struct{})
	go func() { r.tick(); close(ticked) }()
	clocktest.Await(t, entered) // Emit is running with job 1 in its batch
	untracked := make(chan struct{})
	go func() { r.Untrack(1); note("untrack"); close(untracked) }()
spin: // give a wrong Untrack every chance to finish first
	for range 1000 {
		select {
		case <-untracked:
			break spin
		default:
			runtime.Gosched()
		}
	}
	close(release)
	clocktest.Await(t, ticked)
	clocktest.Await(t, untracked)
	if log[0] != "emit" {
		t.Fatalf("order %v: Untrack returned while a batch holding the job was still being sent", log)
	}
}

func TestMakeProgressEdges(t *testing.T) {
	const big = math.MaxInt64
	tests := []struct {
		name               string
		done, total        int64
		speed              float64
		wantDone, wantETA  int64
		wantPct, wantSpeed float64
	}{
		{"unknown total", 50, -1, 10, 50, -1, 0, 10},
		{"zero total", 0, 0, 0, 0, -1, 0, 0},
		{"negative done", -5, 100, 10, 0, 10, 0, 10},
		{"over total", 150, 100, 10, 150, 0, 100, 10},
		{"zero speed", 10, 100, 0, 10, -1, 10, 0},
		{"sub-byte speed", 10, 100, 0.4, 10, -1, 10, 0},
		{"huge remaining", 0, big, 1, 0, -1, 0, 1},
		{"huge speed", 0, big, 1e300, 0, 1, 0, 1e300},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := makeProgress(1, tc.done, tc.total, tc.speed)
			if p.Done != tc.wantDone || p.ETA != tc.wantETA || p.Percent != tc.wantPct || p.Speed != tc.wantSpeed {
				t.Fatalf("%+v", p)
			}
		})
	}
}

// checkProgress asserts the invariants the UI relies on.
func checkProgress(t *testing.T, p contract.Progress) {
	t.Helper()
	for _, f := range []float64{p.Speed, p.Percent} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			t.Fatalf("non-finite field: %+v", p)
		}
	}
	if p.Speed < 0 || p.Percent < 0 || p.Percent > 100 || p.ETA < -1 || p.Done < 0 || p.Total < -1 {
		t.Fatalf("out of bounds: %+v", p)
	}
	if p.Total <= 0 && (p.Percent != 0 || p.ETA != -1) {
		t.Fatalf("unknown total but percent/ETA set: %+v", p)
	}
	if _, err := json.Marshal(p); err != nil {
		t.Fatalf("JSON: %v for %+v", err, p)
	}
}

var extremes = []int64{0, 1, -1, 1 << 20, 3 << 30, math.MaxInt64, math.MinInt64, math.MaxInt64 / 2}

func randomOp(rng *rand.Rand, m *Meter) {
	v := extremes[rng.IntN(len(extremes))]
	if rng.IntN(2) == 0 {
		v = rng.Int64N(1 << 30)
	}
	switch rng.IntN(5) {
	case 0:
		m.Add(v)
	case 1:
		m.Set(v)
	case 2:
		m.SetTotal(v)
	case 3:
		m.Rebase(v)
	default:
		m.SetWaiting(rng.IntN(2) == 0)
	}
}

func TestProgressPropertyAlwaysFiniteAndBounded(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 7))
	h := newHarness(t, 2*time.Second)
	meters := []*Meter{h.track(1, -1), h.track(2, 0), h.track(3, 1<<30)}
	steps := []time.Duration{0, 1, time.Millisecond, DefaultInterval, time.Second, time.Hour}
	for range 20000 {
		m := meters[rng.IntN(len(meters))]
		randomOp(rng, m)
		h.c.Advance(steps[rng.IntN(len(steps))])
		switch rng.IntN(4) {
		case 0:
			h.r.tick()
		case 1:
			p, _ := h.r.Sample(m.ID())
			checkProgress(t, p)
		case 2:
			checkProgress(t, h.r.Untrack(m.ID()))
			h.r.Track(m)
		}
	}
	if len(h.emits) < 100 {
		t.Fatalf("only %d emits: the property was barely exercised", len(h.emits))
	}
	for _, b := range h.emits {
		if len(b) == 0 {
			t.Fatal("empty batch emitted")
		}
		for _, p := range b {
			checkProgress(t, p)
		}
	}
}

func TestReporterConcurrentUse(t *testing.T) {
	c := clocktest.New(clocktest.Epoch)
	var mu sync.Mutex
	emitted := 0
	r := NewReporter(ReporterOptions{Clock: c, StallAfter: time.Hour,
		Emit: func(b []contract.Progress) { mu.Lock(); emitted += len(b); mu.Unlock() }})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Start(ctx)
	m := NewMeter(1, -1)
	r.Track(m)
	clocktest.Block(t, c, 1) // the ticker runs once a job is tracked
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 10000 {
				m.Add(1)
			}
		})
	}
	for range 50 {
		c.Advance(DefaultInterval)
		if _, ok := r.Sample(1); !ok {
			t.Fatal("Sample lost the job")
		}
	}
	wg.Wait()
	if p := r.Untrack(1); p.Done != 40000 {
		t.Fatalf("final done %d, want 40000", p.Done)
	}
}

func BenchmarkMeterAdd(b *testing.B) {
	m := NewMeter(1, -1)
	for b.Loop() {
		m.Add(32 << 10)
	}
}

func BenchmarkMeterAddParallel(b *testing.B) {
	m := NewMeter(1, -1)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.Add(32 << 10)
		}
	})
}

func TestProgressJSONIsCamelCase(t *testing.T) {
	raw, err := json.Marshal(contract.Progress{ID: 1, Done: 2, Total: 3, Speed: 4, ETA: 5, Percent: 6})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":1,"done":2,"total":3,"speed":4,"eta":5,"percent":6}`
	if string(raw) != want {
		t.Fatalf("JSON %s, want %s", raw, want)
	}
}

// countingClock is the real clock, counting the tickers made and stopped.
type countingClock struct {
	clock.Clock
	made, stopped atomic.Int32
}

func (c *countingClock) NewTicker(d time.Duration) clock.Ticker {
	c.made.Add(1)
	return stopCounter{c.Clock.NewTicker(d), c}
}

type stopCounter struct {
	clock.Ticker
	c *countingClock
}

func (s stopCounter) Stop() { s.c.stopped.Add(1); s.Ticker.Stop() }

// An idle reporter runs no ticker (an idle watch must not wake 4 times a second); it ticks while
// a job is tracked and stops at the first tick after the last one left.
func TestReporterSleepsWhileIdle(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := &countingClock{Clock: clock.Real}
		r := NewReporter(ReporterOptions{Clock: c, Emit: func([]contract.Progress) {}})
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		go r.Start(ctx)
		time.Sleep(time.Hour)
		if n := c.made.Load(); n != 0 {
			t.Fatalf("%d tickers while idle", n)
		}
		r.Track(NewMeter(1, -1))
		time.Sleep(time.Second)
		r.Untrack(1)
		time.Sleep(DefaultInterval)
		synctest.Wait()
		if made, stopped := c.made.Load(), c.stopped.Load(); made != 1 || stopped != 1 {
			t.Fatalf("tickers made %d, stopped %d; want 1 and 1", made, stopped)
		}
	})
}
