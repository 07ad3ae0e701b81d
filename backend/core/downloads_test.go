package core

import (
	"testing"

	"memories-desktop/backend/store"
)

func TestSuggestedNameIsTheNameTheUserUploadedUnder(t *testing.T) {
	c := startCore(t, Options{})
	scope := c.current().Scope
	err := c.activeDB().PutVideos([]store.Video{
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
		"VI4": "",          // only the server's internal name: let the caller fall back
		"VI9": "",          // not cached
	} {
		if got := c.SuggestedName(no); got != want {
			t.Errorf("%s: %q, want %q", no, got, want)
		}
	}
}
