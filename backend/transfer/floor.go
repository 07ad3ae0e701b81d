package transfer

import (
	"context"
	"sync/atomic"
	"time"

	"memories-desktop/backend/progress"
)

// errIdle cuts one download attempt that received nothing for Options.IdleRead; the attempt is
// retried while the slow budget lasts (progress.ErrTooSlow ends the job).
var errIdle = progress.ErrIdle

// watchSpeed holds one download attempt to the speed floor and the idle-read limit of the
// engine's options. The returned context is the attempt's; pass the attempt's error to end.
func (e *Engine) watchSpeed(ctx context.Context, m *meter) (context.Context, func(error) error) {
	f := progress.Floor{MinSpeed: e.o.MinSpeed, SlowFor: e.o.SlowFor, IdleRead: e.o.IdleRead, Clock: e.o.Clock}
	return f.Watch(ctx, m.Meter)
}

// meter is a job's progress meter plus the engine's own mark of a job waiting in line at the
// pacer for its endpoint's slot (lineup.go); only call sets it.
type meter struct {
	*progress.Meter
	inLine atomic.Bool
}

func newMeter(id uint64) *meter { return &meter{Meter: progress.NewMeter(id, -1)} }

func withFloorDefaults(o Options) Options {
	if o.MinSpeed <= 0 {
		o.MinSpeed = 1024
	}
	if o.SlowFor <= 0 {
		o.SlowFor = time.Minute
	}
	if o.IdleRead <= 0 {
		o.IdleRead = 30 * time.Second
	}
	return o
}
