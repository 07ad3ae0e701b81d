// Package autostart starts the app when the user logs in: an XDG autostart entry on Linux
// ($XDG_CONFIG_HOME/autostart/memories-desktop.desktop), a LaunchAgent on macOS
// (~/Library/LaunchAgents/ai.memories.desktop.plist), a value of the per-user Run key on Windows.
// Each names the running binary; none is ever written through a link.
package autostart

import "os"

// Status is whether the app starts at login, and where that is kept.
type Status struct {
	Enabled   bool   `json:"enabled"`
	Available bool   `json:"available"`
	Where     string `json:"where"`          // the file or registry value
	Note      string `json:"note,omitempty"` // why it is not available
}

// Get reads whether the app starts at login.
func Get() Status { return get() }

// Set makes the app start at login (on) or not. exe is the program to start (the running
// binary, os.Executable; an AppImage's own file when it runs from one).
func Set(on bool, exe string) (Status, error) {
	if err := set(on, exe); err != nil {
		return get(), err
	}
	return get(), nil
}

// Executable is the program to start at login: the AppImage file when the app runs from one
// (its binary lives in a mount that is gone after logout), else the running binary.
func Executable() (string, error) {
	if img := os.Getenv("APPIMAGE"); img != "" {
		return img, nil
	}
	return os.Executable()
}
