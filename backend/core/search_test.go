package core

import (
	"context"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
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
