package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"memories-desktop/backend/media/mediatest"
)

// watchRun is `memories watch --json …` running in-process until stop.
type watchRun struct {
	t      *testing.T
	cancel context.CancelFunc
	done   chan runResult
	out    *syncBuffer
	res    *runResult
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (e *testEnv) startWatch(t *testing.T, args ...string) *watchRun {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := &syncBuffer{}, &syncBuffer{}
	c := newCLI(strings.NewReader(""), out, errOut, func(k string) string { return e.env[k] })
	w := &watchRun{t: t, cancel: cancel, done: make(chan runResult, 1), out: out}
	go func() {
		code := c.run(ctx, append([]string{"watch", "--json"}, args...))
		w.done <- runResult{code, out.String(), errOut.String()}
	}()
	t.Cleanup(func() { w.stop() })
	w.waitEvent("started", "", 1)
	return w
}

// stop interrupts the watch as SIGINT would and returns how it ended.
func (w *watchRun) stop() runResult {
	if w.res == nil {
		w.cancel()
		select {
		case r := <-w.done:
			w.res = &r
		case <-time.After(30 * time.Second):
			w.t.Fatal("memories watch did not stop when interrupted")
		}
	}
	return *w.res
}

// events are the watch's JSON events so far, of kind (all when ""), for paths ending in path.
func (w *watchRun) events(kind, path string) []map[string]any {
	var out []map[string]any
	for _, l := range strings.Split(w.out.String(), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) != nil {
			continue
		}
		if (kind == "" || m["event"] == kind) && strings.HasSuffix(fmt.Sprint(m["path"]), path) {
			out = append(out, m)
		}
	}
	return out
}

// waitEvent waits until at least n events of kind for path were printed.
func (w *watchRun) waitEvent(kind, path string, n int) []map[string]any {
	w.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if got := w.events(kind, path); len(got) >= n {
			return got
		}
		select {
		case r := <-w.done:
			w.res = &r
			w.t.Fatalf("memories watch ended while waiting for %d %q event(s) for %q: %v\nstdout:\n%s\nstderr:\n%s",
				n, kind, path, r.code, r.stdout, r.stderr)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("no %d %q event(s) for %q within a minute; events:\n%s", n, kind, path, w.out.String())
		}
	}
}

// serverNames counts the videos of scope on the sandbox by file name.
func (e *testEnv) serverNames(scope string) map[string]int {
	got := map[string]int{}
	for _, v := range e.sb.Videos(scope) {
		got[v.FileName]++
	}
	return got
}

// waitServer waits until the sandbox holds n videos in scope.
func (e *testEnv) waitServer(t *testing.T, scope string, n int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for len(e.sb.Videos(scope)) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the server holds %d videos in %s, want %d", len(e.sb.Videos(scope)), scope, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitServerName waits until the sandbox holds a video of that file name in scope.
func (e *testEnv) waitServerName(t *testing.T, scope, name string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for e.serverNames(scope)[name] == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the server holds no %s in %s", name, scope)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// putVideo writes a small real MP4 whose bytes are unique to content.
func putVideo(t testing.TB, path, content string) []byte {
	t.Helper()
	data := mediatest.MP4([]byte(content))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return data
}

// quiet waits long enough for a watch with a 300 ms settle time to have acted on anything
// pending, then checks it printed no event of kind since.
func (w *watchRun) quiet(kind string, want int) {
	w.t.Helper()
	time.Sleep(1200 * time.Millisecond)
	if got := len(w.events(kind, "")); got != want {
		w.t.Fatalf("%d %q events, want %d:\n%s", got, kind, want, w.out.String())
	}
}

func mediatestMP4(content string) []byte { return mediatest.MP4([]byte(content)) }
