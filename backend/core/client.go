package core

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/conn"
	"memories-desktop/backend/contract/mode"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/settings"
)

// SandboxEnv forces sandbox mode whatever the settings say (MEMORIES_SANDBOX=1).
const SandboxEnv = "MEMORIES_SANDBOX"

// sandboxKey is what the app sends to its own emulator; the sandbox accepts any non-empty key.
const sandboxKey = "sk-sandbox-local"

// SandboxFaultsEnv sets the in-process emulator's faults when it starts, as JSON in the shape
// its /_sandbox/faults takes ({"search_items":1000}): for benchmarks and tests of the window.
const SandboxFaultsEnv = "MEMORIES_SANDBOX_FAULTS"

func setFaults(s *sandbox.Server, spec string) error {
	if spec == "" {
		return nil
	}
	var f sandbox.Faults
	if err := json.Unmarshal([]byte(spec), &f); err != nil {
		return fmt.Errorf("%s: %w", SandboxFaultsEnv, err)
	}
	s.SetFaults(f)
	return nil
}

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
		if err := setFaults(run.Server, os.Getenv(SandboxFaultsEnv)); err != nil {
			run.Close()
			return "", err
		}
		e.run = run
	}
	return e.run.URL, nil
}

// seed adds the demo videos to scope in one step (sandbox.SeedVideos), starting the emulator
// if need be.
func (e *emulator) seed(scope string, n int) (int, error) {
	if _, err := e.url(); err != nil {
		return 0, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.run.Server.SeedVideos(scope, n), nil
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
func (c *Service) SandboxActive() bool { return c.forceSandbox || c.current().Sandbox }

// Client returns an API client for the saved settings: the in-process emulator in sandbox
// mode, else the configured service with the stored key.
func (c *Service) Client() (*api.Client, error) { return c.clientFor(c.current()) }

// usable refuses work that could only fail for want of a key, before anything is queued, so the
// UI keeps what the user staged.
func (c *Service) usable() error {
	if c.Status().Mode == mode.NoKey {
		return &api.ValidationError{Field: "APIKey", Message: i18n.T("error.noAPIKey")}
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

// TestConnection makes the cheapest call the app really depends on, the library list of the
// scope on screen with a page of one video (docs/API.md §7.1), with the settings shown on screen
// (s, not necessarily saved) and the stored key, and says what it tested and what happened. It
// waits for its slot like any request (on the pacer of the profile s selects) and its failure
// feeds that pacer's backoff, but it is not retried: a person is waiting for a verdict, and may
// press the button again.
func (c *Service) TestConnection(ctx context.Context, s contract.Settings) contract.Connection {
	ctx, cancel := context.WithTimeout(api.Impatient(ctx), 20*time.Second)
	defer cancel()
	s = settings.Normalize(s)
	res := c.describeTarget(s)
	err := settings.Validate(s)
	var client *api.Client
	if err == nil {
		client, err = c.clientFor(s)
	}
	var total int64
	if err == nil {
		total, err = probe(ctx, client.WithoutRetries(), s.Scope)
	}
	res.State = connState(err)
	res.Headline, res.Message = verdict(res.Mode, s, err, total)
	if res.OK = err == nil; !res.OK {
		info := DescribeFinal(err) // a one-off test: nothing retries it by itself
		res.Error = &info
		if res.State == conn.RateLimited {
			res.RetryAt = rateLimitEnd(err, time.Now()).UnixMilli()
		}
	}
	return res
}

// probe lists one video of scope: the call the Library makes, so a success means the app can
// work with this endpoint and key. It returns how many videos the scope holds.
func probe(ctx context.Context, client *api.Client, scope string) (int64, error) {
	page, err := client.ListVideos(ctx, contract.ListRequest{Scope: scope, Page: 1, Size: 1})
	return page.Total, err
}

// verdict words a connection test's outcome for what it is.
func verdict(m string, s contract.Settings, err error, total int64) (headline, message string) {
	service := serviceName(s.BaseURL)
	var apiErr *api.Error
	switch {
	case err == nil && m == mode.Sandbox:
		return i18n.T("conn.connected"), i18n.T("conn.sandboxAnswers", i18n.Args{"Scope": s.Scope, "Count": total})
	case err == nil:
		return i18n.T("conn.connected"), i18n.T("conn.listed", i18n.Args{"Service": service, "Scope": s.Scope, "Count": total})
	case errors.Is(err, api.ErrInvalidInput):
		summary, _ := Explain(err)
		return i18n.T("conn.notTested"), summary
	case errors.As(err, &apiErr) && apiErr.HTTPStatus == http.StatusNotFound:
		return i18n.T("conn.notFound"), i18n.T("conn.notFoundMessage", i18n.Args{"URL": s.BaseURL,
			"Path": "/serve/api/v1/list_videos", "Status": strconv.Itoa(apiErr.HTTPStatus)})
	}
	summary, _ := Explain(err)
	switch connState(err) {
	case conn.Rejected:
		return i18n.T("conn.rejected"), summary
	case conn.RateLimited:
		if m == mode.Sandbox {
			return i18n.T("conn.rateLimited"), i18n.T("conn.rateLimitedSandbox")
		}
		return i18n.T("conn.rateLimited"), i18n.T("conn.rateLimitedMessage", i18n.Args{"Service": service})
	case conn.Unreachable:
		return i18n.T("conn.unreachable"), summary
	}
	return i18n.T("conn.notConnected"), summary
}

// serviceName is "memories.ai" for the service's own hosts, else the host of base.
func serviceName(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" || isServiceHost(u.Host) {
		return "memories.ai"
	}
	return u.Host
}

// describeTarget names what a test of s talks to, without ever showing the key.
func (c *Service) describeTarget(s contract.Settings) contract.Connection {
	if c.forceSandbox || s.Sandbox {
		return contract.Connection{Mode: mode.Sandbox, Tested: i18n.T("conn.testedSandbox")}
	}
	info, err := c.prefs.KeyInfo()
	if err != nil || !info.Set {
		return contract.Connection{Mode: mode.NoKey, Tested: i18n.T("conn.testedNoKey", i18n.Args{"URL": s.BaseURL})}
	}
	return contract.Connection{Mode: mode.Live, Tested: i18n.T("conn.testedKey", i18n.Args{"URL": s.BaseURL, "Key": info.Masked})}
}

// clientFor builds a client for s as Client does for the saved settings.
func (c *Service) clientFor(s contract.Settings) (*api.Client, error) {
	if c.forceSandbox || s.Sandbox {
		url, err := c.sandbox.url()
		if err != nil {
			return nil, err
		}
		return api.New(api.Config{BaseURL: url, AssetBaseURL: url, APIKey: sandboxKey, HTTPClient: c.http, UserAgent: c.userAgent,
			Observe: c.health.observer(mode.Sandbox), Gate: c.pacerFor(c.profileDirOf(s)).Gate()})
	}
	key, err := c.apiKey()
	if err != nil {
		return nil, err
	}
	return api.New(api.Config{BaseURL: s.BaseURL, AssetBaseURL: s.AssetBaseURL, APIKey: key, HTTPClient: c.http, UserAgent: c.userAgent,
		Observe: c.health.observer(liveProfile(s.BaseURL, s.AssetBaseURL, key)), Gate: c.pacerFor(c.profileDirOf(s)).Gate()})
}
