package transfer

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"strings"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/applog"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// panicAfterRequest is a URL-upload handler with a bug: it talks to the server with the real
// client (so the key is in play), then indexes past the end of a slice. Only this test installs it.
func panicAfterRequest(ctx context.Context, e *Engine, j contract.Job, m *meter) (contract.JobResult, error) {
	client, err := e.o.Client()
	if err != nil {
		return contract.JobResult{}, err
	}
	page, err := client.ListVideos(ctx, contract.ListRequest{})
	if err != nil {
		return contract.JobResult{}, err
	}
	return contract.JobResult{VideoNos: []string{page.Videos[len(page.Videos)+1].VideoNo}}, nil
}

func TestPanickingJobFailsAndTheEngineKeepsRunning(t *testing.T) {
	logDir := t.TempDir()
	closer, err := applog.Open(logDir, "test", slog.LevelDebug, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func(old *slog.Logger) { closer.Close(); slog.SetDefault(old) }(slog.Default())
	real := handlers[jobkind.UploadURL]
	handlers[jobkind.UploadURL] = panicAfterRequest
	defer func() { handlers[jobkind.UploadURL] = real }()

	r := newRig(t, sandbox.Options{})
	bad, err := r.eng.EnqueueURL("https://cdn.example.com/clip.mp4", api.UploadMeta{})
	if err != nil {
		t.Fatal(err)
	}
	failed := r.wait(bad.ID)[0]
	if failed.State != jobstate.Failed || failed.Error == nil ||
		!strings.Contains(failed.Error.Message, "internal error") {
		t.Fatalf("panicking job: %+v %+v", failed, failed.Error)
	}
	if failed.Attempts != 1 {
		t.Fatalf("a bug was retried: %d attempts", failed.Attempts)
	}
	assertEngineStillWorks(t, r)
	assertLogHasStackNoKey(t, applog.Path())
}

func assertEngineStillWorks(t *testing.T, r *rig) {
	t.Helper()
	ok, err := r.eng.EnqueueUpload(r.video("after.mp4", mediatest.MP4([]byte("still running"))), api.UploadMeta{})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.wait(ok.ID)[0]; got.State != jobstate.Done {
		t.Fatalf("job after the panic: %+v", got)
	}
}

func assertLogHasStackNoKey(t *testing.T, path string) {
	t.Helper()
	log, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"recovered from a panic", "index out of range", "goroutine ",
		"transfer.panicAfterRequest", "panic_test.go", "msg=request", "status=200"} {
		if !bytes.Contains(log, []byte(want)) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if bytes.Contains(log, []byte("sk-engine-test")) {
		t.Errorf("log holds the API key:\n%s", log)
	}
}
