package core

import (
	"cmp"
	"errors"
	"net/http"
	"path/filepath"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/preview"
	"memories-desktop/backend/store"
)

// Settings are the saved preferences (what the Settings view shows).
func (c *Service) Settings() Settings { return c.prefs.Get() }

// UpdateSettings validates and saves s, then moves to another profile if the sandbox switch or
// the endpoints changed and applies the rest to running transfers.
func (c *Service) UpdateSettings(s Settings) (Settings, error) {
	s.NotificationsOff = c.prefs.Get().NotificationsOff // SetNotifications' own: not the form's
	saved, err := c.prefs.Update(s)
	if err != nil {
		return saved, err
	}
	return saved, c.ApplySettings()
}

// KeyInfo says whether a key is stored, its masked form and where it is kept.
func (c *Service) KeyInfo() (KeyInfo, error) { return c.prefs.KeyInfo() }

// SetAPIKey validates and stores key.
func (c *Service) SetAPIKey(key string) error { return c.prefs.SetAPIKey(key) }

// ClearAPIKey forgets the stored key.
func (c *Service) ClearAPIKey() error { return c.prefs.ClearAPIKey() }

// PreviewPrefix starts every URL path ServePreview answers.
const PreviewPrefix = preview.Prefix

// ServePreview serves a registered local file to the webview.
func (c *Service) ServePreview(w http.ResponseWriter, r *http.Request) { c.previews.ServeHTTP(w, r) }

// ServePreviewsOverLoopback also serves previews on a loopback port, for a webview whose media
// player cannot read the app's own scheme (WebKitGTK).
func (c *Service) ServePreviewsOverLoopback() error {
	_, err := c.previews.ServeLoopback()
	return err
}

// AssetFileName is the name an asset is saved under by default.
func AssetFileName(assetID string) string { return api.SanitizeFilename(assetID+".mp4", "asset.mp4") }

// RepairDatabase moves the damaged database named by damaged (else the one in dir) aside,
// keeping it, and starts a fresh one with what can be read. wait bounds the wait for another
// process to let it go (0: the default).
func RepairDatabase(dir string, damaged error, wait time.Duration) (Repaired, error) {
	var d *store.DamagedError
	if errors.As(damaged, &d) {
		dir = filepath.Dir(d.Path) // the profile's database folder, which may not be the data folder
	}
	return store.Repair(dir, cmp.Or(wait, store.DefaultOpenTimeout))
}
