package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/events"
	"memories-desktop/backend/media/mediatest"
)

// emitted records the events the app sends to the page.
type emitted struct {
	mu    sync.Mutex
	names []string
}

func (e *emitted) Emit(name string, payload any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if name == events.WatchChanged {
		e.names = append(e.names, payload.(string))
	}
}

func (e *emitted) count() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.names)
}

// bootedApp is the app over a temporary data folder in sandbox mode, as the window starts it.
func bootedApp(t *testing.T) (*App, *emitted) {
	t.Helper()
	t.Setenv(core.SandboxEnv, "1")
	t.Setenv("MEMORIES_RATE_LIMITS", "off")
	a := NewApp(t.TempDir())
	ev := &emitted{}
	a.events = ev
	ctx, cancel := context.WithCancel(context.Background())
	if err := a.boot(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a.shutdown(ctx)
		cancel()
	})
	return a, ev
}

// waitWatch waits until the watch list shows what ok accepts.
func waitWatch(t *testing.T, a *App, what string, ok func(WatchView) bool) WatchView {
	t.Helper()
	var last []WatchView
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		list, err := a.Watches()
		if err != nil {
			t.Fatal(err)
		}
		if last = list; len(list) == 1 && ok(list[0]) {
			return list[0]
		}
	}
	t.Fatalf("the watch list never showed %s: %+v", what, last)
	return WatchView{}
}

// A folder added in the app is watched at once: a video copied into it is uploaded, the list
// counts it and the page is told; paused, the watch stops; resumed, it catches up; removed, it
// is gone from the list. Without the app's watch runner nothing would ever be uploaded.
func TestAppRunsItsWatches(t *testing.T) {
	a, ev := bootedApp(t)
	dir := filepath.Join(t.TempDir(), "Recordings")
	os.Mkdir(dir, 0o755)
	w, err := a.AddWatchFolder(dir)
	if err != nil || w.Name != "Recordings" {
		t.Fatalf("added %+v, %v", w, err)
	}
	if _, err := a.AddWatchFolder(dir + "/"); err == nil || !strings.Contains(err.Error(), "already watched (as ‘Recordings’)") {
		t.Fatalf("the same folder again: %v", err)
	}
	w.SettleMS = 100
	if _, err := a.UpdateWatch(w, ""); err != nil {
		t.Fatal(err)
	}
	waitWatch(t, a, "it running", func(v WatchView) bool { return v.State == watchRunning && v.Folders == 1 })
	os.WriteFile(filepath.Join(dir, "a.mp4"), mediatest.MP4([]byte("watched in the app")), 0o644)
	waitWatch(t, a, "one upload", func(v WatchView) bool { return v.Stats.Uploaded == 1 })
	for deadline := time.Now().Add(5 * time.Second); ev.count() == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) { // one burst is told at most watchEmitDelay after it starts
			t.Fatal("the page was never told that the watch changed")
		}
	}
	jobs, err := a.Jobs(contract.JobQuery{Limit: 10})
	if err != nil || len(jobs.Jobs) != 1 || jobs.Jobs[0].Watch != "Recordings" {
		t.Fatalf("Transfers does not name the watch: %+v, %v", jobs.Jobs, err)
	}

	if err := a.PauseWatch(w.Name); err != nil {
		t.Fatal(err)
	}
	waitWatch(t, a, "it paused", func(v WatchView) bool { return v.State == watchPaused && v.Config.Paused })
	os.WriteFile(filepath.Join(dir, "b.mp4"), mediatest.MP4([]byte("landed while paused")), 0o644)
	time.Sleep(300 * time.Millisecond) // more than the settle time: a running watch would see it
	if v := waitWatch(t, a, "no new file", func(WatchView) bool { return true }); v.Stats.Seen != 1 {
		t.Fatalf("a paused watch saw files: %+v", v.Stats)
	}
	if err := a.ResumeWatch(w.Name); err != nil {
		t.Fatal(err)
	}
	waitWatch(t, a, "the catch-up upload", func(v WatchView) bool { return v.Stats.Uploaded == 2 && v.State == watchRunning })

	if err := a.RemoveWatch(w.Name); err != nil {
		t.Fatal(err)
	}
	if list, err := a.Watches(); err != nil || len(list) != 0 {
		t.Fatalf("after remove: %+v, %v", list, err)
	}
}

// Deleting uploaded files needs the typed word; the waiting files' ETA follows the pacer.
func TestUpdateWatchDeleteNeedsTheWord(t *testing.T) {
	a, _ := bootedApp(t)
	w, err := a.AddWatchFolder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w.After = contract.WatchDelete
	w.DeleteConfirmed = true // the page cannot confirm by itself
	if _, err := a.UpdateWatch(w, "delete"); err == nil || !strings.Contains(err.Error(), "type DELETE") {
		t.Fatalf("delete without the word: %v", err)
	}
	saved, err := a.UpdateWatch(w, contract.WatchDeleteConfirmation)
	if err != nil || saved.After != contract.WatchDelete || !saved.DeleteConfirmed {
		t.Fatalf("delete with the word: %+v, %v", saved, err)
	}
	bad := saved
	bad.Include = []string{"[unclosed"}
	if _, err := a.UpdateWatch(bad, ""); err == nil || !strings.Contains(err.Error(), "not valid") {
		t.Fatalf("a bad pattern: %v", err)
	}
	waitWatch(t, a, "it running on its old settings", func(v WatchView) bool {
		return v.State == watchRunning && v.Config.Include[0] != "[unclosed"
	})
	saved.Tags = []string{"cam"} // a later edit keeps the confirmation
	if saved, err = a.UpdateWatch(saved, ""); err != nil || !saved.DeleteConfirmed {
		t.Fatalf("a later edit: %+v, %v", saved, err)
	}
}

// A profile switch stops the old profile's watches and runs the new one's; back again, the first
// runs again.
func TestProfileSwitchSwapsTheRunningWatches(t *testing.T) {
	t.Setenv("MEMORIES_RATE_LIMITS", "off")
	a := NewApp(t.TempDir())
	a.events = &emitted{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := a.boot(ctx); err != nil {
		t.Fatal(err)
	}
	defer a.shutdown(ctx)
	if _, err := a.AddWatchFolder(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	waitWatch(t, a, "the live profile's watch running", func(v WatchView) bool { return v.State == watchRunning })
	st, err := a.GetSettings()
	if err != nil {
		t.Fatal(err)
	}
	s := st.Settings
	s.Sandbox = true
	if _, err := a.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	if list, err := a.Watches(); err != nil || len(list) != 0 {
		t.Fatalf("the sandbox profile lists %+v, %v", list, err)
	}
	a.watches.mu.Lock()
	running := len(a.watches.runs)
	a.watches.mu.Unlock()
	if running != 0 {
		t.Fatalf("%d watch(es) of the old profile still run", running)
	}
	s.Sandbox = false
	if _, err := a.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	waitWatch(t, a, "the live profile's watch running again", func(v WatchView) bool { return v.State == watchRunning })
}
