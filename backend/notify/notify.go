// Package notify shows desktop notifications: freedesktop notifications over the D-Bus session
// bus on Linux (org.freedesktop.Notifications, what GNOME, KDE, XFCE, dunst and mako serve),
// github.com/gen2brain/beeep on Windows and macOS. Elsewhere Send says ErrUnavailable
// (docs/WATCH.md).
package notify

import "errors"

// AppName is how the notification server names the sender.
const AppName = "Memories Desktop"

// Message is one notification.
type Message struct {
	Summary string // one short line
	Body    string // a few lines of plain text
	Urgent  bool   // a failure: shown until dismissed where the server honours urgency
}

// ErrUnavailable means this system has no notification service the app can reach.
var ErrUnavailable = errors.New("desktop notifications are not available on this system")

// Sender shows notifications. It is safe for concurrent use.
type Sender interface {
	Send(Message) error
	Close() error
}
