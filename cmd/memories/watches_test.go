package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// `memories watches` lists each watch with its counts and the pacer's ETA for what waits, and
// pauses, resumes and removes one; a paused watch does not run.
func TestWatchesListPauseResumeRemove(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	putVideo(t, filepath.Join(dir, "a.mp4"), "waits an hour")
	putVideo(t, filepath.Join(dir, "b.mp4"), "waits an hour too")
	w := e.startWatch(t, "--name", "cam", "--settle=1h", dir)
	w.waitEvent("settling", "", 2)
	w.stop().want(t, 0)

	e.env["MEMORIES_RATE_LIMITS"] = "" // the documented pace: 1 upload a minute
	text := e.run("", "watches").want(t, 0).stdout
	for _, want := range []string{"cam  " + dir, "seen 2", "waiting 2 — about 2 min at 1 upload every 1 min", "settle 1 h"} {
		if !strings.Contains(text, want) {
			t.Errorf("watches output lacks %q:\n%s", want, text)
		}
	}
	rows := e.run("", "watches", "--json").want(t, 0).lines(t)
	if len(rows) != 1 || rows[0]["name"] != "cam" || rows[0]["stats"].(map[string]any)["waiting"] != 2.0 {
		t.Fatalf("watches --json: %v", rows)
	}
	e.run("", "watches", "pause", "cam").want(t, 0)
	if r := e.run("", "watch", "--name", "cam").want(t, 1); !strings.Contains(r.stderr, "paused") {
		t.Fatalf("a paused watch ran: %q", r.stderr)
	}
	e.run("", "watches", "resume", "cam").want(t, 0)
	e.run("", "watches", "remove", "cam").want(t, 0)
	e.run("", "watches", "remove", "cam").want(t, 2)
	if out := e.run("", "watches").want(t, 0).stdout; out != "" {
		t.Fatalf("watches after removal: %q", out)
	}
	e.run("", "watches", "frobnicate").want(t, 2)
}

// One watch runs in one process: the data folder's lock keeps a second `memories watch` (or the
// app) away, with a message that says why.
func TestWatchSecondRunIsToldTheFolderIsInUse(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	e.startWatch(t, "--name", "cam", dir)
	r := e.run("", "watch", "--name", "cam").want(t, 1)
	if !strings.Contains(r.stderr, "a memories command (the CLI, pid") || strings.Contains(r.stderr, "Memories Desktop window") {
		t.Fatalf("second run said %q", r.stderr)
	}
}
