//go:build !linux

package safefile

// probeUnnamed: only Linux has unnamed files (O_TMPFILE); a named probe does here.
func probeUnnamed(string) (bool, error) { return false, nil }
