package main

import (
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"memories-desktop/backend/sandbox"
)

// faultCase is one row of the matrix; long rows (retries with backoff, stall rules) run only in
// `make proof` (MEMORIES_PROOF_FAULTS=all).
type faultCase struct {
	name string
	long bool
	run  func(t *testing.T, e *faultEnv)
}

func TestFaultMatrix(t *testing.T) {
	t.Parallel() // slow and independent (its own sandbox, folders and processes)
	all := os.Getenv("MEMORIES_PROOF_FAULTS") == "all"
	ran := 0
	for _, c := range faultCases {
		if c.long && !all {
			continue
		}
		ran++
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // each case has its own sandbox and folders; most wait out retries
			c.run(t, newFaultEnv(t))
		})
	}
	t.Logf("fault matrix: %d of %d cases (MEMORIES_PROOF_FAULTS=all runs the long ones)", ran, len(faultCases))
}

var faultCases = []faultCase{
	{"truncated body with length", false, truncatedWithLength},
	{"truncated body without length", false, truncatedWithoutLength},
	{"JSON error on 200", false, jsonOn200},
	{"0429 burst", false, rateLimitBurst},
	{"5xx then success", false, serverErrors},
	{"non-JSON error page", false, htmlErrorPage},
	{"non-JSON 502 until retries run out", true, htmlBadGateway},
	{"stall", true, stall},
	{"trickle", true, trickle},
	{"connection refused", false, connectionRefused},
	{"redirect to another port", false, redirectToOtherPort},
	{"disk full", false, diskFull},
	{"read-only folder", false, readOnly},
	{"symlinked .part", false, symlinkedPart},
	{"stale .part", false, stalePart},
	{"file changed during upload", false, changedDuringUpload},
	{"file grew during upload", false, grewDuringUpload},
}

func truncatedWithLength(t *testing.T, e *faultEnv) {
	e.faults(sandbox.Faults{TruncateDownloads: true})
	wantSays(t, e.fetch(t, 1), "ended early")
	e.wantNothingFinal(t)
	e.wantHistory(t, "failed")
}

func truncatedWithoutLength(t *testing.T, e *faultEnv) {
	e.setHook(onDownload(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "video/mp4")
		w.Write(e.data[:len(e.data)/2])
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler) // the connection drops mid-body, with no length announced
	}))
	e.fetch(t, 1)
	e.wantNothingFinal(t)
	e.wantHistory(t, "failed")
}

func jsonOn200(t *testing.T, e *faultEnv) {
	e.faults(sandbox.Faults{JSONOnDownload: true})
	r := e.run("", "download", "--json", "-o", e.out, "VI404").want(t, 1)
	if row := r.lines(t)[0]; row["code"] != "not_found" {
		t.Fatalf("failure line %v", row)
	}
	if entries, _ := os.ReadDir(e.out); len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
}

// rateLimitBurst answers the first three upload attempts with the service's 0429 envelope.
func rateLimitBurst(t *testing.T, e *faultEnv) {
	var n atomic.Int32
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "/v1/upload") || n.Add(1) > 3 {
			return false
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"code":"0429","msg":"Request has exceeded the limit.","data":null}`))
		return true
	})
	src := writeVideo(t, t.TempDir(), "burst.mp4", sandbox.SyntheticMP4("burst"))
	e.run("", "upload", "--json", src).want(t, 0)
	if got := len(e.sb.Videos("")); got != 1 || n.Load() != 4 {
		t.Fatalf("%d videos after %d attempts, want 1 after 4", got, n.Load())
	}
	e.wantHistory(t, "done")
}

func serverErrors(t *testing.T, e *faultEnv) {
	var n atomic.Int32
	e.setHook(onDownloadWhile(func() bool { return n.Add(1) <= 2 }, func(w http.ResponseWriter) {
		http.Error(w, "upstream unavailable", http.StatusServiceUnavailable)
	}))
	e.fetch(t, 0)
	e.wantComplete(t)
}

// onDownloadWhile answers downloads with h while cond holds, then lets them through.
func onDownloadWhile(cond func() bool, h func(w http.ResponseWriter)) hookFunc {
	return func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "/download") || !cond() {
			return false
		}
		h(w)
		return true
	}
}

const htmlPage = "<html><head><title>Error</title></head><body><h1>Whoops</h1><script>x()</script></body></html>"

// htmlErrorPage: a proxy's HTML 404 is reported by status, never echoed as markup.
func htmlErrorPage(t *testing.T, e *faultEnv) {
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(htmlPage))
		return true
	})
	r := e.run("", "status", "VI1").want(t, 1)
	wantSays(t, r, "404")
	if strings.Contains(r.stdout+r.stderr, "<html") {
		t.Fatalf("markup echoed: %s%s", r.stdout, r.stderr)
	}
}

func htmlBadGateway(t *testing.T, e *faultEnv) {
	e.setHook(onDownload(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte(htmlPage))
	}))
	r := e.fetch(t, 1)
	wantSays(t, r, "trouble")
	// The job has failed for good: advice that the queue retries no longer applies (item 15).
	if strings.Contains(r.stdout+r.stderr, "<html") || strings.Contains(r.stdout, "retries automatically") {
		t.Fatalf("markup or stale advice: %s", r.stdout)
	}
	e.wantNothingFinal(t)
	e.wantHistory(t, "failed")
}
