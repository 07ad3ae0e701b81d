package core

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/notify/notifytest"
	"memories-desktop/backend/sandbox"
)

// watchEvents collects a running watch's events.
type watchEvents struct {
	mu  sync.Mutex
	all []contract.WatchEvent
}

func (w *watchEvents) add(e contract.WatchEvent) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.all = append(w.all, e)
}

// wait waits for an event of kind about path (any when "").
func (w *watchEvents) wait(t *testing.T, kind, path string) contract.WatchEvent {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		w.mu.Lock()
		for _, e := range w.all {
			if e.Kind == kind && (path == "" || e.Path == path) {
				w.mu.Unlock()
				return e
			}
		}
		w.mu.Unlock()
	}
	t.Fatalf("no %q event for %q; got %+v", kind, path, w.all)
	return contract.WatchEvent{}
}

func runWatch(t *testing.T, c *Service, name string, opt contract.WatchRunOptions) *watchEvents {
	t.Helper()
	notifytest.NoDesktop(t) // a batch's notification goes to the test's own bus, if any
	ev := &watchEvents{}
	if first := opt.Report; first != nil { // the test's own look at each event, then the record
		opt.Report = func(e contract.WatchEvent) { first(e); ev.add(e) }
	} else {
		opt.Report = ev.add
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.RunWatch(ctx, name, opt) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return ev
}

// At the inotify limit the watch says how many folders are watched live and rescans the
// others, so a file in an unwatched folder is still uploaded.
func TestWatchOverTheLimitRescans(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	for _, sub := range []string{"a", "b", "c", "d"} {
		os.Mkdir(filepath.Join(dir, sub), 0o755)
	}
	if _, err := c.AddWatch(contract.WatchConfig{Name: "tree", Folder: dir, Recursive: true, SettleMS: 200}); err != nil {
		t.Fatal(err)
	}
	ev := runWatch(t, c, "tree", contract.WatchRunOptions{MaxWatches: 2, LimitedRescan: 300 * time.Millisecond})
	limit := ev.wait(t, contract.WatchEvLimit, "")
	if !strings.Contains(limit.Detail, "folders watched live: 2; 3 more are over") || !strings.Contains(limit.Detail, "scanned every 0.3 s") {
		t.Fatalf("limit message %q", limit.Detail)
	}
	for _, sub := range []string{"a", "b", "c", "d"} {
		os.WriteFile(filepath.Join(dir, sub, "v.mp4"), mediatest.MP4([]byte("in "+sub)), 0o644)
	}
	for _, sub := range []string{"a", "b", "c", "d"} {
		ev.wait(t, "uploaded", sub+"/v.mp4")
	}
}

// The watch list counts what each watch saw; a paused watch does not run; jobs name their watch.
func TestWatchListPauseAndJobSubject(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.mp4"), mediatest.MP4([]byte("fine")), 0o644)
	os.WriteFile(filepath.Join(dir, "junk.mp4"), []byte("no video"), 0o644)
	w, err := c.AddWatch(contract.WatchConfig{Folder: dir, SettleMS: 200, Tags: []string{"cam"}})
	if err != nil || w.Name != filepath.Base(dir) || w.After != contract.WatchKeep || len(w.Include) == 0 {
		t.Fatalf("added %+v, %v", w, err)
	}
	if _, err := c.AddWatch(contract.WatchConfig{Name: w.Name, Folder: dir}); err == nil {
		t.Fatal("a second watch with the same name was accepted")
	}
	if _, err := c.AddWatch(contract.WatchConfig{Name: "del", Folder: dir, After: contract.WatchDelete}); err == nil {
		t.Fatal("delete without its confirmation was accepted")
	}
	ev := runWatch(t, c, w.Name, contract.WatchRunOptions{})
	up := ev.wait(t, "uploaded", "ok.mp4")
	ev.wait(t, "skipped", "junk.mp4")
	job, err := c.activeDB().Job(up.JobID)
	if err != nil || SubjectOf(job).Watch != w.Name || len(job.Tags) != 1 || job.Tags[0] != "cam" {
		t.Fatalf("job %+v (subject %+v), %v", job, SubjectOf(job), err)
	}
	if page, err := c.Jobs(contract.JobQuery{Limit: 10}); err != nil || len(page.Jobs) != 1 || page.Jobs[0].Watch != w.Name {
		t.Fatalf("Transfers' view of the job does not name its watch: %+v, %v", page.Jobs, err)
	}
	list, err := c.ListWatches()
	if err != nil || len(list) != 1 {
		t.Fatalf("list %+v, %v", list, err)
	}
	s := list[0].Stats
	if s.Seen != 2 || s.Uploaded != 1 || s.Skipped != 1 || s.Waiting != 0 || s.LastActivity == 0 ||
		len(s.Refused) != 1 || s.Refused[0].Path != "junk.mp4" || !strings.Contains(s.Refused[0].Reason, "not a video") {
		t.Fatalf("stats %+v", s)
	}
	if _, err := c.PauseWatch(w.Name); err != nil {
		t.Fatal(err)
	}
	if err := c.RunWatch(context.Background(), w.Name, contract.WatchRunOptions{}); err == nil || !strings.Contains(err.Error(), "paused") {
		t.Fatalf("a paused watch ran: %v", err)
	}
	if err := c.RunWatch(context.Background(), w.Name+"x", contract.WatchRunOptions{}); err == nil {
		t.Fatal("an unknown watch ran")
	}
}

// One process runs a watch once.
func TestWatchRunsOnce(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	w, err := c.AddWatch(contract.WatchConfig{Name: "one", Folder: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ev := runWatch(t, c, w.Name, contract.WatchRunOptions{})
	ev.wait(t, "started", "")
	err = c.RunWatch(context.Background(), w.Name, contract.WatchRunOptions{})
	if err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("second run: %v", err)
	}
	if err := c.RemoveWatch(w.Name); err != nil {
		t.Fatal(err)
	}
}

// A watched upload paused in Transfers and resumed later is still followed: the watch notes it
// uploaded once it ends (found at the next rescan).
func TestWatchFollowsAPausedUpload(t *testing.T) {
	// The pause may cut the upload before or after it reached the sandbox; when before, the
	// resumed job believes "not there" only one response timeout later (2 min by default).
	t.Setenv(api.ResponseTimeoutEnv, "2s")
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	if _, err := c.AddWatch(contract.WatchConfig{Name: "p", Folder: dir, SettleMS: 100}); err != nil {
		t.Fatal(err)
	}
	c.sandbox.parseDelay = 50 * time.Millisecond // the resumed upload is found again by its tag at once
	if _, err := c.sandbox.url(); err != nil {   // starts the emulator
		t.Fatal(err)
	}
	c.sandbox.run.Server.SetFaults(sandbox.Faults{Latency: 2 * time.Second}) // the upload stays running
	ev := runWatch(t, c, "p", contract.WatchRunOptions{Rescan: 300 * time.Millisecond})
	os.WriteFile(filepath.Join(dir, "a.mp4"), mediatest.MP4([]byte("paused on the way")), 0o644)
	q := ev.wait(t, "queued", "a.mp4")
	if err := c.PauseJob(q.JobID); err != nil {
		t.Fatal(err)
	}
	c.sandbox.run.Server.SetFaults(sandbox.Faults{})
	time.Sleep(500 * time.Millisecond) // the watch sees it paused and parks it
	if err := c.ResumeJob(q.JobID); err != nil {
		t.Fatal(err)
	}
	ev.wait(t, "uploaded", "a.mp4")
}

// A file replaced while its upload is on the way is sent again once, with its new content; the
// server ends with that content only.
func TestWatchFileReplacedWhileQueuedIsSentOnceMore(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	if _, err := c.AddWatch(contract.WatchConfig{Name: "r", Folder: dir, SettleMS: 100}); err != nil {
		t.Fatal(err)
	}
	c.sandbox.parseDelay = 50 * time.Millisecond
	if _, err := c.sandbox.url(); err != nil {
		t.Fatal(err)
	}
	srv := c.sandbox.run.Server
	srv.SetFaults(sandbox.Faults{Latency: time.Second}) // the first upload is still on the way
	ev := runWatch(t, c, "r", contract.WatchRunOptions{})
	path := filepath.Join(dir, "a.mp4")
	os.WriteFile(path, mediatest.MP4([]byte("first take")), 0o644)
	ev.wait(t, "queued", "a.mp4")
	second := mediatest.MP4([]byte("second take, longer than the first"))
	os.WriteFile(path, second, 0o644)
	srv.SetFaults(sandbox.Faults{})
	ev.wait(t, "uploaded", "a.mp4")
	time.Sleep(500 * time.Millisecond) // nothing more may come
	if vids := srv.Videos(""); len(vids) != 1 || vids[0].Size != int64(len(second)) {
		t.Fatalf("server holds %+v, want the second take once (%d bytes)", vids, len(second))
	}
}

// A watch needs the transfer engine; without it RunWatch says so instead of failing later.
func TestWatchNeedsTheEngine(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true})
	if _, err := c.AddWatch(contract.WatchConfig{Name: "e", Folder: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	if err := c.RunWatch(context.Background(), "e", contract.WatchRunOptions{}); err == nil || !strings.Contains(err.Error(), "StartEngine") {
		t.Fatalf("RunWatch without the engine: %v", err)
	}
}

// On every event about a file, the watch list (read by the window and `memories watches` when
// an event comes) already counts that file's new state: events go out once it is saved.
func TestWatchListKnowsWhatEachEventSays(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.mp4"), mediatest.MP4([]byte("fine")), 0o644)
	os.WriteFile(filepath.Join(dir, "junk.mp4"), []byte("no video"), 0o644)
	os.Symlink(filepath.Join(dir, "ok.mp4"), filepath.Join(dir, "link.mp4"))
	if _, err := c.AddWatch(contract.WatchConfig{Name: "cam", Folder: dir, SettleMS: 200}); err != nil {
		t.Fatal(err)
	}
	said := map[string]int{}
	var mu sync.Mutex
	var behind []string
	look := func(e contract.WatchEvent) {
		if e.Kind != contract.WatchEvUploaded && e.Kind != contract.WatchEvSkipped && e.Kind != contract.WatchEvDuplicate {
			return
		}
		said[e.Kind]++
		list, err := c.ListWatches()
		if err != nil || len(list) != 1 {
			t.Errorf("watch list on %s: %+v, %v", e.Kind, list, err)
			return
		}
		st := list[0].Stats
		counted := map[string]int{contract.WatchEvUploaded: st.Uploaded, contract.WatchEvSkipped: st.Skipped,
			contract.WatchEvDuplicate: st.Duplicates}
		if counted[e.Kind] < said[e.Kind] {
			mu.Lock()
			behind = append(behind, fmt.Sprintf("%s %s: the list counts %d of %d", e.Kind, e.Path, counted[e.Kind], said[e.Kind]))
			mu.Unlock()
		}
	}
	ev := runWatch(t, c, "cam", contract.WatchRunOptions{Report: look})
	ev.wait(t, contract.WatchEvUploaded, "ok.mp4")
	ev.wait(t, contract.WatchEvSkipped, "junk.mp4")
	ev.wait(t, contract.WatchEvSkipped, "link.mp4")
	os.WriteFile(filepath.Join(dir, "again.mp4"), mediatest.MP4([]byte("fine")), 0o644)
	ev.wait(t, contract.WatchEvDuplicate, "again.mp4")
	mu.Lock()
	defer mu.Unlock()
	if len(behind) > 0 {
		t.Fatalf("events came before the watch list knew them: %v", behind)
	}
}
