package core

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"memories-desktop/backend/media/mediatest"
)

// 100,000 files in one folder, every one matching the patterns and none a video (a dump of
// broken recordings): the watch starts, refuses each file once, and a real video landing among
// them is uploaded once.
func TestWatch100000FilesInOneFolder(t *testing.T) {
	const junk = 100_000
	c := engineCore(t)
	dir := t.TempDir()
	for i := range junk {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%06d.mp4", i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.AddWatch(WatchConfig{Name: "big", Folder: dir, SettleMS: 200}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ev := runWatch(t, c, "big", WatchRunOptions{})
	ev.wait(t, "started", "")
	t.Logf("first scan of %d files: %v", junk, time.Since(start))
	os.WriteFile(filepath.Join(dir, "real.mp4"), mediatest.MP4([]byte("the one video")), 0o644)
	ev.wait(t, "uploaded", "real.mp4")
	deadline := time.Now().Add(2 * time.Minute)
	for ev.count("skipped") < junk && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // a file refused twice would show by now
	if n := ev.count("skipped"); n != junk {
		t.Fatalf("%d skip events, want %d (each file once)", n, junk)
	}
	list, err := c.ListWatches()
	if err != nil || len(list) != 1 || list[0].Stats.Skipped != junk || list[0].Stats.Uploaded != 1 {
		t.Fatalf("list %+v, %v", list, err)
	}
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
