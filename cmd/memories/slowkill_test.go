package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
)

// newSlowGatewayEnv is a sandbox behind a gateway that buffers each upload, says so on
// received, and passes it on once release is closed, even if the client is gone: a slow server.
func newSlowGatewayEnv(t *testing.T, release <-chan struct{}, received chan<- struct{}) *testEnv {
	e := newTestEnvWith(t, sandbox.Options{ParseDelay: 200 * time.Millisecond})
	gone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/upload") {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				return
			}
			received <- struct{}{}
			select {
			case <-release:
			case <-gone: // the test ended without releasing it
				return
			}
			r = r.Clone(context.Background())
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		e.sb.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { close(gone); srv.Close() })
	e.env["MEMORIES_BASE_URL"], e.env["MEMORIES_ASSET_BASE_URL"] = srv.URL, srv.URL
	return e
}

// The case: SIGKILL while the server still holds the request, `memories resume` at once.
func TestSIGKILLMidRequestThenImmediateResumeUploadsOnce(t *testing.T) {
	t.Parallel() // slow and independent (its own sandbox, folders and processes)
	bin := buildBinary(t)
	received := make(chan struct{}, 4)
	release := make(chan struct{})
	e := newSlowGatewayEnv(t, release, received)
	e.env["MEMORIES_RESPONSE_TIMEOUT"] = "4s"
	src := writeVideo(t, t.TempDir(), "slow.mp4", sandbox.SyntheticMP4("slow"))
	cmd := e.start(bin, "upload", "--json", src)
	<-received
	kill(t, cmd)
	if n := len(e.sb.Videos("")); n != 0 {
		t.Fatalf("%d videos stored before the resume: the request must still be in flight", n)
	}
	time.AfterFunc(1500*time.Millisecond, func() { close(release) }) // the server stores it a moment later
	rows := e.runBinary(bin, "resume", "--json").want(t, 0).lines(t)
	videos := e.sb.Videos("")
	if len(videos) != 1 || len(rows) != 1 || rows[0]["video_no"] != videos[0].VideoNo {
		t.Fatalf("%d videos on the server; resume printed %v", len(videos), rows)
	}
}

func TestABadResponseTimeoutIsAUsageError(t *testing.T) {
	e := newTestEnv(t)
	e.env["MEMORIES_RESPONSE_TIMEOUT"] = "soon"
	r := e.run("", "list").want(t, 2)
	if !strings.Contains(r.stderr, "MEMORIES_RESPONSE_TIMEOUT") {
		t.Fatalf("stderr: %s", r.stderr)
	}
}
