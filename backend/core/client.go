package core

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/settings"
)

// SandboxEnv forces sandbox mode whatever the settings say (MEMORIES_SANDBOX=1).
const SandboxEnv = "MEMORIES_SANDBOX"

// sandboxKey is what the app sends to its own emulator; the sandbox accepts any non-empty key.
const sandboxKey = "sk-sandbox-local"

// emulator runs the in-process sandbox on a loopback port, started on first use.
// Its library and uploaded bytes live in dir, so they survive restarts as a real account would.
type emulator struct {
	dir        string
	parseDelay time.Duration // how long new videos index; tests shorten it
	mu         sync.Mutex
	run        *sandbox.Running
}

func (e *emulator) url() (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.run == nil {
		run, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{ParseDelay: e.parseDelay,
			Dir: filepath.Join(e.dir, "media"), StateFile: filepath.Join(e.dir, "library.json")})
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
func (c *Service) SandboxActive() bool { return c.forceSandbox || c.Settings.Get().Sandbox }

// Client returns an API client for the saved settings: the in-process emulator in sandbox
// mode, else the configured service with the stored key.
func (c *Service) Client() (*api.Client, error) { return c.clientFor(c.Settings.Get()) }

// usable refuses work that could only fail for want of a key, before anything is queued, so the
// UI keeps what the user staged.
func (c *Service) usable() error {
	if c.Status().Mode == ModeNoKey {
		return &api.ValidationError{Field: "APIKey", Message: "no API key configured"}
	}
	_, err := c.Client()
	return err
}

// liveProfile names what a connection state is about: the endpoints and the key. The key only
// enters as a short hash, kept in memory.
func liveProfile(base, assetBase, key string) string {
	sum := sha256.Sum256([]byte(key))
	return base + " " + assetBase + " " + hex.EncodeToString(sum[:8])
}

// Connection is the outcome of TestConnection, for people. Tested says what was tried: the
// sandbox, or the endpoint and the masked key.
type Connection struct {
	OK      bool       `json:"ok"`
	Mode    string     `json:"mode"`
	Tested  string     `json:"tested"`
	Message string     `json:"message"`
	Scopes  []string   `json:"scopes"`
	Error   *ErrorInfo `json:"error,omitempty"`
}

// TestConnection makes one cheap authenticated call (list_unique_ids) with the settings shown on
// screen (s, not necessarily saved) and the stored key, and says what it tested and what happened.
// It waits for its slot like any request (on the pacer of the profile s selects) and its failure
// feeds that pacer's backoff, but it is not retried: a person is waiting for a verdict, and may
// press the button again.
func (c *Service) TestConnection(ctx context.Context, s settings.Settings) Connection {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	s = s.Normalize()
	conn := c.describeTarget(s)
	err := s.Validate()
	var client *api.Client
	if err == nil {
		client, err = c.clientFor(s)
	}
	if err == nil {
		var scopes []string
		if scopes, err = client.WithoutRetries().ListScopes(ctx); err == nil {
			conn.OK, conn.Scopes, conn.Message = true, scopes, connectedMessage(conn.Mode, len(scopes))
			return conn
		}
	}
	info := Describe(err)
	conn.Message, conn.Error = info.Message, &info
	return conn
}

// describeTarget names what a test of s talks to, without ever showing the key.
func (c *Service) describeTarget(s settings.Settings) Connection {
	if c.forceSandbox || s.Sandbox {
		return Connection{Mode: ModeSandbox, Tested: "the local sandbox (no key is used in sandbox mode)"}
	}
	info, err := c.Settings.KeyInfo()
	if err != nil || !info.Set {
		return Connection{Mode: ModeNoKey, Tested: s.BaseURL + " with no API key"}
	}
	return Connection{Mode: ModeLive, Tested: s.BaseURL + " with the key " + info.Masked}
}

// clientFor builds a client for s as Client does for the saved settings.
func (c *Service) clientFor(s settings.Settings) (*api.Client, error) {
	if c.forceSandbox || s.Sandbox {
		url, err := c.sandbox.url()
		if err != nil {
			return nil, err
		}
		return api.New(api.Config{BaseURL: url, AssetBaseURL: url, APIKey: sandboxKey, HTTPClient: httpClient(),
			Observe: c.health.observer(ModeSandbox), Gate: c.pacerFor(c.profileDirOf(s)).Gate()})
	}
	key, err := c.Settings.APIKey()
	if err != nil {
		return nil, err
	}
	return api.New(api.Config{BaseURL: s.BaseURL, AssetBaseURL: s.AssetBaseURL, APIKey: key, HTTPClient: httpClient(),
		Observe: c.health.observer(liveProfile(s.BaseURL, s.AssetBaseURL, key)), Gate: c.pacerFor(c.profileDirOf(s)).Gate()})
}

func connectedMessage(mode string, scopes int) string {
	if mode == ModeSandbox {
		return "The local sandbox answers (" + plural(scopes, "scope") + " in it)."
	}
	return "memories.ai accepted the key (" + plural(scopes, "scope") + " in this account)."
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
