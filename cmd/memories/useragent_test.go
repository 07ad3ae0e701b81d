package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"memories-desktop/backend/version"
)

// The CLI names itself memories-cli/<version> to the service, and --base-url beats
// MEMORIES_BASE_URL (which here points at nothing).
func TestCLIUserAgentAndBaseURLFlag(t *testing.T) {
	e := newTestEnv(t)
	var mu sync.Mutex
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		e.sb.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.env["MEMORIES_BASE_URL"] = "http://127.0.0.1:1" // nothing listens there
	e.run("", "list", "--base-url", srv.URL).want(t, 0)
	mu.Lock()
	defer mu.Unlock()
	if len(agents) == 0 {
		t.Fatal("no request reached the --base-url server")
	}
	for _, ua := range agents {
		if ua != "memories-cli/"+version.Version {
			t.Fatalf("User-Agent %q, want memories-cli/%s", ua, version.Version)
		}
	}
}
