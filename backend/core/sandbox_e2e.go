//go:build e2e

package core

// SandboxURL returns the in-process emulator's base URL, starting it if needed. Only the browser
// test harness (build tag e2e) uses it, to reach the sandbox's control routes (/_sandbox/faults).
func (c *Service) SandboxURL() (string, error) { return c.sandbox.url() }
