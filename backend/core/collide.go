package core

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/transfer"
)

// What to do with a download whose file name is taken, chosen once for all such names (listed
// for the UI in backend/contract/choice).
const (
	ChoiceReplace  = choice.Replace  // replace the file, atomically, once the new one is complete
	ChoiceKeepBoth = choice.KeepBoth // save as "name (1).mp4"
	ChoiceSkip     = choice.Skip     // leave the file and do not download
)

// ErrChoice rejects an unknown collision choice.
var ErrChoice = errors.New(`choose "replace", "keep" or "skip"`)

func checkChoice(choice string) error {
	switch choice {
	case "", ChoiceReplace, ChoiceKeepBoth, ChoiceSkip:
		return nil
	}
	return &api.ValidationError{Field: "choice", Message: ErrChoice.Error()}
}

// exists tells whether path names anything, a dangling symlink included.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// freeName returns path, or "name (1).ext", "name (2).ext"… whichever names nothing yet and is
// not in taken (names given to earlier downloads of the same batch).
func freeName(path string, taken map[string]bool) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for n := 1; exists(path) || taken[path]; n++ {
		path = fmt.Sprintf("%s (%d)%s", stem, n, ext)
	}
	return path
}

// resolve applies choice to one planned download whose destination exists; false means skip it.
func resolve(spec *transfer.DownloadSpec, choice string, taken map[string]bool) bool {
	switch choice {
	case ChoiceReplace:
		spec.Overwrite = true
	case ChoiceKeepBoth:
		spec.Dest = freeName(spec.Dest, taken)
	default:
		return false
	}
	return true
}
