package core

import (
	"memories-desktop/backend/contract"
)

// Settings are the saved preferences (what the Settings view shows).
func (c *Service) Settings() contract.Settings { return c.prefs.Get() }

// UpdateSettings validates and saves s, then moves to another profile if the sandbox switch or
// the endpoints changed and applies the rest to running transfers.
func (c *Service) UpdateSettings(s contract.Settings) (contract.Settings, error) {
	s.NotificationsOff = c.prefs.Get().NotificationsOff // SetNotifications' own: not the form's
	saved, err := c.prefs.Update(s)
	if err != nil {
		return saved, err
	}
	return saved, c.ApplySettings()
}

// KeyInfo says whether a key is stored, its masked form and where it is kept.
func (c *Service) KeyInfo() (contract.KeyInfo, error) { return c.prefs.KeyInfo() }

// SetAPIKey validates and stores key.
func (c *Service) SetAPIKey(key string) error { return c.prefs.SetAPIKey(key) }

// ClearAPIKey forgets the stored key.
func (c *Service) ClearAPIKey() error { return c.prefs.ClearAPIKey() }
