package api

import (
	"context"
	"encoding/json"
	"errors"
	"memories-desktop/backend/contract"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// recordingGate lets every request through (or refuses with refuse) and records what it heard.
type recordingGate struct {
	mu     sync.Mutex
	waits  []string
	dones  []error
	refuse error
}

func (g *recordingGate) Wait(ctx context.Context, op string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.waits = append(g.waits, op)
	return g.refuse
}

func (g *recordingGate) Hold(string) time.Duration { return 0 }

func (g *recordingGate) Done(op string, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.dones = append(g.dones, err)
}

// failFirst answers the first n calls with status/code, then succeeds with data.
func failFirst(n int, status int, code string, data any) http.HandlerFunc {
	var mu sync.Mutex
	calls := 0
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		fail := calls <= n
		mu.Unlock()
		switch {
		case fail && status != http.StatusOK:
			w.Header().Set("Retry-After", "3")
			http.Error(w, "busy", status)
		case fail:
			writeEnvelope(w, code, "Request has exceeded the limit.", nil)
		default:
			writeEnvelope(w, "0000", "success", data)
		}
	}
}

func gated(f *fakeAPI) (*Client, *recordingGate) {
	g := &recordingGate{}
	return f.client.WithGate(g), g
}

// Every request asks the gate first, named by its operation, and reports its outcome after.
func TestGateHearsEveryRequest(t *testing.T) {
	f := newFakeAPI(t, okJSON(map[string]any{"unique_ids": []string{"default"}}))
	c, g := gated(f)
	if _, err := c.ListScopes(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(g.waits) != 1 || g.waits[0] != "list_scopes" || len(g.dones) != 1 || g.dones[0] != nil {
		t.Fatalf("waits %v dones %v", g.waits, g.dones)
	}
}

// A refused slot (a cancelled wait) sends nothing.
func TestGateRefusalSendsNothing(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	c, g := gated(f)
	g.refuse = context.Canceled
	if _, err := c.ListScopes(context.Background()); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if f.hits.Load() != 0 {
		t.Fatalf("%d requests sent after the gate refused", f.hits.Load())
	}
}

// A list that meets 0429 twice is retried through the gate, with the same body, and succeeds.
func TestListIsRetriedAfterRateLimit(t *testing.T) {
	inner := failFirst(2, http.StatusOK, "0429", map[string]any{"videos": []any{}, "total": 0})
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body["page"] != float64(3) {
			t.Errorf("retried body %v (%v)", body, err)
		}
		inner(w, r)
	})
	c, g := gated(f)
	if _, err := c.ListVideos(context.Background(), contract.ListRequest{Page: 3, Size: 10}); err != nil {
		t.Fatal(err)
	}
	if f.hits.Load() != 3 || len(g.waits) != 3 {
		t.Fatalf("%d requests, %d waits, want 3", f.hits.Load(), len(g.waits))
	}
	if !errors.Is(g.dones[0], ErrRateLimited) || g.dones[2] != nil {
		t.Fatalf("outcomes %v", g.dones)
	}
}

// Retries are bounded: a service that keeps refusing is reported after 1+maxRetries tries.
func TestRetriesAreBounded(t *testing.T) {
	f := newFakeAPI(t, failFirst(100, http.StatusServiceUnavailable, "", nil))
	c, _ := gated(f)
	if _, err := c.Metadata(context.Background(), "VI1", ""); !errors.Is(err, ErrServer) {
		t.Fatalf("err %v", err)
	}
	if f.hits.Load() != 1+maxRetries {
		t.Fatalf("%d requests, want %d", f.hits.Load(), 1+maxRetries)
	}
}

// Uploads are never repeated by the client; deletes only after a 0429; nothing without a gate
// or for a client that opted out.
func TestRetryPolicyPerOperation(t *testing.T) {
	cases := []struct {
		name   string
		status int
		code   string
		call   func(c *Client) error
		want   int64
	}{
		{"upload_url 0429", 200, "0429", func(c *Client) error {
			_, err := c.UploadURL(context.Background(), "https://cdn.example.com/a.mp4", UploadMeta{})
			return err
		}, 1},
		{"delete 0429", 200, "0429", func(c *Client) error { return c.DeleteVideos(context.Background(), "", []string{"VI1"}) }, 2},
		{"delete 503", 503, "", func(c *Client) error { return c.DeleteVideos(context.Background(), "", []string{"VI1"}) }, 1},
		{"task_status 503", 503, "", func(c *Client) error {
			_, err := c.TaskStatus(context.Background(), "T1", "")
			return err
		}, 2},
	}
	for _, tc := range cases {
		f := newFakeAPI(t, failFirst(1, tc.status, tc.code, map[string]any{"videoNo": "VI1"}))
		c, _ := gated(f)
		tc.call(c)
		if f.hits.Load() != tc.want {
			t.Errorf("%s: %d requests, want %d", tc.name, f.hits.Load(), tc.want)
		}
	}
	for _, c := range []func(*fakeAPI) *Client{
		func(f *fakeAPI) *Client { return f.client },
		func(f *fakeAPI) *Client { return f.client.WithGate(&recordingGate{}).WithoutRetries() },
	} {
		f := newFakeAPI(t, failFirst(1, 200, "0429", nil))
		c(f).ListScopes(context.Background())
		if f.hits.Load() != 1 {
			t.Errorf("%d requests without retries, want 1", f.hits.Load())
		}
	}
}

// No retry is attempted while the gate holds the lane longer than maxRetryWait.
func TestNoRetryBehindALongHold(t *testing.T) {
	f := newFakeAPI(t, failFirst(1, 200, "0429", nil))
	f.client.WithGate(&longHold{}).ListScopes(context.Background())
	if f.hits.Load() != 1 {
		t.Fatalf("%d requests behind a long hold, want 1", f.hits.Load())
	}
}

type longHold struct{ recordingGate }

func (*longHold) Hold(string) time.Duration { return maxRetryWait + time.Second }

// A retry whose wait is cancelled reports the service's answer, not the cancellation.
func TestCancelledRetryKeepsTheServiceError(t *testing.T) {
	f := newFakeAPI(t, failFirst(100, 200, "0429", nil))
	ctx, cancel := context.WithCancel(context.Background())
	g := &cancelOnSecondWait{cancel: cancel}
	_, err := f.client.WithGate(g).ListScopes(ctx)
	if !errors.Is(err, ErrRateLimited) || f.hits.Load() != 1 {
		t.Fatalf("err %v after %d requests", err, f.hits.Load())
	}
}

type cancelOnSecondWait struct {
	cancel context.CancelFunc
	n      int
}

func (g *cancelOnSecondWait) Wait(ctx context.Context, op string) error {
	if g.n++; g.n == 2 {
		g.cancel()
		return ctx.Err()
	}
	return nil
}

func (g *cancelOnSecondWait) Done(string, error)        {}
func (g *cancelOnSecondWait) Hold(string) time.Duration { return 0 }

// Retry-After is read as seconds or an HTTP date, bounded, and ignored when malformed.
func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"7": 7 * time.Second, "": 0, "soon": 0, "-3": 0, "99999999": maxRetryAfter,
		now.Add(90 * time.Second).Format(http.TimeFormat): 90 * time.Second,
		now.Add(-time.Hour).Format(http.TimeFormat):       0,
	}
	for v, want := range cases {
		e := withRetryAfter(&Error{}, http.Header{"Retry-After": {v}}, now)
		if got := RetryAfter(e); got != want {
			t.Errorf("Retry-After %q: %v, want %v", v, got, want)
		}
	}
	f := newFakeAPI(t, failFirst(1, 429, "", nil))
	_, err := f.client.ListScopes(context.Background())
	if RetryAfter(err) != 3*time.Second || !strings.Contains(err.Error(), "429") {
		t.Fatalf("err %v, Retry-After %v", err, RetryAfter(err))
	}
}
