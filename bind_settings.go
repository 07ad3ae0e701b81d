package main

import (
	"errors"

	"memories-desktop/backend/applog"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/version"
)

// SettingsState is everything the Settings view shows.
type SettingsState struct {
	Settings contract.Settings `json:"settings"`
	Key      contract.KeyInfo  `json:"key"`
	DataDir  string            `json:"dataDir"`
	Version  string            `json:"version"`
	LogFile  string            `json:"logFile"`
}

// GetSettings returns the preferences, the key's masked form and where it is kept.
func (a *App) GetSettings() (_ SettingsState, err error) {
	defer settle(&err)
	c := a.svc()
	key, err := c.KeyInfo()
	return SettingsState{Settings: c.Settings(), Key: key, DataDir: c.DataDir(),
		Version: version.Version, LogFile: applog.Path()}, err
}

// OpenLogFolder shows the log folder in the file manager, for attaching the log to a report.
func (a *App) OpenLogFolder() (err error) {
	defer settle(&err)
	if applog.Path() == "" {
		return errors.New("this session writes no log file")
	}
	return core.RevealInFolder(applog.Path())
}

// SaveSettings validates and saves the preferences and applies them to running transfers.
func (a *App) SaveSettings(s contract.Settings) (_ contract.Settings, err error) {
	defer settle(&err)
	before := a.svc().Status().Profile
	saved, err := a.svc().UpdateSettings(s) // may switch profile: another database, queue and watches
	if err == nil {
		useLanguage(saved.Language)
	}
	a.emitStatus()
	if a.core.Status().Profile != before {
		a.switchWatches()
	}
	return saved, err
}

// SetAPIKey stores the key in the keychain (or the 0600 fallback file).
func (a *App) SetAPIKey(key string) (_ contract.KeyInfo, err error) {
	defer settle(&err)
	c := a.svc()
	if err := c.SetAPIKey(key); err != nil {
		return contract.KeyInfo{}, err
	}
	a.emitStatus()
	return c.KeyInfo()
}

// ClearAPIKey forgets the stored key.
func (a *App) ClearAPIKey() (_ contract.KeyInfo, err error) {
	defer settle(&err)
	c := a.svc()
	if err := c.ClearAPIKey(); err != nil {
		return contract.KeyInfo{}, err
	}
	a.emitStatus()
	return c.KeyInfo()
}

// Status reports the connection mode and scope for the status bar.
func (a *App) Status() (_ contract.Status, err error) {
	defer settle(&err)
	return a.svc().Status(), nil
}

// TestConnection makes one authenticated call with the settings on screen (saved or not) and
// reports what it tested and ok, invalid key, unreachable, or the service's own message.
func (a *App) TestConnection(s contract.Settings) (_ contract.Connection, err error) {
	defer settle(&err)
	return a.svc().TestConnection(a.ctx, s), nil
}

// ChooseFolder opens the native folder dialog; "" means cancelled.
func (a *App) ChooseFolder(title, startDir string) (_ string, err error) {
	defer settle(&err)
	return a.svc().ChooseFolder(title, startDir)
}
