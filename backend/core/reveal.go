package core

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// RevealInFolder opens the system file manager at path's folder (selecting the file where the
// OS allows it). A path that no longer exists opens its folder, or fails clearly.
func RevealInFolder(path string) error {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); err != nil {
		return err
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", "-R", path)
	case "windows":
		cmd = exec.Command("explorer", "/select,", path)
	default:
		cmd = exec.Command("xdg-open", dir)
	}
	return cmd.Start()
}
