package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// withKey sends a GET with a chosen Authorization header ("" = none).
func withKey(t *testing.T, url, key string) result {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if key != "" {
		req.Header.Set("Authorization", key)
	}
	return readEnvelope(t, do(t, req))
}

// TestAuthV1 rejects missing, wrong and Bearer keys with code 0401 and HTTP 200.
func TestAuthV1(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	url := ts.URL + "/serve/api/v1/list_unique_ids"
	tests := []struct{ name, key, msg string }{
		{"none", "", "Unauthorized: invalid API key"},
		{"blank", "   ", "Unauthorized: invalid API key"},
		{"wrong", "sk-mavi-other", "Unauthorized: invalid API key"},
		{"bearer", "Bearer " + testKey, "send the raw API key"},
		{"lower-case bearer", "bearer " + testKey, "without the \"Bearer \" prefix"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := withKey(t, url, tt.key)
			r.wantCode(t, codeAuth, tt.msg)
			if strings.Contains(r.Msg, testKey) {
				t.Errorf("message leaks the key: %q", r.Msg)
			}
		})
	}
	withKey(t, url, testKey).ok(t)
	if st := s.Stats(); st.Calls != len(tests)+1 {
		t.Errorf("Calls = %d, want every API request counted", st.Calls)
	}
}

// TestAuthV2 answers HTTP 401 with the integer-code envelope.
func TestAuthV2(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	for _, key := range []string{"", "wrong", "Bearer " + testKey} {
		r := withKey(t, ts.URL+"/serve/api/v2/re_1/download", key)
		if r.Status != http.StatusUnauthorized || r.Code != float64(401) || r.Msg != "Unauthorized" || r.Success || !r.Failed {
			t.Errorf("key %q: %+v", key, r)
		}
	}
}

// TestAuthAnyKey accepts any non-empty raw key when no key is configured, but still no Bearer.
func TestAuthAnyKey(t *testing.T) {
	s, err := New(Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := newHTTPServer(t, s)
	withKey(t, ts+"/serve/api/v1/list_unique_ids", "sk-anything").ok(t)
	withKey(t, ts+"/serve/api/v1/list_unique_ids", "").wantCode(t, codeAuth, "invalid API key")
	withKey(t, ts+"/serve/api/v1/list_unique_ids", "Bearer sk-anything").wantCode(t, codeAuth, "raw API key")
}

// TestLogNeverPrintsKey checks the request log for the key, including on auth failures.
func TestLogNeverPrintsKey(t *testing.T) {
	var mu sync.Mutex
	var lines []string
	logf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		lines = append(lines, fmt.Sprintf(format, args...))
	}
	_, ts := newSandbox(t, Options{Logf: logf})
	withKey(t, ts.URL+"/serve/api/v1/list_unique_ids?unique_id="+testKey, testKey).ok(t)
	withKey(t, ts.URL+"/serve/api/v1/list_unique_ids", "Bearer "+testKey).wantCode(t, codeAuth, "")
	uploadSmall(t, ts.URL, "v")
	mu.Lock()
	defer mu.Unlock()
	if len(lines) != 3 || !strings.Contains(lines[2], "POST /serve/api/v1/upload -> 200") {
		t.Fatalf("log lines %q", lines)
	}
	for _, l := range lines {
		if strings.Contains(l, testKey) {
			t.Errorf("log line leaks the key: %q", l)
		}
	}
}
