package store

import (
	"fmt"
	"memories-desktop/backend/contract"
	"strings"
	"testing"
	"time"
)

// wantTotals checks each scope's first-page total, and that the kept count agrees with a fresh
// count of the time index, so a right total cannot come from a recount alone.
func wantTotals(t *testing.T, db *DB, want map[string]int) {
	t.Helper()
	for scope, n := range want {
		page, err := db.Videos(VideoQuery{Scope: scope})
		if err != nil || page.Total != n {
			t.Fatalf("scope %q: total %d, %v; want %d", scope, page.Total, err, n)
		}
	}
	db.bolt.View(func(tx txn) error {
		counted := countIndexedVideos(tx)
		for scope, n := range want {
			if kept, ok := keptVideoCount(tx, scope); !ok || kept != n || counted[scope] != int64(n) {
				t.Fatalf("scope %q: kept %d (%v), indexed %d, want %d", scope, kept, ok, counted[scope], n)
			}
		}
		return nil
	})
}

func vid(scope, no string, created int64) contract.CachedVideo {
	return contract.CachedVideo{VideoNo: no, Scope: scope, Name: no + ".mp4", Status: "PARSE", Created: created}
}

func TestVideoCountFollowsPutsReplacesDeletesAndScopes(t *testing.T) {
	db, _ := openTest(t)
	wantTotals(t, db, map[string]int{"a": 0, "": 0})
	db.PutVideos([]contract.CachedVideo{vid("a", "V1", 1), vid("a", "V2", 2), vid("a", "V3", 3)})
	wantTotals(t, db, map[string]int{"a": 3, "b": 0})
	db.PutVideos([]contract.CachedVideo{vid("a", "V1", 9), vid("a", "V2", 2)}) // replaced, one moved in time
	wantTotals(t, db, map[string]int{"a": 3})
	db.PutVideos([]contract.CachedVideo{vid("b", "V1", 1), vid("", "V1", 1)}) // the same number in other scopes
	wantTotals(t, db, map[string]int{"a": 3, "b": 1, "": 1})
	db.DeleteVideos("a", []string{"V1", "V1", "nope"})
	wantTotals(t, db, map[string]int{"a": 2, "b": 1, "": 1})
	db.DeleteVideos("b", []string{"V1"})
	db.DeleteVideos("b", []string{"V1"})
	wantTotals(t, db, map[string]int{"a": 2, "b": 0, "": 1})
}

func TestAFailedBatchLeavesTheCountAlone(t *testing.T) {
	db, _ := openTest(t)
	db.PutVideos([]contract.CachedVideo{vid("a", "V1", 1)})
	err := db.PutVideos([]contract.CachedVideo{vid("a", "V2", 2), vid("a", "V3", 3), {VideoNo: "", Scope: "a"}})
	if err == nil {
		t.Fatal("a video without a number was stored")
	}
	wantTotals(t, db, map[string]int{"a": 1})
}

func TestFilteredQueriesStillCountTheirMatches(t *testing.T) {
	db, _ := openTest(t)
	fillVideos(t, db, 300, syntheticVideo)
	base := syntheticVideo(0).Created
	for _, q := range []VideoQuery{{Status: "FAILED"}, {After: base + 100_000}, {Before: base + 30_000}, {Text: "needle"}} {
		q.Scope = "main"
		if _, total := allVideoNos(t, db, q); total != countMatches(t, db, q) {
			t.Fatalf("%+v: total %d", q, total)
		}
	}
}

// countMatches counts a query's matches page by page, independently of Total.
func countMatches(t *testing.T, db *DB, q VideoQuery) int {
	got, _ := allVideoNos(t, db, q)
	return len(got)
}

// breakVideoCounts damages the kept counts in one of the ways a file can lose them.
var breakVideoCounts = map[string]func(tx txn) error{
	"bucket missing": func(tx txn) error { return tx.DeleteBucket(bucketVideoCounts) },
	"value cut":      func(tx txn) error { return tx.Bucket(bucketVideoCounts).Put(scopePrefix("main"), []byte{1, 2}) },
	"old file, empty bucket": func(tx txn) error {
		tx.DeleteBucket(bucketVideoCounts)
		_, err := tx.CreateBucket(bucketVideoCounts)
		return err
	},
}

func TestAMissingOrDamagedCountIsRebuiltOnOpen(t *testing.T) {
	for name, damage := range breakVideoCounts {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			db := openAt(t, dir)
			fillVideos(t, db, 120, syntheticVideo)
			if err := db.bolt.Update(damage); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(name, "old file") { // version 2 had no counts: its migration counts
				db.bolt.Update(func(tx txn) error { return writeVersion(tx, 2) })
			}
			db.Close()
			wantTotals(t, openAt(t, dir), map[string]int{"main": 120})
		})
	}
}

func TestADamagedCountIsNotBelievedBeforeReopen(t *testing.T) {
	db, _ := openTest(t)
	fillVideos(t, db, 70, syntheticVideo)
	db.bolt.Update(breakVideoCounts["value cut"])
	if page, err := db.Videos(VideoQuery{Scope: "main", Limit: 10}); err != nil || page.Total != 70 || len(page.Videos) != 10 {
		t.Fatalf("total %d, %d videos, %v; want 70 counted", page.Total, len(page.Videos), err)
	}
}

func TestAWriteOverADamagedCountRecountsTheScope(t *testing.T) {
	db, _ := openTest(t)
	fillVideos(t, db, 70, syntheticVideo)
	db.bolt.Update(breakVideoCounts["value cut"])
	db.PutVideos([]contract.CachedVideo{vid("main", "new", 5)})
	wantTotals(t, db, map[string]int{"main": 71})
	db.bolt.Update(breakVideoCounts["value cut"])
	db.DeleteVideos("main", []string{"new", syntheticVideo(3).VideoNo})
	wantTotals(t, db, map[string]int{"main": 69})
}

func TestDoctorNoticesAWrongCountAndRepairRebuildsIt(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	fillVideos(t, db, 40, syntheticVideo)
	db.bolt.Update(func(tx txn) error {
		return tx.Bucket(bucketVideoCounts).Put(scopePrefix("main"), countValue(7))
	})
	db.Close()
	rep, err := Check(dir, time.Second)
	if err != nil || rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), `library count of scope "main"`) {
		t.Fatalf("check: %+v, %v", rep, err)
	}
	if _, err := Repair(dir, time.Second); err != nil {
		t.Fatal(err)
	}
	if rep, err := Check(dir, time.Second); err != nil || !rep.OK() {
		t.Fatalf("after repair: %+v, %v", rep, err)
	}
	wantTotals(t, openAt(t, dir), map[string]int{"main": 40})
}

func TestASoundFilePassesTheCountCheck(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	for i := range 5 {
		db.PutVideos([]contract.CachedVideo{vid(fmt.Sprintf("s%d", i%2), fmt.Sprintf("V%d", i), int64(i))})
	}
	db.DeleteVideos("s0", []string{"V0"})
	db.Close()
	if rep, err := Check(dir, time.Second); err != nil || !rep.OK() {
		t.Fatalf("check: %+v, %v", rep, err)
	}
}
