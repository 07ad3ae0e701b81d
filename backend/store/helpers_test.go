package store

import (
	"fmt"
	"memories-desktop/backend/contract"
	"testing"
	"time"
)

// openAt opens the database in dir and closes it when the test ends.
func openAt(tb testing.TB, dir string) *DB {
	tb.Helper()
	db, err := Open(dir, time.Second)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// openTest opens a fresh database with a manual clock starting at start.
func openTest(tb testing.TB) (*DB, *fakeClock) {
	tb.Helper()
	db := openAt(tb, tb.TempDir())
	clock := &fakeClock{t: time.UnixMilli(1_700_000_000_000)}
	db.now = clock.now
	return db, clock
}

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// batchSize is how many rows a fill helper writes per transaction.
const batchSize = 10_000

// fillJobs creates n jobs made by gen in a few large transactions, so big fixtures are quick.
func fillJobs(tb testing.TB, db *DB, n int, gen func(i int) contract.Job) {
	tb.Helper()
	fill(tb, db, n, func(tx txn, i int) error {
		j := gen(i)
		return createJob(tx, &j, db.nowMillis())
	})
}

// fillVideos stores n videos made by gen in a few large transactions.
func fillVideos(tb testing.TB, db *DB, n int, gen func(i int) contract.CachedVideo) {
	tb.Helper()
	fill(tb, db, n, func(tx txn, i int) error { return putVideo(tx, gen(i), db.nowMillis()) })
}

func fill(tb testing.TB, db *DB, n int, write func(tx txn, i int) error) {
	tb.Helper()
	for start := 0; start < n; start += batchSize {
		err := db.bolt.Update(func(tx txn) error {
			for i := start; i < min(start+batchSize, n); i++ {
				if err := write(tx, i); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// mustCreate creates a job or fails the test.
func mustCreate(tb testing.TB, db *DB, j contract.Job) contract.Job {
	tb.Helper()
	if err := db.CreateJob(&j); err != nil {
		tb.Fatal(err)
	}
	return j
}

// syntheticJob is a varied job for fixtures: kinds, states, scopes and tags cycle with i, and
// every 1000th job has a distinctive name so searches have a known number of hits.
func syntheticJob(i int) contract.Job {
	kinds := jobKindCodes[1:]
	states := jobStateCodes[1:]
	name := fmt.Sprintf("holiday-%06d.mp4", i)
	if i%1000 == 7 {
		name = fmt.Sprintf("Needle Clip %d.MOV", i)
	}
	return contract.Job{
		Kind: kinds[i%len(kinds)], State: states[i%len(states)],
		Scope: fmt.Sprintf("scope-%d", i%3), Name: name,
		Tags:    []string{fmt.Sprintf("batch-%d", i%10)},
		Created: 1_600_000_000_000 + int64(i)*1000,
		Result:  contract.JobResult{VideoNos: []string{fmt.Sprintf("VI%012d", i)}, Path: "/videos/" + name},
	}
}

// syntheticVideo is a varied video for fixtures, with a distinctive name every 1000th row.
func syntheticVideo(i int) contract.CachedVideo {
	name := fmt.Sprintf("clip-%06d.mp4", i)
	if i%1000 == 3 {
		name = fmt.Sprintf("Sunset Needle %d.mp4", i)
	}
	return contract.CachedVideo{
		VideoNo: fmt.Sprintf("VI%012d", i), Name: name, Scope: "main",
		Status: []string{"PARSE", "UNPARSE", "FAILED"}[i%3], Size: int64(i%5000) * 1 << 20,
		Tags: []string{fmt.Sprintf("t%d", i%7)}, Created: 1_600_000_000_000 + int64(i)*1000,
	}
}
