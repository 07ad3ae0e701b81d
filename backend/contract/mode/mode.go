// Package mode names the connection modes of core.Status.Mode. It is its own package because
// Wails v2.11 writes the enums of one Go package in map order (see backend/contract).
package mode

// Mode is the TypeScript enum's type; Go code uses the untyped constants below.
type Mode string

// Connection modes shown in the status bar.
const (
	Live    = "live"    // talking to the configured service with a stored key
	Sandbox = "sandbox" // talking to the in-process emulator
	NoKey   = "no-key"  // live mode, but no key stored yet
)

// All lists every mode with its TypeScript name, in the shape Wails' EnumBind expects.
var All = []struct {
	Value  Mode
	TSName string
}{
	{Live, "Live"}, {Sandbox, "Sandbox"}, {NoKey, "NoKey"},
}
