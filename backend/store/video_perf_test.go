package store

import (
	"testing"
	"time"
)

// TestVideosFirstPageDoesNotCountEveryRow guards the kept count: the library's first page must
// cost a small fraction of a query that walks every row. Both are timed on the same file, best
// of several runs, so a loaded machine slows both alike.
func TestVideosFirstPageDoesNotCountEveryRow(t *testing.T) {
	db, _ := openTest(t)
	fillVideos(t, db, guardRows, syntheticVideo)
	first := bestOf(t, db, VideoQuery{Scope: "main"}, guardRows)
	walk := bestOf(t, db, VideoQuery{Scope: "main", Status: "PARSE"}, (guardRows+2)/3)
	t.Logf("%d videos: first page %s, a status filter walking every row %s", guardRows, first, walk)
	if first*5 > walk {
		t.Fatalf("first page %s is not well under a full walk's %s", first, walk)
	}
}

// bestOf runs q a few times and returns its fastest run, checking its total each time.
func bestOf(t *testing.T, db *DB, q VideoQuery, total int) time.Duration {
	best := time.Hour
	for range 7 {
		start := time.Now()
		page, err := db.Videos(q)
		took := time.Since(start)
		if err != nil || page.Total != total || len(page.Videos) != 50 {
			t.Fatalf("%+v: total %d, %d videos, %v; want %d", q, page.Total, len(page.Videos), err, total)
		}
		best = min(best, took)
	}
	return best
}
