package core

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

func startCore(t *testing.T, opts Options) *Core {
	t.Helper()
	opts.Secrets = fileSecrets(t)
	c, err := Start(t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func useService(t *testing.T, c *Core, baseURL, key string) {
	t.Helper()
	s := c.Settings.Get()
	s.BaseURL, s.AssetBaseURL, s.DownloadDir = baseURL, baseURL, t.TempDir()
	if _, err := c.Settings.Update(s); err != nil {
		t.Fatal(err)
	}
	if key != "" {
		if err := c.Settings.SetAPIKey(key); err != nil {
			t.Fatal(err)
		}
	}
}

func TestConnectionInSandboxNeedsNoKey(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true})
	got := c.TestConnection(context.Background())
	if !got.OK || got.Mode != ModeSandbox {
		t.Fatalf("sandbox connection: %+v", got)
	}
}

func TestConnectionReportsInvalidKey(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"code":"0401","msg":"Unauthorized","data":null,"success":false,"failed":true}`))
	}))
	defer srv.Close()
	c := startCore(t, Options{})
	useService(t, c, srv.URL, "sk-mavi-not-valid-123")
	got := c.TestConnection(context.Background())
	if got.OK || got.Error == nil || got.Error.Code != "unauthorized" || got.Error.Next == "" {
		t.Fatalf("invalid key: %+v", got)
	}
}

func TestConnectionReportsUnreachable(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close() // nothing listens here now
	c := startCore(t, Options{})
	useService(t, c, "http://"+addr, "sk-mavi-abcdefgh1234")
	got := c.TestConnection(context.Background())
	if got.OK || got.Error == nil || got.Error.Code != "unreachable" {
		t.Fatalf("unreachable: %+v", got)
	}
}

func TestConnectionWithoutKeySaysSo(t *testing.T) {
	c := startCore(t, Options{})
	got := c.TestConnection(context.Background())
	if got.OK || got.Error == nil || got.Error.Code != "invalid_input" {
		t.Fatalf("no key: %+v", got)
	}
}
