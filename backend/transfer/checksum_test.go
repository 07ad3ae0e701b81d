package transfer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/events"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/sandbox"
)

// A download computes no SHA-256 unless asked; asked afterwards, the file is read back, the sum
// matches sha256sum's and stays in the job record, and the row is told.
func TestSHA256OfDownloadOnRequest(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	id, data := r.asset("s.mp4", 3<<20+17, 31)
	dest := filepath.Join(t.TempDir(), "s.mp4")
	j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: dest})
	done := r.wait(j.ID)[0]
	if done.Result.SHA256 != "" || done.Result.Fingerprint != fingerprint(data) {
		t.Fatalf("result %+v: a SHA-256 nobody asked for, or no fingerprint", done.Result)
	}
	r.ev.mu.Lock()
	r.ev.names, r.ev.events = nil, nil
	r.ev.mu.Unlock()
	got, err := r.eng.SHA256OfDownload(context.Background(), j.ID)
	if err != nil || got != sum(data) {
		t.Fatalf("SHA-256 %q %v, want %s", got, err, sum(data))
	}
	if kept, _ := r.db.Job(j.ID); kept.Result.SHA256 != sum(data) || kept.Result.Fingerprint != fingerprint(data) {
		t.Fatalf("the job record keeps %+v", kept.Result)
	}
	if !r.ev.saw(events.TransferJob) {
		t.Fatal("the job's row was not told")
	}
}

// The sum is only ever that of the downloaded bytes: a file changed since, a link put in its
// place, a job that is no finished download, or a cancelled computation give an error and
// record nothing.
func TestSHA256OfDownloadRefuses(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	id, data := r.asset("c.mp4", 1<<20, 32)
	dest := filepath.Join(t.TempDir(), "c.mp4")
	j, _ := r.eng.EnqueueDownload(DownloadSpec{AssetID: id, Dest: dest})
	r.wait(j.ID)
	changed := append([]byte{data[0] ^ 1}, data[1:]...)
	os.WriteFile(dest, changed, 0o644)
	if _, err := r.eng.SHA256OfDownload(context.Background(), j.ID); !errors.Is(err, ErrFileChanged) {
		t.Fatalf("changed file: %v", err)
	}
	elsewhere := filepath.Join(t.TempDir(), "same.mp4")
	os.WriteFile(elsewhere, data, 0o644)
	os.Remove(dest)
	os.Symlink(elsewhere, dest)
	if _, err := r.eng.SHA256OfDownload(context.Background(), j.ID); !errors.Is(err, safefile.ErrNotRegular) {
		t.Fatalf("link at the download's name: %v", err)
	}
	os.Remove(dest)
	os.WriteFile(dest, data, 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.eng.SHA256OfDownload(ctx, j.ID); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	up := contract.Job{Kind: jobkind.UploadFile, Name: "u.mp4", Params: []byte(`{}`)}
	if err := r.db.CreateJob(&up); err != nil {
		t.Fatal(err)
	}
	if _, err := r.eng.SHA256OfDownload(context.Background(), up.ID); err == nil {
		t.Fatal("a SHA-256 for an upload job")
	}
	if kept, _ := r.db.Job(j.ID); kept.Result.SHA256 != "" {
		t.Fatalf("recorded %q after refusing", kept.Result.SHA256)
	}
}
