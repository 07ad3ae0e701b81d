package core

import (
	"sync"

	"memories-desktop/backend/clock"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
)

// RateLimitsEnv set to "off" disables proactive pacing whatever the settings say.
const RateLimitsEnv = "MEMORIES_RATE_LIMITS"

// profilePacer holds the active profile's pacer: built on first use from the send times saved in
// the profile's database, shared by the engine and every client core hands out for the profile,
// and saved back when the profile closes (so the next process, app or CLI, keeps the spacing).
type profilePacer struct {
	mu    sync.Mutex
	dir   string
	db    *store.DB
	p     *pacing.Pacer
	clock clock.Clock // nil: the real clock; tests set a fake one
}

// pacing reports whether requests are spaced to the documented limits: the Settings switch,
// unless MEMORIES_RATE_LIMITS=off. Backoff after failures applies either way.
func (c *Service) pacing() bool {
	return c.current().Pacing && pacing.ParseRateLimitsEnv(c.getenv(RateLimitsEnv))
}

// pacerFor returns the pacer of the profile in dir: the shared one for the active profile, a
// fresh one (backoff only, nothing saved) for another, such as a connection test of settings
// not yet saved. A Service without databases (Options.NoDatabase) still shares one pacer for
// its profile, starting from nothing.
func (c *Service) pacerFor(dir string) *pacing.Pacer {
	pp := &c.pace
	pp.mu.Lock()
	defer pp.mu.Unlock()
	opts := pacing.Options{Limits: pacing.DefaultLimits(), Clock: pp.clock, Proactive: c.pacing()}
	if dir != pp.dir || dir == "" {
		return pacing.New(opts)
	}
	if pp.p == nil {
		if pp.db != nil {
			opts.Last = pacing.Load(pp.db)
		}
		pp.p = pacing.New(opts)
	}
	return pp.p
}

// activePacer is the active profile's pacer.
func (c *Service) activePacer() *pacing.Pacer { return c.pacerFor(c.pace.activeDir()) }

func (pp *profilePacer) activeDir() string {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	return pp.dir
}

// switchTo saves the old profile's send times into its database, which is still open, and makes
// dir (with db) the profile whose pacer is handed out.
func (pp *profilePacer) switchTo(dir string, db *store.DB) {
	if pp.same(dir, db) {
		return
	}
	pp.save()
	pp.mu.Lock()
	defer pp.mu.Unlock()
	pp.dir, pp.db, pp.p = dir, db, nil
}

func (pp *profilePacer) same(dir string, db *store.DB) bool {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	return pp.dir == dir && pp.db == db
}

// save writes the active pacer's send times into its profile's database.
func (pp *profilePacer) save() {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	if pp.p != nil && pp.db != nil {
		pacing.Save(pp.db, pp.p)
	}
}

// profileDirOf is the profile folder settings s select.
func (c *Service) profileDirOf(s contract.Settings) string {
	return settings.ProfileDir(c.dataDir, c.forceSandbox || s.Sandbox, s.BaseURL, s.AssetBaseURL)
}
