package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The watched folder deleted while watched: the watch says so, keeps running, and picks the
// folder up again when it is back.
func TestWatchSurvivesItsFolderDeleted(t *testing.T) {
	e := newTestEnv(t)
	dir := filepath.Join(t.TempDir(), "inbox")
	os.Mkdir(dir, 0o755)
	w := e.startWatch(t, watchSettle, "--scope", "gone", "--rescan=300ms", dir)
	putVideo(t, filepath.Join(dir, "a.mp4"), "before the folder went")
	w.waitEvent("uploaded", "a.mp4", 1)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	w.waitEvent("gone", "", 1)
	putVideo(t, filepath.Join(dir, "b.mp4"), "after the folder came back")
	w.waitEvent("back", "", 1)
	w.waitEvent("uploaded", "b.mp4", 1)
	if names := e.serverNames("gone"); len(names) != 2 || names["a.mp4"] != 1 || names["b.mp4"] != 1 {
		t.Fatalf("server holds %v", names)
	}
}

// A link loop inside the tree is not followed, a linked file is refused once, and a name that is
// not UTF-8 is refused once with its reason; the real video next to them is uploaded once.
func TestWatchHostileTree(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	if err := os.Symlink(dir, filepath.Join(sub, "loop")); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(sub, "real.mp4")
	putVideo(t, real, "the one real video")
	os.Symlink(real, filepath.Join(dir, "link.mp4"))
	bad := filepath.Join(dir, "bad-\xff\xfe.mp4")
	putVideo(t, bad, "a name that is not UTF-8")
	w := e.startWatch(t, watchSettle, "--scope", "hostile", "--recursive", "--rescan=300ms", dir)
	w.waitEvent("uploaded", "real.mp4", 1)
	w.quiet("queued", 1)
	skips := w.events("skipped", "")
	if len(skips) != 2 {
		t.Fatalf("%d skip events, want 2 (the link and the bad name, once each):\n%s", len(skips), w.out.String())
	}
	var reasons []string
	for _, s := range skips {
		reasons = append(reasons, s["detail"].(string))
	}
	if all := strings.Join(reasons, "|"); !strings.Contains(all, "UTF-8") || !strings.Contains(all, "symbolic link") {
		t.Fatalf("skip reasons %q", all)
	}
	if names := e.serverNames("hostile"); len(names) != 1 || names["real.mp4"] != 1 {
		t.Fatalf("server holds %v, want real.mp4 once", names)
	}
}

// The watched folder is a drive unmounted while watched (the system drops its live watch without
// a word): the next rescan says so, and once the drive is mounted again a new file on it is
// noticed live and uploaded; what was uploaded before is not sent again.
func TestWatchSurvivesItsDriveUnmounted(t *testing.T) {
	e := newTestEnv(t)
	dir := mountTmpfs(t, "size=8m")
	w := e.startWatch(t, watchSettle, "--scope", "drive", "--rescan=500ms", dir)
	putVideo(t, filepath.Join(dir, "a.mp4"), "on the drive before it went")
	w.waitEvent("uploaded", "a.mp4", 1)
	if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
		t.Fatalf("umount: %v %s", err, out)
	}
	w.waitEvent("gone", "", 1)
	w.waitEvent("back", "", 1)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount again: %v %s", err, out)
	}
	w.waitEvent("gone", "", 2) // the path now leads to the mounted drive
	w.waitEvent("back", "", 2)
	putVideo(t, filepath.Join(dir, "a.mp4"), "on the drive before it went")
	putVideo(t, filepath.Join(dir, "b.mp4"), "after the drive came back")
	w.waitEvent("uploaded", "b.mp4", 1)
	w.waitEvent("duplicate", "a.mp4", 1)
	if names := e.serverNames("drive"); len(names) != 2 || names["a.mp4"] != 1 || names["b.mp4"] != 1 {
		t.Fatalf("server holds %v", names)
	}
}
