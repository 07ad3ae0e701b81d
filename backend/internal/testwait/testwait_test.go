package testwait

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestForReturnsOnceTheConditionHolds(t *testing.T) {
	var n atomic.Int32
	start := time.Now()
	For(t, func() bool { return n.Add(1) == 3 })
	if n.Load() != 3 || time.Since(start) > time.Second {
		t.Fatalf("polled %d times in %v", n.Load(), time.Since(start))
	}
}
