package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/core"
)

// Settings → System through the bound methods: notifications on by default and switchable,
// start at login writes the XDG autostart entry naming this program and removes it again.
func TestSystemSettings(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	a := NewApp(t.TempDir())
	c, err := core.Start(a.dataDir, core.Options{ForceSandbox: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	a.core = c
	close(a.ready)
	entry := filepath.Join(cfg, "autostart", "memories-desktop.desktop")
	st, err := a.GetSystem()
	if err != nil || !st.Notifications || st.StartAtLogin || !st.CanStart || st.LoginEntry != entry {
		t.Fatalf("at first: %+v %v", st, err)
	}
	if st, err = a.SetStartAtLogin(true); err != nil || !st.StartAtLogin {
		t.Fatalf("start at login: %+v %v", st, err)
	}
	exe, _ := os.Executable()
	if data, _ := os.ReadFile(entry); !strings.Contains(string(data), "\nExec="+exe+"\n") {
		t.Fatalf("the entry does not start %s:\n%s", exe, data)
	}
	if st, err = a.SetNotifications(false); err != nil || st.Notifications {
		t.Fatalf("notifications off: %+v %v", st, err)
	}
	if _, err := c.UpdateSettings(c.Settings()); err != nil { // what the Settings form saves
		t.Fatal(err)
	}
	if st, err = a.SetStartAtLogin(false); err != nil || st.StartAtLogin || st.Notifications {
		t.Fatalf("after the form was saved and start at login turned off: %+v %v", st, err)
	}
	if _, err := os.Lstat(entry); !os.IsNotExist(err) {
		t.Fatalf("the entry is still there: %v", err)
	}
}
