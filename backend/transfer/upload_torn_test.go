package transfer

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// newPausingRig is a rig whose server reads the first MiB of the first upload, says so on
// reading, and reads on only when go is closed: the test changes the file in between.
func newPausingRig(t *testing.T, reading chan<- struct{}, resume <-chan struct{}) *rig {
	sb, err := sandbox.New(sandbox.Options{ParseDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	first := true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if strings.HasSuffix(req.URL.Path, "/upload") && first {
			first = false
			head := make([]byte, 1<<20)
			if _, err := io.ReadFull(req.Body, head); err != nil {
				return
			}
			reading <- struct{}{}
			<-resume
			req = req.Clone(context.Background())
			req.Body = io.NopCloser(io.MultiReader(bytes.NewReader(head), req.Body))
		}
		sb.ServeHTTP(w, req)
	}))
	t.Cleanup(func() { srv.Close(); sb.Close() })
	r := &rig{t: t, sb: sb, dir: t.TempDir(), url: srv.URL}
	r.open(Options{})
	return r
}

func TestFileRewrittenDuringUploadIsNotRecordedDone(t *testing.T) {
	for _, keepTime := range []bool{false, true} {
		name := map[bool]string{false: "mtime changes", true: "mtime restored"}[keepTime]
		t.Run(name, func(t *testing.T) { tornUpload(t, keepTime) })
	}
}

// tornUpload rewrites the file's first and last KiB (same size) while the server is reading
// it; with keepTime the writer puts the modification time back, so only the fingerprint
// read again at the end can tell.
func tornUpload(t *testing.T, keepTime bool) {
	reading, resume := make(chan struct{}, 1), make(chan struct{})
	r := newPausingRig(t, reading, resume)
	data := mediatest.MP4(bytes.Repeat([]byte("v"), 24<<20))
	path := r.video("torn.mp4", data)
	info, _ := os.Stat(path)
	j, _ := r.eng.EnqueueUpload(path, api.UploadMeta{})
	<-reading
	rewrite(t, path, data)
	if keepTime {
		os.Chtimes(path, info.ModTime(), info.ModTime())
	}
	close(resume)
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Failed || got.Error == nil || !strings.Contains(got.Error.Message, "changed while it was being uploaded") {
		t.Fatalf("job %s, error %+v", got.State, got.Error)
	}
	t.Logf("%s %s %q", got.State, got.Error.Code, got.Error.Message)
	if n := len(r.sb.Videos("")); n != 0 || r.sb.Stats().Deletes != 1 {
		t.Fatalf("%d torn videos left on the server, %d deletes", n, r.sb.Stats().Deletes)
	}
	if _, _, ok, _ := r.db.LookupHash(got.Result.Fingerprint, "default"); ok && got.Result.Fingerprint != "" {
		t.Fatal("the torn upload's fingerprint was recorded")
	}
	if err := r.eng.Retry(j.ID); err != nil {
		t.Fatal(err)
	}
	// A retry sends the file as it is now, once; unless its time stamp says it is no longer
	// the file that was queued, which must be added again.
	got = r.wait(j.ID)[0]
	want, videos := jobstate.Done, 1
	if !keepTime {
		want, videos = jobstate.Failed, 0
	}
	if got.State != want || len(r.sb.Videos("")) != videos {
		t.Fatalf("retry: job %s (%+v), %d videos", got.State, got.Error, len(r.sb.Videos("")))
	}
}

// rewrite changes the first and last KiB of the file's media data in place, keeping its size
// (and its container headers, so the file is still a video).
func rewrite(t *testing.T, path string, data []byte) {
	start := bytes.Index(data, []byte("mdat")) + 4
	end := start + int(binary.BigEndian.Uint32(data[start-8:])) - 8
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	patch := bytes.Repeat([]byte("X"), 1024)
	f.WriteAt(patch, int64(start))
	f.WriteAt(patch, int64(end-1024))
}
