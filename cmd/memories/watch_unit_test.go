package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The systemd user unit shipped in the Linux packages runs a saved watch by name: its ExecStart
// line, with the instance name filled in, starts that watch.
func TestWatchSystemdUnitRunsASavedWatch(t *testing.T) {
	unit, err := os.ReadFile(filepath.Join("..", "..", "build", "linux", "memories-watch@.service"))
	if err != nil {
		t.Fatal(err)
	}
	var exec []string
	for _, l := range strings.Split(string(unit), "\n") {
		if v, ok := strings.CutPrefix(l, "ExecStart="); ok {
			exec = strings.Fields(strings.ReplaceAll(v, "%I", "cam"))
		}
	}
	if len(exec) < 2 || exec[0] != "/usr/bin/memories" || exec[1] != "watch" {
		t.Fatalf("ExecStart is %q, want /usr/bin/memories watch …", exec)
	}
	e := newTestEnv(t)
	dir := t.TempDir()
	e.startWatch(t, "--name", "cam", "--scope", "unit", watchSettle, dir).stop().want(t, 0)
	putVideo(t, filepath.Join(dir, "a.mp4"), "found by the service")
	w := e.startWatch(t, exec[2:]...)
	w.waitEvent("uploaded", "a.mp4", 1)
	w.stop().want(t, 0)
	if names := e.serverNames("unit"); names["a.mp4"] != 1 {
		t.Fatalf("server holds %v", names)
	}
}
