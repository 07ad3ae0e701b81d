package core

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/media/mediatest"
)

// A huge folder, every file matching the patterns and none a video (a dump of broken recordings):
// the watch starts, refuses each file once, and a real video landing among them is uploaded
// once. MEMORIES_PROOF_WATCH_FOLDER_FILES sets the count (make test: 20,000; make proof: 100,000).
func TestWatchHugeFolder(t *testing.T) {
	junk := 20_000
	if n, err := strconv.Atoi(os.Getenv("MEMORIES_PROOF_WATCH_FOLDER_FILES")); err == nil && n > 0 {
		junk = n
	}
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	for i := range junk {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%06d.mp4", i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.AddWatch(contract.WatchConfig{Name: "big", Folder: dir, SettleMS: 200}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ev := runWatch(t, c, "big", contract.WatchRunOptions{})
	ev.waitCount(t, "started", 1, 5*time.Minute)
	t.Logf("first scan of %d files: %v", junk, time.Since(start))
	os.WriteFile(filepath.Join(dir, "real.mp4"), mediatest.MP4([]byte("the one video")), 0o644)
	ev.waitCount(t, "uploaded", 1, 5*time.Minute)
	ev.waitCount(t, "skipped", junk, 5*time.Minute)
	time.Sleep(500 * time.Millisecond) // a file refused twice would show by now
	if n := ev.count("skipped"); n != junk {
		t.Fatalf("%d skip events, want %d (each file once)", n, junk)
	}
	list, err := c.ListWatches()
	if err != nil || len(list) != 1 || list[0].Stats.Skipped != junk || list[0].Stats.Uploaded != 1 {
		t.Fatalf("list %+v, %v", list, err)
	}
	t.Logf("all done in %v", time.Since(start))
}

// count is how many events of kind arrived.
func (w *watchEvents) count(kind string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, e := range w.all {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

// waitCount waits for n events of kind, saying only how many came (the events may be many).
func (w *watchEvents) waitCount(t *testing.T, kind string, n int, limit time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(limit); w.count(kind) < n; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d %q event(s) within %v, want %d", w.count(kind), kind, limit, n)
		}
	}
}
