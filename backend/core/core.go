// Package core composes the backend services that the desktop app and the CLI share: settings,
// key storage and the database, opened once per data folder.
package core

import (
	"context"
	"fmt"
	"sync"
	"time"

	"memories-desktop/backend/events"
	"memories-desktop/backend/preview"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// Service is the one façade the desktop app and the CLI use: the long-lived services for one data
// folder.
type Service struct {
	DataDir  string
	Settings *settings.Service

	// home is the data folder's own database: always open, so its lock keeps a second process
	// away whichever profile is active. db is the active profile's (home for the default one).
	home *store.DB
	mu   sync.RWMutex
	db   *store.DB
	eng  *transfer.Engine // set by StartEngine
	dir  string           // the active profile's folder

	runCtx   context.Context // what StartEngine was given, for engines of later profiles
	emitter  events.Emitter
	Previews *preview.Registry // local files the webview may load, by opaque id

	forceSandbox bool
	sandbox      emulator
	health       health
	probing      sync.Map // profile → struct{}: a connection check was started for it
	openTimeout  time.Duration
	pace         profilePacer // the active profile's pacer (pacer.go)
}

// Options tune Start; zero values mean production defaults.
type Options struct {
	OpenTimeout  time.Duration        // how long to wait for the database lock
	Secrets      settings.SecretStore // nil: the OS keychain, else a 0600 file
	ForceSandbox bool                 // use the local emulator whatever the settings say
}

// Start opens the data folder and the active profile's database. It fails fast with
// store.ErrLocked when another process holds it.
func Start(dataDir string, opts Options) (*Service, error) {
	if opts.OpenTimeout == 0 {
		opts.OpenTimeout = store.DefaultOpenTimeout
	}
	home, err := store.Open(dataDir, opts.OpenTimeout)
	if err != nil {
		return nil, err
	}
	if opts.Secrets == nil {
		opts.Secrets = settings.NewSecretStore(dataDir)
	}
	svc, err := settings.Open(dataDir, opts.Secrets)
	if err != nil {
		home.Close()
		return nil, err
	}
	c := &Service{DataDir: dataDir, Settings: svc, home: home, db: home, dir: dataDir, Previews: preview.NewRegistry(),
		forceSandbox: opts.ForceSandbox, openTimeout: opts.OpenTimeout}
	c.sandbox.dir, c.sandbox.parseDelay = settings.ProfileDir(dataDir, true, "", ""), 8*time.Second
	if err := c.openProfile(c.profileDir()); err != nil {
		home.Close()
		return nil, err
	}
	return c, nil
}

// DB is the active profile's database.
func (c *Service) DB() *store.DB {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.db
}

// Engine is the active profile's transfer engine (nil before StartEngine).
func (c *Service) Engine() *transfer.Engine {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.eng
}

// Close stops the engine and releases the databases so another process may open them.
func (c *Service) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.eng != nil {
		c.eng.Close()
		c.eng = nil
	}
	c.sandbox.close()
	c.pace.save()
	if c.db != c.home {
		c.db.Close()
	}
	if err := c.home.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}
