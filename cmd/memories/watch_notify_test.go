package main

import (
	"path/filepath"
	"testing"
	"time"

	"memories-desktop/backend/notify/notifytest"
)

// `memories watch` shows no desktop notification unless asked (it runs headless); with --notify
// a batch is told once, on the session bus of its environment.
func TestWatchNotifyFlag(t *testing.T) {
	srv := notifytest.Serve(t, notifytest.StartBus(t), "body")
	e := newTestEnv(t)
	dir := t.TempDir()
	w := e.startWatch(t, watchSettle, "--scope", "notes", dir)
	putVideo(t, filepath.Join(dir, "quiet.mp4"), "no notification for this one")
	w.waitEvent("uploaded", "quiet.mp4", 1)
	time.Sleep(3 * time.Second) // a batch's quiet period (2 s) and a second
	if notes := srv.Notes(); len(notes) != 0 {
		t.Fatalf("notifications without --notify: %+v", notes)
	}
	w.stop()
	w = e.startWatch(t, watchSettle, "--notify", "--scope", "notes", dir)
	putVideo(t, filepath.Join(dir, "b.mp4"), "told once")
	putVideo(t, filepath.Join(dir, "c.mp4"), "told once too")
	w.waitEvent("uploaded", "", 2)
	srv.Wait(t, 1, 10*time.Second)
	time.Sleep(3 * time.Second)
	notes := srv.Notes()
	if len(notes) != 1 || notes[0].Summary != filepath.Base(dir)+": 2 videos uploaded" {
		t.Fatalf("notifications with --notify: %+v", notes)
	}
}
