package transfer

import (
	"context"
	"errors"
	"memories-desktop/backend/clock"
	"memories-desktop/backend/contract"
	"sync"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/applog"
	"memories-desktop/backend/events"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/progress"
	"memories-desktop/backend/store"
)

// Options configure an Engine. Zero values get production defaults.
type Options struct {
	DB          *store.DB
	Client      func() (*api.Client, error) // asked per job, so settings changes apply to new jobs
	Emitter     events.Emitter
	Clock       clock.Clock
	Concurrency int  // parallel jobs; default 2
	Proactive   bool // pace requests to the documented limits (MEMORIES_RATE_LIMITS=off clears it)
	Limits      map[pacing.Endpoint]pacing.Limit
	// Pacer, when given, is shared with the caller's other clients (one per profile) and saved
	// by the caller; else the engine builds one from Limits and the database and saves it on Close.
	Pacer       *pacing.Pacer
	StallAfter  time.Duration // fail a transfer that moves no byte for this long; default 2 min
	MaxAttempts int           // tries per job for transient failures; default 5
	TrackEvery  time.Duration // first status poll delay after an upload/import; default 5 s
	// RequestTimeout is how long the service may take to answer a request once it has the
	// whole body (the HTTP client's response timeout): after a crash, an upload is not sent
	// again until its earlier request is that long over. Default api.ResponseTimeout.
	RequestTimeout time.Duration
	// A download under MinSpeed bytes/s for SlowFor in all (over its attempts) fails; an attempt
	// with no byte for IdleRead is cut and retried. Defaults: 1 KiB/s, 1 min, 30 s (floor.go).
	MinSpeed int64
	SlowFor  time.Duration
	IdleRead time.Duration
	// LibraryScope names the scope whose indexing videos the library watcher follows
	// (indexwatch.go); nil turns the watcher off.
	LibraryScope func() string
	// Explain words the error a job that failed for good keeps, from its code and error: its
	// message and the catalogue ids it was worded from (WordJobError words it again on every
	// read). The words for people live in core, which supplies it; the default is the error's
	// own text.
	Explain func(code string, err error) contract.JobError
}

// Engine runs the persistent transfer queue: every job is in the database before its first
// request, so a crash loses nothing and a restart offers to resume.
type Engine struct {
	o        Options
	db       *store.DB
	pacer    *pacing.Pacer
	ownPacer bool // built here, so saved here
	reporter *progress.Reporter
	emit     events.Emitter

	mu      sync.Mutex
	running map[uint64]*runningJob
	wake    chan struct{}
	done    chan struct{} // closed and replaced whenever a job reaches a terminal state
	broken  error         // the first failed database write; see storeFailed
	ctx     context.Context
	stop    context.CancelFunc
	wg      sync.WaitGroup
	tracker *tracker
	line    lineup
	slots   map[uint64]Slot // under mu; see lineup.go

	indexWake chan struct{}
}

type runningJob struct {
	ctx    context.Context
	cancel context.CancelCauseFunc
	meter  *meter
	retry  *contract.RetryView // under Engine.mu; see retry.go
}

// New builds an engine; call Start to run it.
func New(o Options) *Engine {
	o = withDefaults(o)
	e := &Engine{o: o, db: o.DB, emit: o.Emitter, running: map[uint64]*runningJob{},
		wake: make(chan struct{}, 1), done: make(chan struct{}), indexWake: make(chan struct{}, 1)}
	e.pacer, e.ownPacer = o.Pacer, o.Pacer == nil
	if e.ownPacer {
		e.pacer = pacing.New(pacing.Options{Limits: o.Limits, Clock: o.Clock, Proactive: o.Proactive, Last: pacing.Load(o.DB)})
	}
	e.reporter = progress.NewReporter(progress.ReporterOptions{Clock: o.Clock, Emit: e.emitProgress,
		StallAfter: o.StallAfter, OnStall: e.stalled})
	e.tracker = newTracker(e)
	return e
}

func withDefaults(o Options) Options {
	if o.Clock == nil {
		o.Clock = clock.Real
	}
	if o.Emitter == nil {
		o.Emitter = events.Discard{}
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 2
	}
	if o.Limits == nil {
		o.Limits = pacing.DefaultLimits()
	}
	if o.StallAfter == 0 {
		o.StallAfter = 2 * time.Minute
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.Explain == nil {
		o.Explain = func(_ string, err error) contract.JobError { return contract.JobError{Message: err.Error()} }
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = api.ResponseTimeout
	}
	if o.TrackEvery <= 0 {
		o.TrackEvery = 5 * time.Second
	}
	return withFloorDefaults(o)
}

// Start marks jobs left running by a previous process as interrupted, then runs the scheduler,
// the progress reporter and the status tracker until Close.
func (e *Engine) Start(ctx context.Context) error {
	if err := e.markInterrupted(); err != nil {
		return err
	}
	e.ctx, e.stop = context.WithCancel(ctx)
	e.spawn(func() { e.reporter.Start(e.ctx) })
	e.spawn(e.schedule)
	e.spawn(e.tracker.run)
	e.spawn(e.watchIndexing)
	return nil
}

// spawn runs f in a goroutine that Close waits for. A panic in it is logged with its stack
// instead of ending the process (jobs turn theirs into a failure earlier, in runAttempt).
func (e *Engine) spawn(f func()) {
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		_ = applog.Guard("transfer engine", func() error { f(); return nil })
	}()
}

// Close stops every job; running ones are recorded as interrupted so the next start offers them.
func (e *Engine) Close() {
	if e.stop == nil {
		return
	}
	e.mu.Lock()
	for _, r := range e.running {
		r.cancel(errShutdown)
	}
	e.mu.Unlock()
	e.stop()
	e.wg.Wait()
	if e.ownPacer {
		pacing.Save(e.db, e.pacer)
	}
}

var errShutdown = errors.New("the app is closing")

// NextSlot tells how long until ep may send again, for "next upload slot in 0:43".
func (e *Engine) NextSlot(ep pacing.Endpoint) time.Duration { return e.pacer.NextSlot(ep) }

func (e *Engine) kick() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// Configure applies changed settings to a running engine: parallel jobs and proactive pacing.
func (e *Engine) Configure(concurrency int, proactive bool) {
	e.mu.Lock()
	if concurrency > 0 {
		e.o.Concurrency = concurrency
	}
	e.mu.Unlock()
	e.pacer.SetProactive(proactive)
	e.kick() // the scheduler's next fill refreshes every waiting job's slot
}

// Running reports how many jobs are transferring now (the app asks before closing).
func (e *Engine) Running() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.running)
}
