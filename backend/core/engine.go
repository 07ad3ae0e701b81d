package core

import (
	"context"
	"time"

	"memories-desktop/backend/events"
)

// StartEngine starts the transfer engine, sending its events to emit, and applies the history
// retention setting.
func (c *Service) StartEngine(ctx context.Context, emit events.Emitter) error {
	c.health.notify(func() { emit.Emit(events.StatusChanged, c.Status()) })
	c.mu.Lock()
	c.runCtx, c.emitter = ctx, emit
	err := c.startEngineLocked()
	c.mu.Unlock()
	if err != nil {
		return err
	}
	c.prune()
	c.seedDemo()
	c.seedDemoVideos(ctx)
	return nil
}

// prune deletes finished jobs older than the retention setting (0 keeps everything).
func (c *Service) prune() {
	if days := c.Settings.Get().HistoryDays; days > 0 {
		c.DB().PruneJobs(time.Now().AddDate(0, 0, -days))
	}
}

// ApplySettings moves to another profile when the sandbox switch or the endpoints changed, and
// pushes changed preferences into the running engine.
func (c *Service) ApplySettings() error {
	err := c.switchProfile()
	c.activePacer().SetProactive(c.pacing())
	if eng := c.Engine(); eng != nil {
		eng.Configure(c.Settings.Get().Concurrency, c.pacing())
	}
	return err
}
