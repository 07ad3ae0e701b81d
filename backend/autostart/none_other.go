//go:build !linux && !darwin && !windows

package autostart

import (
	"errors"

	"memories-desktop/backend/i18n"
)

func get() Status {
	return Status{Note: i18n.T("autostart.unavailable")}
}

func set(bool, string) error { return errors.New(i18n.T("autostart.unavailable")) }
