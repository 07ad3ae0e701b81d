package sandbox

import (
	"net/http"
	"testing"
)

// TestUnknownRoutes answer HTTP 404 with a Spring-style body, before any auth check.
func TestUnknownRoutes(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	for _, path := range []string{"/serve/api/v1/nope", "/serve/api/video/upload", "/serve/api/v2/a/b/download",
		"/serve/api/v2//download", "/"} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		checkSpring(t, do(t, req), http.StatusNotFound, path)
	}
	if s.Stats().Calls != 0 {
		t.Errorf("unknown routes were counted as API calls")
	}
}

// TestWrongMethod answers HTTP 405 with a Spring-style body and an Allow header.
func TestWrongMethod(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	tests := []struct{ method, path, allow string }{
		{http.MethodGet, "/serve/api/v1/upload", "POST"},
		{http.MethodPost, "/serve/api/v1/get_metadata", "GET"},
		{http.MethodDelete, "/serve/api/v1/download", "GET, POST"},
		{http.MethodPost, "/serve/api/v2/re_1/download", "GET"},
		{http.MethodDelete, "/_sandbox/faults", "GET, PUT"},
	}
	for _, tt := range tests {
		res := send(t, tt.method, ts.URL+tt.path, "", nil)
		if res.Header.Get("Allow") != tt.allow {
			t.Errorf("%s %s: Allow %q, want %q", tt.method, tt.path, res.Header.Get("Allow"), tt.allow)
		}
		checkSpring(t, res, http.StatusMethodNotAllowed, tt.path)
	}
}
