package core

import (
	"context"
	"os"
	"time"

	"memories-desktop/backend/events"
	"memories-desktop/backend/transfer"
)

// RateLimitsEnv set to "off" disables proactive pacing whatever the settings say.
const RateLimitsEnv = "MEMORIES_RATE_LIMITS"

// StartEngine starts the transfer engine, sending its events to emit, and applies the history
// retention setting.
func (c *Core) StartEngine(ctx context.Context, emit events.Emitter) error {
	s := c.Settings.Get()
	c.Engine = transfer.New(transfer.Options{DB: c.DB, Client: c.Client, Emitter: emit,
		Concurrency: s.Concurrency, Proactive: c.pacing(), RequestTimeout: responseTimeout()})
	if err := c.Engine.Start(ctx); err != nil {
		return err
	}
	c.prune()
	c.seedDemo()
	return nil
}

func (c *Core) pacing() bool {
	return c.Settings.Get().Pacing && transfer.ParseRateLimitsEnv(os.Getenv(RateLimitsEnv))
}

// prune deletes finished jobs older than the retention setting (0 keeps everything).
func (c *Core) prune() {
	if days := c.Settings.Get().HistoryDays; days > 0 {
		c.DB.PruneJobs(time.Now().AddDate(0, 0, -days))
	}
}

// ApplySettings pushes changed preferences into the running engine.
func (c *Core) ApplySettings() {
	if c.Engine != nil {
		c.Engine.Configure(c.Settings.Get().Concurrency, c.pacing())
	}
}
