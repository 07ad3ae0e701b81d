package transfer

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// newSlowUploadRig is a rig behind a gateway that buffers each upload's body, says so on
// received, then hands it to the service once release is closed, even when the client has gone away
// (as a buffering proxy does); every other call is quick.
func newSlowUploadRig(t *testing.T, sbOpts sandbox.Options, release <-chan struct{}, received chan<- struct{}) *rig {
	sb, err := sandbox.New(sbOpts)
	if err != nil {
		t.Fatal(err)
	}
	gone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if strings.HasSuffix(req.URL.Path, "/upload") {
			body, err := io.ReadAll(req.Body)
			if err != nil {
				return
			}
			received <- struct{}{}
			select {
			case <-release:
			case <-gone: // the test ended without releasing it
				return
			}
			req = req.Clone(context.Background())
			req.Body = io.NopCloser(bytes.NewReader(body))
		}
		sb.ServeHTTP(w, req)
	}))
	t.Cleanup(func() { close(gone); srv.Close(); sb.Close() })
	r := &rig{t: t, sb: sb, dir: t.TempDir(), url: srv.URL}
	r.open(Options{})
	return r
}

// A slow server still holds the killed request when the user resumes at once: the video only
// appears a moment later, so one listing would say "not there" and send the file again.
func TestResumeRightAfterAKillOnASlowServerUploadsOnce(t *testing.T) {
	received := make(chan struct{}, 2)
	release := make(chan struct{})
	r := newSlowUploadRig(t, sandbox.Options{ParseDelay: 200 * time.Millisecond}, release, received)
	j, _ := r.eng.EnqueueUpload(r.video("slow.mp4", mediatest.MP4(bytes.Repeat([]byte("s"), 100_000))), api.UploadMeta{})
	<-received // the whole request is at the server
	r.close()  // the process stops mid-request; the server has not stored anything yet
	if n := len(r.sb.Videos("")); n != 0 {
		t.Fatalf("%d videos before the resume; the test needs the request still in flight", n)
	}
	time.AfterFunc(1500*time.Millisecond, func() { close(release) }) // the server stores it a moment later
	r.open(Options{RequestTimeout: 4 * time.Second})
	if _, err := r.eng.ResumeInterrupted(); err != nil {
		t.Fatal(err)
	}
	got := r.wait(j.ID)[0]
	videos := r.sb.Videos("")
	if len(videos) != 1 || got.State != jobstate.Done || got.Result.VideoNos[0] != videos[0].VideoNo {
		t.Fatalf("%d videos on the server, job %s %+v", len(videos), got.State, got.Result)
	}
	// Meanwhile the row said what the job was doing, not a transfer at 0 B/s.
	if rv := r.ev.retryAfter(j.ID, 0); rv == nil || rv.Cause != "checking whether the last attempt arrived" || rv.At == 0 {
		t.Fatalf("while it looked for the earlier attempt the job showed %+v", rv)
	}
}

func TestReconcileFindsTheMarkerBehindMoreThan200NewerVideos(t *testing.T) {
	r := newRig(t, sandbox.Options{ParseDelay: 0})
	r.sb.SetFaults(sandbox.Faults{ReplyDelay: 5 * time.Second})
	j, _ := r.eng.EnqueueUpload(r.video("old.mp4", mediatest.MP4([]byte("0123456789"))), api.UploadMeta{})
	clocktest.WaitFor(t, func() bool { return len(r.sb.Videos("")) == 1 })
	r.close() // the reply is lost
	r.sb.SetFaults(sandbox.Faults{})
	client, _ := api.New(api.Config{BaseURL: r.url, AssetBaseURL: r.url, APIKey: "sk-engine-test"})
	for i := range 250 {
		time.Sleep(time.Millisecond) // strictly newer create times
		if _, err := client.UploadURL(context.Background(), fmt.Sprintf("https://cdn.example.com/%d.mp4", i), api.UploadMeta{}); err != nil {
			t.Fatal(err)
		}
	}
	r.open(Options{RequestTimeout: time.Second})
	r.eng.ResumeInterrupted()
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Done || r.sb.Stats().Uploads != 1 {
		t.Fatalf("job %s, %d file uploads reached the server (want 1)", got.State, r.sb.Stats().Uploads)
	}
}

// An upload cut off before its last bytes were handed over cannot arrive: the resume sends it
// again at once instead of waiting out the response timeout.
func TestResumeOfAnUploadCutMidBodyDoesNotWait(t *testing.T) {
	reading, resume := make(chan struct{}, 1), make(chan struct{})
	r := newPausingRig(t, reading, resume)
	j, _ := r.eng.EnqueueUpload(r.video("big.mp4", mediatest.MP4(bytes.Repeat([]byte("b"), 24<<20))), api.UploadMeta{})
	<-reading // the server has the first MiB; the client is blocked further on
	r.close()
	close(resume)
	r.open(Options{RequestTimeout: time.Hour})
	if got, _ := r.db.Job(j.ID); got.AttemptStarted == 0 || got.AttemptSent != 0 {
		t.Fatalf("started %d, sent %d: want started and not all sent", got.AttemptStarted, got.AttemptSent)
	}
	r.eng.ResumeInterrupted()
	start := time.Now()
	if got := r.wait(j.ID)[0]; got.State != jobstate.Done || len(r.sb.Videos("")) != 1 {
		t.Fatalf("job %s, %d videos", got.State, len(r.sb.Videos("")))
	}
	t.Logf("resumed and sent in %s", time.Since(start).Round(time.Millisecond))
}
