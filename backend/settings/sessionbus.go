package settings

import (
	"cmp"
	"fmt"
	"memories-desktop/backend/contract"
	"os"
	"path/filepath"
	"runtime"
)

// On Linux the keychain is the Secret Service on the D-Bus session bus. When no session bus is
// running, the D-Bus library "autolaunches" one with dbus-launch, and that dbus-daemon outlives
// the process: every CLI run in a plain terminal or a container would leave one behind. So the
// keychain is only asked when a session bus is already there, found the way the library finds
// it (the environment, else the per-user bus socket).

// userRuntimeDir is where the per-user bus lives (GLib and libdbus look there too); tests point
// it elsewhere.
var userRuntimeDir = cmp.Or(os.Getenv("XDG_RUNTIME_DIR"), fmt.Sprintf("/run/user/%d", os.Getuid()))

// SessionBusAvailable reports whether asking the keychain cannot start a D-Bus daemon.
func SessionBusAvailable() bool {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		return true // their keychains need no D-Bus
	}
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" {
		return addr != os.Getenv(contract.PrivateBusEnv) // the app's own bus has no keychain on it
	}
	for _, name := range []string{"bus", "dbus-session"} {
		if _, err := os.Stat(filepath.Join(userRuntimeDir, name)); err == nil {
			return true
		}
	}
	return false
}
