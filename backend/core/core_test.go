package core

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/mode"
	"memories-desktop/backend/settings"
)

func fileSecrets(t *testing.T) settings.SecretStore {
	// The keychain needs a desktop session; the file store is the real fallback users get.
	return settings.NewSecretStoreAt(filepath.Join(t.TempDir(), "key"))
}

func TestStartTwiceReportsLocked(t *testing.T) {
	dir := t.TempDir()
	c, err := Start(dir, Options{Secrets: fileSecrets(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, err = Start(dir, Options{OpenTimeout: 100 * time.Millisecond, Secrets: fileSecrets(t)})
	if !errors.Is(err, contract.ErrLocked) {
		t.Fatalf("second Start: %v, want ErrLocked", err)
	}
}

func TestStatusModes(t *testing.T) {
	c := startCore(t, Options{})
	if got := c.Status().Mode; got != mode.NoKey {
		t.Fatalf("fresh mode %q", got)
	}
	if err := c.prefs.SetAPIKey("sk-mavi-abcdefgh1234"); err != nil {
		t.Fatal(err)
	}
	if got := c.Status(); got.Mode != mode.Live || got.Scope != "default" {
		t.Fatalf("with key: %+v", got)
	}
	s := c.current()
	s.Sandbox, s.DownloadDir = true, t.TempDir()
	if _, err := c.prefs.Update(s); err != nil {
		t.Fatal(err)
	}
	if got := c.Status().Mode; got != mode.Sandbox {
		t.Fatalf("sandbox mode %q", got)
	}
}
