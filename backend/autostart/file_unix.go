//go:build linux || darwin

package autostart

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/i18n"
	"memories-desktop/backend/safefile"
)

// get says enabled when the entry is a file of ours that is not switched off in it.
func get() Status {
	path, err := entryPath()
	if err != nil {
		return Status{Note: i18n.T("autostart.unavailableWhy", i18n.Args{"Error": err.Error()})}
	}
	st := Status{Available: true, Where: path}
	data, err := os.ReadFile(path)
	st.Enabled = err == nil && !disabled(string(data))
	return st
}

func set(on bool, exe string) error {
	path, err := entryPath()
	if err != nil {
		return err
	}
	if !on {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if !filepath.IsAbs(exe) {
		return errors.New(i18n.T("autostart.fullPath", i18n.Args{"Path": exe}))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return safefile.WriteFile(path, []byte(entry(exe)), 0o644) // replaces a link, never follows it
}

// disabled reads an XDG entry's own switches (Hidden=true, X-GNOME-Autostart-enabled=false).
func disabled(entry string) bool {
	for _, line := range strings.Split(entry, "\n") {
		switch strings.TrimSpace(line) {
		case "Hidden=true", "X-GNOME-Autostart-enabled=false":
			return true
		}
	}
	return false
}
