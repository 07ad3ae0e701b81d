package core

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/media/mediatest"
)

// A profile switch stops the old profile's watches, and each has saved its state in the old
// database and returned before that database closes; the new profile has its own watches.
func TestProfileSwitchStopsWatchesFirst(t *testing.T) {
	t.Setenv("MEMORIES_RATE_LIMITS", "off")
	c := startCore(t, Options{})
	setSandbox(t, c, true)
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// A minute's settle time: the file is still settling when the profile switches, however slow.
	if _, err := c.AddWatch(contract.WatchConfig{Name: "s", Folder: dir, SettleMS: 60_000}); err != nil {
		t.Fatal(err)
	}
	ev := &watchEvents{}
	done := make(chan error, 1)
	go func() { done <- c.RunWatch(context.Background(), "s", contract.WatchRunOptions{Report: ev.add}) }()
	ev.wait(t, "started", "")
	os.WriteFile(filepath.Join(dir, "a.mp4"), mediatest.MP4([]byte("sandbox")), 0o644)
	ev.wait(t, "settling", "a.mp4")

	setSandbox(t, c, false)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the stopped watch returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the profile switch left the old profile's watch running")
	}
	for _, e := range ev.all {
		if e.Kind == "error" {
			t.Fatalf("the watch failed while the profile switched: %+v", e)
		}
	}
	if list, err := c.ListWatches(); err != nil || len(list) != 0 {
		t.Fatalf("the live profile lists %+v, %v", list, err)
	}
	setSandbox(t, c, true)
	list, err := c.ListWatches()
	if err != nil || len(list) != 1 || list[0].Stats.Waiting != 1 {
		t.Fatalf("the sandbox profile lists %+v, %v (want its watch with the settling file saved)", list, err)
	}
}

// A watch added without a name is named after its folder; a second folder of that name gets -2.
func TestAddWatchNamesAfterTheFolder(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	a, b := filepath.Join(t.TempDir(), "Recordings"), filepath.Join(t.TempDir(), "Recordings")
	os.Mkdir(a, 0o755)
	os.Mkdir(b, 0o755)
	first, err := c.AddWatch(contract.WatchConfig{Folder: a})
	if err != nil || first.Name != "Recordings" {
		t.Fatalf("first: %+v, %v", first, err)
	}
	second, err := c.AddWatch(contract.WatchConfig{Folder: b})
	if err != nil || second.Name != "Recordings-2" {
		t.Fatalf("second: %+v, %v", second, err)
	}
}

// A data folder held by `memories watch` is named as such, with how to stop it; another command
// is "a memories command"; the app is named as the app.
func TestLockedMessageNamesAWatch(t *testing.T) {
	dir := t.TempDir()
	c, err := Start(dir, Options{Headless: true, Command: "watch", Secrets: fileSecrets(t)})
	if err != nil {
		t.Fatal(err)
	}
	msg := LockedMessage(dir)
	if !HeldByCLI(dir) || !strings.Contains(msg, "(the CLI, pid") || !strings.Contains(msg, "`memories watch`, is keeping") || !strings.Contains(msg, "systemctl --user stop") {
		t.Fatalf("held by memories watch: %q", msg)
	}
	c.Close()
	c, err = Start(dir, Options{Headless: true, Command: "download", Secrets: fileSecrets(t)})
	if err != nil {
		t.Fatal(err)
	}
	if msg := LockedMessage(dir); !strings.Contains(msg, "a memories command (the CLI, pid") || strings.Contains(msg, "memories watch") {
		t.Fatalf("held by memories download: %q", msg)
	}
	c.Close()
	c, err = Start(dir, Options{Secrets: fileSecrets(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if HeldByCLI(dir) || !strings.Contains(LockedMessage(dir), "Memories Desktop (pid") {
		t.Fatalf("held by the app: %q", LockedMessage(dir))
	}
}
