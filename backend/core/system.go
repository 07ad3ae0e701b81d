package core

import "memories-desktop/backend/autostart"

// StartAtLogin is whether the app starts when the user logs in, and where that is kept.
type StartAtLogin = autostart.Status

// StartAtLogin reads the login entry (Settings → System).
func (c *Service) StartAtLogin() StartAtLogin { return autostart.Get() }

// SetStartAtLogin writes (on) or removes the login entry, naming the running program.
func (c *Service) SetStartAtLogin(on bool) (StartAtLogin, error) {
	exe := ""
	if on {
		var err error
		if exe, err = autostart.Executable(); err != nil {
			return autostart.Get(), err
		}
	}
	return autostart.Set(on, exe)
}
