package main

// SystemState is what Settings → System shows: watch notifications and start at login.
type SystemState struct {
	Notifications bool   `json:"notifications"`  // a notification per watched batch
	StartAtLogin  bool   `json:"startAtLogin"`   // the login entry is there
	CanStart      bool   `json:"canStart"`       // this system has a login entry the app can write
	LoginEntry    string `json:"loginEntry"`     // where it is kept (a file, a registry value)
	Note          string `json:"note,omitempty"` // why start at login is not available
}

func (a *App) systemState() SystemState {
	c := a.svc()
	login := c.StartAtLogin()
	return SystemState{Notifications: c.NotificationsOn(), StartAtLogin: login.Enabled,
		CanStart: login.Available, LoginEntry: login.Where, Note: login.Note}
}

// GetSystem reads the notification switch and whether the app starts at login.
func (a *App) GetSystem() (_ SystemState, err error) {
	defer settle(&err)
	return a.systemState(), nil
}

// SetNotifications turns watch notifications on or off; running watches follow at once.
func (a *App) SetNotifications(on bool) (_ SystemState, err error) {
	defer settle(&err)
	err = a.svc().SetNotifications(on)
	return a.systemState(), err
}

// SetStartAtLogin writes or removes the login entry naming this program.
func (a *App) SetStartAtLogin(on bool) (_ SystemState, err error) {
	defer settle(&err)
	_, err = a.svc().SetStartAtLogin(on)
	return a.systemState(), err
}
