package settings

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

func TestFileStoreIs0600AndRoundTrips(t *testing.T) {
	dir := t.TempDir()
	svc, err := Open(dir, fileStore{path: filepath.Join(dir, keyFileName)})
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := svc.KeyInfo(); info.Set || info.Storage != KindFile {
		t.Fatalf("fresh store: %+v", info)
	}
	const key = "sk-mavi-0123456789abcdef"
	if err := svc.SetAPIKey("  " + key + "\n"); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(filepath.Join(dir, keyFileName))
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v", st.Mode().Perm())
	}
	got, _ := svc.APIKey()
	info, _ := svc.KeyInfo()
	if got != key || !info.Set || strings.Contains(info.Masked, "0123456789") {
		t.Fatalf("got %q, info %+v", got, info)
	}
	if err := svc.ClearAPIKey(); err != nil {
		t.Fatal(err)
	}
	if got, _ := svc.APIKey(); got != "" {
		t.Fatalf("key survived clear: %q", got)
	}
}

func TestKeychainStoreSelectedWhenAvailable(t *testing.T) {
	keyring.MockInit() // the real keychain needs a desktop session; the selection logic is what we test
	// A session bus, as far as the probe can tell (the mocked keychain never uses it).
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
	store := NewSecretStore(t.TempDir())
	if store.Kind() != KindKeychain {
		t.Fatalf("kind %q, want keychain", store.Kind())
	}
	if err := store.Set("sk-test-12345678"); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.Get(); got != "sk-test-12345678" {
		t.Fatalf("got %q", got)
	}
	if err := store.Delete(); err != nil || mustGet(t, store) != "" {
		t.Fatalf("delete: %v", err)
	}
}

func TestFileFallbackWhenKeychainFails(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	if store := NewSecretStore(t.TempDir()); store.Kind() != KindFile {
		t.Fatalf("kind %q, want file fallback", store.Kind())
	}
}

func mustGet(t *testing.T, s SecretStore) string {
	t.Helper()
	v, err := s.Get()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestValidateKeyAndMask(t *testing.T) {
	for _, bad := range []string{"", "Bearer sk-abcdefgh", "sk abc def", "short"} {
		if ValidateKey(bad) == nil {
			t.Errorf("ValidateKey(%q) accepted", bad)
		}
	}
	if err := ValidateKey("sk-mavi-abcdef123456"); err != nil {
		t.Error(err)
	}
	if m := MaskKey("sk-mavi-abcdef123456"); m != "sk-m••••••••3456" {
		t.Errorf("MaskKey = %q", m)
	}
	if m := MaskKey("abc"); strings.Contains(m, "abc") {
		t.Errorf("short key leaked: %q", m)
	}
}
