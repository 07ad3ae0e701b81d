package store

import (
	"errors"
	"memories-desktop/backend/contract"
	"testing"
	"time"
)

func TestPutVideosUpsertsAndKeepsSourceJob(t *testing.T) {
	db, clock := openTest(t)
	first := contract.CachedVideo{VideoNo: "VI1", Scope: "main", Name: "a.mp4", Status: "UNPARSE", Created: 1000, SourceJob: 7}
	if err := db.PutVideos([]contract.CachedVideo{first}); err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	refresh := contract.CachedVideo{VideoNo: "VI1", Scope: "main", Name: "a.mp4", Status: "PARSE", Created: 5000, Duration: 12.5}
	if err := db.PutVideos([]contract.CachedVideo{refresh}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Video("main", "VI1")
	if err != nil || got.Status != "PARSE" || got.SourceJob != 7 || got.Duration != 12.5 || got.Updated != clock.now().UnixMilli() {
		t.Fatalf("got %+v, %v", got, err)
	}
	for _, r := range []struct{ after, before int64 }{{0, 2000}, {4000, 6000}} {
		page, _ := db.Videos(VideoQuery{Scope: "main", After: r.after, Before: r.before})
		if want := boolCount(r.after == 4000); page.Total != want || len(page.Videos) != want {
			t.Errorf("range %v: total %d; the old time-index entry must move", r, page.Total)
		}
	}
}

func TestRefreshKeepsTheUsersTitleAndSearchFindsIt(t *testing.T) {
	db, _ := openTest(t)
	if err := db.PutVideos([]contract.CachedVideo{{VideoNo: "VI1", Scope: "s", Name: "1be6a69f", Title: "Beach Day.mp4", Tags: []string{"sea"}}}); err != nil {
		t.Fatal(err)
	}
	// A server refresh knows only the stored (hex) name, and lists no tags while indexing.
	if err := db.PutVideos([]contract.CachedVideo{{VideoNo: "VI1", Scope: "s", Name: "1be6a69f", Status: "PARSE"}}); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Video("s", "VI1")
	if got.Title != "Beach Day.mp4" || got.Status != "PARSE" || len(got.Tags) != 1 {
		t.Fatalf("refresh lost the title: %+v", got)
	}
	if page, _ := db.Videos(VideoQuery{Scope: "s", Tag: "sea"}); page.Total != 1 {
		t.Errorf("tag filter after refresh: %d", page.Total)
	}
	for _, text := range []string{"beach day", "1be6"} {
		if page, _ := db.Videos(VideoQuery{Scope: "s", Text: text}); page.Total != 1 {
			t.Errorf("search %q found %d, want 1", text, page.Total)
		}
	}
}

func TestVideosAreKeptPerScope(t *testing.T) {
	db, _ := openTest(t)
	err := db.PutVideos([]contract.CachedVideo{{VideoNo: "VI1", Scope: "a", Name: "in a"}, {VideoNo: "VI1", Scope: "ab", Name: "in ab"}})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := db.Video("a", "VI1")
	page, _ := db.Videos(VideoQuery{Scope: "a"})
	if a.Name != "in a" || page.Total != 1 || page.Videos[0].Name != "in a" {
		t.Fatalf("scope a sees %+v / %+v", a, page)
	}
	if _, err := db.Video("b", "VI1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("other scope: %v", err)
	}
}

func TestDeleteVideosRemovesRowsAndIndex(t *testing.T) {
	db, _ := openTest(t)
	fillVideos(t, db, 10, syntheticVideo)
	if err := db.DeleteVideos("main", []string{"VI000000000002", "VI000000000005", "VI-not-cached"}); err != nil {
		t.Fatal(err)
	}
	page, _ := db.Videos(VideoQuery{Scope: "main"})
	if _, err := db.Video("main", "VI000000000002"); !errors.Is(err, ErrNotFound) || page.Total != 8 {
		t.Fatalf("after delete: %v, total %d", err, page.Total)
	}
}

func TestPutVideosRefusesUnkeyableValuesAtomically(t *testing.T) {
	db, _ := openTest(t)
	for name, bad := range map[string]contract.CachedVideo{
		"empty no":  {Scope: "main"},
		"nul scope": {VideoNo: "VI2", Scope: "a\x00b"},
		"nul tag":   {VideoNo: "VI2", Tags: []string{"x\x00"}},
		"negative":  {VideoNo: "VI2", Created: -5},
	} {
		err := db.PutVideos([]contract.CachedVideo{{VideoNo: "VI1", Scope: "main"}, bad})
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if _, err := db.Video("main", "VI1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a refused batch left a row behind: %v", err)
	}
}

func boolCount(b bool) int {
	if b {
		return 1
	}
	return 0
}
