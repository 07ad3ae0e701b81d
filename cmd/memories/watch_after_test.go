package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
)

// --after delete needs its typed confirmation, checked before anything is opened or sent.
func TestWatchDeleteNeedsConfirmation(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	r := e.run("", "watch", "--after", "delete", dir).want(t, 2)
	if !strings.Contains(r.stderr, "--confirm-delete=DELETE") {
		t.Fatalf("stderr does not say how to confirm: %q", r.stderr)
	}
	e.run("", "watch", "--after", "delete", "--confirm-delete=yes", dir).want(t, 2)
	e.run("", "watch", "--after", "shred", dir).want(t, 2)
	e.run("", "watch").want(t, 2)
	e.run("", "watch", "--name", "nothing-saved").want(t, 2)
}

// Delete mode deletes a file only after the server confirmed its upload and only when it is
// unchanged since: a file changed while its reply was held is kept (the engine finds the copy
// torn and fails the job), and a file whose upload was not confirmed when the watch stopped is
// kept until a later run sees it confirmed.
func TestWatchDeletesOnlyConfirmedUnchangedFiles(t *testing.T) {
	// Uploads are parsed at once: the next run finds the held one by its marker tag, which the
	// service shows only on parsed videos.
	e := newTestEnvWith(t, sandbox.Options{APIKey: "sk-test-cli-key", ParseDelay: time.Millisecond})
	// Every reply is held until the test releases it (replacing the faults releases the replies
	// held; the new ones are held again), so nothing here races the machine's speed.
	hold := func() { e.sb.SetFaults(sandbox.Faults{ReplyDelay: time.Hour}) }
	hold()
	dir := t.TempDir()
	args := []string{watchSettle, "--scope", "del", "--after", "delete", "--confirm-delete=DELETE", dir}
	w := e.startWatch(t, args...)

	changed := filepath.Join(dir, "changed.mp4")
	putVideo(t, changed, "will change while its reply is held")
	e.waitServer(t, "del", 1) // stored; the reply is held
	if err := os.WriteFile(changed, []byte("edited after the upload began"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Its reply comes now.
	hold()
	w.waitEvent("skipped", "changed.mp4", 1) // its new content is not a video
	if _, err := os.Stat(changed); err != nil {
		t.Fatalf("a file changed after its upload began was deleted: %v", err)
	}

	plain := filepath.Join(dir, "plain.mp4")
	putVideo(t, plain, "unchanged")
	e.waitServerName(t, "del", "plain.mp4")
	hold()
	w.waitEvent("deleted", "plain.mp4", 1)
	if _, err := os.Stat(plain); !os.IsNotExist(err) {
		t.Fatalf("an unchanged, confirmed upload was not deleted: %v", err)
	}

	held := filepath.Join(dir, "held.mp4")
	putVideo(t, held, "stopped before its reply")
	e.waitServerName(t, "del", "held.mp4")
	w.stop().want(t, 0)
	if _, err := os.Stat(held); err != nil {
		t.Fatalf("a file whose upload was not confirmed was deleted: %v", err)
	}
	if n := len(w.events("deleted", "held.mp4")); n != 0 {
		t.Fatalf("%d deleted events for an unconfirmed upload", n)
	}

	e.sb.SetFaults(sandbox.Faults{})
	again := e.startWatch(t, args...)
	again.waitEvent("deleted", "held.mp4", 1)
	again.quiet("queued", 0)
	if n := len(w.events("deleted", "changed.mp4")) + len(again.events("deleted", "changed.mp4")); n != 0 {
		t.Fatal("a file changed after its upload began was deleted")
	}
	if names := e.serverNames("del"); names["held.mp4"] != 1 || names["plain.mp4"] != 1 || len(e.sb.Videos("del")) != 2 {
		t.Fatalf("server holds %v, want plain and held once each (the torn copy of changed removed)", names)
	}
}

// Move mode moves an uploaded file into Uploaded/, which is never watched itself.
func TestWatchMovesUploadedFiles(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	w := e.startWatch(t, watchSettle, "--scope", "mv", "--recursive", "--after", "move", dir)
	putVideo(t, filepath.Join(dir, "day1", "a.mp4"), "to be moved")
	w.waitEvent("moved", "day1/a.mp4", 1)
	if _, err := os.Stat(filepath.Join(dir, "Uploaded", "day1", "a.mp4")); err != nil {
		t.Fatal(err)
	}
	w.quiet("queued", 1)
}

// Files that arrived while nothing ran are found and uploaded at the next start; what was
// uploaded before is not sent again.
func TestWatchCatchesUpAtStart(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	putVideo(t, filepath.Join(dir, "before.mp4"), "there before the first start")
	w := e.startWatch(t, watchSettle, "--scope", "cu", "--name", "cam", dir)
	w.waitEvent("uploaded", "before.mp4", 1)
	w.stop().want(t, 0)
	putVideo(t, filepath.Join(dir, "while-off-1.mp4"), "arrived while nothing ran 1")
	putVideo(t, filepath.Join(dir, "while-off-2.mp4"), "arrived while nothing ran 2")
	again := e.startWatch(t, "--name", "cam")
	again.waitEvent("uploaded", "", 2)
	again.quiet("queued", 2)
	if names := e.serverNames("cu"); len(names) != 3 || names["before.mp4"] != 1 {
		t.Fatalf("server holds %v, want each of the 3 files once", names)
	}
}
