package store

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"slices"
	"sync"
	"testing"
)

func TestConcurrentWritersAndReadersSeeConsistentJobs(t *testing.T) {
	db, _ := openTest(t)
	const writers, each = 4, 25
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Go(func() {
			for i := 0; i < each; i++ {
				j := contract.Job{Kind: jobkind.Download, Name: "concurrent"}
				if err := db.CreateJob(&j); err != nil {
					t.Error(err)
					return
				}
				if _, err := db.SetState(j.ID, jobstate.Running, ""); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Go(func() {
		for i := 0; i < 50; i++ {
			if _, err := db.Jobs(JobQuery{Text: "concurrent"}); err != nil {
				t.Error(err)
			}
		}
	})
	wg.Wait()
	active, err := db.ActiveJobs()
	ids := jobIDs(active)
	slices.Sort(ids)
	if err != nil || len(slices.Compact(ids)) != writers*each {
		t.Fatalf("%d distinct active jobs, %v; want %d", len(ids), err, writers*each)
	}
}
