package progress

import (
	"math"
	"memories-desktop/backend/contract"
	"time"
)

// Speed is an exponential moving average with time constant speedTau: it follows a steady rate
// within about 2 s whatever the sampling interval. A meter that has not moved for idleAfter
// reports speed 0 and an unknown ETA. ETAs beyond maxETA are reported as unknown.
const (
	speedTau  = 500 * time.Millisecond
	idleAfter = 3 * time.Second
	maxETA    = 1 << 31 // seconds, about 68 years
)

// nextSpeed folds the rate over the last dt into the average. Counts going backwards (a restart
// from zero) are rate 0, never a negative speed.
func nextSpeed(prev, delta float64, dt, idle time.Duration) float64 {
	if idle >= idleAfter {
		return 0
	}
	if dt <= 0 {
		return prev
	}
	rate := max(delta, 0) / dt.Seconds()
	a := 1 - math.Exp(-dt.Seconds()/speedTau.Seconds())
	return finite(prev + a*(rate-prev))
}

func makeProgress(id uint64, done, total int64, speed float64) contract.Progress {
	p := contract.Progress{ID: id, Done: max(done, 0), Total: max(total, -1), Speed: math.Round(speed), ETA: -1}
	if total > 0 {
		p.Percent = min(100, 100*float64(p.Done)/float64(total))
		p.ETA = eta(total-p.Done, p.Speed)
	}
	return p
}

// eta is the whole seconds left for remaining bytes at speed, or -1 when it cannot be told.
func eta(remaining int64, speed float64) int64 {
	if remaining <= 0 {
		return 0
	}
	if speed < 1 {
		return -1
	}
	s := math.Ceil(float64(remaining) / speed)
	if s > maxETA {
		return -1
	}
	return int64(s)
}

// finite maps NaN and ±Inf to 0, the last guard before a value reaches JSON.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
