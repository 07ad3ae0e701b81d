package main

import (
	"fmt"
	"memories-desktop/backend/contract"
	"net/http"
	"os"
	goruntime "runtime"
	"strings"
)

// previewHandler serves registered local files to the webview (the asset server calls it for
// paths the embedded frontend does not have); everything else is a 404.
func (a *App) previewHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, contract.PreviewPrefix) {
			http.NotFound(w, r)
			return
		}
		a.svc().ServePreview(w, r)
	})
}

// playPreviewsOverLoopback makes previews load over a loopback port on Linux, where the
// webview's media player cannot read the wails:// scheme; elsewhere the asset server serves them.
func (a *App) playPreviewsOverLoopback() {
	if goruntime.GOOS != "linux" {
		return
	}
	if err := a.core.ServePreviewsOverLoopback(); err != nil {
		fmt.Fprintln(os.Stderr, "memories-desktop: previews cannot play:", err)
	}
}
