package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// queueWithoutRunning records jobs the way a process that died before starting them would leave
// them: one queued, one paused, one interrupted (it was running).
func queueWithoutRunning(t *testing.T, dir string, specs ...transfer.DownloadSpec) []uint64 {
	t.Helper()
	db, err := store.Open(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	eng := transfer.New(transfer.Options{DB: db}) // never started: nothing runs
	var ids []uint64
	for _, s := range specs {
		j, err := eng.EnqueueDownload(s)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	db.SetState(ids[1], jobstate.Paused, "paused")
	db.SetState(ids[2], jobstate.Running, "")
	return ids
}

func TestResumeFinishesQueuedPausedAndInterruptedJobs(t *testing.T) {
	e := newTestEnv(t)
	data := sandbox.SyntheticMP4("resume")
	no := e.run("", "upload", "--json", writeVideo(t, t.TempDir(), "r.mp4", data)).want(t, 0).lines(t)[0]["video_no"].(string)
	out := t.TempDir()
	var specs []transfer.DownloadSpec
	for _, name := range []string{"queued.mp4", "paused.mp4", "interrupted.mp4"} {
		specs = append(specs, transfer.DownloadSpec{VideoNo: no, Dest: filepath.Join(out, name)})
	}
	queueWithoutRunning(t, e.profileDir(), specs...)

	rows := e.run("", "resume", "--json").want(t, 0).lines(t)
	if len(rows) != 3 {
		t.Fatalf("resume reported %d jobs, want 3: %v", len(rows), rows)
	}
	for _, s := range specs {
		if got, _ := os.ReadFile(s.Dest); !bytes.Equal(got, data) {
			t.Fatalf("%s: %d bytes", s.Dest, len(got))
		}
	}
	if left := e.run("", "history", "--json", "--state", "queued").want(t, 0).lines(t); len(left) != 0 {
		t.Fatalf("still queued after resume: %v", left)
	}
}

func TestResumeExitsNonZeroWhenAJobDoesNotFinish(t *testing.T) {
	e := newTestEnv(t)
	out := t.TempDir()
	queueWithoutRunning(t, e.profileDir(),
		transfer.DownloadSpec{VideoNo: "VI404000000000000001", Dest: filepath.Join(out, "a.mp4")},
		transfer.DownloadSpec{VideoNo: "VI404000000000000002", Dest: filepath.Join(out, "b.mp4")},
		transfer.DownloadSpec{VideoNo: "VI404000000000000003", Dest: filepath.Join(out, "c.mp4")})
	r := e.run("", "resume", "--json").want(t, 1)
	rows := r.lines(t)
	if len(rows) != 3 || rows[0]["state"] != "failed" || rows[0]["code"] != "not_found" {
		t.Fatalf("resume printed %v", rows)
	}
}
