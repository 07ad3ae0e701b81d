package core

import (
	"cmp"
	"errors"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/store"
	"path/filepath"
	"time"
)

// The profile database seen from a front end: checked, and repaired when damaged.

// CheckDatabase reads the database in dir and reports what is wrong with it, waiting at most
// wait for another process to let it go.
func CheckDatabase(dir string, wait time.Duration) (contract.DBReport, error) {
	return store.Check(dir, wait)
}

// RepairDatabase moves the damaged database named by damaged (else the one in dir) aside,
// keeping it, and starts a fresh one with what can be read. wait bounds the wait for another
// process to let it go (0: the default).
func RepairDatabase(dir string, damaged error, wait time.Duration) (contract.Repaired, error) {
	var d *store.DamagedError
	if errors.As(damaged, &d) {
		dir = filepath.Dir(d.Path) // the profile's database folder, which may not be the data folder
	}
	return store.Repair(dir, cmp.Or(wait, store.DefaultOpenTimeout))
}

// DamagedFile names the damaged database err is about and what is wrong with it (technical
// detail); the path is "" when err names no file.
func DamagedFile(err error) (path, detail string) {
	var d *store.DamagedError
	if errors.As(err, &d) {
		return d.Path, d.Detail
	}
	return "", err.Error()
}
