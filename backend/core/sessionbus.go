package core

import "memories-desktop/backend/settings"

// SessionBusAvailable says whether a D-Bus session bus answers (Linux), where the key store
// lives; the app starts a private one when there is none (contract.PrivateBusEnv).
func SessionBusAvailable() bool { return settings.SessionBusAvailable() }
