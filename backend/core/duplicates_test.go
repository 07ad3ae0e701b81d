package core

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
)

// uploadDone uploads the file at path through the engine and returns its finished job.
func uploadDone(t *testing.T, c *Service, path string) contract.Job {
	t.Helper()
	views, err := c.EnqueueUploads(contract.UploadBatch{Files: []contract.FileUpload{{Path: path}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done, err := c.engine().Wait(ctx, views[0].ID)
	if err != nil || done[0].State != jobstate.Done {
		t.Fatalf("upload: %+v %v", done, err)
	}
	return done[0]
}

func TestFindDuplicateKnowsWhatThisAppUploaded(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	sent, other := filepath.Join(dir, "sent.mp4"), filepath.Join(dir, "other.mp4")
	os.WriteFile(sent, mediatest.MP4([]byte("the same bytes")), 0o644)
	os.WriteFile(other, mediatest.MP4([]byte("different bytes")), 0o644)
	done := uploadDone(t, c, sent)
	ctx := context.Background()

	copyOf := filepath.Join(dir, "renamed copy.mp4")
	os.WriteFile(copyOf, mediatest.MP4([]byte("the same bytes")), 0o644)
	d, err := c.FindDuplicate(ctx, copyOf, "")
	if err != nil || d == nil || d.Kind != DupUploaded || d.VideoNo != done.Result.VideoNos[0] || d.At <= 0 {
		t.Fatalf("a copy of an uploaded file: %+v %v", d, err)
	}
	for name, check := range map[string]func() (*contract.Duplicate, error){
		"other bytes":  func() (*contract.Duplicate, error) { return c.FindDuplicate(ctx, other, "") },
		"other scope":  func() (*contract.Duplicate, error) { return c.FindDuplicate(ctx, copyOf, "elsewhere") },
		"missing file": func() (*contract.Duplicate, error) { return c.FindDuplicate(ctx, filepath.Join(dir, "gone.mp4"), "") },
	} {
		if d, err := check(); (d != nil && d.Kind != "") || err != nil {
			t.Errorf("%s: %+v %v", name, d, err)
		}
	}
}

// A file added again while its upload still waits in the queue (a second launch hands the same
// files over, say) is flagged, and so is a copy of it under another name; the fingerprint lets
// the Upload list flag byte-identical files within one batch.
func TestFindDuplicateKnowsWhatWaitsInTheQueue(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}) // paced: the second upload waits a minute
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	first, waiting := filepath.Join(dir, "first.mp4"), filepath.Join(dir, "waiting.mp4")
	os.WriteFile(first, mediatest.MP4([]byte("sent at once")), 0o644)
	os.WriteFile(waiting, mediatest.MP4([]byte("waits for its slot")), 0o644)
	uploadDone(t, c, first)
	views, err := c.EnqueueUploads(contract.UploadBatch{Files: []contract.FileUpload{{Path: waiting}}})
	if err != nil {
		t.Fatal(err)
	}
	copyOf := filepath.Join(dir, "copy.mp4")
	os.WriteFile(copyOf, mediatest.MP4([]byte("waits for its slot")), 0o644)
	ctx := context.Background()
	var fps []string
	for _, path := range []string{waiting, copyOf} {
		d, err := c.FindDuplicate(ctx, path, "")
		if err != nil || d == nil || d.Kind != DupQueued || d.JobID != views[0].ID {
			t.Fatalf("%s while its upload waits: %+v %v", filepath.Base(path), d, err)
		}
		fps = append(fps, d.Fingerprint)
	}
	if fps[0] == "" || fps[0] != fps[1] {
		t.Fatalf("identical files, fingerprints %q", fps)
	}
	if d, err := c.FindDuplicate(ctx, waiting, "elsewhere"); err != nil || d.Kind != "" {
		t.Fatalf("another scope: %+v %v", d, err)
	}
}
