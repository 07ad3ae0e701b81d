package core

import (
	"memories-desktop/backend/events"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// profileDir is the folder of the profile the settings select now.
func (c *Service) profileDir() string {
	return c.profileDirOf(c.current())
}

// openProfile makes dir's database the active one; call before any engine runs on it.
func (c *Service) openProfile(dir string) error {
	if dir == c.dir {
		c.pace.switchTo(dir, c.db) // the first profile opened, at start
		return nil
	}
	db := c.home
	if dir != c.dataDir {
		var err error
		if db, err = store.Open(dir, c.openTimeout); err != nil {
			return err
		}
	}
	c.pace.switchTo(dir, db) // saves the old profile's pacer while its database is open
	if c.db != c.home {
		c.db.Close()
	}
	c.db, c.dir = db, dir
	return nil
}

// switchProfile moves to the profile the settings now select, if it changed: the old profile's
// running jobs are stopped (interrupted, offered again when it is active again), its database
// closed, and the new one's queue started. Its running watches are stopped; the front end starts
// the new profile's.
func (c *Service) switchProfile() error {
	dir := c.profileDir()
	c.mu.RLock()
	same := dir == c.dir
	c.mu.RUnlock()
	if same {
		return nil
	}
	c.stopWatches() // the watches of the old profile save their state in its database first
	c.mu.Lock()
	defer c.mu.Unlock()
	if dir == c.dir {
		return nil
	}
	if c.eng != nil {
		c.eng.Close()
	}
	if err := c.openProfile(dir); err != nil {
		c.startEngineLocked() // keep the old profile running rather than none
		return err
	}
	if c.eng == nil {
		return nil
	}
	err := c.startEngineLocked()
	if c.emitter != nil {
		c.emitter.Emit(events.LibraryChanged, c.current().Scope)
	}
	return err
}

// startEngineLocked starts an engine over the active database; call with mu held.
func (c *Service) startEngineLocked() error {
	eng := transfer.New(transfer.Options{DB: c.db, Client: c.Client, Emitter: c.emitter,
		Concurrency: c.current().Concurrency, Proactive: c.pacing(), Pacer: c.activePacer(),
		LibraryScope: func() string { return c.current().Scope }, RequestTimeout: c.timeout,
		Explain: FailedJobError})
	if err := eng.Start(c.runCtx); err != nil {
		return err
	}
	c.eng = eng
	return nil
}
