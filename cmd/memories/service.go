package main

import (
	"context"
	"errors"
	"flag"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/version"
)

// common are the flags every API command takes. Flags override the environment, which
// overrides what Memories Desktop saved (core resolves them; the key is never a flag).
type common struct {
	json         bool
	scope        string
	scopeGiven   bool // --scope was on the command line, even as ""
	baseURL      string
	assetBaseURL string
	dataDir      string
}

func (o *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&o.json, "json", false, "flag.service.json")
	fs.Func("scope", "flag.service.scope", func(v string) error {
		o.scope, o.scopeGiven = v, true
		return nil
	})
	fs.StringVar(&o.baseURL, "base-url", "", "flag.service.base-url")
	fs.StringVar(&o.assetBaseURL, "asset-base-url", "", "flag.service.asset-base-url")
	fs.StringVar(&o.dataDir, "data-dir", "", "flag.service.data-dir")
}

// lockWait is how long a command waits for Memories Desktop (or another command) to let the
// data folder go before saying so.
const lockWait = 2 * time.Second

// options are the core.Service options of one command: the CLI's environment, flags and name.
func (o *common) options(c *cli) core.Options {
	return core.Options{Headless: true, Command: c.command, Getenv: c.getenv, OpenTimeout: lockWait, Clock: c.clock,
		UserAgent: "memories-cli/" + version.Version,
		Overrides: core.Overrides{BaseURL: o.baseURL, AssetBaseURL: o.assetBaseURL, Scope: o.scope, ScopeSet: o.scopeGiven}}
}

// home finds the data folder and starts the log in it.
func (o *common) home(c *cli) (string, error) {
	dir, err := core.ResolveDataDir(o.dataDir, c.getenv)
	if err == nil {
		c.openLog(dir)
	}
	return dir, err
}

// session is one command's core.Service and where it prints.
type session struct {
	svc *core.Service
	out *printer
}

// open builds the command's core.Service over the data folder. With needKey, a configuration
// that could only fail (no key, a bad endpoint) is refused before anything is queued or sent.
func (o *common) open(c *cli, needKey bool) (*session, error) { return o.openWith(c, needKey, false) }

// openRemote is open for commands that only ask the server (list, status): no database is
// opened, so they work while Memories Desktop holds the data folder.
func (o *common) openRemote(c *cli) (*session, error) { return o.openWith(c, true, true) }

func (o *common) openWith(c *cli, needKey, noDatabase bool) (*session, error) {
	dir, err := o.home(c)
	if err != nil {
		return nil, err
	}
	out := newPrinter(c, o.json)
	opts := o.options(c)
	opts.Emitter, opts.NoDatabase = newCLIEmitter(out), noDatabase
	svc, err := core.Start(dir, opts)
	if err == nil && needKey {
		if err = svc.CheckConfig(); err != nil {
			svc.Close()
		}
	}
	if err != nil {
		return nil, startError(err, dir)
	}
	return &session{svc: svc, out: out}, nil
}

// startError says what stopped a command before it began, in the CLI's terms.
func startError(err error, dir string) error {
	var ce *core.ConfigError
	switch {
	case errors.As(err, &ce):
		return usagef("%s", ce.Message)
	case errors.Is(err, contract.ErrLocked):
		return lockedError(dir)
	}
	return err
}

func lockedError(dir string) error { return &core.InUseError{Dir: dir} }

// start starts the transfer engine with the CLI's progress display.
func (s *session) start(ctx context.Context) error { return s.svc.StartEngine(ctx) }

func (s *session) close() { s.svc.Close() }

// run waits for jobs, prints one line per job, and returns errReported when any did not finish.
func (s *session) run(ctx context.Context, ids []uint64) error {
	jobs, err := s.svc.WaitJobs(ctx, ids...)
	if err != nil && ctx.Err() == nil {
		return err // the database failed: a damaged file names itself and the way out
	}
	if err != nil {
		s.out.note("%s", tr("session.stopped"))
		return errReported
	}
	failed := false
	for _, j := range jobs {
		if !printJob(s.out, j) {
			failed = true
		}
	}
	if failed {
		return errReported
	}
	return nil
}
