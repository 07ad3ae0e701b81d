package sandbox

import (
	"path/filepath"
	"testing"
	"time"
)

// 5,000 demo videos go in at once, indexed, surviving a restart, without a single request; a
// second seeding adds none.
func TestSeedVideosFillsALibraryInOneStep(t *testing.T) {
	state := filepath.Join(t.TempDir(), "library.json")
	s, err := New(Options{StateFile: state, ParseDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if added := s.SeedVideos("default", 5000); added != 5000 {
		t.Fatalf("added %d", added)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("seeding 5,000 took %s", took)
	}
	vs := s.Videos("default")
	if len(vs) != 5000 || vs[0].FileName != "clip-05000.mp4" || vs[0].Status != StatusParse || s.Stats().Calls != 0 {
		t.Fatalf("%d videos, newest %+v, %d calls", len(vs), vs[0], s.Stats().Calls)
	}
	if added := s.SeedVideos("default", 5000); added != 0 {
		t.Fatalf("seeding again added %d", added)
	}
	s.Close()
	again, err := New(Options{StateFile: state})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if n := len(again.Videos("default")); n != 5000 {
		t.Fatalf("%d videos after a restart", n)
	}
}
