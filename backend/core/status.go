package core

// Connection modes shown in the status bar.
const (
	ModeLive    = "live"    // talking to the configured service with a stored key
	ModeSandbox = "sandbox" // talking to the in-process emulator
	ModeNoKey   = "no-key"  // live mode, but no key stored yet
)

// Status is what the status bar shows.
type Status struct {
	Mode    string `json:"mode"`
	Scope   string `json:"scope"`
	BaseURL string `json:"baseUrl"`
	DataDir string `json:"dataDir"`
	// SandboxForced is set when MEMORIES_SANDBOX=1 overrides the setting, so Settings can say so.
	SandboxForced bool `json:"sandboxForced"`
}

// Status reports the current connection mode and scope.
func (c *Core) Status() Status {
	s := c.Settings.Get()
	st := Status{Mode: ModeLive, Scope: s.Scope, BaseURL: s.BaseURL, DataDir: c.DataDir, SandboxForced: c.forceSandbox}
	if c.SandboxActive() {
		st.Mode = ModeSandbox
		return st
	}
	if info, err := c.Settings.KeyInfo(); err != nil || !info.Set {
		st.Mode = ModeNoKey
	}
	return st
}
