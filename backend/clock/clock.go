// Package clock is the one source of time for pacing, backoff, progress sampling and the stall
// watchdog, so tests can drive minutes of schedule with clocktest.Fake instead of sleeping.
package clock

import "time"

// Clock reads and waits on time.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
	NewTicker(d time.Duration) Ticker
}

// Ticker is the part of time.Ticker the engine uses, as an interface so a fake can stand in.
type Ticker interface {
	C() <-chan time.Time
	Stop()
}

// Real is the wall clock, used outside tests.
var Real Clock = realClock{}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
func (realClock) NewTicker(d time.Duration) Ticker       { return realTicker{time.NewTicker(d)} }

type realTicker struct{ t *time.Ticker }

func (r realTicker) C() <-chan time.Time { return r.t.C }
func (r realTicker) Stop()               { r.t.Stop() }
