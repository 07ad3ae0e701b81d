package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"memories-desktop/backend/sandbox"
)

// The fault matrix: each case breaks the server, the network or the disk in one way, runs the
// CLI, and asserts the final state (exit status, files, history) and the message a person reads.
// Faults the sandbox has no knob for are made by faultEnv's hook, in front of the sandbox.

// faultEnv is a testEnv whose clients talk to the sandbox through a hook.
type faultEnv struct {
	*testEnv
	hook  atomic.Pointer[hookFunc]
	asset string // id of a 3 MB asset on the sandbox
	data  []byte // its bytes
	out   string // an empty download folder
}

// hookFunc may answer r itself (returning true) or leave it to the sandbox.
type hookFunc func(w http.ResponseWriter, r *http.Request) bool

func newFaultEnv(t *testing.T) *faultEnv {
	e := &faultEnv{testEnv: newTestEnv(t), out: t.TempDir()}
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := e.hook.Load(); h != nil && (*h)(w, r) {
			return
		}
		e.sb.ServeHTTP(w, r)
	}))
	t.Cleanup(proxy.Close)
	e.env["MEMORIES_BASE_URL"], e.env["MEMORIES_ASSET_BASE_URL"] = proxy.URL, proxy.URL
	e.data = bytes.Repeat([]byte("fault-matrix "), 250_000)[:3_000_000]
	id, err := e.sb.AddAsset("clip.mp4", bytes.NewReader(e.data))
	if err != nil {
		t.Fatal(err)
	}
	e.asset = id
	return e
}

func (e *faultEnv) setHook(h hookFunc) { e.hook.Store(&h) }

// onDownload answers only the asset download with h.
func onDownload(h func(w http.ResponseWriter, r *http.Request)) hookFunc {
	return func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "/download") {
			return false
		}
		h(w, r)
		return true
	}
}

// fetch downloads the asset to out/clip.mp4 and returns the run.
func (e *faultEnv) fetch(t *testing.T, code int) runResult {
	t.Helper()
	return e.run("", "download-asset", "--json", "-o", e.dest(), e.asset).want(t, code)
}

func (e *faultEnv) dest() string { return filepath.Join(e.out, "clip.mp4") }

// wantNothingFinal asserts that no file holds the final name.
func (e *faultEnv) wantNothingFinal(t *testing.T) {
	t.Helper()
	if _, err := os.Lstat(e.dest()); err == nil {
		t.Fatal("a file exists under the final name after a failed download")
	}
}

// wantComplete asserts that the final name holds exactly the asset's bytes, as a regular file.
func (e *faultEnv) wantComplete(t *testing.T) {
	t.Helper()
	info, err := os.Lstat(e.dest())
	got, _ := os.ReadFile(e.dest())
	if err != nil || !info.Mode().IsRegular() || !bytes.Equal(got, e.data) {
		t.Fatalf("final file: %v, %d bytes, identical %v", info, len(got), bytes.Equal(got, e.data))
	}
}

// wantSays asserts the message a person reads on stderr or in the JSON failure line.
func wantSays(t *testing.T, r runResult, words ...string) {
	t.Helper()
	all := strings.ToLower(r.stdout + r.stderr)
	for _, w := range words {
		if !strings.Contains(all, strings.ToLower(w)) {
			t.Fatalf("the message does not say %q:\nstdout: %s\nstderr: %s", w, r.stdout, r.stderr)
		}
	}
}

// wantHistory asserts the state of the one job in the history.
func (e *faultEnv) wantHistory(t *testing.T, state string) {
	t.Helper()
	rows := e.run("", "history", "--json").want(t, 0).lines(t)
	if len(rows) != 1 || rows[0]["state"] != state {
		t.Fatalf("history %v, want one %s job", rows, state)
	}
}

func (e *faultEnv) faults(f sandbox.Faults) { e.sb.SetFaults(f) }

// runCtx runs the CLI in-process until ctx ends, as Ctrl+C would end it.
func (e *faultEnv) runCtx(ctx context.Context, stdin string, args ...string) runResult {
	var out, errOut bytes.Buffer
	c := newCLI(strings.NewReader(stdin), &out, &errOut, func(k string) string { return e.env[k] })
	code := c.run(ctx, args)
	return runResult{code, out.String(), errOut.String()}
}
