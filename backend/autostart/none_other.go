//go:build !linux && !darwin && !windows

package autostart

import "errors"

func get() Status {
	return Status{Note: "start at login is not available on this system"}
}

func set(bool, string) error { return errors.New("start at login is not available on this system") }
