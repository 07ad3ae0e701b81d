package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/sandbox"
)

// advanceUntilDone moves the fake clock on whenever the run waits for the pacer, until it ends.
func advanceUntilDone(t *testing.T, fake *clocktest.Fake, done <-chan runResult) runResult {
	t.Helper()
	for range 20 {
		ctx, cancel := context.WithCancel(context.Background())
		waiting := make(chan struct{})
		go func() {
			if fake.BlockUntilContext(ctx, 1) == nil {
				close(waiting)
			}
		}()
		select {
		case r := <-done:
			cancel()
			return r
		case <-waiting:
			cancel()
			fake.Advance(5 * time.Second)
		case <-time.After(20 * time.Second): // a guard against a hang, not a sleep
			cancel()
			t.Fatal("the run neither ended nor waited")
		}
	}
	t.Fatal("the run kept waiting")
	return runResult{}
}

// A search in a 0429 storm backs off, retries a bounded number of times and then says so; a
// search of an account without credits is sent once and says what to do.
func TestSearchInA429StormAndWithoutCredits(t *testing.T) {
	e, _, _ := searchEnv(t)
	e.sb.SetFaults(sandbox.Faults{RateLimitAfter: 1})
	e.sandboxClient(t).ListScopes(context.Background()) // uses the one allowed call
	calls := e.sb.Stats().Calls
	fake := clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	r := advanceUntilDone(t, fake, e.pacedRun(fake, "search", "--json", "beach"))
	if r.code != exitFailed || r.stdout != "" || !strings.Contains(strings.ToLower(r.stderr), "rate") {
		t.Fatalf("storm: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if n := e.sb.Stats().Calls - calls; n != 4 {
		t.Fatalf("the storm saw %d searches, want the first and 3 retries", n)
	}
	e.sb.SetFaults(sandbox.Faults{NoCredits: true})
	calls = e.sb.Stats().Calls
	r = e.run("", "search", "--json", "--refresh", "beach").want(t, exitFailed)
	if r.stdout != "" || !strings.Contains(strings.ToLower(r.stderr), "credit") || e.sb.Stats().Calls != calls+1 {
		t.Fatalf("0402: stdout %q, stderr %q, %d calls", r.stdout, r.stderr, e.sb.Stats().Calls-calls)
	}
}
