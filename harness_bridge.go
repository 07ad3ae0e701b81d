//go:build e2e

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"memories-desktop/backend/core"
)

// harness serves the built frontend with a shim that routes window.go.main.App calls to the
// real *App by reflection, and Wails events to the page over server-sent events.
type harness struct {
	app     *App
	dist    string
	hub     *eventHub
	dialogs *stubDialogs
}

func newHarness(app *App, dist string) *harness {
	h := &harness{app: app, dist: dist, hub: newEventHub(), dialogs: &stubDialogs{}}
	app.events, app.dialogs = h.hub, h.dialogs
	return h
}

func (h *harness) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/_e2e/call":
		h.call(w, r)
	case r.URL.Path == "/_e2e/events":
		h.hub.serve(w, r)
	case r.URL.Path == "/_e2e/dialogs":
		h.dialogs.set(w, r)
	case r.URL.Path == "/_e2e/break-backend" && r.Method == http.MethodPost:
		h.app.core = nil // a stand-in for a bug: from now on every backend call panics in its bound method
		w.WriteHeader(http.StatusNoContent)
	case strings.HasPrefix(r.URL.Path, "/_e2e/sandbox/"):
		h.sandbox(w, r)
	case r.URL.Path == "/_e2e/shim.js":
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, shimJS)
	case strings.HasPrefix(r.URL.Path, "/preview/"):
		h.app.previewHandler().ServeHTTP(w, r)
	case r.URL.Path == "/" || r.URL.Path == "/index.html":
		h.index(w)
	default:
		http.FileServer(http.Dir(h.dist)).ServeHTTP(w, r)
	}
}

// sandbox forwards /_e2e/sandbox/<path> to the app's in-process emulator, so tests can switch its
// faults (/_sandbox/faults), read its counters, or call the API as another client would.
func (h *harness) sandbox(w http.ResponseWriter, r *http.Request) {
	base, err := h.app.svc().SandboxURL()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	target, err := url.Parse(base)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	r.URL.Path = strings.TrimPrefix(r.URL.Path, "/_e2e/sandbox")
	r.URL.RawPath = ""
	httputil.NewSingleHostReverseProxy(target).ServeHTTP(w, r)
}

// index injects the shim before the app's module script.
func (h *harness) index(w http.ResponseWriter) {
	page, err := os.ReadFile(filepath.Join(h.dist, "index.html"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	w.Write([]byte(strings.Replace(string(page), "<head>", `<head><script src="/_e2e/shim.js"></script>`, 1)))
}

type callRequest struct {
	Method string            `json:"method"`
	Args   []json.RawMessage `json:"args"`
}

// call invokes one exported App method with JSON arguments, like the Wails dispatcher: a
// trailing error becomes a 500 with the ErrorFormatter's JSON.
func (h *harness) call(w http.ResponseWriter, r *http.Request) {
	var req callRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	m := reflect.ValueOf(h.app).MethodByName(req.Method)
	if !m.IsValid() || len(req.Args) != m.Type().NumIn() {
		http.Error(w, "no such method or wrong arity: "+req.Method, http.StatusNotFound)
		return
	}
	args := make([]reflect.Value, len(req.Args))
	for i, raw := range req.Args {
		v := reflect.New(m.Type().In(i))
		if err := json.Unmarshal(raw, v.Interface()); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		args[i] = v.Elem()
	}
	writeResult(w, m.Call(args))
}

func writeResult(w http.ResponseWriter, out []reflect.Value) {
	w.Header().Set("Content-Type", "application/json")
	if n := len(out); n > 0 && out[n-1].Type() == reflect.TypeFor[error]() {
		if err, _ := out[n-1].Interface().(error); err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			json.NewEncoder(w).Encode(formatError(err))
			return
		}
		out = out[:n-1]
	}
	var result any
	if len(out) > 0 {
		result = out[0].Interface()
	}
	json.NewEncoder(w).Encode(result)
}

// eventHub fans Wails-style events out to every open page.
type eventHub struct {
	mu   sync.Mutex
	subs map[chan []byte]bool
}

func newEventHub() *eventHub { return &eventHub{subs: map[chan []byte]bool{}} }

func (e *eventHub) Emit(name string, payload any) {
	data, err := json.Marshal(map[string]any{"name": name, "data": payload})
	if err != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for ch := range e.subs {
		select {
		case ch <- data:
		default: // a slow page drops events rather than blocking the engine
		}
	}
}

func (e *eventHub) serve(w http.ResponseWriter, r *http.Request) {
	ch := make(chan []byte, 256)
	e.mu.Lock()
	e.subs[ch] = true
	e.mu.Unlock()
	defer func() { e.mu.Lock(); delete(e.subs, ch); e.mu.Unlock() }()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	flusher := w.(http.Flusher)
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case data := <-ch:
			fmt.Fprintf(w, "data: %s\n\n", data)
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

// stubDialogs answers the native dialogs with what the test set through /_e2e/dialogs.
type stubDialogs struct {
	mu      sync.Mutex
	Answers struct {
		Folder  string   `json:"folder"`
		Files   []string `json:"files"`
		Save    string   `json:"save"`
		Confirm bool     `json:"confirm"`
	}
	Asked []string `json:"asked"`
}

func (s *stubDialogs) set(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Method == http.MethodPut {
		if err := json.NewDecoder(r.Body).Decode(&s.Answers); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
	}
	json.NewEncoder(w).Encode(s)
}

func (s *stubDialogs) ask(kind string) {
	s.mu.Lock()
	s.Asked = append(s.Asked, kind)
	s.mu.Unlock()
}

func (s *stubDialogs) ChooseFolder(title, start string) (string, error) {
	s.ask("folder")
	return s.Answers.Folder, nil
}

func (s *stubDialogs) ChooseFiles(title, start string, f core.Filter) ([]string, error) {
	s.ask("files")
	return s.Answers.Files, nil
}

func (s *stubDialogs) SaveFile(title, start, name string, f core.Filter) (string, error) {
	s.ask("save:" + name)
	return s.Answers.Save, nil
}

func (s *stubDialogs) Confirm(title, msg, yes, no string) bool {
	s.ask("confirm")
	return s.Answers.Confirm
}
