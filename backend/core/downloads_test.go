package core

import (
	"path/filepath"
	"testing"

	"memories-desktop/backend/contract"
)

func TestSuggestedNameIsTheNameTheLibraryShows(t *testing.T) {
	c := startCore(t, Options{})
	scope := c.current().Scope
	err := c.activeDB().PutVideos([]contract.CachedVideo{
		{VideoNo: "VI1", Scope: scope, Name: "1be6a69f", Title: "Beach Day.MOV"},
		{VideoNo: "VI2", Scope: scope, Name: "77aa", Title: "https://cdn.example.com/trips/alps%20hike.mp4?sig=x"},
		{VideoNo: "VI3", Scope: scope, Name: "88bb", Title: "../../etc/notes"},
		{VideoNo: "VI4", Scope: scope, Name: "99cc"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for no, want := range map[string]string{
		"VI1": "Beach Day.MOV",
		"VI2": "alps hike.mp4",
		"VI3": "notes.mp4", // never a path, always a video extension
		"VI4": "99cc.mp4",  // only the service's name: the Library shows it, so the file takes it
		"VI9": "",          // not cached
	} {
		if got := c.SuggestedName(no); got != want {
			t.Errorf("%s: %q, want %q", no, got, want)
		}
	}
}

// Several videos saved into a folder are named as the Library shows them, like one video: the
// name uploaded under, else the service's name; the video number only when there is neither.
func TestDownloadsIntoAFolderAreNamedAsShown(t *testing.T) {
	c := startCore(t, Options{})
	scope := c.current().Scope
	if err := c.activeDB().PutVideos([]contract.CachedVideo{
		{VideoNo: "VI643119616243678254", Scope: scope, Name: "noaudio-clip.mp4"},
		{VideoNo: "VI643119616243678255", Scope: scope, Name: "x", Title: "beach-day.mp4"},
		{VideoNo: "VI643119616243678256", Scope: scope},
	}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	specs := c.planDownloads(contract.DownloadRequest{IDs: []string{"VI643119616243678254", "VI643119616243678255", "VI643119616243678256"},
		Path: dir, Folder: true})
	want := []string{"noaudio-clip.mp4", "beach-day.mp4", "VI643119616243678256.mp4"}
	for i, s := range specs {
		if s.Dest != filepath.Join(dir, want[i]) {
			t.Errorf("video %d saved as %q, want %q", i+1, filepath.Base(s.Dest), want[i])
		}
	}
}

// appRequest is a download as the app asks for it (bind_library.go): the videos, where they go,
// the choice for taken names, and the folder remembered for the next dialog.
func appRequest(nos []string, target contract.DownloadRequest, pick string) contract.DownloadRequest {
	target.IDs, target.Choice, target.Remember = nos, pick, true
	return target
}
