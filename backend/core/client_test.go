package core

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/conn"
	"memories-desktop/backend/contract/mode"
	"memories-desktop/backend/sandbox"
)

// startCore is how core's tests build a Service: started with opts in a fresh data folder
// (keys kept in a file there), closed when the test ends; the build options below change that.
func startCore(t *testing.T, opts Options, with ...build) *Service {
	t.Helper()
	b := coreBuild{dir: t.TempDir()}
	for _, w := range with {
		w(t, &b)
	}
	if opts.Secrets == nil {
		opts.Secrets = fileSecrets(t)
	}
	c, err := Start(b.dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if b.engine {
		if err := c.StartEngine(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

type coreBuild struct {
	dir    string
	engine bool
}

type build func(*testing.T, *coreBuild)

// inDir starts the Service in dir instead of a fresh folder.
func inDir(dir string) build { return func(_ *testing.T, b *coreBuild) { b.dir = dir } }

// withEngine also starts the transfer engine, with the sandbox's rate limits off.
func withEngine() build {
	return func(t *testing.T, b *coreBuild) {
		t.Setenv("MEMORIES_RATE_LIMITS", "off")
		b.engine = true
	}
}

func useService(t *testing.T, c *Service, baseURL, key string) {
	t.Helper()
	s := c.current()
	s.BaseURL, s.AssetBaseURL, s.DownloadDir = baseURL, baseURL, t.TempDir()
	if _, err := c.prefs.Update(s); err != nil {
		t.Fatal(err)
	}
	if key != "" {
		if err := c.prefs.SetAPIKey(key); err != nil {
			t.Fatal(err)
		}
	}
}

func TestConnectionInSandboxNeedsNoKey(t *testing.T) {
	c := startCore(t, Options{})
	onScreen := c.current()
	onScreen.Sandbox = true // switched on screen, not saved
	got := c.TestConnection(context.Background(), onScreen)
	if !got.OK || got.Mode != mode.Sandbox || !strings.Contains(got.Tested, "sandbox") ||
		strings.Contains(got.Message, "key works") || strings.Contains(got.Message, "accepted the key") {
		t.Fatalf("sandbox connection: %+v", got)
	}
	if c.current().Sandbox {
		t.Fatal("testing saved the settings")
	}
}

func TestConnectionTestsTheEndpointOnScreen(t *testing.T) {
	srv, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	c := startCore(t, Options{})
	useService(t, c, "http://127.0.0.1:1", "sk-mavi-abcdefgh1234") // saved: nothing listens there
	onScreen := c.current()
	onScreen.BaseURL, onScreen.AssetBaseURL = srv.URL, srv.URL
	got := c.TestConnection(context.Background(), onScreen)
	if !got.OK || !strings.Contains(got.Tested, srv.URL) || !strings.Contains(got.Tested, "sk-m") ||
		strings.Contains(got.Tested, "abcdefgh1234") {
		t.Fatalf("on-screen endpoint: %+v", got)
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
	got := c.TestConnection(context.Background(), c.current())
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
	got := c.TestConnection(context.Background(), c.current())
	if got.OK || got.Error == nil || got.Error.Code != "unreachable" {
		t.Fatalf("unreachable: %+v", got)
	}
}

func TestConnectionWithoutKeySaysSo(t *testing.T) {
	c := startCore(t, Options{})
	got := c.TestConnection(context.Background(), c.current())
	if got.OK || got.Error == nil || got.Error.Code != "invalid_input" {
		t.Fatalf("no key: %+v", got)
	}
}

func TestNothingIsQueuedWithoutAUsableKey(t *testing.T) {
	c := startCore(t, Options{})
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, err := c.EnqueueUploads(contract.UploadBatch{Files: []contract.FileUpload{{Path: "/tmp/clip.mp4"}}})
	if info := Describe(err); info.Code != "invalid_input" || info.Field != "APIKey" {
		t.Fatalf("upload without a key: %+v", info)
	}
	if page, _ := c.Jobs(contract.JobQuery{Limit: 10}); len(page.Jobs) != 0 {
		t.Fatalf("queued without a key: %+v", page.Jobs)
	}
}

// The test makes the call the app depends on (the library list, one video) and words each
// outcome for what it is; a server that lacks an endpoint the app never needs is connected.
func TestConnectionWordsEachOutcome(t *testing.T) {
	sb, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	for _, tc := range []struct {
		name, headline, state, message string
		h                              http.HandlerFunc
	}{
		{"no list_unique_ids, like a strict stand-in", "Connected", conn.Connected, "listed the scope default (0 videos)",
			func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "/list_unique_ids") {
					http.NotFound(w, r)
					return
				}
				sb.ServeHTTP(w, r)
			}},
		{"key rejected", "Key rejected", conn.Rejected, "did not accept the API key", envelope(`"0401"`)},
		{"rate-limited", "Rate-limited", conn.RateLimited, "limiting this account", envelope(`"0429"`)},
		{"wrong address", "Endpoint not found", conn.Unreachable, "not the memories.ai API", http.NotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.h)
			defer srv.Close()
			c := startCore(t, Options{})
			useService(t, c, srv.URL, "sk-mavi-abcdefgh1234")
			got := c.TestConnection(context.Background(), c.current())
			if got.Headline != tc.headline || got.State != tc.state || !strings.Contains(got.Message, tc.message) ||
				got.OK != (tc.state == conn.Connected) || strings.Contains(got.Message, "video or asset") {
				t.Fatalf("%+v", got)
			}
			if got.Error != nil && strings.Contains(got.Error.Next, "retries automatically") {
				t.Fatalf("a one-off test promises retries: %q", got.Error.Next)
			}
			if tc.state == conn.RateLimited && got.RetryAt <= time.Now().UnixMilli() {
				t.Fatalf("rate-limited with no end time: %+v", got)
			}
			if st := c.Status(); st.Connection != tc.state {
				t.Fatalf("status bar says %q, the test %q", st.Connection, tc.state)
			}
		})
	}
}

func envelope(code string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"code":` + code + `,"msg":"refused","data":null,"success":false,"failed":true}`))
	}
}
