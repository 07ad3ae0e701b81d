// Package testwait is the tests' one way to wait for something real (a file, a job state, a
// request) to happen: poll a condition, never sleep a fixed time.
package testwait

import (
	"testing"
	"time"
)

// Limit is how long For waits before failing the test.
const Limit = 20 * time.Second

// For polls cond every 10 ms until it holds, failing the test after Limit.
func For(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(Limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met within %v", Limit)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
