package core

import (
	"context"
	"errors"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/events"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/store"
)

const pacedKey = "sk-paced-key-1234"

// pacedCore is a Service on a live sandbox whose profile pacer runs on a fake clock.
func pacedCore(t *testing.T) (*Service, *sandbox.Running, *clocktest.Fake) {
	t.Helper()
	srv, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{APIKey: pacedKey})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	c := startCore(t, Options{})
	fake := clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	c.pace.clock = fake // before the first client is handed out
	useService(t, c, srv.URL, pacedKey)
	if err := c.ApplySettings(); err != nil { // the app applies saved settings: the profile moves
		t.Fatal(err)
	}
	return c, srv, fake
}

// refreshAsync runs RefreshLibrary and reports its error on the returned channel.
func refreshAsync(c *Service) <-chan error {
	done := make(chan error, 1)
	go func() {
		_, err := c.RefreshLibrary(context.Background(), events.Discard{})
		done <- err
	}()
	return done
}

// waitPending fails the test unless something waits on the fake clock within 10 s.
func waitPending(t *testing.T, fake *clocktest.Fake) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := fake.BlockUntilContext(ctx, 1); err != nil {
		t.Fatal("nothing waited for the pacer:", err)
	}
}

func receive(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second): // a guard against a hang, not a sleep
		t.Fatal("the refresh never finished")
		return nil
	}
}

// A Library refresh right after another waits for the list slot (5 a second) before it sends.
func TestRefreshLibraryWaitsForThePacer(t *testing.T) {
	c, srv, fake := pacedCore(t)
	if err := receive(t, refreshAsync(c)); err != nil {
		t.Fatal(err)
	}
	calls := srv.Server.Stats().Calls
	done := refreshAsync(c)
	waitPending(t, fake)
	if got := srv.Server.Stats().Calls; got != calls {
		t.Fatalf("the second refresh sent before its slot (%d calls, want %d)", got, calls)
	}
	fake.Advance(200 * time.Millisecond)
	if err := receive(t, done); err != nil {
		t.Fatal(err)
	}
	if got := srv.Server.Stats().Calls; got != calls+1 {
		t.Fatalf("%d calls after the slot, want %d", got, calls+1)
	}
}

// A refresh that meets 0429 backs off on the profile's pacer, then retries and succeeds; the
// server sees exactly the refused request and the retry.
func TestRefreshLibraryBacksOffAfterRateLimit(t *testing.T) {
	c, srv, fake := pacedCore(t)
	srv.Server.SetFaults(sandbox.Faults{RateLimitAfter: 1})
	spendBudget(t, srv)
	calls := srv.Server.Stats().Calls
	done := refreshAsync(c)
	waitPending(t, fake) // the retry waits out the backoff
	if got := srv.Server.Stats().Calls; got != calls+1 {
		t.Fatalf("%d calls before the backoff ran out, want %d (the refused one)", got, calls+1)
	}
	srv.Server.SetFaults(sandbox.Faults{})
	fake.Advance(1200 * time.Millisecond) // the first backoff: 1 s ±20%
	if err := receive(t, done); err != nil {
		t.Fatalf("refresh after a 0429: %v", err)
	}
	if got := srv.Server.Stats().Calls; got != calls+2 {
		t.Fatalf("%d calls, want %d (the 0429 and one retry)", got, calls+2)
	}
}

// spendBudget uses the sandbox's one allowed call from outside the app (another device on the
// same account), so the app's next request is refused with 0429.
func spendBudget(t *testing.T, srv *sandbox.Running) {
	t.Helper()
	other, err := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: pacedKey})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.ListScopes(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := other.ListScopes(context.Background()); !errors.Is(err, api.ErrRateLimited) {
		t.Fatalf("the sandbox did not start refusing: %v", err)
	}
}

// The profile's send times are saved into its own database when the Service closes, so the
// next process (app or CLI) keeps the spacing.
func TestProfilePacerIsSavedOnClose(t *testing.T) {
	c, _, _ := pacedCore(t)
	if _, err := c.RefreshLibrary(context.Background(), events.Discard{}); err != nil {
		t.Fatal(err)
	}
	dir := c.profileDir()
	if dir == c.DataDir {
		t.Fatal("the test wants a profile of its own")
	}
	c.Close()
	db, err := store.Open(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if last := pacing.Load(db); last[pacing.EpList].IsZero() {
		t.Fatalf("saved send times %v, want the list's", last)
	}
}

// The Settings switch turns the spacing off for every client of the profile at once (backoff
// after failures stays: backend/pacing TestPacerOffLetsAllThroughButStillBacksOff): back-to-back
// refreshes go out.
func TestPacingSwitchOffLetsRefreshesThrough(t *testing.T) {
	c, srv, _ := pacedCore(t)
	s := c.Settings.Get()
	s.Pacing = false
	if _, err := c.Settings.Update(s); err != nil {
		t.Fatal(err)
	}
	if err := c.ApplySettings(); err != nil {
		t.Fatal(err)
	}
	calls := srv.Server.Stats().Calls
	for range 3 {
		if err := receive(t, refreshAsync(c)); err != nil {
			t.Fatal(err)
		}
	}
	if got := srv.Server.Stats().Calls; got != calls+3 {
		t.Fatalf("%d calls, want 3", got-calls)
	}
}

// The engine and the Library share the profile's pacer: a refresh uses the list slot the
// engine's pollers then wait for.
func TestEngineSharesTheProfilePacer(t *testing.T) {
	c, _, _ := pacedCore(t)
	if err := c.StartEngine(context.Background(), events.Discard{}); err != nil {
		t.Fatal(err)
	}
	if got := c.Engine().NextSlot(pacing.EpList); got != 0 {
		t.Fatalf("list slot busy before any request: %v", got)
	}
	if err := receive(t, refreshAsync(c)); err != nil {
		t.Fatal(err)
	}
	if got := c.Engine().NextSlot(pacing.EpList); got != 200*time.Millisecond {
		t.Fatalf("the engine sees the list slot in %v after the refresh, want 200ms", got)
	}
}
