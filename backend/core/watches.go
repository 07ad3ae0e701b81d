package core

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/watch"
)

// AddWatch saves a new watch in the active profile (defaults filled, settings checked).
func (c *Service) AddWatch(w contract.WatchConfig) (contract.WatchConfig, error) {
	return watch.Add(c.activeDB(), w)
}

// UpdateWatch saves new settings for an existing watch.
func (c *Service) UpdateWatch(w contract.WatchConfig) (contract.WatchConfig, error) {
	return watch.Update(c.activeDB(), w)
}

// RemoveWatch forgets a watch; its files and uploads stay.
func (c *Service) RemoveWatch(name string) error { return watch.Remove(c.activeDB(), name) }

// PauseWatch keeps a watch from queueing anything until ResumeWatch; a running one stops
// (what it queued stays queued).
func (c *Service) PauseWatch(name string) (contract.WatchConfig, error) {
	w, err := watch.SetPaused(c.activeDB(), name, true)
	if stop, ok := c.watching.Load(name); ok && err == nil {
		stop.(context.CancelFunc)()
	}
	return w, err
}

// ResumeWatch lets a paused watch queue files again.
func (c *Service) ResumeWatch(name string) (contract.WatchConfig, error) {
	return watch.SetPaused(c.activeDB(), name, false)
}

// ListWatches lists the active profile's watches with their counts.
func (c *Service) ListWatches() ([]contract.WatchSummary, error) { return watch.List(c.activeDB()) }

// GetWatch reads one watch by name.
func (c *Service) GetWatch(name string) (contract.WatchConfig, error) {
	return watch.Get(c.activeDB(), name)
}

// WatchOfFolder finds the watch of an absolute folder path.
func (c *Service) WatchOfFolder(folder string) (contract.WatchConfig, bool, error) {
	return watch.FindByFolder(c.activeDB(), folder)
}

// RunWatch runs a saved watch until ctx ends (StartEngine first). One process runs a watch
// once; the data folder's lock keeps a second process (the app or another command) away.
func (c *Service) RunWatch(ctx context.Context, name string, opt contract.WatchRunOptions) error {
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
	opt.Report = func(e contract.WatchEvent) { // the log keeps every decision, for the app and the CLI alike
		slog.Info("watch", "watch", e.Watch, "event", e.Kind, "path", e.Path, "detail", e.Detail, "job", e.JobID)
		if report != nil {
			report(e)
		}
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

// WatchSettle is how long a file of w must stay unchanged before it counts as finished.
func WatchSettle(w contract.WatchConfig) time.Duration { return watch.Settle(w) }
