package core

import (
	"reflect"
	"sync"
	"testing"
)

func TestLaunchPathsKeepsFilesAndFolders(t *testing.T) {
	args := []string{"clip.mov", "--flag", "", "/abs/dir/", "file:///tmp/My%20Clip.mp4",
		"file://otherhost/x.mp4", "../up/a.mkv", "file://localhost/srv/b.avi"}
	got := LaunchPaths(args, "/home/me/Videos")
	want := []string{"/home/me/Videos/clip.mov", "/abs/dir", "/tmp/My Clip.mp4", "/home/me/up/a.mkv", "/srv/b.avi"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("LaunchPaths = %q, want %q", got, want)
	}
	if got := LaunchPaths(nil, "/x"); got != nil {
		t.Fatalf("no arguments gave %q", got)
	}
}

func TestOpenQueueHandsEachPathOverOnce(t *testing.T) {
	var q OpenQueue
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); q.Add([]string{"/a", "/b"}) }()
	}
	wg.Wait()
	if got := len(q.Take()); got != 16 {
		t.Fatalf("took %d paths, want 16", got)
	}
	if got := q.Take(); got != nil {
		t.Fatalf("a second Take returned %q", got)
	}
}
