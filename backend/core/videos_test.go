package core

import (
	"cmp"
	"context"
	"errors"
	"net/http/httptest"
	"slices"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/events"
	"memories-desktop/backend/sandbox"
)

// seededServer is a sandbox holding n demo videos in scope, served over HTTP.
func seededServer(t *testing.T, scope string, n int) string {
	t.Helper()
	sb, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	sb.SeedVideos(scope, n)
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	return srv.URL
}

// Without a database (the CLI's list) Videos asks the server, page by page through the cursor,
// newest first as the server lists them, and refuses what only the cache can do.
func TestVideosWithoutADatabaseAskTheServer(t *testing.T) {
	c := startCore(t, Options{NoDatabase: true})
	useService(t, c, seededServer(t, c.current().Scope, 5), "sk-mavi-abcdefgh1234")
	q := contract.LibraryQuery{Limit: 2}
	var got []contract.CachedVideo
	for pages := 1; ; pages++ {
		page, err := c.Videos(context.Background(), q)
		if err != nil || page.Total != 5 || pages > 3 {
			t.Fatalf("page %d: %+v, %v", pages, page, err)
		}
		got = append(got, page.Videos...)
		if q.Cursor = page.NextCursor; q.Cursor == "" {
			break
		}
	}
	if len(got) != 5 || !slices.IsSortedFunc(got, func(a, b contract.CachedVideo) int { return cmp.Compare(b.Created, a.Created) }) ||
		got[0].VideoNo == got[4].VideoNo {
		t.Fatalf("listed %+v", got)
	}
	if _, err := c.Videos(context.Background(), contract.LibraryQuery{Sort: "name"}); !errors.Is(err, errServerFilter) {
		t.Fatalf("sort without a database: %v", err)
	}
	if _, err := c.Videos(context.Background(), contract.LibraryQuery{Cursor: "x"}); err == nil {
		t.Fatal("a cursor that is no page number was taken")
	}
}

// With a database (the app) Videos answers from the cache, which only a refresh fills.
func TestVideosWithADatabaseReadTheCache(t *testing.T) {
	c := startCore(t, Options{})
	useService(t, c, seededServer(t, c.current().Scope, 3), "sk-mavi-abcdefgh1234")
	if page, err := c.Videos(context.Background(), contract.LibraryQuery{Limit: 10}); err != nil || page.Total != 0 {
		t.Fatalf("before a refresh: %+v, %v", page, err)
	}
	if _, err := c.RefreshLibrary(context.Background(), events.Discard{}); err != nil {
		t.Fatal(err)
	}
	page, err := c.Videos(context.Background(), contract.LibraryQuery{Sort: "name", Limit: 10})
	byName := func(a, b contract.CachedVideo) int { return cmp.Compare(a.Name, b.Name) }
	if err != nil || page.Total != 3 || len(page.Videos) != 3 || !slices.IsSortedFunc(page.Videos, byName) {
		t.Fatalf("after a refresh: %+v, %v", page, err)
	}
}
