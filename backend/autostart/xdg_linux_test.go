package autostart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The entry lands in $XDG_CONFIG_HOME/autostart with the program quoted for Exec, and goes again.
func TestStartAtLoginWritesAndRemovesTheEntry(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	path := filepath.Join(cfg, "autostart", "memories-desktop.desktop")
	if st := Get(); !st.Available || st.Enabled || st.Where != path {
		t.Fatalf("before: %+v", st)
	}
	st, err := Set(true, "/opt/Memories Desktop/100%/memories-desktop")
	if err != nil || !st.Enabled {
		t.Fatalf("set: %+v %v", st, err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "\nExec=\"/opt/Memories Desktop/100%%/memories-desktop\"\n") ||
		!strings.HasPrefix(string(data), "[Desktop Entry]\nType=Application\n") {
		t.Fatalf("entry:\n%s", data)
	}
	if st, err := Set(false, ""); err != nil || st.Enabled {
		t.Fatalf("unset: %+v %v", st, err)
	}
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		t.Fatalf("the entry is still there: %v", err)
	}
	if _, err := Set(false, ""); err != nil {
		t.Fatalf("unset twice: %v", err)
	}
}

// A link at the entry's name is replaced by the entry, its target left alone; an entry the
// desktop switched off (Hidden=true) reads as off.
func TestStartAtLoginNeverWritesThroughALink(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	os.Mkdir(filepath.Join(cfg, "autostart"), 0o755)
	victim := filepath.Join(t.TempDir(), "bashrc")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	path := filepath.Join(cfg, "autostart", "memories-desktop.desktop")
	os.Symlink(victim, path)
	if _, err := Set(true, "/usr/bin/memories-desktop"); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(victim); string(data) != "keep me" {
		t.Fatalf("written through the link: %q", data)
	}
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() {
		t.Fatalf("the entry is not a plain file: %v %v", info, err)
	}
	os.WriteFile(path, []byte(entry("/usr/bin/memories-desktop")+"Hidden=true\n"), 0o644)
	if Get().Enabled {
		t.Fatal("an entry with Hidden=true reads as on")
	}
	if _, err := Set(true, "memories-desktop"); err == nil {
		t.Fatal("a relative program path was accepted")
	}
}

// A relative XDG_CONFIG_HOME is ignored, as the spec says: ~/.config is used.
func TestStartAtLoginIgnoresARelativeConfigHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "relative/dir")
	if st := Get(); st.Where != filepath.Join(home, ".config", "autostart", "memories-desktop.desktop") {
		t.Fatalf("where %q", st.Where)
	}
}
