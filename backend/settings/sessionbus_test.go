package settings

import (
	"memories-desktop/backend/contract"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// fakeDBusLaunch puts a dbus-launch first on PATH that only records that it was run.
func fakeDBusLaunch(t *testing.T) (ran string) {
	bin := t.TempDir()
	ran = filepath.Join(t.TempDir(), "ran")
	script := "#!/bin/sh\ntouch '" + ran + "'\nexit 1\n"
	if err := os.WriteFile(filepath.Join(bin, "dbus-launch"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return ran
}

func TestNoSessionBusMeansNoDBusDaemonIsStarted(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		return // no D-Bus there
	}
	ran := fakeDBusLaunch(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	old := userRuntimeDir
	userRuntimeDir = t.TempDir() // no bus socket in it
	t.Cleanup(func() { userRuntimeDir = old })

	s := NewSecretStore(t.TempDir())
	if s.Kind() != KindFile {
		t.Fatalf("store kind %s without a session bus", s.Kind())
	}
	if _, err := os.Stat(ran); err == nil {
		t.Fatal("dbus-launch was run: a stray dbus-daemon would outlive the process")
	}
}

func TestABusSocketCountsAsASession(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	old := userRuntimeDir
	userRuntimeDir = t.TempDir()
	t.Cleanup(func() { userRuntimeDir = old })
	if runtime.GOOS == "linux" && SessionBusAvailable() {
		t.Fatal("an empty runtime folder counted as a session")
	}
	os.WriteFile(filepath.Join(userRuntimeDir, "bus"), nil, 0o600)
	if !SessionBusAvailable() {
		t.Fatal("the per-user bus socket was not found")
	}
}

// The app's own private bus (started when there was no session) carries no keychain.
func TestThePrivateBusIsNotASession(t *testing.T) {
	if runtime.GOOS != "linux" {
		return
	}
	old := userRuntimeDir
	userRuntimeDir = t.TempDir()
	t.Cleanup(func() { userRuntimeDir = old })
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:abstract=/tmp/dbus-private")
	t.Setenv(contract.PrivateBusEnv, "unix:abstract=/tmp/dbus-private")
	if SessionBusAvailable() {
		t.Fatal("the app's private bus counted as a session with a keychain")
	}
	t.Setenv(contract.PrivateBusEnv, "")
	if !SessionBusAvailable() {
		t.Fatal("a session bus address did not count")
	}
}
