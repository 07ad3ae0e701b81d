package transfer

import (
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/store"
)

// A server that accepts the request and never answers holds a download for about SlowFor (plus
// one backoff), not for attempts × the header timeout: each attempt is cut after IdleRead and
// the time under the floor adds up across attempts.
func TestDownloadFromAServerThatNeverAnswersGivesUp(t *testing.T) {
	t.Parallel()
	r := newRig(t, sandbox.Options{})
	id, _ := r.asset("s.mp4", 10_000, 20)
	r.reopen(Options{IdleRead: 300 * time.Millisecond, SlowFor: 600 * time.Millisecond}, func(*store.DB) {})
	r.sb.SetFaults(sandbox.Faults{Latency: time.Hour})
	start := time.Now()
	j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: t.TempDir() + "/s.mp4"})
	got := r.wait(j.ID)[0]
	took := time.Since(start)
	if got.State != jobstate.Failed || !strings.Contains(got.Error.Message, "too slow") || got.Attempts < 2 {
		t.Fatalf("job %s after %d attempts: %+v", got.State, got.Attempts, got.Error)
	}
	if took < 600*time.Millisecond || took > 10*time.Second { // generous: CI runs -race on 2 loaded cores
		t.Fatalf("gave up after %s; want about 0.6 s under the floor plus a 1 s backoff", took)
	}
	t.Logf("gave up after %s and %d attempts: %s", took.Round(time.Millisecond), got.Attempts, got.Error.Message)
}

// A server that trickles (1 byte/s) is given up on after SlowFor, though bytes keep moving.
func TestTrickleGivesUp(t *testing.T) {
	t.Parallel()
	r := newRig(t, sandbox.Options{})
	id, _ := r.asset("t.mp4", 100_000, 21)
	r.reopen(Options{SlowFor: 800 * time.Millisecond, IdleRead: 5 * time.Second}, func(*store.DB) {})
	r.sb.SetFaults(sandbox.Faults{DownloadRate: 1})
	start := time.Now()
	j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: t.TempDir() + "/t.mp4"})
	got := r.wait(j.ID)[0]
	took := time.Since(start)
	if got.State != jobstate.Failed || !strings.Contains(got.Error.Message, "too slow") || got.Attempts != 1 {
		t.Fatalf("job %s after %d attempts: %+v", got.State, got.Attempts, got.Error)
	}
	if took < 800*time.Millisecond || took > 8*time.Second {
		t.Fatalf("gave up after %s; want about 0.8 s", took)
	}
	t.Logf("gave up after %s: %s", took.Round(time.Millisecond), got.Error.Message)
}

// A slow but steady download above the floor, with short pauses between chunks, is never cut.
func TestSteadyDownloadAboveTheFloorIsNotCut(t *testing.T) {
	t.Parallel()
	r := newRig(t, sandbox.Options{})
	id, data := r.asset("u.mp4", 300_000, 22)
	// Ten times the floor, and limits far above the 100 ms gaps, so a loaded CI machine's
	// scheduling hiccups cannot pass for a stall.
	r.reopen(Options{MinSpeed: 20_000, SlowFor: 2 * time.Second, IdleRead: 2 * time.Second}, func(*store.DB) {})
	r.sb.SetFaults(sandbox.Faults{DownloadRate: 200_000}) // 20 kB every 100 ms
	dest := t.TempDir() + "/u.mp4"
	j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: dest})
	if got := r.wait(j.ID)[0]; got.State != jobstate.Done || got.Attempts != 1 {
		t.Fatalf("job %s after %d attempts: %+v", got.State, got.Attempts, got.Error)
	}
	assertFile(t, dest, data)
}
