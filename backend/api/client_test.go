package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

func TestNewValidatesBaseURLs(t *testing.T) {
	cases := []struct {
		name, base string
		ok         bool
	}{
		{"default", "", true},
		{"https", "https://api.example.com", true},
		{"http with prefix", "http://127.0.0.1:8080/prefix/", true},
		{"ftp", "ftp://api.example.com", false},
		{"no scheme", "api.example.com", false},
		{"no host", "https:///path", false},
		{"query", "https://api.example.com/?a=b", false},
		{"fragment", "https://api.example.com/#x", false},
		{"credentials", "https://u:p@api.example.com", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(Config{BaseURL: tc.base})
			if tc.ok && err != nil {
				t.Fatalf("New: %v", err)
			}
			if !tc.ok {
				wantInvalid(t, err, "BaseURL")
			}
			_, err = New(Config{AssetBaseURL: tc.base})
			if tc.ok && err != nil {
				t.Fatalf("New: %v", err)
			}
			if !tc.ok {
				wantInvalid(t, err, "AssetBaseURL")
			}
		})
	}
}

func TestNewRejectsKeyWithControlCharacters(t *testing.T) {
	_, err := New(Config{APIKey: "sk-abc\r\nX-Evil: 1"})
	wantInvalid(t, err, "APIKey")
	assertNoKey(t, err)
	if strings.Contains(err.Error(), "sk-abc") {
		t.Fatalf("error repeats the key: %v", err)
	}
}

func TestRequestsKeepBasePathPrefix(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodGet, "/serve/api/v1/list_unique_ids")
		okJSON(map[string]any{"unique_ids": []string{"default"}})(w, r)
	})
	if _, err := f.client.ListScopes(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.hits.Load() != 1 {
		t.Fatalf("hits = %d", f.hits.Load())
	}
}

func TestCustomUserAgent(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("User-Agent")
		okJSON(map[string]any{"unique_ids": []string{}})(w, r)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.UserAgent = "Tester/1" })
	if _, err := c.ListScopes(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got != "Tester/1" {
		t.Fatalf("User-Agent = %q", got)
	}
}

func TestMissingKeyFailsWithoutSending(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	c := newTestClient(t, f.URL+prefix, func(cfg *Config) { cfg.APIKey = "  " })
	_, err := c.ListScopes(context.Background())
	wantInvalid(t, err, "APIKey")
	if f.hits.Load() != 0 {
		t.Fatalf("a request was sent without a key")
	}
}

func TestDefaultTransportUsesEnvironmentProxy(t *testing.T) {
	tr, ok := NewHTTPClient().Transport.(*http.Transport)
	if !ok || tr.Proxy == nil {
		t.Fatal("default transport has no proxy function")
	}
	if reflect.ValueOf(tr.Proxy).Pointer() != reflect.ValueOf(http.ProxyFromEnvironment).Pointer() {
		t.Fatal("default transport does not use http.ProxyFromEnvironment")
	}
	if NewHTTPClient().Timeout != 0 || tr.ResponseHeaderTimeout == 0 || tr.TLSHandshakeTimeout == 0 {
		t.Fatal("want no overall timeout but header and TLS timeouts")
	}
}

// proxyChildEnv makes the test binary act as a client process (see TestMain), because Go reads
// the proxy environment only once per process.
const proxyChildEnv = "MEMORIES_API_PROXY_CHILD_BASE"

func TestRequestsGoThroughEnvironmentProxy(t *testing.T) {
	seen := make(chan string, 1)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// An https base goes through the proxy as a CONNECT tunnel: the proxy sees the host,
		// never the key. Refusing the tunnel ends the child's request.
		seen <- r.Method + " " + r.Host + " auth=" + fmt.Sprint(r.Header.Get("Authorization") != "")
		http.Error(w, "no tunnels here", http.StatusForbidden)
	}))
	defer proxy.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "HTTPS_PROXY="+proxy.URL, "https_proxy="+proxy.URL, "NO_PROXY=", "no_proxy=",
		proxyChildEnv+"=https://memories.example.invalid/prefix")
	out, _ := cmd.CombinedOutput()
	want := "CONNECT memories.example.invalid:443 auth=false"
	select {
	case got := <-seen:
		if got != want {
			t.Fatalf("proxy saw %q, want %q", got, want)
		}
	default:
		t.Fatalf("the request did not go through the proxy; child said:\n%s", out)
	}
}

// runProxyChild lists scopes through the default client and reports success by exit code.
func runProxyChild(base string) int {
	c, err := New(Config{BaseURL: base, APIKey: testKey})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	scopes, err := c.ListScopes(context.Background())
	if err != nil || len(scopes) != 1 || scopes[0] != "via-proxy" {
		fmt.Fprintln(os.Stderr, scopes, err)
		return 1
	}
	return 0
}

func TestMain(m *testing.M) {
	if base := os.Getenv(proxyChildEnv); base != "" {
		os.Exit(runProxyChild(base))
	}
	os.Exit(m.Run())
}

// A plain http:// base would carry the key in clear text: refused for any host but this
// computer, where the sandbox listens.
func TestPlainHTTPBaseIsRefusedUnlessLoopback(t *testing.T) {
	for base, ok := range map[string]bool{
		"http://api.memories.ai":       false,
		"http://10.0.0.5:8080":         false,
		"http://127.0.0.1:8080":        true,
		"http://localhost:9000/prefix": true,
		"http://[::1]:9000":            true,
		"https://api.memories.ai":      true,
	} {
		_, err := New(Config{BaseURL: base, APIKey: testKey})
		if (err == nil) != ok {
			t.Errorf("%s: %v", base, err)
		}
		if !ok && (!errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), "unencrypted")) {
			t.Errorf("%s: %v, want a clear refusal", base, err)
		}
	}
}
