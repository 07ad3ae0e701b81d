package core

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/watch"
)

// WatchDefaultConfig is a new watch's settings before its folder is chosen: the accepted video
// formats, hidden files left out, the default settle time, files kept after their upload.
func WatchDefaultConfig() contract.WatchConfig {
	w := contract.WatchConfig{SettleMS: watch.DefaultSettle.Milliseconds()}
	watch.Normalize(&w)
	return w
}

// AddWatch saves a new watch in the active profile (defaults filled, settings checked). Without a
// name it is named after its folder (-2, -3… when that name is taken).
func (c *Service) AddWatch(w contract.WatchConfig) (contract.WatchConfig, error) {
	if strings.TrimSpace(w.Name) == "" && w.Folder != "" {
		w.Name = c.freeWatchName(filepath.Base(filepath.Clean(w.Folder)))
	}
	return watch.Add(c.activeDB(), w)
}

// freeWatchName is base, or base-2, base-3… when a watch has that name.
func (c *Service) freeWatchName(base string) string {
	name := base
	for n := 2; ; n++ {
		if _, err := c.GetWatch(name); err != nil {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, n)
	}
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
	if run, ok := c.watching.Load(name); ok && err == nil {
		run.(*watchRun).stop()
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
		return errors.New(i18n.T("watch.runPaused", i18n.Args{"Name": name}))
	}
	if c.engine() == nil {
		return fmt.Errorf("the watch %q needs the transfer engine: StartEngine first", name)
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	run := &watchRun{stop: stop, done: make(chan struct{})}
	if _, busy := c.watching.LoadOrStore(name, run); busy {
		return errors.New(i18n.T("watch.runRunning", i18n.Args{"Name": name}))
	}
	defer close(run.done)
	defer c.watching.Delete(name)
	report := opt.Report
	batch := newWatchBatch(c, w)
	defer batch.stop()
	opt.Report = func(e contract.WatchEvent) { // the log keeps every decision, for the app and the CLI alike
		slog.Info("watch", "watch", e.Watch, "event", e.Kind, "path", e.Path, "detail", e.Detail, "job", e.JobID)
		if report != nil {
			report(e)
		}
		batch.add(e)
	}
	return watch.Run(ctx, c.activeDB(), watchQueue{c}, w, opt)
}

// watchRun is a running watch: its stop, and done closed once RunWatch has returned.
type watchRun struct {
	stop context.CancelFunc
	done chan struct{}
}

// stopWatches stops every running watch and waits until each has saved its state: before the
// profile's database is closed (a profile switch, Close). Call without c.mu held: a stopping
// watch reads the engine.
func (c *Service) stopWatches() {
	var runs []*watchRun
	c.watching.Range(func(_, v any) bool {
		runs = append(runs, v.(*watchRun))
		return true
	})
	for _, r := range runs {
		r.stop()
	}
	for _, r := range runs {
		<-r.done
	}
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
