package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"memories-desktop/backend/core"
	"memories-desktop/backend/events"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
)

// App is the struct bound to the frontend. Each method turns a DTO into a backend call; the
// work happens in backend/. This is the only file that imports the Wails runtime.
type App struct {
	ctx     context.Context
	dataDir string
	core    *core.Core
	ready   chan struct{}
}

// NewApp prepares the app for dataDir; nothing is opened until startup.
func NewApp(dataDir string) *App {
	return &App{dataDir: dataDir, ready: make(chan struct{})}
}

// startup opens the data folder. A second process on the same folder finds the database locked,
// says so on stderr and exits before its (hidden) window is ever shown.
func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	c, err := core.Start(a.dataDir, core.Options{ForceSandbox: os.Getenv(core.SandboxEnv) == "1"})
	if errors.Is(err, store.ErrLocked) {
		fmt.Fprintf(os.Stderr, "memories-desktop: another Memories Desktop is already using %s; "+
			"switch to that window, or set MEMORIES_DATA_DIR to use a different folder.\n", a.dataDir)
		os.Exit(1)
	}
	if err != nil {
		a.fatal(err)
	}
	a.core = c
	close(a.ready)
}

func (a *App) fatal(err error) {
	fmt.Fprintln(os.Stderr, "memories-desktop:", err)
	runtime.MessageDialog(a.ctx, runtime.MessageDialogOptions{Type: runtime.ErrorDialog,
		Title: "Memories Desktop cannot start", Message: err.Error()})
	os.Exit(1)
}

func (a *App) domReady(ctx context.Context) { runtime.WindowShow(ctx) }

func (a *App) beforeClose(ctx context.Context) bool { return false }

func (a *App) shutdown(ctx context.Context) {
	if a.core != nil {
		a.core.Close()
	}
}

// secondInstance brings this window forward when the user launches the app again.
func (a *App) secondInstance(options.SecondInstanceData) {
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}

// svc waits for startup, so calls that race it never see a nil core.
func (a *App) svc() *core.Core {
	<-a.ready
	return a.core
}

func formatError(err error) any { return core.Describe(err) }

// SettingsState is everything the Settings view shows.
type SettingsState struct {
	Settings settings.Settings `json:"settings"`
	Key      settings.KeyInfo  `json:"key"`
	DataDir  string            `json:"dataDir"`
}

// GetSettings returns the preferences, the key's masked form and where it is kept.
func (a *App) GetSettings() (SettingsState, error) {
	c := a.svc()
	key, err := c.Settings.KeyInfo()
	return SettingsState{Settings: c.Settings.Get(), Key: key, DataDir: c.DataDir}, err
}

// SaveSettings validates and saves the preferences.
func (a *App) SaveSettings(s settings.Settings) (settings.Settings, error) {
	saved, err := a.svc().Settings.Update(s)
	if err == nil {
		a.emitStatus()
	}
	return saved, err
}

// SetAPIKey stores the key in the keychain (or the 0600 fallback file).
func (a *App) SetAPIKey(key string) (settings.KeyInfo, error) {
	c := a.svc()
	if err := c.Settings.SetAPIKey(key); err != nil {
		return settings.KeyInfo{}, err
	}
	a.emitStatus()
	return c.Settings.KeyInfo()
}

// ClearAPIKey forgets the stored key.
func (a *App) ClearAPIKey() (settings.KeyInfo, error) {
	c := a.svc()
	if err := c.Settings.ClearAPIKey(); err != nil {
		return settings.KeyInfo{}, err
	}
	a.emitStatus()
	return c.Settings.KeyInfo()
}

// Status reports the connection mode and scope for the status bar.
func (a *App) Status() core.Status { return a.svc().Status() }

// TestConnection makes one authenticated call and reports ok, invalid key, unreachable, or the
// service's own message.
func (a *App) TestConnection() core.Connection { return a.svc().TestConnection(a.ctx) }

// ChooseFolder opens the native folder dialog; "" means cancelled.
func (a *App) ChooseFolder(title, startDir string) (string, error) {
	return a.dialogs().ChooseFolder(title, startDir)
}

func (a *App) emitStatus() { wailsEvents{a.ctx}.Emit(events.StatusChanged, a.core.Status()) }

func (a *App) dialogs() core.Dialogs { return &wailsDialogs{ctx: a.ctx} }

// wailsEvents adapts the Wails event bus to events.Emitter.
type wailsEvents struct{ ctx context.Context }

func (w wailsEvents) Emit(name string, payload any) { runtime.EventsEmit(w.ctx, name, payload) }

// wailsDialogs adapts Wails' native dialogs to core.Dialogs, one dialog at a time.
type wailsDialogs struct{ ctx context.Context }

var dialogMu sync.Mutex

func (d *wailsDialogs) ChooseFolder(title, startDir string) (string, error) {
	dialogMu.Lock()
	defer dialogMu.Unlock()
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title,
		DefaultDirectory: existingDir(startDir), CanCreateDirectories: true})
}

func (d *wailsDialogs) ChooseFiles(title, startDir string) ([]string, error) {
	dialogMu.Lock()
	defer dialogMu.Unlock()
	return runtime.OpenMultipleFilesDialog(d.ctx, runtime.OpenDialogOptions{Title: title,
		DefaultDirectory: existingDir(startDir), Filters: videoFilters})
}

func (d *wailsDialogs) SaveFile(title, startDir, name string) (string, error) {
	dialogMu.Lock()
	defer dialogMu.Unlock()
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{Title: title,
		DefaultDirectory: existingDir(startDir), DefaultFilename: name, CanCreateDirectories: true})
}

// Filter patterns may not contain spaces.
var videoFilters = []runtime.FileFilter{{DisplayName: "Videos (mp4, mov, avi, mkv)",
	Pattern: "*.mp4;*.mov;*.avi;*.mkv;*.MP4;*.MOV;*.AVI;*.MKV"}}

// existingDir drops a start folder that does not exist: Wails treats that as an error.
func existingDir(dir string) string {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return ""
	}
	return dir
}
