package settings

import (
	"os"
	"path/filepath"
	"testing"
)

// The default download folder is the one the desktop names in user-dirs.dirs (a localised name
// too), else ~/Downloads, else home; a named folder that does not exist is not chosen.
func TestDefaultDownloadDirFollowsXDGUserDirs(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	if got := downloadDirFrom(home, getenv); got != home {
		t.Fatalf("no Downloads anywhere: %q, want home", got)
	}
	mkdir(t, home, "Downloads")
	if got := downloadDirFrom(home, getenv); got != filepath.Join(home, "Downloads") {
		t.Fatalf("~/Downloads: %q", got)
	}
	mkdir(t, home, ".config")
	write(t, filepath.Join(home, ".config", "user-dirs.dirs"), "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n")
	if got := downloadDirFrom(home, getenv); got != filepath.Join(home, "Downloads") {
		t.Fatalf("named folder missing: %q, want ~/Downloads", got)
	}
	mkdir(t, home, "Téléchargements")
	if got := downloadDirFrom(home, getenv); got != filepath.Join(home, "Téléchargements") {
		t.Fatalf("user-dirs.dirs: %q", got)
	}
	other := t.TempDir()
	mkdir(t, other, "dl")
	write(t, filepath.Join(other, "user-dirs.dirs"), "XDG_DOWNLOAD_DIR=\""+filepath.Join(other, "dl")+"\"\n")
	env["XDG_CONFIG_HOME"] = other
	if got := downloadDirFrom(home, getenv); got != filepath.Join(other, "dl") {
		t.Fatalf("XDG_CONFIG_HOME: %q", got)
	}
}

func mkdir(t *testing.T, parts ...string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(parts...), 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
