package transfer

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/sandbox"
)

// Users pausing, resuming, cancelling and retrying jobs while the scheduler claims them: a job
// never leaves done, and no upload is ever stored twice.
func TestControlsRacingTheSchedulerNeverRerunOrDouble(t *testing.T) {
	r := newRig(t, sandbox.Options{ParseDelay: 50 * time.Millisecond})
	r.close()
	r.open(Options{Concurrency: 4, RequestTimeout: 500 * time.Millisecond})
	r.sb.SetFaults(sandbox.Faults{Latency: 20 * time.Millisecond})
	var ids []uint64
	for i := range 24 {
		j, err := r.eng.EnqueueURL(fmt.Sprintf("https://cdn.example.com/%d.mp4", i), api.UploadMeta{})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	storm(r.eng, ids, 1500*time.Millisecond)
	settle(t, r, ids)
	for _, id := range ids {
		j, _ := r.db.Job(id)
		checkNeverLeftDone(t, j)
		if n := copiesOf(r.sb, j.Marker); n > 1 {
			t.Fatalf("job %d (%s) is stored %d times", id, j.State, n)
		}
		if j.State == jobstate.Done && copiesOf(r.sb, j.Marker) != 1 {
			t.Fatalf("job %d is done but the server has no copy", id)
		}
	}
}

// storm sends random controls from three goroutines for d.
func storm(e *Engine, ids []uint64, d time.Duration) {
	actions := []func(uint64) error{e.Pause, e.Resume, e.Cancel, e.Retry}
	var wg sync.WaitGroup
	stop := time.Now().Add(d)
	for range 3 {
		wg.Go(func() {
			for time.Now().Before(stop) {
				actions[rand.IntN(len(actions))](ids[rand.IntN(len(ids))])
				time.Sleep(time.Millisecond)
			}
		})
	}
	wg.Wait()
}

// settle brings every job to an end: paused and cancelled ones are resumed or retried.
func settle(t *testing.T, r *rig, ids []uint64) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		r.eng.ResumeAll()
		jobs, err := r.eng.Wait(ctx, ids...)
		if err != nil {
			t.Fatalf("wait: %v", err)
		}
		if all(jobs, func(j contract.Job) bool {
			return j.State == jobstate.Done || j.State == jobstate.Canceled || j.State == jobstate.Failed
		}) {
			return
		}
	}
}

func all(jobs []contract.Job, ok func(contract.Job) bool) bool {
	for _, j := range jobs {
		if !ok(j) {
			return false
		}
	}
	return true
}

func checkNeverLeftDone(t *testing.T, j contract.Job) {
	done := false
	for _, h := range j.History {
		if done && h.State != jobstate.Done {
			t.Fatalf("job %d went from done to %s: %+v", j.ID, h.State, j.History)
		}
		done = done || h.State == jobstate.Done
	}
}

func copiesOf(sb *sandbox.Server, marker string) int {
	n := 0
	for _, v := range sb.Videos("") {
		if slices.Contains(v.Tags, marker) {
			n++
		}
	}
	return n
}
