package clock

import (
	"testing"
	"time"
)

func TestReal(t *testing.T) {
	before := time.Now()
	if now := Real.Now(); now.Before(before) {
		t.Fatalf("Real.Now %v is before %v", now, before)
	}
	<-Real.After(time.Millisecond)
	ticker := Real.NewTicker(time.Millisecond)
	<-ticker.C()
	ticker.Stop()
}
