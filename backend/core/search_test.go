package core

import (
	"context"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/events"
	"memories-desktop/backend/sandbox"
)

// Answers are kept per account: the same search with another key is asked again. Recent
// searches list each answered search once, newest first.
func TestSearchCacheIsPerAccountAndRecentSearchesAreKept(t *testing.T) {
	srv, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	other, _ := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: "sk-other"})
	if _, err := other.UploadURL(context.Background(), "https://cdn.example.com/beach-day.mp4", api.UploadMeta{}); err != nil {
		t.Fatal(err)
	}
	c := startCore(t, Options{})
	useService(t, c, srv.URL, "sk-first-account")
	ctx := context.Background()
	for _, q := range []string{"beach", "waves", "beach"} {
		if ans, err := c.Search(ctx, contract.SearchRequest{Query: q}, false); err != nil || len(ans.Moments) == 0 {
			t.Fatalf("%s: %+v %v", q, ans, err)
		}
	}
	if n := srv.Server.Stats().Searches; n != 2 {
		t.Fatalf("%d searches sent, want 2 (the repeat is cached)", n)
	}
	if err := c.prefs.SetAPIKey("sk-second-account"); err != nil {
		t.Fatal(err)
	}
	if ans, err := c.Search(ctx, contract.SearchRequest{Query: "beach"}, false); err != nil || ans.Cached {
		t.Fatalf("another account got the first one's answer: %+v %v", ans, err)
	}
	recent, err := c.RecentSearches()
	if err != nil || len(recent) != 2 || recent[0].Text != "beach" || recent[1].Text != "waves" || recent[0].Kind != "search" {
		t.Fatalf("recent %+v %v", recent, err)
	}
}

// A moment is named as the Library names its video: the service's name for a video uploaded
// elsewhere, the file or link's last part it was uploaded from here (a kept answer too).
func TestMomentsAreNamedAsTheLibraryNamesThem(t *testing.T) {
	srv, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	other, _ := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: "sk-other"})
	up, err := other.UploadURL(context.Background(), "https://cdn.example.com/beach-day.mp4", api.UploadMeta{})
	if err != nil {
		t.Fatal(err)
	}
	c := startCore(t, Options{})
	useService(t, c, srv.URL, "sk-account")
	ctx := context.Background()
	if _, err := c.RefreshLibrary(ctx, events.Discard{}); err != nil {
		t.Fatal(err)
	}
	db := c.activeDB()
	v, err := db.Video(c.current().Scope, up.VideoNo)
	if err != nil || v.Name == "" {
		t.Fatalf("the Library does not hold %s: %+v %v", up.VideoNo, v, err)
	}
	ans, err := c.Search(ctx, contract.SearchRequest{Query: "beach"}, false)
	if err != nil || len(ans.Moments) == 0 || ans.Moments[0].VideoName != v.Name {
		t.Fatalf("want the Library's name %q: %+v %v", v.Name, ans.Moments, err)
	}
	v.Title = "https://cdn.example.com/trips/Beach%20Day.mp4"
	if err := db.PutVideos([]contract.CachedVideo{v}); err != nil {
		t.Fatal(err)
	}
	ans, err = c.Search(ctx, contract.SearchRequest{Query: "beach"}, false)
	if err != nil || !ans.Cached || ans.Moments[0].VideoName != "Beach Day.mp4" {
		t.Fatalf("want the Library's title Beach Day.mp4: %+v %v", ans, err)
	}
}
