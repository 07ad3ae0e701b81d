package core

import (
	"errors"
	"fmt"
	"os"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/transfer"
)

// ErrChoice rejects an unknown collision choice.
var ErrChoice = errors.New(`choose "replace", "keep" or "skip"`)

func checkChoice(pick string) error {
	switch pick {
	case "", choice.Replace, choice.KeepBoth, choice.Skip:
		return nil
	}
	return &api.ValidationError{Field: "choice", Message: ErrChoice.Error()}
}

// exists and freeName are the engine's, which applies the same choice to a server-named file.
var exists, freeName = transfer.Exists, transfer.FreeName

// resolve applies choice to one planned download whose destination exists; false means skip it.
func resolve(spec *transfer.DownloadSpec, pick string, taken map[string]bool) bool {
	switch pick {
	case choice.Replace:
		spec.Overwrite = true
	case choice.KeepBoth:
		spec.Dest = freeName(spec.Dest, taken)
	default:
		return false
	}
	return true
}

// ErrNameTaken means a download's file name is taken and no choice was made (Place).
var ErrNameTaken = errors.New("destination already exists")

// Placement is where one download goes once its name is decided, before any request.
type Placement struct {
	Path    string
	Replace bool // the name holds a regular file, to be replaced once the new one is complete
	Skip    bool // the name is taken and the choice was to skip
}

// ErrNotReplaceable refuses to replace something that is not a regular file (a folder, a link).
var ErrNotReplaceable = errors.New("not a regular file")

// Place applies choice ("" when none was made) to a download to path, given the names earlier
// downloads of the same batch took (taken gains this one). A taken name without a choice is
// ErrNameTaken; replacing anything but a regular file is ErrNotReplaceable.
func Place(path, pick string, taken map[string]bool) (Placement, error) {
	spec := transfer.DownloadSpec{Dest: path}
	if taken[path] || exists(path) {
		if pick == choice.Replace && !taken[path] && !isRegular(path) {
			return Placement{}, &wordedError{key: "error.notReplaceable", params: i18n.Args{"Path": path}, kind: ErrNotReplaceable}
		}
		if pick == "" {
			return Placement{}, fmt.Errorf("%w: %s", ErrNameTaken, path)
		}
		if pick == choice.Replace && taken[path] {
			pick = choice.KeepBoth // two downloads of one batch never replace each other
		}
		if !resolve(&spec, pick, taken) {
			return Placement{Path: path, Skip: true}, nil
		}
	}
	taken[spec.Dest] = true
	return Placement{Path: spec.Dest, Replace: spec.Overwrite}, nil
}

func isRegular(path string) bool {
	st, err := os.Lstat(path)
	return err == nil && st.Mode().IsRegular()
}
