package core

import (
	"context"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/conn"
	"memories-desktop/backend/contract/mode"
)

// Status reports the current connection mode and scope, and what requests have shown.
func (c *Service) Status() contract.Status {
	s := c.current()
	st := contract.Status{Mode: mode.Live, Scope: s.Scope, BaseURL: s.BaseURL, DataDir: c.dataDir, SandboxForced: c.forceSandbox}
	st.Profile = s.BaseURL
	if c.SandboxActive() {
		st.Mode, st.Profile = mode.Sandbox, mode.Sandbox
		c.health.snapshot(mode.Sandbox, &st)
		return st
	}
	key, err := c.apiKey()
	if err != nil || key == "" {
		st.Mode = mode.NoKey
		return st
	}
	c.health.snapshot(liveProfile(s.BaseURL, s.AssetBaseURL, key), &st)
	return st
}

// CheckConnection makes one cheap request in the background when nothing is known yet about the
// current live profile, so the status bar does not stay at "checking" until the user happens to
// do something. The desktop app calls it at start and after the key or endpoints change.
func (c *Service) CheckConnection() {
	st := c.Status()
	if st.Mode != mode.Live || st.Connection != conn.Checking {
		return
	}
	s := c.current()
	key, _ := c.apiKey()
	if _, started := c.probing.LoadOrStore(liveProfile(s.BaseURL, s.AssetBaseURL, key), struct{}{}); started {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if client, err := c.Client(); err == nil {
			probe(ctx, client, s.Scope) // the same call as a connection test, so both agree
		}
	}()
}
