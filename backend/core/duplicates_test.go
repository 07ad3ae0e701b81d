package core

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/store"
)

// engineCore is a core in sandbox mode with its transfer engine running, unpaced.
func engineCore(t *testing.T) *Service {
	t.Helper()
	t.Setenv("MEMORIES_RATE_LIMITS", "off")
	c := startCore(t, Options{ForceSandbox: true})
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

// uploadDone uploads the file at path through the engine and returns its finished job.
func uploadDone(t *testing.T, c *Service, path string) store.Job {
	t.Helper()
	views, err := c.EnqueueUploads(UploadBatch{Files: []FileUpload{{Path: path}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done, err := c.engine().Wait(ctx, views[0].ID)
	if err != nil || done[0].State != store.StateDone {
		t.Fatalf("upload: %+v %v", done, err)
	}
	return done[0]
}

func TestFindDuplicateKnowsWhatThisAppUploaded(t *testing.T) {
	c := engineCore(t)
	dir := t.TempDir()
	sent, other := filepath.Join(dir, "sent.mp4"), filepath.Join(dir, "other.mp4")
	os.WriteFile(sent, mediatest.MP4([]byte("the same bytes")), 0o644)
	os.WriteFile(other, mediatest.MP4([]byte("different bytes")), 0o644)
	done := uploadDone(t, c, sent)
	ctx := context.Background()

	copyOf := filepath.Join(dir, "renamed copy.mp4")
	os.WriteFile(copyOf, mediatest.MP4([]byte("the same bytes")), 0o644)
	d, err := c.FindDuplicate(ctx, copyOf, "")
	if err != nil || d == nil || d.VideoNo != done.Result.VideoNos[0] || d.At <= 0 {
		t.Fatalf("a copy of an uploaded file: %+v %v", d, err)
	}
	for name, check := range map[string]func() (*Duplicate, error){
		"other bytes":  func() (*Duplicate, error) { return c.FindDuplicate(ctx, other, "") },
		"other scope":  func() (*Duplicate, error) { return c.FindDuplicate(ctx, copyOf, "elsewhere") },
		"missing file": func() (*Duplicate, error) { return c.FindDuplicate(ctx, filepath.Join(dir, "gone.mp4"), "") },
	} {
		if d, err := check(); d != nil || err != nil {
			t.Errorf("%s: %+v %v", name, d, err)
		}
	}
}
