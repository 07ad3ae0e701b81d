package pacing

import (
	"context"
	"testing"
	"time"

	"memories-desktop/backend/clock/clocktest"
)

var epoch = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// block waits until n timers are pending on c, failing the test instead of hanging when the
// code under test never gets there.
func block(t *testing.T, c *clocktest.Fake, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.BlockUntilContext(ctx, n); err != nil {
		t.Fatalf("waiting for %d pending timers: %v", n, err)
	}
}

// await receives from ch, failing the test instead of hanging when nothing arrives.
func await[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second): // a guard against a hang, not a sleep
		t.Fatal("nothing arrived")
		panic("unreachable")
	}
}
