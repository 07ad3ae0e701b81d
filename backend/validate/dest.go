package validate

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"memories-desktop/backend/i18n"
	"memories-desktop/backend/safefile"
)

// MaxNameBytes is the longest final file name common file systems accept (255 bytes, not
// characters). The engine shortens the partial file's name when the suffix would not fit, so
// every name up to this length can be downloaded; a longer one would fail at the rename.
const MaxNameBytes = 255

// DestFolder checks a download folder before the (billed) request: it exists, is a folder, and
// a file can be created in it. The probe really creates and removes a file, because permission
// bits do not tell about read-only mounts, ACLs or a superuser.
func DestFolder(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return invalid("folder", "rule.dirMissing", i18n.Args{"Dir": dir})
	case err != nil:
		return invalid("folder", "rule.dirUnreadable", i18n.Args{"Dir": dir, "Error": pathError(err).Error()})
	case !info.IsDir():
		return invalid("folder", "rule.notDir", i18n.Args{"Dir": dir})
	}
	if err := safefile.ProbeWritable(dir); err != nil {
		return invalid("folder", "rule.dirReadOnly", i18n.Args{"Dir": dir, "Error": pathError(err).Error()})
	}
	return nil
}

// DestFile checks a download's final path: a name that fits and a folder DestFolder accepts.
func DestFile(path string) error {
	if err := FileName(filepath.Base(path)); err != nil {
		return err
	}
	return DestFolder(filepath.Dir(path))
}

// FileName checks a final file name's length in bytes (names are limited in bytes, not characters).
func FileName(name string) error {
	if len(name) > MaxNameBytes {
		return invalid("name", "rule.nameLong", i18n.Args{"Bytes": strconv.Itoa(len(name)), "Max": strconv.Itoa(MaxNameBytes)})
	}
	return nil
}

// pathError drops the path an *fs.PathError repeats, so a message names it once.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// OutsideDataDir refuses a download folder that is the app's data folder or inside it: its
// database, settings and key are never a download's target, whatever name a server sends.
// Links are resolved, so another path to the same folder is refused too.
func OutsideDataDir(dir, dataDir string) error {
	if dataDir == "" {
		return nil
	}
	d, data := realPath(dir), realPath(dataDir)
	if rel, err := filepath.Rel(data, d); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return invalid("folder", "rule.dataDir", i18n.Args{"Dir": dir})
	}
	return nil
}

// realPath is path made absolute with links resolved, as far as it exists.
func realPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}
