package validate

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// partSuffix is what a download in progress adds to its final name (transfer.PartSuffix; not
// imported, so the store and engine stay free to import this package).
const partSuffix = ".part"

// MaxNameBytes is the longest final file name: the .part name beside it must still fit the
// 255-byte name limit of common file systems.
const MaxNameBytes = 255 - len(partSuffix)

// DestFolder checks a download folder before the (billed) request: it exists, is a folder, and
// a file can be created in it. The probe really creates and removes a file, because permission
// bits do not tell about read-only mounts, ACLs or a superuser.
func DestFolder(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return invalid("folder", "%s does not exist", dir)
	case err != nil:
		return invalid("folder", "%s cannot be read: %v", dir, pathError(err))
	case !info.IsDir():
		return invalid("folder", "%s is not a folder", dir)
	}
	probe, err := os.CreateTemp(dir, ".memories-write-check-*")
	if err != nil {
		return invalid("folder", "cannot write in %s: %v", dir, pathError(err))
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// DestFile checks a download's final path: a name that fits (with its .part) and a folder
// DestFolder accepts.
func DestFile(path string) error {
	if err := FileName(filepath.Base(path)); err != nil {
		return err
	}
	return DestFolder(filepath.Dir(path))
}

// FileName checks a final file name's length in bytes (names are limited in bytes, not characters).
func FileName(name string) error {
	if len(name) > MaxNameBytes {
		return invalid("name", "the file name is %d bytes; at most %d fit beside the download's %s file",
			len(name), MaxNameBytes, partSuffix)
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
