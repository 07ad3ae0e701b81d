package main

import (
	"net/http"
	"strings"

	"memories-desktop/backend/preview"
)

// previewHandler serves registered local files to the webview (the asset server calls it for
// paths the embedded frontend does not have); everything else is a 404.
func (a *App) previewHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, preview.Prefix) {
			http.NotFound(w, r)
			return
		}
		a.svc().Previews.ServeHTTP(w, r)
	})
}
