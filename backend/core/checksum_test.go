package core

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/transfer"
)

// finishedDownload records a done download job whose file holds data, as the engine leaves one.
func finishedDownload(t *testing.T, c *Service, data []byte) contract.Job {
	t.Helper()
	path := filepath.Join(t.TempDir(), "saved.mp4")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fp := transfer.NewFingerprint()
	fp.Write(data)
	j := contract.Job{Kind: jobkind.Download, Name: "saved.mp4", Params: []byte(`{}`),
		Result: contract.JobResult{Path: path, Bytes: int64(len(data)), Fingerprint: hex.EncodeToString(fp.Sum(nil))}}
	if err := c.activeDB().CreateJob(&j); err != nil {
		t.Fatal(err)
	}
	j, err := c.activeDB().SetState(j.ID, jobstate.Done, "")
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestDownloadSHA256IsKeptAndCancellable(t *testing.T) {
	c := startCore(t, Options{})
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	data := []byte(strings.Repeat("checksum on request ", 50_000))
	j := finishedDownload(t, c, data)
	want := sha256.Sum256(data)
	got, err := c.DownloadSHA256(j.ID)
	if err != nil || got != hex.EncodeToString(want[:]) {
		t.Fatalf("SHA-256 %q %v", got, err)
	}
	if kept, _ := c.activeDB().Job(j.ID); kept.Result.SHA256 != got {
		t.Fatalf("the record keeps %q", kept.Result.SHA256)
	}
	c.CancelSHA256(j.ID) // nothing running: no effect, no panic
	if _, ok := checksumRuns.Load(checksumKey{c, j.ID}); ok {
		t.Fatal("a finished computation is still registered")
	}
}

// A computation under way stops when cancelled: a 4 GiB file (sparse, so it costs no disk) takes
// seconds to hash, and CancelSHA256 ends it at once with the cancellation, recording nothing.
func TestCancelSHA256StopsARunningComputation(t *testing.T) {
	c := startCore(t, Options{})
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	j := finishedDownload(t, c, []byte("x"))
	if err := os.Truncate(j.Result.Path, 4<<30); err != nil {
		t.Fatal(err)
	}
	c.activeDB().UpdateJob(j.ID, func(j *contract.Job) error { j.Result.Bytes = 4 << 30; return nil })
	errc := make(chan error, 1)
	go func() { _, err := c.DownloadSHA256(j.ID); errc <- err }()
	for registered := false; !registered; runtime.Gosched() {
		_, registered = checksumRuns.Load(checksumKey{c, j.ID})
		if len(errc) > 0 {
			t.Fatalf("it ended before it could be cancelled: %v", <-errc)
		}
	}
	c.CancelSHA256(j.ID)
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled computation returned %v", err)
	}
	if kept, _ := c.activeDB().Job(j.ID); kept.Result.SHA256 != "" {
		t.Fatalf("a cancelled computation recorded %q", kept.Result.SHA256)
	}
}
