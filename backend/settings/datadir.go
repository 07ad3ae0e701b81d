package settings

import (
	"os"
	"path/filepath"
)

// DataDirEnv overrides where the app keeps its database, settings and fallback key file.
const DataDirEnv = "MEMORIES_DATA_DIR"

// DataDir returns MEMORIES_DATA_DIR when set, else the OS user config dir + "memories-desktop".
// It does no I/O, so it is safe before wails.Run.
func DataDir() (string, error) {
	if dir := os.Getenv(DataDirEnv); dir != "" {
		return filepath.Abs(dir)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "memories-desktop"), nil
}
