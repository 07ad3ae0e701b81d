package settings

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// defaultDownloadDir is the user's Downloads folder as the desktop names it (XDG user dirs, so a
// localised "Téléchargements" counts), else ~/Downloads where it exists, else the home folder,
// so the defaults always pass validation.
func defaultDownloadDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return downloadDirFrom(home, os.Getenv)
}

func downloadDirFrom(home string, getenv func(string) string) string {
	for _, dir := range []string{xdgDownloadDir(home, getenv), filepath.Join(home, "Downloads")} {
		if dir != "" && isDir(dir) {
			return dir
		}
	}
	return home
}

// xdgDownloadDir reads XDG_DOWNLOAD_DIR from user-dirs.dirs (in $XDG_CONFIG_HOME, default
// ~/.config), as xdg-user-dir does, falling back to the variable of that name; "" when neither
// names an absolute folder. Values are "$HOME/…" or absolute paths, in double quotes.
func xdgDownloadDir(home string, getenv func(string) string) string {
	config := getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(config) {
		config = filepath.Join(home, ".config")
	}
	value := getenv("XDG_DOWNLOAD_DIR")
	if f, err := os.Open(filepath.Join(config, "user-dirs.dirs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOWNLOAD_DIR="); ok {
				value = strings.Trim(v, `"`)
			}
		}
	}
	if rest, ok := strings.CutPrefix(value, "$HOME"); ok {
		value = home + rest
	}
	if !filepath.IsAbs(value) || filepath.Clean(value) == filepath.Clean(home) {
		return "" // xdg-user-dirs sets a disabled folder to $HOME itself
	}
	return filepath.Clean(value)
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
