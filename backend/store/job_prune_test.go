package store

import (
	"slices"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

func TestPruneJobsDeletesOldFinishedJobsOnly(t *testing.T) {
	db, clock := openTest(t)
	oldDone := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, State: jobstate.Done})
	oldFailed := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, State: jobstate.Failed})
	oldQueued := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile})
	oldPaused := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, State: jobstate.Paused})
	touched := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, State: jobstate.Running})
	clock.advance(48 * time.Hour)
	cutoff := clock.now().Add(-time.Hour)
	if _, err := db.SetState(touched.ID, jobstate.Canceled, ""); err != nil { // finished, but recently
		t.Fatal(err)
	}
	newDone := mustCreate(t, db, contract.Job{Kind: jobkind.Download, State: jobstate.Done})

	n, err := db.PruneJobs(cutoff)
	if err != nil || n != 2 {
		t.Fatalf("pruned %d, %v; want 2", n, err)
	}
	left := allJobIDs(t, db, JobQuery{})
	want := []uint64{newDone.ID, touched.ID, oldPaused.ID, oldQueued.ID}
	if !slices.Equal(left, want) {
		t.Fatalf("left %v, want %v (pruned %d and %d)", left, want, oldDone.ID, oldFailed.ID)
	}
	if active, _ := db.ActiveJobs(); !slices.Equal(jobIDs(active), []uint64{oldQueued.ID, oldPaused.ID}) {
		t.Fatalf("active after prune %v", jobIDs(active))
	}
}

func TestPruneJobsWorksInBatches(t *testing.T) {
	db, clock := openTest(t)
	const n = pruneBatch*2 + 321
	fillJobs(t, db, n, func(i int) contract.Job {
		j := syntheticJob(i)
		j.State = []jobstate.JobState{jobstate.Done, jobstate.Queued, jobstate.Failed}[i%3]
		return j
	})
	clock.advance(time.Hour)
	pruned, err := db.PruneJobs(clock.now())
	if err != nil || pruned != n-n/3 {
		t.Fatalf("pruned %d, %v; want %d", pruned, err, n-n/3)
	}
	active, _ := db.ActiveJobs()
	if left := allJobIDs(t, db, JobQuery{Limit: 1000}); len(left) != n/3 || len(active) != n/3 {
		t.Fatalf("left %d, active %d, want %d", len(left), len(active), n/3)
	}
	if _, err := db.Job(1); err == nil { // id 1 was done
		t.Fatal("pruned job still readable by id")
	}
}
