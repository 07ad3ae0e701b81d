package transfer

import (
	"fmt"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/events"
	"memories-desktop/backend/sandbox"
)

// Waiting uploads get distinct places and the pacer's start times (a minute apart), as absolute
// times that do not move while nothing changes; turning pacing off releases them all at once.
func TestWaitingJobsShowPlaceAndPacerStart(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.close()
	clock := clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	r.open(Options{Clock: clock, Proactive: true, TrackEvery: time.Hour})
	first, _ := r.eng.EnqueueURL("https://cdn.example.com/0.mp4", api.UploadMeta{})
	r.wait(first.ID)
	sent := clock.Now()
	ids := enqueueURLs(t, r, 3)
	view := func(id uint64) contract.JobView { j, _ := r.db.Job(id); return r.eng.View(j, nil) }
	clocktest.WaitFor(t, func() bool { return view(ids[2]).Place == 3 && view(ids[0]).Place == 1 })
	clock.Advance(10 * time.Second)
	for i, id := range ids {
		v := view(id)
		want := sent.Add(time.Duration(i+1) * time.Minute).UnixMilli()
		if v.Place != i+1 || v.StartsAt != want {
			t.Fatalf("job %d: place %d starts %d, want %d at %d", i, v.Place, v.StartsAt, i+1, want)
		}
	}
	r.eng.Configure(2, false)
	for _, j := range r.wait(ids...) {
		if j.State != jobstate.Done {
			t.Fatalf("after pacing off, %+v", j)
		}
	}
	if v := view(ids[2]); v.Place != 0 || v.StartsAt != 0 {
		t.Fatalf("a finished job still has a slot: %+v", v)
	}
}

func enqueueURLs(t *testing.T, r *rig, n int) []uint64 {
	var ids []uint64
	for i := 1; i <= n; i++ {
		j, err := r.eng.EnqueueURL(fmt.Sprintf("https://cdn.example.com/%d.mp4", i), api.UploadMeta{})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	return ids
}

// A job whose pacer wait ends is told it left the line: the last view of it while running has no
// place, so its row reads as transferring, not "Waiting for slot", until it finishes.
func TestJobLeavingTheLineIsEmittedWithoutAPlace(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.close()
	clock := clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	r.open(Options{Clock: clock, Proactive: true, TrackEvery: time.Hour})
	first, _ := r.eng.EnqueueURL("https://cdn.example.com/0.mp4", api.UploadMeta{})
	r.wait(first.ID)
	id := enqueueURLs(t, r, 1)[0]
	view := func() contract.JobView { j, _ := r.db.Job(id); return r.eng.View(j, nil) }
	clocktest.WaitFor(t, func() bool { return view().Place == 1 })
	clock.Advance(time.Minute)
	if j := r.wait(id)[0]; j.State != jobstate.Done {
		t.Fatalf("job %+v", j)
	}
	var last *contract.JobView
	r.ev.mu.Lock()
	for i, p := range r.ev.events {
		if v, ok := p.(contract.JobView); ok && r.ev.names[i] == events.TransferJob && v.ID == id && v.State == jobstate.Running {
			last = &v
		}
	}
	r.ev.mu.Unlock()
	if last == nil || last.Place != 0 || last.StartsAt != 0 {
		t.Fatalf("last running view %+v, want no place once the wait ended", last)
	}
}
