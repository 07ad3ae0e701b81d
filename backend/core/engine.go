package core

import (
	"context"
	"time"

	"memories-desktop/backend/events"
)

// StartEngine starts the transfer engine, sending its events to the front end's emitter, and
// applies the history retention setting.
func (c *Service) StartEngine(ctx context.Context) error {
	c.health.notify(func() { c.emitter.Emit(events.StatusChanged, c.Status()) })
	c.mu.Lock()
	c.runCtx = ctx
	err := c.startEngineLocked()
	c.mu.Unlock()
	if err != nil {
		return err
	}
	c.prune()
	c.seedDemo()
	c.seedDemoVideos()
	return nil
}

// prune deletes finished jobs older than the retention setting (0 keeps everything).
func (c *Service) prune() {
	if days := c.current().HistoryDays; days > 0 {
		c.activeDB().PruneJobs(time.Now().AddDate(0, 0, -days))
	}
}

// ApplySettings moves to another profile when the sandbox switch or the endpoints changed, and
// pushes changed preferences into the running engine.
func (c *Service) ApplySettings() error {
	err := c.switchProfile()
	c.activePacer().SetProactive(c.pacing())
	if eng := c.engine(); eng != nil {
		eng.Configure(c.current().Concurrency, c.pacing())
	}
	return err
}
