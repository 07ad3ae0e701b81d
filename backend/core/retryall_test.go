package core

import (
	"path/filepath"
	"reflect"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/transfer"
)

// failedDownload queues a download of no to dest and takes the name before it runs, so it fails.
func failedDownload(t *testing.T, c *Service, no, dest string) uint64 {
	t.Helper()
	j, err := c.engine().EnqueueDownload(transfer.DownloadSpec{VideoNo: no, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dest, "old")
	if f := finish(t, c, j.ID); f.State != jobstate.Failed || f.Error.Code != errcode.Exists {
		t.Fatalf("want a collision failure, got %+v", f.Error)
	}
	return j.ID
}

func TestRetryAllFailedAsksOnceForTakenNames(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	content := mediatest.MP4([]byte("retry all"))
	no := uploadedVideo(t, c, content)
	dir := t.TempDir() // both want dir/clip.mp4, so "keep both" must give them different names
	first := failedDownload(t, c, no, filepath.Join(dir, "clip.mp4"))
	second := failedDownload(t, c, no, filepath.Join(dir, "clip.mp4"))

	got, err := c.RetryFailed("")
	if err != nil || got.Retried != 0 || !reflect.DeepEqual(got.Taken, []string{"clip.mp4", "clip.mp4"}) {
		t.Fatalf("without a choice: %+v %v", got, err)
	}
	if j, _ := c.activeDB().Job(first); j.State != jobstate.Failed {
		t.Fatalf("a taken name was retried without a choice: %s", j.State)
	}
	if got, _ = c.RetryFailed(choice.Skip); got.Retried != 0 {
		t.Fatalf("skip retried %d", got.Retried)
	}
	if _, err := c.RetryFailed("overwrite-all"); err == nil {
		t.Fatal("an unknown choice was accepted")
	}
	if got, err = c.RetryFailed(choice.KeepBoth); err != nil || got.Retried != 2 || len(got.Taken) != 0 {
		t.Fatalf("keep both: %+v %v", got, err)
	}
	names := map[string]bool{}
	for _, id := range []uint64{first, second} {
		j := finish(t, c, id)
		if j.State != jobstate.Done {
			t.Fatalf("keep both: %+v", j)
		}
		names[j.Name] = true
		mustHold(t, filepath.Join(dir, j.Name), content)
	}
	if !names["clip (1).mp4"] || !names["clip (2).mp4"] {
		t.Fatalf("keep both named them %v", names)
	}
	mustHold(t, filepath.Join(dir, "clip.mp4"), []byte("old"))
}

func TestRetryAllFailedRetriesOtherFailuresWithoutAsking(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	no := uploadedVideo(t, c, mediatest.MP4([]byte("replace all")))
	dest := filepath.Join(t.TempDir(), "clip.mp4")
	id := failedDownload(t, c, no, dest)
	if _, err := c.activeDB().UpdateJob(id, func(j *contract.Job) error { j.Error.Code = "network"; return nil }); err != nil {
		t.Fatal(err)
	}
	got, err := c.RetryFailed("")
	if err != nil || got.Retried != 1 || len(got.Taken) != 0 {
		t.Fatalf("%+v %v", got, err)
	}
	// It ran again: the name is still taken, so it fails as a collision once more.
	if j := finish(t, c, id); j.State != jobstate.Failed || j.Error.Code != errcode.Exists {
		t.Fatalf("not retried: %+v", j.Error)
	}
}

// An import that may have reached the service is left for its own Retry, after a person looked.
func TestRetryAllFailedLeavesImportsThatMayHaveBeenSent(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	id := failedDownload(t, c, uploadedVideo(t, c, mediatest.MP4([]byte("maybe"))), filepath.Join(t.TempDir(), "clip.mp4"))
	if _, err := c.activeDB().UpdateJob(id, func(j *contract.Job) error { j.Error.Code = errcode.MaybeSent; return nil }); err != nil {
		t.Fatal(err)
	}
	if got, err := c.RetryFailed(""); err != nil || got.Retried != 0 {
		t.Fatalf("%+v %v", got, err)
	}
	if j, _ := c.activeDB().Job(id); j.State != jobstate.Failed {
		t.Fatalf("retried: %s", j.State)
	}
}
