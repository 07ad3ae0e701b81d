package core

import (
	"context"
	"strconv"
	"sync"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/sandbox"
)

// SandboxEnv forces sandbox mode whatever the settings say (MEMORIES_SANDBOX=1).
const SandboxEnv = "MEMORIES_SANDBOX"

// sandboxKey is what the app sends to its own emulator; the sandbox accepts any non-empty key.
const sandboxKey = "sk-sandbox-local"

// emulator runs the in-process sandbox on a loopback port, started on first use.
type emulator struct {
	mu  sync.Mutex
	run *sandbox.Running
}

func (e *emulator) url() (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.run == nil {
		run, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{ParseDelay: 8 * time.Second})
		if err != nil {
			return "", err
		}
		e.run = run
	}
	return e.run.URL, nil
}

func (e *emulator) close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.run == nil {
		return nil
	}
	err := e.run.Close()
	e.run = nil
	return err
}

// SandboxActive reports whether calls go to the local emulator.
func (c *Core) SandboxActive() bool { return c.forceSandbox || c.Settings.Get().Sandbox }

// Client returns an API client for the current settings: the in-process emulator in sandbox
// mode, else the configured service with the stored key.
func (c *Core) Client() (*api.Client, error) {
	s := c.Settings.Get()
	if c.SandboxActive() {
		url, err := c.sandbox.url()
		if err != nil {
			return nil, err
		}
		return api.New(api.Config{BaseURL: url, AssetBaseURL: url, APIKey: sandboxKey, HTTPClient: httpClient()})
	}
	key, err := c.Settings.APIKey()
	if err != nil {
		return nil, err
	}
	return api.New(api.Config{BaseURL: s.BaseURL, AssetBaseURL: s.AssetBaseURL, APIKey: key, HTTPClient: httpClient()})
}

// Connection is the outcome of TestConnection, for people.
type Connection struct {
	OK      bool       `json:"ok"`
	Mode    string     `json:"mode"`
	Message string     `json:"message"`
	Scopes  []string   `json:"scopes"`
	Error   *ErrorInfo `json:"error,omitempty"`
}

// TestConnection makes one cheap authenticated call (list_unique_ids) and says what happened.
func (c *Core) TestConnection(ctx context.Context) Connection {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	mode := c.Status().Mode
	client, err := c.Client()
	if err == nil {
		var scopes []string
		if scopes, err = client.ListScopes(ctx); err == nil {
			return Connection{OK: true, Mode: mode, Scopes: scopes, Message: connectedMessage(mode, len(scopes))}
		}
	}
	info := Describe(err)
	return Connection{Mode: mode, Message: info.Message, Error: &info}
}

func connectedMessage(mode string, scopes int) string {
	where := "memories.ai"
	if mode == ModeSandbox {
		where = "the local sandbox"
	}
	return "Connected to " + where + "; the key works (" + plural(scopes, "scope") + " in this account)."
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
