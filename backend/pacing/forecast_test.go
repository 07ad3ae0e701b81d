package pacing

import (
	"context"
	"memories-desktop/backend/clock/clocktest"
	"testing"
	"time"
)

// The forecast is the pacer's own schedule: the next slot, then one interval apart.
func TestPacerForecastFollowsTheSlots(t *testing.T) {
	p, c := newTestPacer(true, nil)
	last := send(t, p, c, EpUpload)
	c.Advance(20 * time.Second)
	got := p.Forecast(EpUpload, 3)
	for i, want := range []time.Duration{time.Minute, 2 * time.Minute, 3 * time.Minute} {
		if !got[i].Equal(last.Add(want)) {
			t.Fatalf("forecast[%d] = %v, want %v", i, got[i].Sub(last), want)
		}
	}
}

// Without proactive pacing nothing waits for a slot, but a backoff hold still counts.
func TestPacerForecastWithoutPacingKeepsTheHold(t *testing.T) {
	p, c := newTestPacer(false, nil)
	send(t, p, c, EpUpload)
	if got := p.Forecast(EpUpload, 2); !got[0].Equal(c.Now()) || !got[1].Equal(c.Now()) {
		t.Fatalf("unpaced forecast %v, want now twice", got)
	}
	p.Failed(EpUpload, 0) // 1 s backoff (mid jitter)
	if got := p.Forecast(EpUpload, 2); got[1].Sub(c.Now()) != time.Second {
		t.Fatalf("forecast after a failure %v, want now+1s", got[1].Sub(c.Now()))
	}
}

// Turning pacing off releases a waiter at once: no clock advance is needed.
func TestPacerTurnedOffReleasesTheWaiter(t *testing.T) {
	p, c := newTestPacer(true, nil)
	send(t, p, c, EpUpload)
	done := goWait(context.Background(), p, EpUpload)
	clocktest.Block(t, c, 1)
	p.SetProactive(false)
	if err := clocktest.Await(t, done); err != nil {
		t.Fatalf("Wait after pacing was turned off: %v", err)
	}
}
