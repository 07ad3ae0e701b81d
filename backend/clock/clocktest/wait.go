package clocktest

import (
	"context"
	"testing"
	"time"
)

// Epoch is a fixed start for fake clocks, so tests read the same times in every run.
var Epoch = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// Block waits until n timers are pending on c, failing the test instead of hanging when the
// code under test never gets there.
func Block(t testing.TB, c *Fake, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.BlockUntilContext(ctx, n); err != nil {
		t.Fatalf("waiting for %d pending timers: %v", n, err)
	}
}

// Await receives from ch, failing the test instead of hanging when nothing arrives.
func Await[T any](t testing.TB, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second): // a guard against a hang, not a sleep
		t.Fatal("nothing arrived")
		panic("unreachable")
	}
}

// WaitFor polls cond (a condition on real I/O or goroutines, not on a timer) for up to 20 s,
// failing the test when it never holds.
func WaitFor(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 20 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
