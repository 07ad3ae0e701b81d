package transfer

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// The upload side of the fault matrix: each case is a hostile server and the state, error code
// and message an upload job must end with (the error's own text here: the words for people are
// core's, tested there). Three attempts per job keep the retries short.

// faultCase is one row of the matrix.
type faultCase struct {
	name    string
	server  func(t *testing.T) (url string, sb *sandbox.Server)
	state   jobstate.JobState
	code    string // the job's error code; "" when done
	message string // part of the job's message
	videos  int    // copies on the sandbox at the end (-1: no sandbox)
}

func TestUploadFaultMatrix(t *testing.T) {
	for _, c := range []faultCase{
		{"JSON error envelope on HTTP 200", envelopeOn200, jobstate.Failed, "no_credits", "out of credits", -1},
		{"0429 burst, then accepted", rateLimitBurst, jobstate.Done, "", "", 1},
		{"503 on the first upload, then accepted", first503, jobstate.Done, "", "", 1},
		{"non-JSON 502 page every time", htmlErrorPage, jobstate.Failed, "server", "server error", -1},
		{"connection refused", refused, jobstate.Failed, "unreachable", "connection refused", -1},
		{"307 to another port (not followed: the body cannot be replayed)", redirectToOtherPort(http.StatusTemporaryRedirect),
			jobstate.Failed, "unexpected", "unexpected response", -1},
		{"302 to another port (followed without the key)", redirectToOtherPort(http.StatusFound),
			jobstate.Failed, "unauthorized", "unauthorized (code 0401", -1},
	} {
		t.Run(c.name, func(t *testing.T) { runFaultCase(t, c) })
	}
}

func runFaultCase(t *testing.T, c faultCase) {
	url, sb := c.server(t)
	r := &rig{t: t, sb: sb, dir: t.TempDir(), url: url}
	r.open(Options{MaxAttempts: 3})
	j, err := r.eng.EnqueueUpload(r.video("fault.mp4", mediatest.MP4([]byte("0123456789abcdef"))), api.UploadMeta{})
	if err != nil {
		t.Fatal(err)
	}
	got := r.wait(j.ID)[0]
	code, msg := "", ""
	if got.Error != nil {
		code, msg = got.Error.Code, got.Error.Message
	}
	if got.State != c.state || code != c.code || !strings.Contains(msg, c.message) {
		t.Fatalf("job %s, code %q, message %q; want %s, %q, %q", got.State, code, msg, c.state, c.code, c.message)
	}
	if c.videos >= 0 && len(sb.Videos("")) != c.videos {
		t.Fatalf("%d videos on the server, want %d", len(sb.Videos("")), c.videos)
	}
	t.Logf("%s → %s %s %q", c.name, got.State, code, msg)
}

// serve starts an httptest server with h and stops it with the test.
func serve(t *testing.T, h http.HandlerFunc) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

func envelopeOn200(t *testing.T) (string, *sandbox.Server) {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"code":"0402","msg":"Insufficient credits","success":false,"failed":true,"data":null}`))
	}), nil
}

// rateLimitBurst: the first two calls are refused with 0429 (the upload and the retry's
// reconciling list), then the sandbox answers.
func rateLimitBurst(t *testing.T) (string, *sandbox.Server) {
	return firstCalls(t, 2, func(w http.ResponseWriter) {
		w.Write([]byte(`{"code":"0429","msg":"Request has exceeded the limit.","success":false,"failed":true}`))
	})
}

func first503(t *testing.T) (string, *sandbox.Server) {
	return firstCalls(t, 1, func(w http.ResponseWriter) { http.Error(w, "Service Unavailable", http.StatusServiceUnavailable) })
}

// firstCalls answers the first n calls with fail, then hands every call to a sandbox.
func firstCalls(t *testing.T, n int64, fail func(http.ResponseWriter)) (string, *sandbox.Server) {
	sb, err := sandbox.New(sandbox.Options{ParseDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	var calls atomic.Int64
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= n {
			fail(w)
			return
		}
		sb.ServeHTTP(w, r)
	}), sb
}

func htmlErrorPage(t *testing.T) (string, *sandbox.Server) {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte("<html><body><h1>502 Bad Gateway</h1></body></html>"))
	}), nil
}

func refused(t *testing.T) (string, *sandbox.Server) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	return "http://" + addr, nil
}

// redirectToOtherPort sends every call on to a second server on the same host name, which
// answers 0401 when the key does not come along: it must never come along.
func redirectToOtherPort(status int) func(t *testing.T) (string, *sandbox.Server) {
	return func(t *testing.T) (string, *sandbox.Server) {
		other := serve(t, func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "" {
				t.Errorf("the key reached %s", r.Host)
			}
			w.Write([]byte(`{"code":"0401","msg":"Unauthorized","success":false,"failed":true}`))
		})
		return serve(t, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other+r.URL.RequestURI(), status)
		}), nil
	}
}
