package store

import (
	"errors"
	"fmt"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"slices"
	"strconv"
	"testing"
)

func TestJobsPagesNewestFirstWithoutGapsOrRepeats(t *testing.T) {
	db, _ := openTest(t)
	const n = 237
	fillJobs(t, db, n, func(i int) contract.Job {
		j := syntheticJob(i)
		j.Created = 1000 + int64(i/4) // ties in created time are ordered by id
		return j
	})
	var seen []uint64
	q := JobQuery{Limit: 50}
	for pages := 0; ; pages++ {
		page, err := db.Jobs(q)
		if err != nil || pages > n/50+1 {
			t.Fatalf("page %d: %v", pages, err)
		}
		seen = append(seen, jobIDs(page.Jobs)...)
		if page.NextCursor == "" {
			break
		}
		q.Before = page.NextCursor
	}
	want := make([]uint64, n)
	for i := range want {
		want[i] = uint64(n - i)
	}
	if !slices.Equal(seen, want) {
		t.Fatalf("paged ids %v…, want %v…", seen[:5], want[:5])
	}
}

func TestJobsCursorSurvivesDeletionOfItsJob(t *testing.T) {
	db, _ := openTest(t)
	fillJobs(t, db, 10, syntheticJob)
	first, _ := db.Jobs(JobQuery{Limit: 3}) // ids 10, 9, 8
	if err := db.DeleteJob(8); err != nil {
		t.Fatal(err)
	}
	next, err := db.Jobs(JobQuery{Limit: 3, Before: first.NextCursor})
	if err != nil || !slices.Equal(jobIDs(next.Jobs), []uint64{7, 6, 5}) {
		t.Fatalf("next page %v, %v", jobIDs(next.Jobs), err)
	}
}

func TestJobsFilters(t *testing.T) {
	db, _ := openTest(t)
	const n = 3000
	fillJobs(t, db, n, syntheticJob)
	cases := []struct {
		name string
		q    JobQuery
		want func(i int, j contract.Job) bool
	}{
		{"kind", JobQuery{Kinds: []jobkind.JobKind{jobkind.Import}}, func(_ int, j contract.Job) bool { return j.Kind == jobkind.Import }},
		{"kinds", JobQuery{Kinds: []jobkind.JobKind{jobkind.Import, jobkind.Download}}, func(_ int, j contract.Job) bool {
			return j.Kind == jobkind.Import || j.Kind == jobkind.Download
		}},
		{"state", JobQuery{States: []jobstate.JobState{jobstate.Failed}}, func(_ int, j contract.Job) bool { return j.State == jobstate.Failed }},
		{"scope", JobQuery{Scope: "scope-1"}, func(_ int, j contract.Job) bool { return j.Scope == "scope-1" }},
		{"tag", JobQuery{Tag: "batch-3"}, func(_ int, j contract.Job) bool { return j.Tags[0] == "batch-3" }},
		{"text name any case", JobQuery{Text: "needle CLIP"}, func(i int, _ contract.Job) bool { return i%1000 == 7 }},
		{"text id", JobQuery{Text: "2999"}, func(i int, _ contract.Job) bool { return i+1 == 2999 || i == 2999 }},
		{"text video no", JobQuery{Text: "vi000000001234"}, func(i int, _ contract.Job) bool { return i == 1234 }},
		{"combined", JobQuery{States: []jobstate.JobState{jobstate.Queued, jobstate.Running}, Scope: "scope-1", Tag: "batch-5", Text: "holiday"},
			func(i int, j contract.Job) bool {
				return (j.State == jobstate.Queued || j.State == jobstate.Running) && j.Scope == "scope-1" && j.Tags[0] == "batch-5" && i%1000 != 7
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want []uint64
			for i := n - 1; i >= 0; i-- {
				if c.want(i, syntheticJob(i)) {
					want = append(want, uint64(i+1))
				}
			}
			c.q.Limit = 1000
			if got := allJobIDs(t, db, c.q); !slices.Equal(got, want) || len(want) == 0 {
				t.Fatalf("got %d ids %v, want %d %v", len(got), head(got), len(want), head(want))
			}
		})
	}
}

func TestJobsTextMatchesMarkerTaskAndPath(t *testing.T) {
	db, _ := openTest(t)
	target := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "x", Marker: "mk-77aa",
		Result: contract.JobResult{TaskID: "Task-ABC", Path: "/Home/Films/Beach.mp4"}})
	mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "other"})
	for _, text := range []string{"MK-77", "task-abc", "films/beach", strconv.FormatUint(target.ID, 10)} {
		page, err := db.Jobs(JobQuery{Text: text})
		if err != nil || !slices.Equal(jobIDs(page.Jobs), []uint64{target.ID}) {
			t.Errorf("text %q: %v, %v", text, jobIDs(page.Jobs), err)
		}
	}
}

func TestJobsSearchSeesUpdatedResults(t *testing.T) {
	db, _ := openTest(t)
	j := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "a.mp4"})
	if _, err := db.UpdateJob(j.ID, func(j *contract.Job) error {
		j.Result.VideoNos = []string{"VI555"}
		j.Scope = "team"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	page, _ := db.Jobs(JobQuery{Text: "vi555", Scope: "team"})
	if len(page.Jobs) != 1 {
		t.Fatalf("updated job not found by new video no and scope: %+v", page)
	}
}

func TestJobsRejectsBadQueries(t *testing.T) {
	db, _ := openTest(t)
	for name, q := range map[string]JobQuery{
		"kind":         {Kinds: []jobkind.JobKind{"nope"}},
		"state":        {States: []jobstate.JobState{"nope"}},
		"cursor chars": {Before: "!!"},
		"cursor size":  {Before: encodeCursor([]byte{1, 2, 3})},
	} {
		if _, err := db.Jobs(q); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}

func TestJobsLimitDefaultsAndCeiling(t *testing.T) {
	db, _ := openTest(t)
	fillJobs(t, db, 1200, syntheticJob)
	for limit, want := range map[int]int{0: 50, 7: 7, 5000: 1000} {
		page, err := db.Jobs(JobQuery{Limit: limit})
		if err != nil || len(page.Jobs) != want || page.NextCursor == "" {
			t.Errorf("limit %d: %d jobs, cursor %q, %v", limit, len(page.Jobs), page.NextCursor, err)
		}
	}
}

// allJobIDs follows cursors to the end and returns every id seen.
func allJobIDs(t *testing.T, db *DB, q JobQuery) []uint64 {
	t.Helper()
	ids, _ := allPages(t, func(cursor string) ([]uint64, string, int, error) {
		q.Before = cursor
		page, err := db.Jobs(q)
		return jobIDs(page.Jobs), page.NextCursor, 0, err
	}, q.Before)
	return ids
}

// allPages asks for pages from cursor on until the next cursor is empty and returns the items
// of them all and the last page's total.
func allPages[T any](t *testing.T, next func(cursor string) (items []T, nextCursor string, total int, err error), cursor string) ([]T, int) {
	t.Helper()
	var all []T
	for {
		items, nextCursor, total, err := next(cursor)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, items...)
		if nextCursor == "" {
			return all, total
		}
		cursor = nextCursor
	}
}

func head[T any](s []T) string { return fmt.Sprint(s[:min(len(s), 5)]) }
