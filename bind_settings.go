package main

import (
	"errors"

	"memories-desktop/backend/applog"
	"memories-desktop/backend/core"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/version"
)

// SettingsState is everything the Settings view shows.
type SettingsState struct {
	Settings settings.Settings `json:"settings"`
	Key      settings.KeyInfo  `json:"key"`
	DataDir  string            `json:"dataDir"`
	Version  string            `json:"version"`
	LogFile  string            `json:"logFile"`
}

// GetSettings returns the preferences, the key's masked form and where it is kept.
func (a *App) GetSettings() (SettingsState, error) {
	c := a.svc()
	key, err := c.Settings.KeyInfo()
	return SettingsState{Settings: c.Settings.Get(), Key: key, DataDir: c.DataDir,
		Version: version.Version, LogFile: applog.Path()}, err
}

// OpenLogFolder shows the log folder in the file manager, for attaching the log to a report.
func (a *App) OpenLogFolder() error {
	if applog.Path() == "" {
		return errors.New("this session writes no log file")
	}
	return core.RevealInFolder(applog.Path())
}

// SaveSettings validates and saves the preferences and applies them to running transfers.
func (a *App) SaveSettings(s settings.Settings) (settings.Settings, error) {
	saved, err := a.svc().Settings.Update(s)
	if err != nil {
		return saved, err
	}
	err = a.core.ApplySettings() // may switch profile: another database and queue
	a.emitStatus()
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

// TestConnection makes one authenticated call with the settings on screen (saved or not) and
// reports what it tested and ok, invalid key, unreachable, or the service's own message.
func (a *App) TestConnection(s settings.Settings) core.Connection {
	return a.svc().TestConnection(a.ctx, s)
}

// ChooseFolder opens the native folder dialog; "" means cancelled.
func (a *App) ChooseFolder(title, startDir string) (string, error) {
	return a.dialogs.ChooseFolder(title, startDir)
}
