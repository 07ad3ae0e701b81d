package store

import (
	"cmp"
	"errors"
	"memories-desktop/backend/contract"
	"slices"
	"strings"
	"testing"
)

func TestVideosSortsAndPagesWithoutGapsOrRepeats(t *testing.T) {
	db, _ := openTest(t)
	const n = 523
	gen := func(i int) contract.CachedVideo {
		v := syntheticVideo(i)
		v.Created = 1000 + int64(i%50) // many ties
		v.Size = int64(i % 17)
		v.Name = []string{"b", "a", "C"}[i%3] + v.Name
		return v
	}
	fillVideos(t, db, n, gen)
	all := make([]contract.CachedVideo, n)
	for i := range all {
		all[i] = gen(i)
	}
	byNo := func(a, b contract.CachedVideo) int { return cmp.Compare(a.VideoNo, b.VideoNo) }
	newest := func(a, b contract.CachedVideo) int { return cmp.Or(cmp.Compare(b.Created, a.Created), byNo(a, b)) }
	orders := map[string]func(a, b contract.CachedVideo) int{
		"":              newest,
		SortCreatedDesc: newest,
		SortCreatedAsc:  func(a, b contract.CachedVideo) int { return cmp.Or(cmp.Compare(a.Created, b.Created), byNo(a, b)) },
		SortName: func(a, b contract.CachedVideo) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), byNo(a, b))
		},
		SortSizeDesc: func(a, b contract.CachedVideo) int { return cmp.Or(cmp.Compare(b.Size, a.Size), byNo(a, b)) },
	}
	for sort, order := range orders {
		t.Run("sort "+sort, func(t *testing.T) {
			want := videoNos(slices.SortedFunc(slices.Values(all), order))
			got, total := allVideoNos(t, db, VideoQuery{Scope: "main", Sort: sort, Limit: 40})
			if !slices.Equal(got, want) || total != n {
				t.Fatalf("total %d, order %v…, want %v…", total, head(got), head(want))
			}
		})
	}
}

func TestVideosFilters(t *testing.T) {
	db, _ := openTest(t)
	const n = 3000
	fillVideos(t, db, n, syntheticVideo)
	base := syntheticVideo(0).Created
	cases := []struct {
		name string
		q    VideoQuery
		want func(i int, v contract.CachedVideo) bool
	}{
		{"status", VideoQuery{Status: "FAILED"}, func(_ int, v contract.CachedVideo) bool { return v.Status == "FAILED" }},
		{"tag", VideoQuery{Tag: "t4"}, func(_ int, v contract.CachedVideo) bool { return v.Tags[0] == "t4" }},
		{"text name", VideoQuery{Text: "sunset NEEDLE"}, func(i int, _ contract.CachedVideo) bool { return i%1000 == 3 }},
		{"text video no", VideoQuery{Text: "vi00000000123"}, func(i int, _ contract.CachedVideo) bool { return i/10 == 123 }},
		{"after", VideoQuery{After: base + 2500*1000}, func(i int, _ contract.CachedVideo) bool { return i >= 2500 }},
		{"before", VideoQuery{Before: base + 10*1000}, func(i int, _ contract.CachedVideo) bool { return i < 10 }},
		{"combined", VideoQuery{Status: "PARSE", Tag: "t2", After: base + 100*1000, Before: base + 2000*1000, Text: "clip"},
			func(i int, v contract.CachedVideo) bool {
				return v.Status == "PARSE" && v.Tags[0] == "t2" && i >= 100 && i < 2000 && i%1000 != 3
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want []string
			for i := n - 1; i >= 0; i-- {
				if v := syntheticVideo(i); c.want(i, v) {
					want = append(want, v.VideoNo)
				}
			}
			c.q.Scope, c.q.Limit = "main", 100
			got, total := allVideoNos(t, db, c.q)
			if !slices.Equal(got, want) || total != len(want) || len(want) == 0 {
				t.Fatalf("total %d, got %d %v, want %d %v", total, len(got), head(got), len(want), head(want))
			}
		})
	}
}

func TestVideosRejectsBadQueries(t *testing.T) {
	db, _ := openTest(t)
	fillVideos(t, db, 5, syntheticVideo)
	byName, _ := db.Videos(VideoQuery{Scope: "main", Sort: SortName, Limit: 2})
	for name, q := range map[string]VideoQuery{
		"sort":          {Sort: "random"},
		"cursor chars":  {Cursor: "%%%"},
		"cursor order":  {Cursor: byName.NextCursor, Sort: SortSizeDesc},
		"cursor length": {Cursor: encodeCursor([]byte{1})},
		"scope":         {Scope: "a\x00"},
	} {
		if _, err := db.Videos(q); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}

// allVideoNos follows cursors to the end and returns every video number seen and the total.
func allVideoNos(t *testing.T, db *DB, q VideoQuery) ([]string, int) {
	t.Helper()
	return allPages(t, func(cursor string) ([]string, string, int, error) {
		q.Cursor = cursor
		page, err := db.Videos(q)
		return videoNos(page.Videos), page.NextCursor, page.Total, err
	}, q.Cursor)
}

func videoNos(vs []contract.CachedVideo) []string {
	nos := make([]string, len(vs))
	for i, v := range vs {
		nos[i] = v.VideoNo
	}
	return nos
}
