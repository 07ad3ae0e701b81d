package settings

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/safefile"
)

const fileName = "settings.json"

// Load reads the preferences from dir. A missing file yields the defaults; a corrupt one is an
// error rather than a silent reset, so the user's choices are never thrown away unseen.
func Load(dir string) (contract.Settings, error) {
	data, err := os.ReadFile(filepath.Join(dir, fileName))
	if errors.Is(err, fs.ErrNotExist) {
		return Defaults(), nil
	}
	if err != nil {
		return contract.Settings{}, fmt.Errorf("read settings: %w", err)
	}
	s := Defaults()
	if err := json.Unmarshal(data, &s); err != nil {
		return contract.Settings{}, fmt.Errorf("settings file %s is damaged: %w", filepath.Join(dir, fileName), err)
	}
	return Normalize(s), nil
}

// Save validates s and writes it atomically: a crash leaves either the old or the new file.
func Save(dir string, s contract.Settings) error {
	s = Normalize(s)
	if err := Validate(s); err != nil {
		return err
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return WriteFileAtomic(filepath.Join(dir, fileName), append(data, '\n'), 0o600)
}

// WriteFileAtomic writes data to a temporary file beside path, syncs it and renames it over
// path, so readers never see a half-written file (safefile.WriteFile); the folder is created
// first when missing.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return safefile.WriteFile(path, data, perm)
}
