package core

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/notify/notifytest"
	"memories-desktop/backend/sandbox"
)

// notifyingWatch starts a real notification server on a private session bus and an engine,
// and adds a watch of a new folder with a short settle time.
func notifyingWatch(t *testing.T) (*Service, *notifytest.Server, string) {
	t.Helper()
	srv := notifytest.Serve(t, notifytest.StartBus(t), "body")
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	if _, err := c.AddWatch(contract.WatchConfig{Name: "cam", Folder: dir, SettleMS: 200}); err != nil {
		t.Fatal(err)
	}
	return c, srv, dir
}

// quietAfter waits out a batch's quiet period and a second more, then returns every notification
// received: one that was still to come would be there by then.
func quietAfter(srv *notifytest.Server) []notifytest.Note {
	time.Sleep(batchQuietMin + time.Second)
	return srv.Notes()
}

// Several files landing together are one batch: one notification with the counts, skips named.
func TestWatchNotifiesOncePerBatch(t *testing.T) {
	c, srv, dir := notifyingWatch(t)
	ev := runWatch(t, c, "cam", contract.WatchRunOptions{})
	ev.wait(t, "started", "")
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		os.WriteFile(filepath.Join(dir, n+".mp4"), mediatest.MP4([]byte("batch "+n)), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "junk.mp4"), []byte("not a video"), 0o644)
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		ev.wait(t, "uploaded", n+".mp4")
	}
	srv.Wait(t, 1, 10*time.Second)
	notes := quietAfter(srv)
	if len(notes) != 1 {
		t.Fatalf("%d notifications for one batch, want 1: %+v", len(notes), notes)
	}
	n := notes[0]
	if n.App != "Memories Desktop" || n.Summary != "cam: 5 videos uploaded, 1 file skipped" ||
		!strings.Contains(n.Body, "Skipped junk.mp4: ") || n.Urgency != 1 {
		t.Fatalf("notification %+v", n)
	}
}

// A failed upload is told once, as a failure (critical urgency), with its file and reason.
func TestWatchNotifiesAFailure(t *testing.T) {
	c, srv, dir := notifyingWatch(t)
	if _, err := c.sandbox.url(); err != nil { // starts the emulator
		t.Fatal(err)
	}
	c.sandbox.run.Server.SetFaults(sandbox.Faults{NoCredits: true})
	ev := runWatch(t, c, "cam", contract.WatchRunOptions{})
	ev.wait(t, "started", "")
	os.WriteFile(filepath.Join(dir, "f.mp4"), mediatest.MP4([]byte("fails")), 0o644)
	ev.wait(t, "failed", "f.mp4")
	srv.Wait(t, 1, 10*time.Second)
	notes := quietAfter(srv)
	if len(notes) != 1 || notes[0].Summary != "cam: 1 upload failed" || notes[0].Urgency != 2 ||
		!strings.HasPrefix(notes[0].Body, "Failed f.mp4: ") {
		t.Fatalf("notifications %+v", notes)
	}
}

// Switched off in Settings, a watch shows nothing; saving the Settings form keeps it off.
func TestWatchNotificationsSwitchedOff(t *testing.T) {
	c, srv, dir := notifyingWatch(t)
	if !c.NotificationsOn() {
		t.Fatal("notifications are off by default")
	}
	if err := c.SetNotifications(false); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateSettings(c.Settings()); err != nil || c.NotificationsOn() {
		t.Fatalf("saving the form turned notifications on again (%v)", err)
	}
	ev := runWatch(t, c, "cam", contract.WatchRunOptions{})
	ev.wait(t, "started", "")
	os.WriteFile(filepath.Join(dir, "a.mp4"), mediatest.MP4([]byte("silent")), 0o644)
	ev.wait(t, "uploaded", "a.mp4")
	if notes := quietAfter(srv); len(notes) != 0 {
		t.Fatalf("notifications while switched off: %+v", notes)
	}
}

// A batch's notification speaks the language in use, with its plural forms.
func TestWatchNotificationInTheLanguage(t *testing.T) {
	defer i18n.SetDefault(i18n.Default())
	b := &watchBatch{name: "cam", counts: map[string]int{contract.WatchEvUploaded: 1, contract.WatchEvFailed: 2,
		contract.WatchEvDuplicate: 3}, failed: []string{"a.mp4: x", "b.mp4: y"}}
	i18n.SetDefault(i18n.New("de"))
	if m := b.message(); m.Summary != "cam: 1 Video hochgeladen, 2 Uploads fehlgeschlagen" ||
		m.Body != "Fehlgeschlagen: a.mp4: x\nFehlgeschlagen: b.mp4: y\n3 Dateien waren schon hochgeladen." {
		t.Fatalf("German notification %+v", m)
	}
	i18n.SetDefault(i18n.New("zh-Hans"))
	if m := b.message(); !strings.HasPrefix(m.Summary, "cam：已上传 1 个视频") {
		t.Fatalf("Chinese notification %+v", m)
	}
}
