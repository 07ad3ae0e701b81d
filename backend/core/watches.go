package core

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"memories-desktop/backend/pacing"
	"memories-desktop/backend/watch"
)

// Watch folders (package watch), for the app's Settings → Watch folders and `memories watch`.
type (
	WatchConfig     = watch.Config
	WatchSummary    = watch.Summary
	WatchEvent      = watch.Event
	WatchAfter      = watch.After
	WatchRunOptions = watch.Options
)

// What a watch does with a file after the server accepted its upload.
const (
	WatchKeep   = watch.Keep
	WatchMove   = watch.Move
	WatchDelete = watch.Delete
	// WatchDeleteConfirmation is what the user types to allow WatchDelete.
	WatchDeleteConfirmation = watch.DeleteConfirmation
	WatchUploadedDir        = watch.UploadedDir
	WatchEvLimit            = watch.EvLimit
)

// AddWatch saves a new watch in the active profile (defaults filled, settings checked).
func (c *Service) AddWatch(w WatchConfig) (WatchConfig, error) { return watch.Add(c.activeDB(), w) }

// UpdateWatch saves new settings for an existing watch.
func (c *Service) UpdateWatch(w WatchConfig) (WatchConfig, error) {
	return watch.Update(c.activeDB(), w)
}

// RemoveWatch forgets a watch; its files and uploads stay.
func (c *Service) RemoveWatch(name string) error { return watch.Remove(c.activeDB(), name) }

// PauseWatch keeps a watch from queueing anything until ResumeWatch; a running one stops
// (what it queued stays queued).
func (c *Service) PauseWatch(name string) (WatchConfig, error) {
	w, err := watch.SetPaused(c.activeDB(), name, true)
	if stop, ok := c.watching.Load(name); ok && err == nil {
		stop.(context.CancelFunc)()
	}
	return w, err
}

// ResumeWatch lets a paused watch queue files again.
func (c *Service) ResumeWatch(name string) (WatchConfig, error) {
	return watch.SetPaused(c.activeDB(), name, false)
}

// ListWatches lists the active profile's watches with their counts.
func (c *Service) ListWatches() ([]WatchSummary, error) { return watch.List(c.activeDB()) }

// GetWatch reads one watch by name.
func (c *Service) GetWatch(name string) (WatchConfig, error) { return watch.Get(c.activeDB(), name) }

// WatchOfFolder finds the watch of an absolute folder path.
func (c *Service) WatchOfFolder(folder string) (WatchConfig, bool, error) {
	return watch.FindByFolder(c.activeDB(), folder)
}

// RunWatch runs a saved watch until ctx ends (StartEngine first). One process runs a watch
// once; the data folder's lock keeps a second process (the app or another command) away.
func (c *Service) RunWatch(ctx context.Context, name string, opt WatchRunOptions) error {
	w, err := c.GetWatch(name)
	if err != nil {
		return err
	}
	if w.Paused {
		return fmt.Errorf("the watch %q is paused; resume it first", name)
	}
	if c.engine() == nil {
		return fmt.Errorf("the watch %q needs the transfer engine: StartEngine first", name)
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	if _, busy := c.watching.LoadOrStore(name, stop); busy {
		return fmt.Errorf("the watch %q is already running", name)
	}
	defer c.watching.Delete(name)
	report := opt.Report
	batch := newWatchBatch(c, w)
	defer batch.stop()
	opt.Report = func(e WatchEvent) { // the log keeps every decision, for the app and the CLI alike
		slog.Info("watch", "watch", e.Watch, "event", e.Kind, "path", e.Path, "detail", e.Detail, "job", e.JobID)
		if report != nil {
			report(e)
		}
		batch.add(e)
	}
	return watch.Run(ctx, c.activeDB(), watchQueue{c}, w, opt)
}

// UploadEvery is the pacer's spacing of uploads (0 when pacing is off), for the honest ETA of a
// watch's waiting files: "480 waiting — about 8 h at 1 upload a minute".
func (c *Service) UploadEvery() time.Duration {
	if !c.pacing() {
		return 0
	}
	return pacing.DefaultLimits()[pacing.EpUpload].Every
}
