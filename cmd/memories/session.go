package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/core"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// session is one command's use of the shared data folder: its database (history and queue) and
// a transfer engine over it.
type session struct {
	cfg *config
	db  *profileDB
	eng *transfer.Engine
}

const lockWait = 2 * time.Second

// profileDB is the database of the endpoints' profile. The data folder's own database is held
// open beside it, as the app does, so the app and the CLI still use a data folder one at a time.
type profileDB struct {
	*store.DB
	home *store.DB
}

// Close releases both databases.
func (p *profileDB) Close() error {
	err := p.DB.Close()
	if p.home != p.DB {
		p.home.Close()
	}
	return err
}

// openDB opens the data folder's database and the profile's in profileDir, failing within a few
// seconds when Memories Desktop (or another memories command) holds them.
func openDB(dataDir, profileDir string) (*profileDB, error) {
	home, err := openOne(dataDir)
	if err != nil || profileDir == dataDir {
		return &profileDB{DB: home, home: home}, err
	}
	db, err := openOne(profileDir)
	if err != nil {
		home.Close()
		return nil, err
	}
	return &profileDB{DB: db, home: home}, nil
}

func openOne(dir string) (*store.DB, error) {
	db, err := store.Open(dir, lockWait)
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("Memories Desktop or another memories command is using %s; close it and try again "+
			"(or set MEMORIES_DATA_DIR to use another folder)", dir)
	}
	return db, err
}

// startSession opens the database and starts the engine with the CLI's progress display.
func startSession(ctx context.Context, c *cli, cfg *config) (*session, error) {
	db, err := openDB(cfg.homeDir, cfg.dataDir)
	if err != nil {
		return nil, err
	}
	cfg.pacer = newPacer(c, pacing.Load(db.DB))
	cfg.client = cfg.client.WithGate(cfg.pacer.Gate())
	eng := transfer.New(transfer.Options{
		DB:      db.DB,
		Client:  func() (*api.Client, error) { return cfg.client, nil },
		Emitter: newCLIEmitter(cfg.out),
		Pacer:   cfg.pacer,
		// Uploads resumed after a crash wait as long as the earlier request could still arrive.
		RequestTimeout: cfg.responseTimeout,
		Explain:        core.FailedJobMessage,
	})
	if err := eng.Start(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return &session{cfg: cfg, db: db, eng: eng}, nil
}

// newPacer builds the CLI's pacer, with the send times last restored from the profile database.
func newPacer(c *cli, last map[pacing.Endpoint]time.Time) *pacing.Pacer {
	return pacing.New(pacing.Options{Limits: pacing.DefaultLimits(), Clock: c.clock,
		Proactive: pacing.ParseRateLimitsEnv(c.getenv("MEMORIES_RATE_LIMITS")), Last: last})
}

func (s *session) close() {
	s.eng.Close()
	pacing.Save(s.db.DB, s.cfg.pacer) // the next command keeps the spacing
	s.db.Close()
}

// run waits for jobs, prints one line per job, and returns errReported when any did not finish.
func (s *session) run(ctx context.Context, ids []uint64) error {
	jobs, err := s.eng.Wait(ctx, ids...)
	if err != nil && ctx.Err() == nil {
		return err // the database failed: a damaged file names itself and the way out
	}
	if err != nil {
		s.cfg.out.note("stopped; unfinished transfers are kept: run `memories resume` to finish them")
		return errReported
	}
	failed := false
	for _, j := range jobs {
		if !printJob(s.cfg.out, j) {
			failed = true
		}
	}
	if failed {
		return errReported
	}
	return nil
}
