// Package sandbox is a local emulator of the memories.ai HTTP API (see docs/API.md).
// One http.Handler answers the v1 library routes, the v2 asset routes and a small control surface
// under /_sandbox/, so a client's base URL and asset base URL can both point at it. Tests,
// benchmarks, the CLI and the desktop app's sandbox mode use it instead of the live service.
package sandbox

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"sync"
	"time"
)

// DefaultParseDelay is how long a new video stays UNPARSE in the default configuration: long
// enough for a UI to show progress, short enough for a demo.
const DefaultParseDelay = 2 * time.Second

// maxUploadBytes is the documented 3 GB limit of the v1 file upload.
const maxUploadBytes = 3 << 30

// Options configure a sandbox server.
type Options struct {
	// APIKey, when set, is the only accepted key; when empty any non-empty raw key is accepted.
	APIKey string
	// ParseDelay is how long new videos stay UNPARSE before becoming PARSE (0 = on the next read).
	ParseDelay time.Duration
	// Dir receives uploaded bytes; when empty, New creates a temporary folder that Close removes.
	Dir string
	// Now is the clock; nil means time.Now. Tests pass a fake to drive status changes.
	Now func() time.Time
	// Logf, when set, receives one line per request; it never contains the API key.
	Logf func(format string, args ...any)
	// LegacyTaskShape makes get_video_ids_by_task_id answer the v1.2 {"taskId","video_ids"} shape
	// instead of the current {"videos":[…]} so clients can be tested against both.
	LegacyTaskShape bool
	// StateFile, when set, keeps the library (videos, tasks, assets) in this JSON file across
	// restarts; use it with a persistent Dir so the uploaded bytes survive too.
	StateFile string
}

// Stats counts what the sandbox did, so tests can assert how many calls a client made.
// Calls counts every API request (including ones answered by faults or auth failures); the other
// counters count requests that their endpoint accepted (downloads: bodies started).
type Stats struct {
	Uploads        int `json:"uploads"`
	URLUploads     int `json:"url_uploads"`
	Imports        int `json:"imports"`
	Downloads      int `json:"downloads"`
	AssetDownloads int `json:"asset_downloads"`
	// PartialDownloads counts downloads of either kind answered 206 to a Range: resumed ones.
	PartialDownloads int `json:"partial_downloads"`
	Deletes          int `json:"deletes"`
	// ImportLinks counts the links of accepted imports; RepeatedLinks those that an earlier
	// accepted import had already asked for in the same namespace (a client sending twice).
	ImportLinks   int `json:"import_links"`
	RepeatedLinks int `json:"repeated_links"`
	// Searches counts searches of every kind answered; Texts transcripts, captions and
	// summaries; Keyframes keyframe images sent.
	Searches  int `json:"searches"`
	Texts     int `json:"texts"`
	Keyframes int `json:"keyframes"`
	Calls     int `json:"calls"`
}

// Server is the emulator: state in memory, uploaded bytes on disk. It implements http.Handler.
type Server struct {
	opts      Options
	dir       string
	ownDir    bool
	maxUpload int64
	routes    map[string]*route
	assetDL   *route

	mu         sync.Mutex
	faults     Faults
	faultCalls int
	replaced   chan struct{} // closed when faults are replaced: latency in progress ends early
	stats      Stats
	videos     map[string]*Video
	tasks      map[string]*task
	pending    []*task           // import tasks whose videos are not created yet
	imported   map[string]string // namespace + "\x00" + link → video number of its import
	asked      map[string]bool   // namespace + "\x00" + link of every accepted import (Stats.RepeatedLinks)
	assets     map[string]*asset
	namespaces map[string]bool
	idBase     uint64
	idSeq      uint64
	closed     bool
	saved      []byte // the snapshot last written to StateFile
}

// DefaultOptions returns the configuration used by the CLI and the app's sandbox mode.
func DefaultOptions() Options {
	return Options{ParseDelay: DefaultParseDelay}
}

// NewDefault creates a sandbox with DefaultOptions.
func NewDefault() (*Server, error) {
	return New(DefaultOptions())
}

// New creates a sandbox server; call Close to release its upload folder.
func New(opts Options) (*Server, error) {
	if opts.ParseDelay < 0 {
		return nil, errors.New("sandbox: ParseDelay must not be negative")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	dir, own, err := uploadDir(opts.Dir)
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, dir: dir, ownDir: own, maxUpload: maxUploadBytes, idBase: newIDBase()}
	s.resetState()
	if opts.StateFile != "" {
		if err := s.restoreState(); err != nil {
			return nil, err
		}
	}
	s.routes, s.assetDL = s.buildRoutes()
	return s, nil
}

// uploadDir returns the folder for uploaded bytes and whether the server owns (and removes) it.
func uploadDir(dir string) (string, bool, error) {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "memories-sandbox-*")
		return tmp, true, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", false, fmt.Errorf("sandbox: upload folder: %w", err)
	}
	return dir, false, nil
}

// Close removes the temporary upload folder created by New; a caller-provided Dir is kept.
func (s *Server) Close() error {
	saveErr := s.saveState()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || !s.ownDir {
		s.closed = true
		return saveErr
	}
	s.closed = true
	return os.RemoveAll(s.dir)
}

// Stats returns the request counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// incr updates the counters under the lock.
func (s *Server) incr(bump func(*Stats)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	bump(&s.stats)
}

// ServeHTTP routes a request: control routes directly, API routes through faults and auth.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.opts.Logf != nil {
		lw := newLogWriter(w)
		defer s.logRequest(lw, r, time.Now())
		w = lw
	}
	rt, id := s.match(r.URL.Path)
	if rt == nil {
		writeSpring(w, r, http.StatusNotFound)
		return
	}
	h, ok := rt.methods[r.Method]
	if !ok {
		w.Header().Set("Allow", rt.allow())
		writeSpring(w, r, http.StatusMethodNotAllowed)
		return
	}
	c := &call{r: r, pathID: id}
	if rt.kind == apiControl {
		h(w, c)
		return
	}
	s.serveAPI(w, c, rt.kind, h)
}

// serveAPI applies the injected faults and authentication in the order a gateway would:
// latency (cut short when the faults are replaced, so a test can hold calls and then release
// them), outage (503), credentials, per-account rate limit, credits, then the endpoint itself.
func (s *Server) serveAPI(w http.ResponseWriter, c *call, kind apiKind, h handler) {
	f, n, replaced := s.countCall()
	if !sleepUnless(c.r.Context(), f.Latency, replaced) {
		return
	}
	if f.serverErrorDue(n) {
		writeSpring(w, c.r, http.StatusServiceUnavailable)
		return
	}
	if msg := s.checkKey(c.r); msg != "" {
		rejectAuth(w, kind, msg)
		return
	}
	if f.rateLimited(n) {
		rejectRate(w, kind)
		return
	}
	if f.NoCredits {
		rejectCredits(w, kind)
		return
	}
	c.faults, c.now, c.replaced = f, s.opts.Now(), replaced
	h(w, c)
	if err := s.saveState(); err != nil && s.opts.Logf != nil {
		s.opts.Logf("%v", err)
	}
}
