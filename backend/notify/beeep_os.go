//go:build windows || darwin

package notify

import "github.com/gen2brain/beeep"

// New returns a sender through github.com/gen2brain/beeep: a toast on Windows (the Windows
// Runtime API, else PowerShell), the Notification Center on macOS (else osascript). A failure
// is shown with the system's alert sound.
func New() Sender {
	beeep.AppName = AppName
	return osSender{}
}

type osSender struct{}

func (osSender) Send(m Message) error {
	if m.Urgent {
		return beeep.Alert(m.Summary, m.Body, "")
	}
	return beeep.Notify(m.Summary, m.Body, "")
}

func (osSender) Close() error { return nil }
