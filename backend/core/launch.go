package core

import (
	"net/url"
	"path/filepath"
	"strings"
	"sync"
)

// LaunchPaths picks the files and folders out of command-line arguments ("Open with", a second
// launch): flags are left out, file:// URIs become paths and relative paths are taken from cwd.
// Nothing is checked here; the Upload view's preflight says what each one is.
func LaunchPaths(args []string, cwd string) []string {
	var paths []string
	for _, arg := range args {
		if p := launchPath(arg, cwd); p != "" {
			paths = append(paths, p)
		}
	}
	return paths
}

func launchPath(arg, cwd string) string {
	if strings.TrimSpace(arg) == "" || strings.HasPrefix(arg, "-") {
		return ""
	}
	if u, err := url.Parse(arg); err == nil && u.Scheme == "file" {
		if u.Host != "" && u.Host != "localhost" {
			return ""
		}
		arg = u.Path
	}
	if !filepath.IsAbs(arg) {
		arg = filepath.Join(cwd, arg)
	}
	return filepath.Clean(arg)
}

// OpenQueue holds paths handed to the app (at launch or by a second launch) until the window
// takes them, so none is lost when they arrive before the window has loaded.
type OpenQueue struct {
	mu    sync.Mutex
	paths []string
}

// Add queues paths for the window.
func (q *OpenQueue) Add(paths []string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.paths = append(q.paths, paths...)
}

// Take returns the queued paths and forgets them.
func (q *OpenQueue) Take() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	paths := q.paths
	q.paths = nil
	return paths
}
