package main

import (
	"context"
	"sync"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/events"
)

// Watch states, as Settings → Watch folders shows them.
const (
	watchStarting = "starting" // catching up with the folder
	watchRunning  = "running"
	watchPaused   = "paused"
	watchStopped  = "stopped" // not running (the app is switching profiles or quitting)
	watchFailed   = "error"   // could not start, or stopped on an error: see Error
)

// watchEmitDelay gathers a burst of watch events into one WatchChanged per watch.
const watchEmitDelay = 250 * time.Millisecond

// watchRunner runs the active profile's enabled watches in the background while the app is open
// (core.RunWatch, one goroutine each) and keeps what their events said for the watch list.
type watchRunner struct {
	ctx  context.Context // the app's: ends at quit
	svc  func() *core.Service
	emit events.Emitter

	mu      sync.Mutex
	runs    map[string]*watchRun
	pending map[string]bool // watches whose change is not told yet
	timer   *time.Timer     // set while some are pending
	closed  bool            // the app quits
}

// watchRun is one run of a watch and what it reported.
type watchRun struct {
	stop     context.CancelFunc
	done     chan struct{}
	state    string
	err      string // why it stopped or cannot start
	folders  int    // folders watched live
	limit    string // what happens to the folders over the inotify limit ("" when none is)
	problem  string // the folder is gone, or the latest error the watch went on after
	sawLimit bool   // a limit event came in the current scan
}

func newWatchRunner(ctx context.Context, svc func() *core.Service, emit events.Emitter) *watchRunner {
	return &watchRunner{ctx: ctx, svc: svc, emit: emit, runs: map[string]*watchRun{}, pending: map[string]bool{}}
}

// startAll starts every enabled watch of the active profile that does not run yet.
func (w *watchRunner) startAll() error {
	list, err := w.svc().ListWatches()
	if err != nil {
		return err
	}
	for _, s := range list {
		if !s.Paused {
			w.start(s.Name)
		}
	}
	return nil
}

// start runs the watch name unless it runs already.
func (w *watchRunner) start(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if r := w.runs[name]; r != nil && !r.ended() {
		return
	}
	ctx, stop := context.WithCancel(w.ctx)
	r := &watchRun{stop: stop, done: make(chan struct{}), state: watchStarting}
	w.runs[name] = r
	go func() {
		defer close(r.done)
		err := w.svc().RunWatch(ctx, name, contract.WatchRunOptions{Report: func(e contract.WatchEvent) { w.note(r, e) }})
		w.mu.Lock()
		r.state = watchStopped
		if err != nil {
			r.state, r.err = watchFailed, err.Error()
		}
		w.mu.Unlock()
		w.changed(name)
	}()
}

func (r *watchRun) ended() bool {
	select {
	case <-r.done:
		return true
	default:
		return false
	}
}

// stop stops the watch name and waits until it has saved its state; the record of the run goes.
func (w *watchRunner) stop(name string) {
	w.mu.Lock()
	r := w.runs[name]
	delete(w.runs, name)
	w.mu.Unlock()
	if r != nil {
		r.stop()
		<-r.done
	}
}

// stopAll stops every watch (a quit, a profile switch) and waits for each.
func (w *watchRunner) stopAll() {
	w.mu.Lock()
	runs := w.runs
	w.runs = map[string]*watchRun{}
	w.mu.Unlock()
	for _, r := range runs {
		r.stop()
	}
	for _, r := range runs {
		<-r.done
	}
}

// close stops every watch for good (the app quits): nothing is told to the page after it.
func (w *watchRunner) close() {
	w.stopAll()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	if w.timer != nil {
		w.timer.Stop()
	}
}

// note keeps what an event says about the run and tells the view, gathered.
func (w *watchRunner) note(r *watchRun, e contract.WatchEvent) {
	w.mu.Lock()
	switch e.Kind {
	case "started":
		r.state, r.folders = watchRunning, e.Folders
	case contract.WatchEvLimit:
		r.limit, r.sawLimit, r.folders = e.Detail, true, e.Folders
	case "scanned":
		if !r.sawLimit {
			r.limit = ""
		}
		r.sawLimit, r.folders = false, e.Folders
	case "gone", "error":
		r.problem = e.Detail
	case "back":
		r.problem = ""
	}
	w.mu.Unlock()
	w.changed(e.Watch)
}

// changed tells the view that name changed, once per burst (no timer runs while nothing happens).
func (w *watchRunner) changed(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pending[name] = true
	if w.timer == nil && !w.closed {
		w.timer = time.AfterFunc(watchEmitDelay, w.flush)
	}
}

func (w *watchRunner) flush() {
	w.mu.Lock()
	names := w.pending
	w.pending, w.timer = map[string]bool{}, nil
	w.mu.Unlock()
	for name := range names {
		w.emit.Emit(events.WatchChanged, name)
	}
}

// live is what the running side knows of a watch, for the list.
func (w *watchRunner) live(name string, paused bool) (state, errText string, folders int, limit, problem string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	r := w.runs[name]
	switch {
	case paused:
		return watchPaused, "", 0, "", ""
	case r == nil:
		return watchStopped, "", 0, "", ""
	}
	return r.state, r.err, r.folders, r.limit, r.problem
}
