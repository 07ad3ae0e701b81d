package main

import (
	"errors"

	"memories-desktop/backend/api"
	"memories-desktop/backend/validate"
)

// rejected turns a validation failure into a usage error (exit 2, nothing sent), naming the
// command and the field once; other errors pass through.
func rejected(name string, err error) error {
	var ve *api.ValidationError
	var ue *usageError
	switch {
	case errors.As(err, &ve):
		return usagef("%s: invalid %s: %s", name, ve.Field, ve.Message)
	case errors.As(err, &ue):
		return usagef("%s: %s", name, ue.msg)
	}
	return err
}

// checkScopeFlag applies the app's scope rule to a scope given with --scope, or from the
// environment or settings, before anything is sent.
func checkScopeFlag(name, scope string, given bool) error {
	if !given && scope == "" {
		return nil
	}
	return rejected(name, validate.Scope(scope))
}

// checkDest applies the app's destination rules to -o: an existing writable folder, or a file
// whose name fits beside its .part in such a folder.
func (d *destFlags) checkDest() error {
	switch {
	case d.out == "":
		return validate.DestFolder(".")
	case isDir(d.out):
		return validate.DestFolder(d.out)
	}
	return validate.DestFile(d.out)
}
