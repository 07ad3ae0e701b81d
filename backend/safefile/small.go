package safefile

import (
	"os"
	"path/filepath"
)

// WriteFile replaces path with data, atomically: the bytes go to a new temporary file beside
// path (created with O_EXCL, so never an existing name or a link), are synced, given perm, and
// renamed over path, so a reader or a crash sees the old file or the new one, never half of one.
// A link at path is replaced by the file, never written through. The folder must exist.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return CannotCreate(path, err)
	}
	defer os.Remove(tmp.Name()) // nothing left to remove after the rename
	if err := writeSyncClose(tmp, data, perm); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

func writeSyncClose(f *os.File, data []byte, perm os.FileMode) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
