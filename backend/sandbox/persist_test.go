package sandbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStateFileKeepsTheLibraryAndRefusesDamage(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Dir: filepath.Join(dir, "media"), StateFile: filepath.Join(dir, "library.json")}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	v := s.addVideo(Video{UniqueID: "default", FileName: "a.mp4", Size: 3, RetainOriginal: true}, false)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	got := again.Videos("default")
	if len(got) != 1 || got[0].VideoNo != v.VideoNo || got[0].FileName != "a.mp4" {
		t.Fatalf("after a restart: %+v", got)
	}
	if next := again.addVideo(Video{UniqueID: "default"}, false); next.VideoNo == v.VideoNo {
		t.Fatal("a restart reused a video number")
	}
	os.WriteFile(opts.StateFile, []byte("{not json"), 0o600)
	if _, err := New(opts); err == nil || !strings.Contains(err.Error(), "damaged state file") {
		t.Fatalf("damaged state: %v", err)
	}
}
