// Package core is the one façade of the backend: the desktop app (package main) and the memories
// CLI (cmd/memories) each build a Service over a data folder, with their own event emitter and
// dialogs, and call only its methods. It composes settings, key storage, the databases, the API
// client and the transfer engine; the front ends import no other backend package but the
// vocabulary ones (see frontend_graph_test.go).
package core

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/clock"
	"memories-desktop/backend/events"
	"memories-desktop/backend/preview"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// Service is the one façade the desktop app and the CLI use: the long-lived services for one data
// folder. It has no exported fields; everything goes through its methods.
type Service struct {
	dataDir string
	prefs   *settings.Service
	over    overrides // what a headless front end set over the saved settings

	// home is the data folder's own database: always open, so its lock keeps a second process
	// away whichever profile is active. db is the active profile's (home for the default one).
	home *store.DB
	mu   sync.RWMutex
	db   *store.DB
	eng  *transfer.Engine // set by StartEngine
	dir  string           // the active profile's folder

	runCtx   context.Context // what StartEngine was given, for engines of later profiles
	emitter  events.Emitter
	dialogs  Dialogs
	previews *preview.Registry // local files the webview may load, by opaque id

	getenv       func(string) string
	userAgent    string
	timeout      time.Duration // how long a sent request waits for its answer
	http         *http.Client  // nil: the API client's shared default
	forceSandbox bool
	sandbox      emulator
	health       health
	probing      sync.Map // profile → struct{}: a connection check was started for it
	openTimeout  time.Duration
	pace         profilePacer // the active profile's pacer (pacer.go)
	watching     sync.Map     // watch name → *watchRun while RunWatch runs it
	notes        notes        // desktop notifications of watches (watch_notify.go)
}

// Options say how a front end wants its Service; zero values mean the desktop app's defaults.
type Options struct {
	OpenTimeout  time.Duration        // how long to wait for the database lock
	Secrets      settings.SecretStore // nil: the OS keychain, else a 0600 file
	ForceSandbox bool                 // use the local emulator whatever the settings say
	Emitter      events.Emitter       // where the engine and the library report; nil: nowhere
	Dialogs      Dialogs              // the front end's native dialogs; nil: none (they refuse)
	Getenv       func(string) string  // the environment; nil: the process's
	// Headless front ends (the CLI) take the key and endpoints from flags and the environment
	// before the saved settings, and never follow the app's sandbox switch.
	Headless bool
	// Command is the CLI command being run ("watch"), named to a process that finds the data
	// folder held by it.
	Command   string
	Overrides Overrides
	UserAgent string // "": the API client's default
	// NoDatabase opens neither database: for front ends that only ask the server (the CLI's list
	// and status), which must work while the app holds the data folder. Nothing that needs the
	// queue or history may be called then.
	NoDatabase bool
	Clock      clock.Clock // the pacer's clock; nil: the real one (tests set a fake)
}

// Start opens the data folder and the active profile's database. It fails fast with
// store.ErrLocked when another process holds it.
func Start(dataDir string, opts Options) (*Service, error) {
	opts = withDefaults(opts)
	timeout, hc, err := responseTimeout(opts.Getenv(api.ResponseTimeoutEnv))
	if err != nil && opts.Headless {
		return nil, err // the app ignores a bad value; the CLI says so before sending anything
	}
	if opts.Secrets == nil {
		opts.Secrets = &lazySecrets{dir: dataDir}
	}
	prefs, err := settings.Open(dataDir, opts.Secrets)
	if err != nil {
		return nil, fmt.Errorf("read the app's settings: %w", err)
	}
	c := &Service{dataDir: dataDir, prefs: prefs, previews: preview.NewRegistry(), emitter: opts.Emitter,
		dialogs: opts.Dialogs, getenv: opts.Getenv, userAgent: opts.UserAgent, timeout: timeout, http: hc,
		forceSandbox: opts.ForceSandbox, openTimeout: opts.OpenTimeout}
	if c.over, err = resolveOverrides(opts, prefs.Get()); err != nil {
		return nil, err
	}
	c.sandbox.dir, c.sandbox.parseDelay = settings.ProfileDir(dataDir, true, "", ""), 8*time.Second
	c.pace.clock = opts.Clock
	if opts.NoDatabase {
		c.dir = c.profileDir()
		c.pace.switchTo(c.dir, nil)
		return c, nil
	}
	if err := c.openDatabases(); err != nil {
		return nil, err
	}
	c.claimHolder(opts.Headless, opts.Command)
	return c, nil
}

func withDefaults(opts Options) Options {
	if opts.OpenTimeout == 0 {
		opts.OpenTimeout = store.DefaultOpenTimeout
	}
	if opts.Getenv == nil {
		opts.Getenv = getenv
	}
	if opts.Dialogs == nil {
		opts.Dialogs = noDialogs{}
	}
	if opts.Emitter == nil {
		opts.Emitter = events.Discard{}
	}
	return opts
}

// openDatabases opens the data folder's database, then the active profile's.
func (c *Service) openDatabases() error {
	home, err := store.Open(c.dataDir, c.openTimeout)
	if err != nil {
		return err
	}
	c.home, c.db, c.dir = home, home, c.dataDir
	if err := c.openProfile(c.profileDir()); err != nil {
		home.Close()
		return err
	}
	return nil
}

// DataDir is the data folder the Service was started on.
func (c *Service) DataDir() string { return c.dataDir }

// activeDB is the active profile's database.
func (c *Service) activeDB() *store.DB {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.db
}

// engine is the active profile's transfer engine (nil before StartEngine).
func (c *Service) engine() *transfer.Engine {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.eng
}

// Close stops the engine and releases the databases so another process may open them.
func (c *Service) Close() error {
	c.stopWatches()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.eng != nil {
		c.eng.Close()
		c.eng = nil
	}
	c.sandbox.close()
	c.closeNotes()
	c.pace.save()
	if c.home == nil {
		return nil // started without databases
	}
	if c.db != c.home {
		c.db.Close()
	}
	c.releaseHolder()
	if err := c.home.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}
