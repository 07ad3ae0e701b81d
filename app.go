package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"memories-desktop/backend/i18n"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/events"
)

// App is the struct bound to the frontend. Each method turns a DTO into a call of core.Service,
// the backend's one façade; the work happens in backend/. This is the only file that imports the Wails runtime.
type App struct {
	ctx     context.Context
	dataDir string
	core    *core.Service
	ready   chan struct{}
	events  events.Emitter
	dialogs core.Dialogs
	opened  core.OpenQueue // files and folders to stage for upload, from the command line
	watches *watchRunner   // the active profile's watch folders, run while the app is open

	titleMu  sync.Mutex
	titleSeq int          // the last SetWindowTitle call applied
	setTitle func(string) // the window's; nil without one

	// quitting is set once the user chose Quit, or SIGTERM/SIGINT arrived: close without asking.
	quitting atomic.Bool
	log      io.Closer
}

// NewApp prepares the app for dataDir; nothing is opened until startup.
func NewApp(dataDir string) *App {
	return &App{dataDir: dataDir, ready: make(chan struct{})}
}

// startup opens the data folder. A second process on the same folder finds the database locked,
// says so on stderr and exits before its (hidden) window is ever shown; held by a memories
// command (`memories watch` as a service, say), it says so in a dialog too.
func (a *App) startup(ctx context.Context) {
	a.events, a.dialogs = wailsEvents{ctx}, &wailsDialogs{ctx: ctx}
	a.setTitle = func(t string) { runtime.WindowSetTitle(ctx, t) }
	watchSignals(func() { a.quitNow(ctx) })
	a.log = startLog(a.dataDir)
	err := a.boot(ctx)
	if errors.Is(err, contract.ErrDamaged) && a.offerRepair(ctx, err) {
		err = a.boot(ctx)
	}
	if errors.Is(err, contract.ErrLocked) {
		fmt.Fprintln(os.Stderr, inUseMessage(a.dataDir))
		if core.HeldByCLI(a.dataDir) { // started from a menu, most likely: stderr is seen by no one
			messageDialog(ctx, runtime.MessageDialogOptions{Type: runtime.ErrorDialog,
				Title: i18n.T("app.cannotOpen"), Message: capitalise(core.LockedMessage(a.dataDir)) + "."})
		}
		os.Exit(1)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "memories-desktop:", err)
		messageDialog(ctx, runtime.MessageDialogOptions{Type: runtime.ErrorDialog,
			Title: i18n.T("app.cannotStart"), Message: err.Error()})
		os.Exit(1)
	}
	a.playPreviewsOverLoopback()
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// inUseMessage says which process holds the data folder (the app or a memories command), and what to do.
func inUseMessage(dataDir string) string {
	return "memories-desktop: " + core.LockedMessage(dataDir) + "."
}

// boot opens the backend with whatever adapters are set; the browser test harness calls it too.
func (a *App) boot(ctx context.Context) error {
	a.ctx = ctx
	c, err := core.Start(a.dataDir, core.Options{ForceSandbox: os.Getenv(core.SandboxEnv) == "1",
		Emitter: a.events, Dialogs: a.dialogs})
	if err != nil {
		return err
	}
	if err := c.StartEngine(ctx); err != nil {
		c.Close()
		return err
	}
	a.core = c
	useLanguage(c.Settings().Language)
	c.CheckConnection()
	a.watches = newWatchRunner(ctx, a.svc, a.events)
	close(a.ready)
	if err := a.watches.startAll(); err != nil {
		slog.Error("start the watch folders", "err", err)
	}
	return nil
}

func (a *App) domReady(ctx context.Context) {
	guardNavigation()
	runtime.WindowShow(ctx)
}

// beforeClose asks before quitting while transfers run; they resume on the next start anyway.
// The question is the window's own dialog (events.QuitRequested): GTK's question dialog only
// offers Yes/No, and the choice deserves the words Quit and Keep running.
func (a *App) beforeClose(ctx context.Context) bool {
	if a.quitting.Load() || a.core == nil {
		return false
	}
	n := a.core.RunningJobs()
	if n == 0 {
		return false
	}
	a.events.Emit(events.QuitRequested, n)
	return true
}

// QuitNow quits without asking again: the window's quit dialog calls it for "Quit". Running
// transfers are stopped and recorded as interrupted, to be offered for resuming next time.
func (a *App) QuitNow() (err error) {
	defer settle(&err)
	a.quitNow(a.ctx)
	return nil
}

func (a *App) quitNow(ctx context.Context) {
	a.quitting.Store(true)
	runtime.Quit(ctx)
}

func (a *App) shutdown(ctx context.Context) {
	if a.watches != nil {
		a.watches.close() // each saves what it saw before the database closes
	}
	if a.core != nil {
		a.core.Close()
	}
	if a.log != nil {
		slog.Info("stopped")
		a.log.Close()
	}
}

// secondInstance brings this window forward when the user launches the app again, with the
// files it was given ("Open with") staged for upload.
func (a *App) secondInstance(d options.SecondInstanceData) {
	if paths := core.LaunchPaths(d.Args, d.WorkingDirectory); len(paths) > 0 {
		a.opened.Add(paths)
		a.events.Emit(events.OpenPaths, len(paths))
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}

// TakeOpenPaths returns the files and folders handed to the app since the last call (at launch
// or by a second launch), for the window to stage.
func (a *App) TakeOpenPaths() (_ []string, err error) {
	defer settle(&err)
	return a.opened.Take(), nil
}

// svc waits for startup, so calls that race it never see a nil core.
func (a *App) svc() *core.Service {
	<-a.ready
	return a.core
}

func formatError(err error) any { return core.Describe(err) }

// emitStatus tells the UI the new mode at once and, for a live profile nothing is known about
// yet, starts the check whose outcome will follow as another event.
func (a *App) emitStatus() {
	a.events.Emit(events.StatusChanged, a.core.Status())
	a.core.CheckConnection()
}

// wailsEvents adapts the Wails event bus to events.Emitter.
type wailsEvents struct{ ctx context.Context }

func (w wailsEvents) Emit(name string, payload any) { runtime.EventsEmit(w.ctx, name, payload) }

// wailsDialogs adapts Wails' native dialogs to core.Dialogs, one dialog at a time.
type wailsDialogs struct{ ctx context.Context }

func (d *wailsDialogs) lock() func() {
	dialogMu <- struct{}{}
	return func() { <-dialogMu }
}

var dialogMu = make(chan struct{}, 1)

func (d *wailsDialogs) ChooseFolder(title, startDir string) (string, error) {
	defer d.lock()()
	relabelFolderChooser()
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title,
		DefaultDirectory: existingDir(startDir), CanCreateDirectories: true})
}

func (d *wailsDialogs) ChooseFiles(title, startDir string, f core.Filter) ([]string, error) {
	defer d.lock()()
	return runtime.OpenMultipleFilesDialog(d.ctx, runtime.OpenDialogOptions{Title: title,
		DefaultDirectory: existingDir(startDir), Filters: filters(f)})
}

func (d *wailsDialogs) SaveFile(title, startDir, name string, f core.Filter) (string, error) {
	defer d.lock()()
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{Title: title, DefaultDirectory: existingDir(startDir),
		DefaultFilename: name, Filters: filters(f), CanCreateDirectories: true})
}

func (d *wailsDialogs) Confirm(title, message, yes, no string) bool {
	defer d.lock()()
	answer, err := messageDialog(d.ctx, runtime.MessageDialogOptions{Type: runtime.QuestionDialog,
		Title: title, Message: message, Buttons: []string{yes, no}, DefaultButton: no, CancelButton: no})
	return err == nil && (answer == yes || answer == "Yes")
}

func filters(f core.Filter) []runtime.FileFilter {
	return []runtime.FileFilter{{DisplayName: f.Name, Pattern: f.Pattern}}
}

// existingDir drops a start folder that does not exist: Wails treats that as an error.
func existingDir(dir string) string {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return ""
	}
	return dir
}
