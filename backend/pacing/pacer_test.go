package pacing

import (
	"context"
	"errors"
	"math/rand/v2"
	"memories-desktop/backend/api"
	"memories-desktop/backend/clock/clocktest"
	"runtime"
	"sync"
	"testing"
	"time"
)

// mid makes jitter vanish: the delay is exactly the base of the schedule.
func mid() float64 { return 0.5 }

// newTestPacer builds the pacer under test: the documented limits, a fake clock at
// clocktest.Epoch, no jitter (mid), proactive spacing as asked and the send times last; each
// option changes one of those.
func newTestPacer(proactive bool, last map[Endpoint]time.Time, opts ...func(*Options)) (*Pacer, *clocktest.Fake) {
	c := clocktest.New(clocktest.Epoch)
	o := Options{Limits: DefaultLimits(), Clock: c, Proactive: proactive, Rand: mid, Last: last}
	for _, opt := range opts {
		opt(&o)
	}
	return New(o), c
}

// withRand draws the jitter from r.
func withRand(r func() float64) func(*Options) { return func(o *Options) { o.Rand = r } }

// onClock uses c (an earlier pacer's clock, for a restart) instead of a new one.
func onClock(c *clocktest.Fake) func(*Options) { return func(o *Options) { o.Clock = c } }

// goWait runs p.Wait in a goroutine and reports its result on the returned channel.
func goWait(ctx context.Context, p *Pacer, ep Endpoint) <-chan error {
	done := make(chan error, 1)
	go func() { done <- p.Wait(ctx, ep) }()
	return done
}

// send performs one Wait, advancing the fake clock exactly to the slot, and returns the
// recorded send time.
func send(t *testing.T, p *Pacer, c *clocktest.Fake, ep Endpoint) time.Time {
	t.Helper()
	d := p.NextSlot(ep) // before the goroutine can take the slot
	done := goWait(context.Background(), p, ep)
	if d > 0 {
		clocktest.Block(t, c, 1)
		c.Advance(d)
	}
	if err := clocktest.Await(t, done); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	return p.Snapshot()[ep]
}

func TestDefaultLimits(t *testing.T) {
	want := map[Endpoint]time.Duration{EpUpload: time.Minute, EpImport: time.Minute,
		EpDownload: 5 * time.Second, EpAsset: time.Second, EpList: 200 * time.Millisecond,
		EpStatus: time.Second, EpDelete: 200 * time.Millisecond, EpMetadata: time.Second,
		EpSearch: time.Second, EpText: time.Second, EpKeyframe: time.Second}
	got := DefaultLimits()
	if len(got) != len(want) {
		t.Fatalf("%d limits, want %d", len(got), len(want))
	}
	for ep, every := range want {
		if got[ep].Every != every {
			t.Errorf("%s: every %v, want %v", ep, got[ep].Every, every)
		}
	}
}

func TestPacerSpacesSends(t *testing.T) {
	tests := []struct {
		ep    Endpoint
		n     int
		every time.Duration
	}{
		{EpUpload, 4, time.Minute},
		{EpDownload, 13, 5 * time.Second}, // 12 a minute: the 13th waits for minute two
		{EpList, 6, 200 * time.Millisecond},
	}
	for _, tc := range tests {
		t.Run(string(tc.ep), func(t *testing.T) {
			p, c := newTestPacer(true, nil)
			for i := range tc.n {
				at := send(t, p, c, tc.ep)
				if want := clocktest.Epoch.Add(time.Duration(i) * tc.every); !at.Equal(want) {
					t.Fatalf("send %d at %v, want %v", i, at.Sub(clocktest.Epoch), want.Sub(clocktest.Epoch))
				}
			}
		})
	}
}

func TestPacerEndpointsAreIndependent(t *testing.T) {
	p, c := newTestPacer(true, nil)
	send(t, p, c, EpUpload)
	for _, ep := range []Endpoint{EpDownload, EpList, Endpoint("unknown")} {
		if at := send(t, p, c, ep); !at.Equal(clocktest.Epoch) {
			t.Errorf("%s waited for the upload slot: sent at %v", ep, at.Sub(clocktest.Epoch))
		}
	}
}

func TestPacerNextSlot(t *testing.T) {
	p, c := newTestPacer(true, nil)
	if d := p.NextSlot(EpUpload); d != 0 {
		t.Fatalf("fresh NextSlot = %v", d)
	}
	send(t, p, c, EpUpload)
	c.Advance(17 * time.Second)
	if d := p.NextSlot(EpUpload); d != 43*time.Second {
		t.Fatalf("NextSlot = %v, want 43s (\"next upload slot in 0:43\")", d)
	}
	c.Advance(time.Hour)
	if d := p.NextSlot(EpUpload); d != 0 {
		t.Fatalf("NextSlot long after = %v", d)
	}
	if d := p.NextSlot(Endpoint("unknown")); d != 0 {
		t.Fatalf("unpaced NextSlot = %v", d)
	}
}

func TestPacerOffLetsAllThroughButStillBacksOff(t *testing.T) {
	p, c := newTestPacer(false, nil)
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			if err := p.Wait(context.Background(), EpUpload); err != nil {
				t.Error(err)
			}
		})
	}
	all := make(chan struct{})
	go func() { wg.Wait(); close(all) }()
	clocktest.Await(t, all) // no Advance: all 100 must pass at the same instant
	if d := p.NextSlot(EpUpload); d != 0 {
		t.Fatalf("NextSlot with pacing off = %v", d)
	}
	if d := p.Failed(EpUpload, 0); d != time.Second {
		t.Fatalf("Failed = %v, want 1s", d)
	}
	if at := send(t, p, c, EpUpload); !at.Equal(clocktest.Epoch.Add(time.Second)) {
		t.Fatalf("call after a failure sent at %v, want +1s", at.Sub(clocktest.Epoch))
	}
}

func TestPacerFailureExtendsAWaitInProgress(t *testing.T) {
	p, c := newTestPacer(false, nil)
	p.Failed(EpDownload, 0) // hold 1 s
	done := goWait(context.Background(), p, EpDownload)
	clocktest.Block(t, c, 1)
	p.Failed(EpDownload, 0) // now hold 2 s from now
	c.Advance(time.Second)  // the waiter wakes, sees the longer hold, sleeps again
	clocktest.Block(t, c, 1)
	c.Advance(time.Second)
	if err := clocktest.Await(t, done); err != nil {
		t.Fatal(err)
	}
	if at := p.Snapshot()[EpDownload]; !at.Equal(clocktest.Epoch.Add(2 * time.Second)) {
		t.Fatalf("sent at %v, want +2s", at.Sub(clocktest.Epoch))
	}
}

func TestPacerBackoffDoublesAndCaps(t *testing.T) {
	p, c := newTestPacer(true, nil)
	want := []time.Duration{1, 2, 4, 8, 16, 32, 32, 32}
	for i, w := range want {
		d := p.Failed(EpStatus, 0)
		if d != w*time.Second {
			t.Fatalf("failure %d: delay %v, want %v", i+1, d, w*time.Second)
		}
		if slot := p.NextSlot(EpStatus); slot != d {
			t.Fatalf("failure %d: NextSlot %v, want the delay %v", i+1, slot, d)
		}
		c.Advance(d)
	}
}

func TestPacerSucceededResetsBackoff(t *testing.T) {
	p, _ := newTestPacer(true, nil)
	for range 3 {
		p.Failed(EpList, 0)
	}
	p.Succeeded(EpList)
	if d := p.Failed(EpList, 0); d != time.Second {
		t.Fatalf("after success, delay %v, want 1s", d)
	}
}

func TestPacerRetryAfterIsHonoured(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter time.Duration
		want       time.Duration
	}{
		{"longer than backoff", 45 * time.Second, 45 * time.Second},
		{"beyond the cap", 90 * time.Second, 90 * time.Second},
		{"shorter than backoff", 100 * time.Millisecond, time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := newTestPacer(true, nil)
			if d := p.Failed(EpUpload, tc.retryAfter); d != tc.want {
				t.Fatalf("delay %v, want %v", d, tc.want)
			}
			if slot := p.NextSlot(EpUpload); slot != tc.want {
				t.Fatalf("NextSlot %v, want %v", slot, tc.want)
			}
		})
	}
}

func TestPacerJitterBounds(t *testing.T) {
	tests := []struct {
		name     string
		r        float64
		fails    int
		min, max time.Duration
	}{
		{"lowest draw", 0, 0, 800 * time.Millisecond, 800 * time.Millisecond},
		{"highest draw", 0.999999, 0, 1199 * time.Millisecond, 1200 * time.Millisecond},
		{"third failure low", 0, 2, 3200 * time.Millisecond, 3200 * time.Millisecond},
		{"cap high stays capped", 0.999999, 9, 32 * time.Second, 32 * time.Second},
		{"cap low", 0, 9, 25600 * time.Millisecond, 25600 * time.Millisecond},
		{"faulty rand above 1", 7, 0, 1200 * time.Millisecond, 1200 * time.Millisecond},
		{"faulty rand negative", -3, 0, 800 * time.Millisecond, 800 * time.Millisecond},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := newTestPacer(false, nil, withRand(func() float64 { return tc.r }))
			for range tc.fails {
				p.Failed(EpUpload, 0)
			}
			if d := p.Failed(EpUpload, 0); d < tc.min || d > tc.max {
				t.Fatalf("delay %v outside [%v, %v]", d, tc.min, tc.max)
			}
		})
	}
}

func TestPacerJitterNeverBelowFourFifths(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	p, _ := newTestPacer(false, nil, withRand(rng.Float64))
	seen := map[bool]bool{}
	for i := range 600 {
		if i%6 == 0 {
			p.Succeeded(EpDownload)
		}
		base := time.Second << (i % 6)
		d := p.Failed(EpDownload, 0)
		if d < base*8/10 || d > min(base*12/10, maxBackoff) {
			t.Fatalf("delay %v for base %v outside ±20%%", d, base)
		}
		seen[d > base] = true
	}
	if !seen[true] || !seen[false] {
		t.Fatal("jitter does not spread both ways")
	}
}

func TestPacerRestoredLastDelaysFirstCall(t *testing.T) {
	p, c := newTestPacer(true, map[Endpoint]time.Time{EpUpload: clocktest.Epoch.Add(-20 * time.Second)})
	if d := p.NextSlot(EpUpload); d != 40*time.Second {
		t.Fatalf("NextSlot = %v, want 40s", d)
	}
	if at := send(t, p, c, EpUpload); !at.Equal(clocktest.Epoch.Add(40 * time.Second)) {
		t.Fatalf("first send at %v, want +40s", at.Sub(clocktest.Epoch))
	}
}

func TestPacerRestoredFutureLastIsClamped(t *testing.T) {
	p, _ := newTestPacer(true, map[Endpoint]time.Time{EpUpload: clocktest.Epoch.Add(24 * time.Hour)})
	if d := p.NextSlot(EpUpload); d != time.Minute {
		t.Fatalf("NextSlot = %v, want at most one interval", d)
	}
}

func TestPacerSnapshot(t *testing.T) {
	last := clocktest.Epoch.Add(-time.Hour)
	p, c := newTestPacer(true, map[Endpoint]time.Time{EpImport: last})
	send(t, p, c, EpList)
	p.NextSlot(EpStatus) // touching an endpoint does not invent a send
	got := p.Snapshot()
	if len(got) != 2 || !got[EpImport].Equal(last) || !got[EpList].Equal(clocktest.Epoch) {
		t.Fatalf("Snapshot = %v", got)
	}
}

func TestPacerCancelWhileWaiting(t *testing.T) {
	p, c := newTestPacer(true, nil)
	send(t, p, c, EpUpload)
	ctx, cancel := context.WithCancel(context.Background())
	done := goWait(ctx, p, EpUpload)
	clocktest.Block(t, c, 1)
	cancel()
	if err := clocktest.Await(t, done); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	c.Advance(time.Minute)
	if at := send(t, p, c, EpUpload); !at.Equal(clocktest.Epoch.Add(time.Minute)) {
		t.Fatalf("next send at %v: the cancelled wait must not use a slot", at.Sub(clocktest.Epoch))
	}
}

func TestPacerDoneContextReturnsAtOnce(t *testing.T) {
	p, _ := newTestPacer(true, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Wait(ctx, EpList); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if len(p.Snapshot()) != 0 {
		t.Fatal("a cancelled Wait recorded a send")
	}
}

// queued reports how many callers wait on ep.
func queued(p *Pacer, ep Endpoint) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.lane(ep).queue)
}

func waitQueued(p *Pacer, ep Endpoint, n int) {
	for queued(p, ep) < n {
		runtime.Gosched()
	}
}

func TestPacerServesWaitersInArrivalOrder(t *testing.T) {
	p, c := newTestPacer(true, nil)
	send(t, p, c, EpUpload)
	order := make(chan string, 3)
	for i, name := range []string{"A", "B", "C"} {
		go func() {
			if err := p.Wait(context.Background(), EpUpload); err == nil {
				order <- name
			}
		}()
		waitQueued(p, EpUpload, i+1)
	}
	for i, want := range []string{"A", "B", "C"} {
		clocktest.Block(t, c, 1)
		c.Advance(time.Minute)
		if got := clocktest.Await(t, order); got != want {
			t.Fatalf("slot %d went to %s, want %s", i+1, got, want)
		}
		if at := p.Snapshot()[EpUpload]; !at.Equal(clocktest.Epoch.Add(time.Duration(i+1) * time.Minute)) {
			t.Fatalf("%s sent at %v", want, at.Sub(clocktest.Epoch))
		}
	}
}

func TestPacerCancelledHeadPassesTheTurnOn(t *testing.T) {
	p, c := newTestPacer(true, nil)
	send(t, p, c, EpUpload)
	ctx, cancel := context.WithCancel(context.Background())
	first := goWait(ctx, p, EpUpload)
	waitQueued(p, EpUpload, 1)
	second := goWait(context.Background(), p, EpUpload)
	waitQueued(p, EpUpload, 2)
	cancel()
	if err := clocktest.Await(t, first); !errors.Is(err, context.Canceled) {
		t.Fatalf("first: %v", err)
	}
	clocktest.Block(t, c, 2) // the abandoned timer of the first and the new one of the second
	c.Advance(time.Minute)
	if err := clocktest.Await(t, second); err != nil {
		t.Fatal(err)
	}
	if at := p.Snapshot()[EpUpload]; !at.Equal(clocktest.Epoch.Add(time.Minute)) {
		t.Fatalf("second sent at %v, want +1m", at.Sub(clocktest.Epoch))
	}
}

func TestParseRateLimitsEnv(t *testing.T) {
	tests := map[string]bool{"": true, "on": true, "1": true, "yes": true, "whatever": true,
		"off": false, "OFF": false, " off ": false, "0": false, "false": false, "False": false, "no": false}
	for v, want := range tests {
		t.Run(v, func(t *testing.T) {
			if got := ParseRateLimitsEnv(v); got != want {
				t.Fatalf("ParseRateLimitsEnv(%q) = %v, want %v", v, got, want)
			}
		})
	}
}

// A person waiting (api.Impatient) goes past the back-off an outage left, at once, but never
// past a rate limit: that one the service asked for.
func TestImpatientRequestSkipsAnOutageBackoffNotARateLimit(t *testing.T) {
	p, c := newTestPacer(false, nil)
	for range 4 {
		p.Failed(EpList, 0) // an outage: the lane is held 8 s
	}
	impatient := api.Impatient(context.Background())
	if err := clocktest.Await(t, goWait(impatient, p, EpList)); err != nil {
		t.Fatal(err)
	}
	if at := p.Snapshot()[EpList]; !at.Equal(clocktest.Epoch) {
		t.Fatalf("impatient request sent at +%v, want at once", at.Sub(clocktest.Epoch))
	}
	p.Succeeded(EpList)
	p.RateLimited(EpList, 5*time.Second)
	done := goWait(impatient, p, EpList)
	clocktest.Block(t, c, 1)
	c.Advance(5 * time.Second)
	if err := clocktest.Await(t, done); err != nil {
		t.Fatal(err)
	}
	if at := p.Snapshot()[EpList]; at.Sub(clocktest.Epoch) < 5*time.Second {
		t.Fatalf("impatient request went through a rate limit at +%v", at.Sub(clocktest.Epoch))
	}
}
