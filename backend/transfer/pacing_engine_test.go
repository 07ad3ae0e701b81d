package transfer

import (
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/sandbox"
)

// With proactive pacing the second upload waits for the documented 1-per-minute slot, and its
// job says how long; measured on a fake clock.
func TestUploadsArePacedAndTheWaitIsVisible(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.close()
	clock := clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	r.open(Options{Clock: clock, Proactive: true, TrackEvery: time.Hour})
	first, _ := r.eng.EnqueueURL("https://cdn.example.com/1.mp4", api.UploadMeta{})
	if got := r.wait(first.ID)[0]; got.State != jobstate.Done {
		t.Fatalf("first upload %+v", got)
	}
	second, _ := r.eng.EnqueueURL("https://cdn.example.com/2.mp4", api.UploadMeta{})
	clocktest.WaitFor(t, func() bool { return r.ev.nextSlot(second.ID) > 0 })
	if ms := r.ev.nextSlot(second.ID); ms < 59_000 || ms > 60_000 {
		t.Fatalf("next slot in %d ms, want about 60 s", ms)
	}
	clock.Advance(30 * time.Second)
	time.Sleep(50 * time.Millisecond)
	if n := r.sb.Stats().URLUploads; n != 1 {
		t.Fatalf("second upload sent after 30 s (%d uploads)", n)
	}
	clock.Advance(31 * time.Second)
	if got := r.wait(second.ID)[0]; got.State != jobstate.Done || r.sb.Stats().URLUploads != 2 {
		t.Fatalf("second upload %+v after the slot", got)
	}
}

// nextSlot is the largest NextSlotMs seen in a running event of job id.
func (c *recorder) nextSlot(id uint64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var ms int64
	for _, e := range c.events {
		if v, ok := e.(contract.JobView); ok && v.ID == id && v.State == jobstate.Running {
			ms = max(ms, v.NextSlotMs)
		}
	}
	return ms
}

// An upload waiting for its slot has not been sent: its attempt is recorded only when the
// pacer lets it go, so recovery after a crash never dates a request earlier than it was sent.
func TestUploadAttemptIsRecordedWhenTheSlotComes(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.close()
	clock := clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	r.open(Options{Clock: clock, Proactive: true, TrackEvery: time.Hour})
	first, _ := r.eng.EnqueueURL("https://cdn.example.com/1.mp4", api.UploadMeta{})
	r.wait(first.ID)
	second, _ := r.eng.EnqueueURL("https://cdn.example.com/2.mp4", api.UploadMeta{})
	clocktest.WaitFor(t, func() bool { return r.ev.nextSlot(second.ID) > 0 })
	if j, _ := r.db.Job(second.ID); j.AttemptStarted != 0 || j.AttemptSent != 0 {
		t.Fatalf("a waiting upload is recorded as sent (%d, %d)", j.AttemptStarted, j.AttemptSent)
	}
	slot := clock.Now().Add(time.Minute)
	clock.Advance(time.Minute)
	r.wait(second.ID)
	if j, _ := r.db.Job(second.ID); j.AttemptStarted < slot.UnixMilli() {
		t.Fatalf("attempt started at %d, before its slot %d", j.AttemptStarted, slot.UnixMilli())
	}
}
