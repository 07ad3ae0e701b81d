package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/sandbox"
)

// pacedRun starts the CLI in-process with its pacer on fake and proactive pacing on, and
// reports the result when it ends.
func (e *testEnv) pacedRun(fake *clocktest.Fake, args ...string) <-chan runResult {
	e.env["MEMORIES_RATE_LIMITS"] = "" // pacing on, the default
	done := make(chan runResult, 1)
	go func() {
		var out, errOut bytes.Buffer
		c := newCLI(strings.NewReader(""), &out, &errOut, func(k string) string { return e.env[k] })
		c.clock = fake
		code := c.run(context.Background(), args)
		done <- runResult{code, out.String(), errOut.String()}
	}()
	return done
}

// fakeClock is the pacing tests' clock, at noon on 1 January 2026.
func fakeClock() *clocktest.Fake { return clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)) }

// listHeldByPacer starts a paced `memories list --json` and waits until, after exactly one call,
// it waits on the pacer; it returns the clock, the run and the sandbox's call count before it.
func (e *testEnv) listHeldByPacer(t *testing.T) (*clocktest.Fake, <-chan runResult, int) {
	t.Helper()
	fake := fakeClock()
	calls := e.sb.Stats().Calls
	done := e.pacedRun(fake, "list", "--json")
	pending(t, fake)
	if got := e.sb.Stats().Calls; got != calls+1 {
		t.Fatalf("%d calls before the pacer held the list, want %d", got, calls+1)
	}
	return fake, done, calls
}

func pending(t *testing.T, fake *clocktest.Fake) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := fake.BlockUntilContext(ctx, 1); err != nil {
		t.Fatal("nothing waited for the pacer:", err)
	}
}

func finished(t *testing.T, done <-chan runResult) runResult {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(20 * time.Second): // a guard against a hang, not a sleep
		t.Fatal("memories list never finished")
		return runResult{}
	}
}

// sandboxClient talks to the test sandbox directly, unpaced: another device on the account.
func (e *testEnv) sandboxClient(t *testing.T) *api.Client {
	t.Helper()
	c, err := api.New(api.Config{BaseURL: e.env["MEMORIES_BASE_URL"], AssetBaseURL: e.env["MEMORIES_BASE_URL"],
		APIKey: e.env["MEMORIES_API_KEY"]})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// `memories list` over two pages sends the second only when the list slot (5 a second) comes.
func TestListWaitsForThePacer(t *testing.T) {
	e := newTestEnv(t)
	other := e.sandboxClient(t)
	for i := range listPageSize + 1 {
		if _, err := other.UploadURL(context.Background(), fmt.Sprintf("https://cdn.example.com/%d.mp4", i), api.UploadMeta{}); err != nil {
			t.Fatal(err)
		}
	}
	fake, done, calls := e.listHeldByPacer(t)
	fake.Advance(200 * time.Millisecond)
	r := finished(t, done)
	if r.code != exitOK || len(r.lines(t)) != listPageSize+1 || e.sb.Stats().Calls != calls+2 {
		t.Fatalf("exit %d, %d rows, %d calls; stderr %s", r.code, len(r.lines(t)), e.sb.Stats().Calls-calls, r.stderr)
	}
}

// `memories list` that meets 0429 backs off, retries and succeeds: the server sees the refused
// request and one retry, and nothing about the refusal reaches stdout.
func TestListBacksOffAfterRateLimit(t *testing.T) {
	e := newTestEnv(t)
	other := e.sandboxClient(t)
	e.sb.SetFaults(sandbox.Faults{RateLimitAfter: 1})
	other.ListScopes(context.Background())
	if _, err := other.ListScopes(context.Background()); !errors.Is(err, api.ErrRateLimited) {
		t.Fatalf("the sandbox did not start refusing: %v", err)
	}
	fake, done, calls := e.listHeldByPacer(t)
	e.sb.SetFaults(sandbox.Faults{})
	fake.Advance(1200 * time.Millisecond) // the first backoff: 1 s ±20%
	r := finished(t, done)
	if r.code != exitOK || strings.TrimSpace(r.stdout) != "" || e.sb.Stats().Calls != calls+2 {
		t.Fatalf("exit %d, stdout %q, %d calls; stderr %s", r.code, r.stdout, e.sb.Stats().Calls-calls, r.stderr)
	}
}

// The upload slot outlives the process: a second `memories upload-url` right after the first
// loads the send time the first saved in the profile's database and waits out the minute.
func TestUploadSlotIsKeptAcrossRuns(t *testing.T) {
	e := newTestEnv(t)
	fake := fakeClock()
	if r := finished(t, e.pacedRun(fake, "upload-url", "https://cdn.example.com/1.mp4")); r.code != exitOK {
		t.Fatalf("first upload: exit %d, stderr %s", r.code, r.stderr)
	}
	done := e.pacedRun(fake, "upload-url", "https://cdn.example.com/2.mp4")
	pending(t, fake)
	if n := e.sb.Stats().URLUploads; n != 1 {
		t.Fatalf("%d uploads before the slot, want 1", n)
	}
	fake.Advance(time.Minute)
	if r := finished(t, done); r.code != exitOK || e.sb.Stats().URLUploads != 2 {
		t.Fatalf("second upload: exit %d, %d uploads, stderr %s", r.code, e.sb.Stats().URLUploads, r.stderr)
	}
}

// A job waiting to try again says so once per wait, with why and when, on stderr.
func TestCLISaysWhyAndWhenAJobRetries(t *testing.T) {
	var errOut strings.Builder
	e := newCLIEmitter(&printer{stdout: io.Discard, stderr: &errOut})
	at := time.Date(2026, 12, 4, 21, 43, 5, 0, time.Local).UnixMilli()
	limited := contract.JobView{ID: 1, Name: "clip.mp4", State: jobstate.Running,
		Retry: &contract.RetryView{At: at, Cause: "rate-limited", RateLimited: true}}
	e.Emit("transfer:job", limited)
	e.Emit("transfer:job", limited) // the same wait: said once
	e.Emit("transfer:job", contract.JobView{ID: 2, Name: "b.mp4", State: jobstate.Running,
		Retry: &contract.RetryView{At: at, Cause: "connection refused", Failures: 1, Of: 5}})
	want := "clip.mp4: rate-limited by the service; trying again at 21:43:05 (for as long as it asks)\n" +
		"b.mp4: connection refused; retrying at 21:43:05 (try 2 of 5)\n"
	if errOut.String() != want {
		t.Fatalf("stderr:\n%s\nwant:\n%s", errOut.String(), want)
	}
}

// A plain http:// base URL for another computer is a usage error (exit 2) that says why; every
// other test here talks to a sandbox on this computer over http.
func TestPlainHTTPBaseIsAUsageError(t *testing.T) {
	e := newTestEnv(t)
	e.env["MEMORIES_BASE_URL"] = "http://api.example.com"
	r := e.run("", "list").want(t, 2)
	if !strings.Contains(r.stderr, "unencrypted") || !strings.Contains(r.stderr, "https://") {
		t.Fatalf("stderr %q", r.stderr)
	}
}
