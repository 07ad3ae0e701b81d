package watch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"github.com/fsnotify/fsnotify"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/store"
)

func withDefaults(o contract.WatchRunOptions) contract.WatchRunOptions {
	if o.Rescan <= 0 {
		o.Rescan = 10 * time.Minute
	}
	if o.LimitedRescan <= 0 {
		o.LimitedRescan = time.Minute
	}
	if o.Report == nil {
		o.Report = func(contract.WatchEvent) {}
	}
	return o
}

// runner is one running watch. Everything but the job tracker runs on Run's goroutine.
type runner struct {
	ctx   context.Context
	cfg   contract.WatchConfig
	db    *store.DB
	q     Queue
	opt   contract.WatchRunOptions
	recs  map[string]*Record   // relative slash path → record
	byFP  map[string]string    // fingerprint → path, for files queued or uploaded
	byJob map[uint64]string    // job → path
	due   map[string]time.Time // settling files → when they count as settled
	dirty map[string]bool      // records to save (a missing record is deleted)
	// parked are jobs that stopped without ending (paused, interrupted), checked at each rescan
	parked map[uint64]bool
	tree   *tree
	jobs   *tracker
	gone   bool // the folder itself is missing
	// pending are the events said since the last flush: they go out once what they tell is
	// saved, so whoever reads the watch's state on an event (the watch list, `memories watches`)
	// finds it.
	pending []contract.WatchEvent
}

// Run runs the watch c until ctx ends: it catches up with what changed while it was not
// running, then uploads each finished file once. It returns early only when the watch cannot
// start (a paused watch, a database error).
func Run(ctx context.Context, db *store.DB, q Queue, c contract.WatchConfig, opt contract.WatchRunOptions) error {
	if c.Paused {
		return errors.New(i18n.T("watch.runPaused", i18n.Args{"Name": c.Name}))
	}
	recs, err := loadRecords(db, c.Name)
	if err != nil {
		return err
	}
	r := &runner{ctx: ctx, cfg: c, db: db, q: q, opt: withDefaults(opt), recs: recs, byFP: map[string]string{},
		byJob: map[uint64]string{}, due: map[string]time.Time{}, dirty: map[string]bool{},
		parked: map[uint64]bool{}}
	fsw, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return fmt.Errorf("watch %s: %w", c.Folder, err)
	}
	defer fsw.Close()
	r.tree = newTree(fsw, c, r.opt.MaxWatches)
	r.jobs = newTracker()
	finished := make(chan contract.Job, 64)
	go r.jobs.run(ctx, q, finished)
	if err := r.reconcile(); err != nil {
		return err
	}
	r.scan(true)
	r.flush()
	r.report(contract.WatchEvent{Kind: contract.WatchEvStarted, Folders: len(r.tree.live), Detail: i18n.T("watchDetail.started",
		i18n.Args{"Folder": c.Folder, "Folders": len(r.tree.live), "Files": len(r.recs)})})
	r.reportLimit()
	r.flush()
	return r.loop(fsw, finished)
}

func (r *runner) loop(fsw *fsnotify.Watcher, finished <-chan contract.Job) error {
	settle := time.NewTimer(time.Hour)
	rescan := time.NewTimer(r.rescanEvery())
	defer settle.Stop()
	defer rescan.Stop()
	defer r.flush() // saves, then says, what the last turn did
	for {
		r.armSettle(settle)
		select {
		case <-r.ctx.Done():
			r.report(contract.WatchEvent{Kind: contract.WatchEvStopped})
			return nil
		case ev, ok := <-fsw.Events:
			if !ok {
				return nil
			}
			r.handle(ev)
			r.drain(fsw)
		case err, ok := <-fsw.Errors:
			if !ok {
				return nil
			}
			r.report(contract.WatchEvent{Kind: contract.WatchEvError, Detail: i18n.T("watchDetail.noticesFailed", i18n.Args{"Error": err.Error()})})
			r.scan(false)
		case <-settle.C:
			r.settle()
		case <-rescan.C:
			r.scan(false)
			rescan.Reset(r.rescanEvery())
		case j := <-finished:
			r.finish(j)
		}
		r.flush()
	}
}

// drain handles the events already waiting, so a burst is saved in one transaction.
func (r *runner) drain(fsw *fsnotify.Watcher) {
	for range 1024 {
		select {
		case ev := <-fsw.Events:
			r.handle(ev)
		default:
			return
		}
	}
}

func (r *runner) rescanEvery() time.Duration {
	if r.tree.unwatched > 0 || r.gone {
		return r.opt.LimitedRescan
	}
	return r.opt.Rescan
}

// armSettle sets the timer to the earliest settle deadline; with none it waits an hour (and
// finds nothing): an idle watch does not wake up.
func (r *runner) armSettle(t *time.Timer) {
	next := time.Now().Add(time.Hour)
	for _, d := range r.due {
		if d.Before(next) {
			next = d
		}
	}
	t.Reset(time.Until(next))
}

// report says e once what it tells is saved (the next flush).
func (r *runner) report(e contract.WatchEvent) {
	e.Time, e.Watch = time.Now(), r.cfg.Name
	r.pending = append(r.pending, e)
}

// say sends the pending events.
func (r *runner) say() {
	for _, e := range r.pending {
		r.opt.Report(e)
	}
	r.pending = r.pending[:0]
}

func (r *runner) abs(rel string) string { return filepath.Join(r.cfg.Folder, filepath.FromSlash(rel)) }

func (r *runner) rel(path string) (string, bool) {
	rel, err := filepath.Rel(r.cfg.Folder, path)
	if err != nil || rel == "." || rel == ".." || len(rel) > 2 && rel[:3] == ".."+string(filepath.Separator) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// handle reacts to one change notice.
func (r *runner) handle(ev fsnotify.Event) {
	if ev.Name == r.cfg.Folder && ev.Has(fsnotify.Remove|fsnotify.Rename) {
		r.folderGone(r.goneWhy("watchDetail.goneMoved"))
		return
	}
	rel, ok := r.rel(ev.Name)
	if !ok {
		return
	}
	if ev.Has(fsnotify.Remove | fsnotify.Rename) {
		r.tree.forget(ev.Name)
		r.vanished(rel)
		return
	}
	info, err := os.Lstat(ev.Name)
	if err != nil {
		return
	}
	switch {
	case info.IsDir() && ev.Has(fsnotify.Create):
		if r.tree.wantsDir(ev.Name) {
			r.walk(ev.Name, nil) // files may have landed before the folder was watched
		}
	case info.Mode().IsRegular() || info.Mode()&fs.ModeSymlink != 0:
		r.consider(rel, info)
	}
}

// vanished forgets a file that was not finished yet; finished ones are kept, so a rename is
// recognised by its content.
func (r *runner) vanished(rel string) {
	if rec := r.recs[rel]; rec != nil && (rec.State == Settling || rec.State == Writing) {
		r.drop(rel)
	}
}

func (r *runner) drop(rel string) {
	delete(r.recs, rel)
	delete(r.due, rel)
	r.dirty[rel] = true
}

// consider is the entry point for every file found, by a notice or a scan.
func (r *runner) consider(rel string, info fs.FileInfo) {
	if !wants(r.cfg, filepath.Base(rel)) {
		return
	}
	rec := r.recs[rel]
	switch {
	case rec != nil && rec.State == Skipped && rec.sameContentAs(info):
		return // listed once
	case info.Mode()&fs.ModeSymlink != 0:
		r.refuse(rel, info, "watchSkip.symlink")
	case !utf8.ValidString(rel):
		r.refuse(rel, info, "watchSkip.badName")
	default:
		r.observe(rel, info)
	}
}

// refuse skips a file for the reason the catalogue message key words.
func (r *runner) refuse(rel string, info fs.FileInfo, key string) {
	reason := i18n.T(key)
	rec := &Record{State: Skipped, Reason: reason, Why: reworded(key, nil), At: time.Now().UnixMilli()}
	rec.note(info)
	r.recs[rel], r.dirty[rel] = rec, true
	r.report(contract.WatchEvent{Kind: contract.WatchEvSkipped, Path: rel, Detail: reason})
}

// observe notes a file's size and time; a new or changed file starts its settle time again.
func (r *runner) observe(rel string, info fs.FileInfo) {
	rec := r.recs[rel]
	now := time.Now()
	switch {
	case rec == nil || !rec.waiting() && !rec.sameContentAs(info):
		rec = &Record{State: Settling, At: now.UnixMilli()}
		rec.note(info)
		r.recs[rel], r.dirty[rel] = rec, true
		r.due[rel] = now.Add(Settle(r.cfg))
		r.report(contract.WatchEvent{Kind: contract.WatchEvSettling, Path: rel})
	case rec.sameContentAs(info):
		if rec.State == Settling && r.due[rel].IsZero() {
			r.due[rel] = now.Add(Settle(r.cfg))
		}
	case rec.State == Settling || rec.State == Writing:
		rec.State = Settling
		rec.note(info)
		r.dirty[rel] = true
		r.due[rel] = now.Add(Settle(r.cfg))
	case !rec.Stale: // queued: looked at again once its job ends
		rec.Stale, r.dirty[rel] = true, true
	}
}

// flush saves the changed records in one transaction, then sends the events about them.
func (r *runner) flush() {
	defer r.say()
	if len(r.dirty) == 0 {
		return
	}
	recs := make([]store.WatchFile, 0, len(r.dirty))
	for rel := range r.dirty {
		wf := store.WatchFile{Key: []byte(rel)}
		if rec := r.recs[rel]; rec == nil {
			wf.Delete = true
		} else {
			wf.Value, _ = json.Marshal(rec)
		}
		recs = append(recs, wf)
	}
	if err := r.db.PutWatchFiles(r.cfg.Name, recs); err != nil {
		r.report(contract.WatchEvent{Kind: contract.WatchEvError, Detail: i18n.T("watchDetail.saveFailed", i18n.Args{"Error": err.Error()})})
		return
	}
	clear(r.dirty)
}

func isGone(err error) bool { return errors.Is(err, fs.ErrNotExist) }
