// Package preview serves local video files to the app's webview for posters and playback. Only
// files the backend registered are served, each under an opaque random id, so the webview can
// never ask for an arbitrary path; Range requests are answered (video elements seek with them).
package preview

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/formats"
)

// Registry maps opaque ids to registered files.
type Registry struct {
	mu     sync.Mutex
	byID   map[string]string
	byPath map[string]string
	base   string // "" (the app's own origin) or the loopback server's "http://127.0.0.1:port"
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{byID: map[string]string{}, byPath: map[string]string{}}
}

// URL registers the file at path (absolute) and returns the URL path the webview loads it
// from; the same file always gets the same URL for the life of the process.
func (r *Registry) URL(path string) string {
	path = filepath.Clean(path)
	r.mu.Lock()
	defer r.mu.Unlock()
	id, ok := r.byPath[path]
	if !ok {
		id = newID()
		r.byPath[path], r.byID[id] = id, path
	}
	return r.base + contract.PreviewPrefix + id + "/" + urlName(path)
}

// urlName keeps the extension in the URL: some players guess the format from it.
func urlName(path string) string {
	return "video" + strings.ToLower(filepath.Ext(path))
}

func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails on supported platforms (Go 1.24+ crashes rather than return an error)
	return hex.EncodeToString(b)
}

func (r *Registry) path(id string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.byID[id]
	return p, ok
}

// ServeHTTP answers GET and HEAD for registered ids with the file's bytes, Range included.
func (r *Registry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	id, _, _ := strings.Cut(strings.TrimPrefix(req.URL.Path, contract.PreviewPrefix), "/")
	path, ok := r.path(id)
	switch {
	case req.Method != http.MethodGet && req.Method != http.MethodHead:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	case !strings.HasPrefix(req.URL.Path, contract.PreviewPrefix) || !ok:
		http.NotFound(w, req)
	default:
		serveFile(w, req, path)
	}
}

// serveFile streams a regular file; one that vanished or changed into something else is a 404.
func serveFile(w http.ResponseWriter, req *http.Request, path string) {
	f, err := os.Open(path)
	if err != nil {
		http.NotFound(w, req)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, req)
		return
	}
	if ct, ok := formats.ContentType(path); ok {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, req, filepath.Base(path), info.ModTime(), f)
}
