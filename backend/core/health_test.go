package core

import (
	"context"
	"sync"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/conn"
	"memories-desktop/backend/contract/mode"
	"memories-desktop/backend/events"
	"memories-desktop/backend/sandbox"
)

// statusEvents records the StatusChanged payloads the UI would get.
type statusEvents struct {
	mu   sync.Mutex
	seen []contract.Status
}

func (e *statusEvents) Emit(name string, payload any) {
	if st, ok := payload.(contract.Status); ok && name == events.StatusChanged {
		e.mu.Lock()
		e.seen = append(e.seen, st)
		e.mu.Unlock()
	}
}

func (e *statusEvents) last() contract.Status {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.seen) == 0 {
		return contract.Status{}
	}
	return e.seen[len(e.seen)-1]
}

// liveCore points a Core at a sandbox that only accepts goodKey, with key stored.
func liveCore(t *testing.T, goodKey, key string) (*Service, *statusEvents) {
	c, ev, _ := liveCoreAt(t, goodKey, key)
	return c, ev
}

func liveCoreAt(t *testing.T, goodKey, key string) (*Service, *statusEvents, *sandbox.Running) {
	t.Helper()
	srv, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{APIKey: goodKey})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ev := &statusEvents{}
	c := startCore(t, Options{Emitter: ev})
	s := c.current()
	s.BaseURL, s.AssetBaseURL, s.DownloadDir = srv.URL, srv.URL, t.TempDir()
	if _, err := c.prefs.Update(s); err != nil {
		t.Fatal(err)
	}
	if err := c.prefs.SetAPIKey(key); err != nil {
		t.Fatal(err)
	}
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c, ev, srv
}

func listScopes(t *testing.T, c *Service) error {
	t.Helper()
	client, err := c.Client()
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.WithoutRetries().ListScopes(context.Background()) // each call is one outcome
	return err
}

func TestStaleKeyShownRejectedAfterOneFailedRequest(t *testing.T) {
	c, ev := liveCore(t, "sk-current-key-1234", "sk-stale-key-5678")
	if got := c.Status(); got.Mode != mode.Live || got.Connection != conn.Checking {
		t.Fatalf("before any request: %+v, want live/checking (a stored key proves nothing)", got)
	}
	if err := listScopes(t, c); err == nil {
		t.Fatal("the stale key was accepted")
	}
	if got := c.Status(); got.Connection != conn.Rejected || got.LastOK != 0 || got.ConnectionDetail == "" {
		t.Fatalf("after one rejected request: %+v", got)
	}
	if got := ev.last(); got.Connection != conn.Rejected {
		t.Fatalf("the UI was told %+v, want rejected", got)
	}
	if err := c.prefs.SetAPIKey("sk-current-key-1234"); err != nil {
		t.Fatal(err)
	}
	if got := c.Status().Connection; got != conn.Checking {
		t.Fatalf("new key before any request: %q, want checking (not the old key's verdict)", got)
	}
	before := time.Now().UnixMilli()
	if err := listScopes(t, c); err != nil {
		t.Fatal(err)
	}
	if got := c.Status(); got.Connection != conn.Connected || got.LastOK < before {
		t.Fatalf("after a successful request: %+v", got)
	}
}

func TestUnreachableAndRateLimitedShown(t *testing.T) {
	c, _, srv := liveCoreAt(t, "", "sk-any-key-1234")
	srv.Server.SetFaults(sandbox.Faults{RateLimitAfter: 1})
	start := time.Now()
	listScopes(t, c)
	if got := c.Status().Connection; got != conn.Connected {
		t.Fatalf("first call shown as %q", got)
	}
	listScopes(t, c)
	if got := c.Status(); got.Connection != conn.RateLimited || got.RetryAt < start.Add(50*time.Second).UnixMilli() {
		t.Fatalf("0429 shown as %+v", got)
	}
	srv.Close()
	listScopes(t, c)
	if got := c.Status().Connection; got != conn.Unreachable {
		t.Fatalf("a closed server shown as %q", got)
	}
}
