package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/store"
)

// testEnv is a sandbox behind a real HTTP server plus the environment the CLI reads.
type testEnv struct {
	t   testing.TB
	sb  *sandbox.Server
	env map[string]string
}

// cliTestKey is the API key of the test environments.
const cliTestKey = "sk-test-cli-key"

// newTestEnv is newTestEnvWith a sandbox that leaves uploads unparsed for an hour.
func newTestEnv(t testing.TB) *testEnv {
	t.Helper()
	return newTestEnvWith(t, sandbox.Options{ParseDelay: time.Hour})
}

// newTestEnvWith is the one test environment: a sandbox made with opts (its key cliTestKey
// unless opts names one) behind a loopback server, and the CLI's environment pointing at it
// with a fresh data folder.
func newTestEnvWith(t testing.TB, opts sandbox.Options) *testEnv {
	t.Helper()
	if opts.APIKey == "" {
		opts.APIKey = cliTestKey
	}
	sb, err := sandbox.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sb)
	t.Cleanup(func() { srv.Close(); sb.Close() })
	return &testEnv{t: t, sb: sb, env: map[string]string{
		"MEMORIES_BASE_URL":       srv.URL,
		"MEMORIES_ASSET_BASE_URL": srv.URL,
		"MEMORIES_API_KEY":        cliTestKey,
		"MEMORIES_DATA_DIR":       t.TempDir(),
		"MEMORIES_RATE_LIMITS":    "off", // pacing is measured in the engine's fake-clock tests
	}}
}

// addAsset puts an asset of that name and content into the sandbox and returns its id.
func (e *testEnv) addAsset(name, content string) string {
	e.t.Helper()
	id, err := e.sb.AddAsset(name, strings.NewReader(content))
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

type runResult struct {
	code           int
	stdout, stderr string
}

// holdDatabase opens the environment's database as another process (the app) would, until the
// test ends.
func (e *testEnv) holdDatabase(t testing.TB) {
	t.Helper()
	db, err := store.Open(e.env["MEMORIES_DATA_DIR"], time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
}

func (e *testEnv) run(stdin string, args ...string) runResult {
	e.t.Helper()
	var out, errOut bytes.Buffer
	c := newCLI(strings.NewReader(stdin), &out, &errOut, func(k string) string { return e.env[k] })
	code := c.run(context.Background(), args)
	return runResult{code, out.String(), errOut.String()}
}

// lines decodes stdout's JSON lines.
func (r runResult) lines(t *testing.T) []map[string]any {
	t.Helper()
	var rows []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("stdout line %q is not JSON: %v", l, err)
		}
		rows = append(rows, m)
	}
	return rows
}

func (r runResult) want(t *testing.T, code int) runResult {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	return r
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
