package store

import (
	"memories-desktop/backend/contract/jobstate"
	"testing"
)

// benchRows is the history and library size the benchmarks are measured at.
const benchRows = 100_000

// filteredJobSearch is the search the benchmarks and the regression guard time: a text that
// matches a few rows plus a state filter, so every summary is scanned.
var filteredJobSearch = JobQuery{Text: "needle clip", States: []jobstate.JobState{jobstate.Queued, jobstate.Failed, jobstate.Done}}

func BenchmarkJobsFirstPage(b *testing.B) {
	db, _ := openTest(b)
	fillJobs(b, db, benchRows, syntheticJob)
	for b.Loop() {
		if page, err := db.Jobs(JobQuery{}); err != nil || len(page.Jobs) != 50 {
			b.Fatalf("%d jobs, %v", len(page.Jobs), err)
		}
	}
}

func BenchmarkJobsFilteredSearch(b *testing.B) {
	db, _ := openTest(b)
	fillJobs(b, db, benchRows, syntheticJob)
	for b.Loop() {
		if page, err := db.Jobs(filteredJobSearch); err != nil || len(page.Jobs) == 0 {
			b.Fatalf("%d jobs, %v", len(page.Jobs), err)
		}
	}
}

func BenchmarkVideosFirstPage(b *testing.B) {
	db, _ := openTest(b)
	fillVideos(b, db, benchRows, syntheticVideo)
	for b.Loop() {
		if page, err := db.Videos(VideoQuery{Scope: "main"}); err != nil || page.Total != benchRows {
			b.Fatalf("total %d, %v", page.Total, err)
		}
	}
}

func BenchmarkVideosSearch(b *testing.B) {
	db, _ := openTest(b)
	fillVideos(b, db, benchRows, syntheticVideo)
	q := VideoQuery{Scope: "main", Text: "sunset needle", Status: "PARSE", Sort: SortName}
	for b.Loop() {
		if page, err := db.Videos(q); err != nil || page.Total == 0 {
			b.Fatalf("total %d, %v", page.Total, err)
		}
	}
}

func BenchmarkVideosSortBySize(b *testing.B) {
	db, _ := openTest(b)
	fillVideos(b, db, benchRows, syntheticVideo)
	for b.Loop() {
		if page, err := db.Videos(VideoQuery{Scope: "main", Sort: SortSizeDesc}); err != nil || len(page.Videos) != 50 {
			b.Fatalf("%d videos, %v", len(page.Videos), err)
		}
	}
}

func BenchmarkVideosTenthPage(b *testing.B) {
	db, _ := openTest(b)
	fillVideos(b, db, benchRows, syntheticVideo)
	q := VideoQuery{Scope: "main"}
	for range 9 {
		page, _ := db.Videos(q)
		q.Cursor = page.NextCursor
	}
	for b.Loop() {
		if page, err := db.Videos(q); err != nil || page.Total != benchRows || len(page.Videos) != 50 {
			b.Fatalf("total %d, %v", page.Total, err)
		}
	}
}

func BenchmarkVideosStatusFilter(b *testing.B) {
	db, _ := openTest(b)
	fillVideos(b, db, benchRows, syntheticVideo)
	for b.Loop() {
		if page, err := db.Videos(VideoQuery{Scope: "main", Status: "FAILED"}); err != nil || page.Total != benchRows/3 {
			b.Fatalf("total %d, %v", page.Total, err)
		}
	}
}
