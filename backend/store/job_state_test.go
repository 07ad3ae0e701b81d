package store

import (
	"errors"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"sync"
	"sync/atomic"
	"testing"
)

func TestOnlyOneOfManyConcurrentClaimersWins(t *testing.T) {
	db, _ := openTest(t)
	const jobs, claimers = 20, 8
	for i := 0; i < jobs; i++ {
		j := contract.Job{Kind: jobkind.Download, Name: "claim me"}
		if err := db.CreateJob(&j); err != nil {
			t.Fatal(err)
		}
	}
	wins := make([]atomic.Int64, jobs+1)
	var wg sync.WaitGroup
	for c := 0; c < claimers; c++ {
		wg.Go(func() {
			for id := uint64(1); id <= jobs; id++ {
				_, err := db.Transition(id, jobstate.Running, "", nil, jobstate.Queued)
				switch {
				case err == nil:
					wins[id].Add(1)
				case !errors.Is(err, ErrStateChanged):
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	for id := 1; id <= jobs; id++ {
		if n := wins[id].Load(); n != 1 {
			t.Fatalf("job %d was claimed %d times", id, n)
		}
	}
}

func TestTransitionWritesNothingWhenTheStateMoved(t *testing.T) {
	db, _ := openTest(t)
	j := contract.Job{Kind: jobkind.UploadFile, Name: "x"}
	db.CreateJob(&j)
	db.SetState(j.ID, jobstate.Paused, "paused")
	_, err := db.Transition(j.ID, jobstate.Running, "", func(j *contract.Job) { j.Attempts = 99 }, jobstate.Queued)
	if !errors.Is(err, ErrStateChanged) {
		t.Fatalf("err = %v", err)
	}
	got, _ := db.Job(j.ID)
	if got.State != jobstate.Paused || got.Attempts != 0 || len(got.History) != 2 {
		t.Fatalf("a refused transition wrote: %+v", got)
	}
}

func TestADoneJobNeverRunsAgain(t *testing.T) {
	db, _ := openTest(t)
	j := contract.Job{Kind: jobkind.Download, Name: "finished"}
	db.CreateJob(&j)
	db.SetState(j.ID, jobstate.Running, "")
	if _, err := db.Transition(j.ID, jobstate.Done, "", func(j *contract.Job) { j.Result.Path = "/a" }, jobstate.Running); err != nil {
		t.Fatal(err)
	}
	for _, s := range []jobstate.JobState{jobstate.Running, jobstate.Failed, jobstate.Queued, jobstate.Canceled} {
		if _, err := db.Transition(j.ID, s, "", nil, jobstate.Done, jobstate.Running, jobstate.Queued); !errors.Is(err, ErrStateChanged) {
			t.Fatalf("done → %s: err = %v", s, err)
		}
		if _, err := db.UpdateJob(j.ID, func(j *contract.Job) error { j.State = s; return nil }); !errors.Is(err, ErrStateChanged) {
			t.Fatalf("done → %s by UpdateJob: err = %v", s, err)
		}
	}
	if _, err := db.UpdateJob(j.ID, func(j *contract.Job) error { j.Result.Status = "PARSE"; return nil }); err != nil {
		t.Fatalf("a done job's result can still be updated: %v", err)
	}
	if got, _ := db.Job(j.ID); got.State != jobstate.Done || got.Result.Path != "/a" {
		t.Fatalf("job %+v", got)
	}
}
