package store

import (
	"errors"
	"slices"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

func ids(jobs []contract.Job) []uint64 {
	out := make([]uint64, len(jobs))
	for i, j := range jobs {
		out[i] = j.ID
	}
	return out
}

// FirstJobs finds the oldest jobs of a state across kinds through the index, follows state
// changes and deletions, and skips what the caller says is taken.
func TestFirstJobsFollowsStatesOldestFirst(t *testing.T) {
	db, clock := openTest(t)
	kinds := []jobkind.JobKind{jobkind.Download, jobkind.Import, jobkind.Download, jobkind.UploadFile, jobkind.Download}
	var made []uint64
	for _, k := range kinds {
		j := contract.Job{Kind: k, Name: string(k)}
		if err := db.CreateJob(&j); err != nil {
			t.Fatal(err)
		}
		made = append(made, j.ID)
		clock.advance(1)
	}
	got, err := db.FirstJobs(jobstate.Queued, nil, 3, nil)
	if err != nil || !slices.Equal(ids(got), made[:3]) {
		t.Fatalf("first 3 queued: %v, %v; want %v", ids(got), err, made[:3])
	}
	if got, _ = db.FirstJobs(jobstate.Queued, []jobkind.JobKind{jobkind.Download}, 10, nil); !slices.Equal(ids(got), []uint64{made[0], made[2], made[4]}) {
		t.Fatalf("queued downloads: %v", ids(got))
	}
	if _, err := db.Transition(made[0], jobstate.Running, "", nil, jobstate.Queued); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteJob(made[1]); err != nil {
		t.Fatal(err)
	}
	skip := func(id uint64) bool { return id == made[2] }
	if got, _ = db.FirstJobs(jobstate.Queued, nil, 10, skip); !slices.Equal(ids(got), []uint64{made[3], made[4]}) {
		t.Fatalf("after a start, a delete and a skip: %v", ids(got))
	}
	if got, _ = db.FirstJobs(jobstate.Running, nil, 10, nil); !slices.Equal(ids(got), made[:1]) {
		t.Fatalf("running: %v", ids(got))
	}
}

// A file written before the index existed (schema 3) gets it built when opened.
func TestVersion3FileGetsItsStateIndex(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	fillJobs(t, db, 5, func(i int) contract.Job { return contract.Job{Kind: jobkind.Import, Name: "x"} })
	db.bolt.Update(func(tx txn) error {
		writeVersion(tx, 3)
		return tx.DeleteBucket(bucketJobByState)
	})
	db.Close()
	db = openAt(t, dir)
	got, err := db.FirstJobs(jobstate.Queued, nil, 10, nil)
	if err != nil || len(got) != 5 {
		t.Fatalf("after the migration: %d queued jobs, %v; want 5", len(got), err)
	}
}

// CreateJobs records a whole batch or nothing.
func TestCreateJobsIsAllOrNothing(t *testing.T) {
	db, _ := openTest(t)
	batch := []*contract.Job{{Kind: jobkind.Download, Name: "a"}, {Kind: jobkind.Download, Name: "b"}, {Kind: "bogus", Name: "c"}}
	if err := db.CreateJobs(batch); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a batch with a bad job: %v", err)
	}
	if got, _ := db.ActiveJobs(); len(got) != 0 || batch[0].ID != 0 {
		t.Fatalf("%d jobs stored (first id %d) from a refused batch", len(got), batch[0].ID)
	}
	batch[2].Kind = jobkind.Import
	if err := db.CreateJobs(batch); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FirstJobs(jobstate.Queued, nil, 10, nil); !slices.Equal(ids(got), []uint64{batch[0].ID, batch[1].ID, batch[2].ID}) || batch[2].ID == 0 {
		t.Fatalf("stored %v", ids(got))
	}
}

// A state index that lost entries (a damaged page) or kept stale ones still finds every queued
// job once the file is opened again, and never returns a job in another state.
func TestStateIndexHealsOnOpen(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	a, b := contract.Job{Kind: jobkind.Download, Name: "a"}, contract.Job{Kind: jobkind.Download, Name: "b"}
	if err := db.CreateJobs([]*contract.Job{&a, &b}); err != nil {
		t.Fatal(err)
	}
	db.bolt.Update(func(tx txn) error {
		ka, kb := jobKey(a.Created, a.ID), jobKey(b.Created, b.ID)
		q, d := code(jobStateCodes, jobstate.Queued), code(jobKindCodes, jobkind.Download)
		tx.Bucket(bucketJobByState).Delete(stateIndexKey(q, d, ka))                                                      // lost
		return tx.Bucket(bucketJobByState).Put(stateIndexKey(q, d, append(kb[:8:8], 0, 0, 0, 0, 0, 0, 0, 99)), []byte{}) // stale
	})
	db.Close()
	db = openAt(t, dir)
	if got, _ := db.FirstJobs(jobstate.Queued, nil, 10, nil); !slices.Equal(ids(got), []uint64{a.ID, b.ID}) {
		t.Fatalf("after reopening: %v, want %v", ids(got), []uint64{a.ID, b.ID})
	}
}
