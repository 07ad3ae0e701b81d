package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const watchSettle = "--settle=300ms"

// A recorder writes a video in parts, a little under a second apart: while its container is
// incomplete the watch says "still being written" and sends nothing; once it stopped changing
// for the settle time it is uploaded exactly once, byte for byte.
func TestWatchUploadsAGrowingFileOnceWhenFinished(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	w := e.startWatch(t, watchSettle, "--scope", "grow", dir)
	data := mediatestMP4(strings.Repeat("recording ", 4000))
	path := filepath.Join(dir, "rec.mp4")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	const parts = 5
	step := len(data) / parts
	for i := range parts {
		end := (i + 1) * step
		if i == parts-1 {
			end = len(data)
		}
		if _, err := f.Write(data[i*step : end]); err != nil {
			t.Fatal(err)
		}
		if i < parts-1 {
			time.Sleep(700 * time.Millisecond)
			if n := len(e.sb.Videos("grow")); n != 0 {
				t.Fatalf("after part %d of %d the server already holds %d video(s)", i+1, parts, n)
			}
		}
	}
	f.Close()
	lastWrite := time.Now()
	queued := w.waitEvent("queued", "rec.mp4", 1)[0]
	at, _ := time.Parse(time.RFC3339Nano, queued["time"].(string))
	latency := at.Sub(lastWrite)
	t.Logf("queued %s after the last write (settle time 300ms)", latency.Round(time.Millisecond))
	// Queued on the change notice, not at the next rescan (10 minutes): within the settle time
	// and a few seconds a machine busy with other suites may need to check and fingerprint.
	if latency > 5*time.Second {
		t.Errorf("queued %s after the last write, more than the settle time + 5 s", latency)
	}
	w.waitEvent("uploaded", "rec.mp4", 1)
	w.quiet("queued", 1)
	if len(w.events("writing", "rec.mp4")) == 0 {
		t.Errorf("no \"still being written\" event while the file grew:\n%s", w.out.String())
	}
	vids := e.sb.Videos("grow")
	if len(vids) != 1 || vids[0].Size != int64(len(data)) {
		t.Fatalf("server holds %+v, want one video of %d bytes", vids, len(data))
	}
	w.stop().want(t, 0)
	log, _ := os.ReadFile(filepath.Join(e.env["MEMORIES_DATA_DIR"], "logs", "memories.log"))
	if !strings.Contains(string(log), "event=queued path=rec.mp4") {
		t.Errorf("the log file lacks the watch's decisions:\n%s", log)
	}
	out := t.TempDir()
	e.run("", "download", "--scope", "grow", "-o", out, vids[0].VideoNo).want(t, 0)
	got, _ := os.ReadFile(filepath.Join(out, vids[0].VideoNo+".mp4"))
	if sum(got) != sum(data) {
		t.Fatalf("downloaded %d bytes that differ from the %d written", len(got), len(data))
	}
}

// Many files landing at once are each uploaded exactly once (MEMORIES_PROOF_WATCH_FILES, 200 in
// make test, 1,000 in make proof).
func TestWatchUploadsManyFilesOnce(t *testing.T) {
	n := int(envInt("MEMORIES_PROOF_WATCH_FILES", 200))
	e := newTestEnv(t)
	dir := t.TempDir()
	w := e.startWatch(t, watchSettle, "--scope", "many", "--recursive", dir)
	start := time.Now()
	for i := range n {
		putVideo(t, filepath.Join(dir, fmt.Sprintf("d%d", i%10), fmt.Sprintf("clip-%04d.mp4", i)), fmt.Sprint("clip ", i))
	}
	e.waitServer(t, "many", n)
	w.waitEvent("uploaded", "", n)
	t.Logf("%d files uploaded %s after they began to land", n, time.Since(start).Round(time.Millisecond))
	w.quiet("queued", n)
	names := e.serverNames("many")
	for i := range n {
		if name := fmt.Sprintf("clip-%04d.mp4", i); names[name] != 1 {
			t.Errorf("%s is on the server %d times", name, names[name])
		}
	}
	if len(e.sb.Videos("many")) != n {
		t.Fatalf("the server holds %d videos for %d files", len(e.sb.Videos("many")), n)
	}
}

// A rename inside the tree is not a new upload; new content under the same name is; a file that
// is not a video is listed once with its reason and not looked at again.
func TestWatchRenameReplaceAndRefusal(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	w := e.startWatch(t, watchSettle, "--scope", "ren", "--recursive", "--rescan=500ms", dir)
	putVideo(t, filepath.Join(dir, "a.mp4"), "first")
	w.waitEvent("uploaded", "a.mp4", 1)
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "a.mp4"), filepath.Join(dir, "sub", "b.mp4")); err != nil {
		t.Fatal(err)
	}
	w.waitEvent("renamed", "sub/b.mp4", 1)
	putVideo(t, filepath.Join(dir, "sub", "b.mp4"), "second, different content")
	w.waitEvent("uploaded", "sub/b.mp4", 1)
	if err := os.WriteFile(filepath.Join(dir, "notes.mp4"), []byte("not a video at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.waitEvent("skipped", "notes.mp4", 1)
	os.WriteFile(filepath.Join(dir, "readme.txt"), []byte("not watched"), 0o644)
	time.Sleep(1200 * time.Millisecond) // two rescans
	if got := w.events("skipped", ""); len(got) != 1 {
		t.Fatalf("%d skip events, want 1 (notes.mp4 once):\n%s", len(got), w.out.String())
	}
	if got := w.events("queued", ""); len(got) != 2 {
		t.Fatalf("%d uploads queued, want 2 (a.mp4, then b.mp4's new content):\n%s", len(got), w.out.String())
	}
	if vids := e.sb.Videos("ren"); len(vids) != 2 {
		t.Fatalf("the server holds %d videos, want 2", len(vids))
	}
}
