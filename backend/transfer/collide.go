package transfer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/contract/choice"
)

// Exists tells whether path names anything, a dangling symlink included.
func Exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// FreeName returns path, or "name (1).ext", "name (2).ext"… whichever names nothing yet and is
// not in taken (names given to earlier downloads of the same batch).
func FreeName(path string, taken map[string]bool) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for n := 1; Exists(path) || taken[path]; n++ {
		path = fmt.Sprintf("%s (%d)%s", stem, n, ext)
	}
	return path
}

// errSkipExisting means the server's name for a file is taken and the job was told to skip it.
var errSkipExisting = errors.New("the file exists; skipped as asked")

// onExists applies the job's collision choice (DownloadSpec.OnExists) to a name the server's
// answer gave: replace the file, keep both (a free "name (1)" name) or skip the download.
func onExists(spec DownloadSpec) (DownloadSpec, error) {
	if !Exists(spec.Dest) {
		return spec, nil
	}
	switch spec.OnExists {
	case choice.Replace:
		spec.Overwrite = true
	case choice.KeepBoth:
		spec.Dest = FreeName(spec.Dest, nil)
	case choice.Skip:
		return spec, errSkipExisting
	}
	return spec, nil
}
