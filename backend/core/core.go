// Package core composes the backend services that the desktop app and the CLI share: settings,
// key storage and the database, opened once per data folder.
package core

import (
	"fmt"
	"time"

	"memories-desktop/backend/preview"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// Core owns the long-lived services for one data folder.
type Core struct {
	DataDir  string
	Settings *settings.Service
	DB       *store.DB
	Engine   *transfer.Engine  // set by StartEngine
	Previews *preview.Registry // local files the webview may load, by opaque id

	forceSandbox bool
	sandbox      emulator
}

// Options tune Start; zero values mean production defaults.
type Options struct {
	OpenTimeout  time.Duration        // how long to wait for the database lock
	Secrets      settings.SecretStore // nil: the OS keychain, else a 0600 file
	ForceSandbox bool                 // use the local emulator whatever the settings say
}

// Start opens the data folder. It fails fast with store.ErrLocked when another process holds it.
func Start(dataDir string, opts Options) (*Core, error) {
	if opts.OpenTimeout == 0 {
		opts.OpenTimeout = store.DefaultOpenTimeout
	}
	db, err := store.Open(dataDir, opts.OpenTimeout)
	if err != nil {
		return nil, err
	}
	if opts.Secrets == nil {
		opts.Secrets = settings.NewSecretStore(dataDir)
	}
	svc, err := settings.Open(dataDir, opts.Secrets)
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Core{DataDir: dataDir, Settings: svc, DB: db, Previews: preview.NewRegistry(),
		forceSandbox: opts.ForceSandbox}, nil
}

// Close releases the database so another process may open it.
func (c *Core) Close() error {
	if c.Engine != nil {
		c.Engine.Close()
	}
	c.sandbox.close()
	if err := c.DB.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}
