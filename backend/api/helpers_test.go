package api

import (
	"encoding/json"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"memories-desktop/backend/version"
)

// testKey is distinctive so that a leak into any error text is easy to spot.
const testKey = "sk-mavi-TOPSECRET-9f8e7d6c5b4a"

// prefix is where test servers mount the API, so URL joins that drop a base path fail.
const prefix = "/prefix"

// fakeAPI is an httptest server mounted under prefix that checks every request carries the key
// and the User-Agent, then hands it to handle with the prefix stripped from the path.
type fakeAPI struct {
	*httptest.Server
	client *Client
	hits   atomic.Int64
}

func newFakeAPI(t testing.TB, handle http.HandlerFunc) *fakeAPI {
	t.Helper()
	f := &fakeAPI{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.hits.Add(1)
		if !strings.HasPrefix(r.URL.Path, prefix+"/") {
			t.Errorf("request outside the base path: %s", r.URL.Path)
			http.NotFound(w, r)
			return
		}
		if got := r.Header.Get("Authorization"); got != testKey {
			t.Errorf("Authorization = %q, want the raw key", got)
		}
		if ua := r.Header.Get("User-Agent"); ua != "MemoriesDesktop/"+version.Version {
			t.Errorf("User-Agent = %q", ua)
		}
		r.URL.Path = strings.TrimPrefix(r.URL.Path, prefix)
		handle(w, r)
	}))
	t.Cleanup(f.Close)
	f.client = newTestClient(t, f.URL+prefix)
	return f
}

// newTestClient builds the client under test on base (its API and asset host) with the test
// key; each option changes that Config first.
func newTestClient(t testing.TB, base string, opts ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{BaseURL: base, AssetBaseURL: base, APIKey: testKey}
	for _, opt := range opts {
		opt(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// writeEnvelope answers like the v1 service: HTTP 200 with an envelope.
func writeEnvelope(w http.ResponseWriter, code any, msg string, data any) {
	w.Header().Set("Content-Type", "application/json")
	ok := code == "0000" || code == 200
	json.NewEncoder(w).Encode(map[string]any{"code": code, "msg": msg, "data": data,
		"success": ok, "failed": !ok})
}

// okJSON answers success with data.
func okJSON(data any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { writeEnvelope(w, "0000", "success", data) }
}

// expectRoute fails the test unless the request has the given method and path.
func expectRoute(t *testing.T, r *http.Request, method, path string) {
	t.Helper()
	if r.Method != method || r.URL.Path != path {
		t.Errorf("got %s %s, want %s %s", r.Method, r.URL.Path, method, path)
	}
}

// assertNoKey fails when err's text (at any wrapping depth) contains the key.
func assertNoKey(t *testing.T, err error) {
	t.Helper()
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), testKey) {
			t.Fatalf("error text leaks the API key: %q", e.Error())
		}
	}
}

// wantInvalid asserts err is a *ValidationError for field.
func wantInvalid(t *testing.T, err error, field string) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("got %v, want a ValidationError", err)
	}
	if ve.Field != field {
		t.Fatalf("field = %q, want %q (%v)", ve.Field, field, err)
	}
}

func ptr[T any](v T) *T { return &v }

// eachPart calls fn with each part of r's multipart form as it streams in; it reports false,
// and fails the test, when r is not multipart.
func eachPart(t testing.TB, r *http.Request, fn func(part *multipart.Part)) bool {
	t.Helper()
	mr, err := r.MultipartReader()
	if err != nil {
		t.Errorf("not multipart: %v", err)
		return false
	}
	for part, err := mr.NextPart(); err == nil; part, err = mr.NextPart() {
		fn(part)
	}
	return true
}
