package transfer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/store"

	"github.com/zeebo/xxh3"
)

// rig is an engine over a real bbolt file and a real sandbox behind HTTP.
type rig struct {
	t   *testing.T
	sb  *sandbox.Server
	db  *store.DB
	dir string
	url string
	eng *Engine
	ev  *recorder
}

func newRig(t *testing.T, sbOpts sandbox.Options) *rig {
	t.Helper()
	sb, err := sandbox.New(sbOpts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sb)
	t.Cleanup(func() { srv.Close(); sb.Close() })
	r := &rig{t: t, sb: sb, dir: t.TempDir(), url: srv.URL}
	r.open(Options{})
	return r
}

// open starts an engine on the rig's database, as a new process would.
func (r *rig) open(o Options) *Engine {
	r.t.Helper()
	db, err := store.Open(r.dir, time.Second)
	if err != nil {
		r.t.Fatal(err)
	}
	r.db, r.ev = db, &recorder{}
	o.DB, o.Emitter = db, r.ev
	o.Client = func() (*api.Client, error) {
		return api.New(api.Config{BaseURL: r.url, AssetBaseURL: r.url, APIKey: "sk-engine-test"})
	}
	if o.TrackEvery == 0 {
		o.TrackEvery = 20 * time.Millisecond
	}
	r.eng = New(o)
	if err := r.eng.Start(context.Background()); err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(r.close)
	return r.eng
}

func (r *rig) close() {
	if r.eng != nil {
		r.eng.Close()
		r.db.Close()
		r.eng = nil
	}
}

func (r *rig) wait(ids ...uint64) []contract.Job {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	jobs, err := r.eng.Wait(ctx, ids...)
	if err != nil {
		r.t.Fatalf("wait: %v", err)
	}
	return jobs
}

// video writes data as the file name; tests wrap their bytes in mediatest.MP4 to make it a video.
func (r *rig) video(name string, data []byte) string {
	p := filepath.Join(r.t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		r.t.Fatal(err)
	}
	return p
}

// recorder keeps every event the engine emits.
type recorder struct {
	mu     sync.Mutex
	events []any
	names  []string
}

func (c *recorder) Emit(name string, payload any) {
	c.mu.Lock()
	c.events = append(c.events, payload)
	c.names = append(c.names, name)
	c.mu.Unlock()
}

// saw tells whether an event of that name was emitted.
func (c *recorder) saw(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range c.names {
		if n == name {
			return true
		}
	}
	return false
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// fingerprint is the duplicate index's key for b, computed in one shot (uploads stream it).
func fingerprint(b []byte) string {
	s := xxh3.Hash128(b).Bytes()
	return hex.EncodeToString(s[:])
}

func TestUploadJobRecordsResultCacheAndHash(t *testing.T) {
	r := newRig(t, sandbox.Options{ParseDelay: 50 * time.Millisecond})
	data := mediatest.MP4(bytes.Repeat([]byte("v"), 300_000))
	j, err := r.eng.EnqueueUpload(r.video("a.mp4", data), api.UploadMeta{Tags: []string{"trip"}})
	if err != nil {
		t.Fatal(err)
	}
	if stored, _ := r.db.Job(j.ID); stored.State != jobstate.Queued && stored.State != jobstate.Running {
		t.Fatalf("job not recorded before sending: %+v", stored)
	}
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Done || len(got.Result.VideoNos) != 1 || got.Result.Fingerprint != fingerprint(data) {
		t.Fatalf("job %+v", got)
	}
	no := got.Result.VideoNos[0]
	if v, _, ok, _ := r.db.LookupHash(fingerprint(data), "default"); !ok || v != no {
		t.Fatalf("hash index: %q %v", v, ok)
	}
	sv := r.sb.Videos("default")
	if len(sv) != 1 || !slices.Contains(sv[0].Tags, got.Marker) || !slices.Contains(sv[0].Tags, "trip") {
		t.Fatalf("server video %+v (marker %s)", sv, got.Marker)
	}
	clocktest.WaitFor(t, func() bool { j, _ := r.db.Job(j.ID); return j.Result.Status == contract.StatusParsed })
	if v, err := r.db.Video("default", no); err != nil || v.Status != contract.StatusParsed {
		t.Fatalf("library cache %+v, %v", v, err)
	}
}

func TestUploadWhoseReplyWasLostIsNotSentTwice(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.sb.SetFaults(sandbox.Faults{ReplyDelay: 5 * time.Second})
	j, _ := r.eng.EnqueueUpload(r.video("b.mp4", mediatest.MP4([]byte("0123456789"))), api.UploadMeta{})
	clocktest.WaitFor(t, func() bool { return len(r.sb.Videos("")) == 1 })
	r.close() // the process stops while the reply is held back
	r.sb.SetFaults(sandbox.Faults{})
	r.open(Options{})
	if got, _ := r.db.Job(j.ID); got.State != jobstate.Interrupted {
		t.Fatalf("after restart the job is %s, want interrupted", got.State)
	}
	ids, err := r.eng.ResumeInterrupted()
	if err != nil || len(ids) != 1 {
		t.Fatalf("resume: %v %v", ids, err)
	}
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Done || got.Result.VideoNos[0] != r.sb.Videos("")[0].VideoNo {
		t.Fatalf("job %+v", got)
	}
	if n := r.sb.Stats().Uploads; n != 1 {
		t.Fatalf("%d uploads reached the server, want 1", n)
	}
}

func TestDownloadPauseResumesWithRange(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	data := mediatest.MP4(bytes.Repeat([]byte("0123456789abcdef"), 40_000)) // 640 kB
	up, _ := r.eng.EnqueueUpload(r.video("c.mp4", data), api.UploadMeta{})
	no := r.wait(up.ID)[0].Result.VideoNos[0]
	r.sb.SetFaults(sandbox.Faults{DownloadRate: 100_000}) // 6 s to pause in, however busy the machine
	out := t.TempDir()
	j, _ := r.eng.EnqueueDownload(DownloadSpec{VideoNo: no, Dest: out, DestDir: true})
	var part string
	clocktest.WaitFor(t, func() bool {
		part = findPart(out)
		st, err := os.Stat(part)
		return err == nil && st.Size() > 50_000
	})
	if err := r.eng.Pause(j.ID); err != nil {
		t.Fatal(err)
	}
	paused := r.wait(j.ID)[0]
	st, _ := os.Stat(part)
	if paused.State != jobstate.Paused || st.Size() == 0 || st.Size() >= int64(len(data)) {
		t.Fatalf("paused job %s with part of %d bytes", paused.State, st.Size())
	}
	assertNoFile(t, filepath.Join(out, no+".mp4"))
	r.sb.SetFaults(sandbox.Faults{})
	if err := r.eng.Resume(j.ID); err != nil {
		t.Fatal(err)
	}
	done := r.wait(j.ID)[0]
	got, _ := os.ReadFile(filepath.Join(out, no+".mp4"))
	if done.State != jobstate.Done || !bytes.Equal(got, data) || done.Result.Fingerprint != fingerprint(data) {
		t.Fatalf("resumed job %+v, %d bytes", done, len(got))
	}
	assertNoFile(t, part)
}

func TestCancelledDownloadLeavesNoFiles(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	up, _ := r.eng.EnqueueUpload(r.video("d.mp4", mediatest.MP4(bytes.Repeat([]byte("x"), 200_000))), api.UploadMeta{})
	no := r.wait(up.ID)[0].Result.VideoNos[0]
	r.sb.SetFaults(sandbox.Faults{DownloadRate: 20_000}) // 10 s to cancel in, however busy the machine
	out := t.TempDir()
	j, _ := r.eng.EnqueueDownload(DownloadSpec{VideoNo: no, Dest: filepath.Join(out, "x.mp4")})
	clocktest.WaitFor(t, func() bool {
		if j, _ := r.db.Job(j.ID); j.State.Terminal() {
			t.Fatalf("download ended before it could be cancelled: %+v", j)
		}
		return findPart(out) != ""
	})
	if err := r.eng.Cancel(j.ID); err != nil {
		t.Fatal(err)
	}
	if got := r.wait(j.ID)[0]; got.State != jobstate.Canceled {
		t.Fatalf("state %s", got.State)
	}
	clocktest.WaitFor(t, func() bool { e, _ := os.ReadDir(out); return len(e) == 0 })
}

func TestFailedDownloadRetries(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	data := mediatest.MP4([]byte("retry me"))
	up, _ := r.eng.EnqueueUpload(r.video("e.mp4", data), api.UploadMeta{})
	no := r.wait(up.ID)[0].Result.VideoNos[0]
	r.sb.SetFaults(sandbox.Faults{JSONOnDownload: true})
	dest := filepath.Join(t.TempDir(), "e.mp4")
	j, _ := r.eng.EnqueueDownload(DownloadSpec{VideoNo: no, Dest: dest})
	failed := r.wait(j.ID)[0]
	if failed.State != jobstate.Failed || failed.Error == nil || failed.Error.Code != "not_found" {
		t.Fatalf("job %+v", failed)
	}
	assertNoFile(t, dest)
	r.sb.SetFaults(sandbox.Faults{})
	if err := r.eng.Retry(j.ID); err != nil {
		t.Fatal(err)
	}
	if got := r.wait(j.ID)[0]; got.State != jobstate.Done || got.Result.Bytes != int64(len(data)) {
		t.Fatalf("retried job %+v", got)
	}
	if err := r.eng.Retry(j.ID); !errors.Is(err, errNotAllowed) {
		t.Fatalf("retrying a done job: %v", err)
	}
}

func TestTransientFailuresAreRetriedWithBackoff(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.sb.SetFaults(sandbox.Faults{ServerErrorEvery: 1}) // every call: HTTP 503
	j, _ := r.eng.EnqueueURL("https://cdn.example.com/v.mp4", api.UploadMeta{})
	go func() { // the outage ends once it has failed one attempt, however late that comes
		for deadline := time.Now().Add(30 * time.Second); r.sb.Stats().Calls == 0 && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
		r.sb.SetFaults(sandbox.Faults{})
	}()
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Done || got.Attempts < 2 {
		t.Fatalf("job %+v after an outage", got)
	}
	if n := r.sb.Stats().URLUploads; n != 1 {
		t.Fatalf("%d URL uploads accepted, want 1", n)
	}
}

func TestStalledTransferFails(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.close()
	r.open(Options{StallAfter: 300 * time.Millisecond, MaxAttempts: 1})
	r.sb.SetFaults(sandbox.Faults{Latency: time.Hour}) // a server that never answers
	t.Cleanup(func() { r.sb.SetFaults(sandbox.Faults{}) })
	j, _ := r.eng.EnqueueDownload(DownloadSpec{VideoNo: "VI1", Dest: filepath.Join(t.TempDir(), "s.mp4")})
	start := time.Now()
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Failed || got.Error == nil || !strings.Contains(got.Error.Message, "stalled") {
		t.Fatalf("stalled job %+v", got)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Fatalf("stall noticed after %s (stall time 300 ms)", took)
	}
}

func TestImportIsFollowedToItsVideos(t *testing.T) {
	r := newRig(t, sandbox.Options{ParseDelay: 100 * time.Millisecond})
	j, err := r.eng.EnqueueImport(ImportSpec{Platform: "youtube", Links: []string{
		"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/shorts/aaaaaaaaaaa"}, Quality: "720"})
	if err != nil {
		t.Fatal(err)
	}
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Done || got.Result.TaskID == "" {
		t.Fatalf("import %+v", got)
	}
	clocktest.WaitFor(t, func() bool {
		j, _ := r.db.Job(j.ID)
		return len(j.Result.VideoNos) == 2 && j.Result.Status == contract.StatusParsed
	})
}

func TestStartMarksLeftoverRunningJobsInterrupted(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.close()
	db, _ := store.Open(r.dir, time.Second)
	j := contract.Job{Kind: jobkind.UploadURL, State: jobstate.Queued, Name: "x", Params: []byte(`{"url":"https://a.example/v.mp4"}`)}
	db.CreateJob(&j)
	db.SetState(j.ID, jobstate.Running, "")
	db.Close()
	r.open(Options{})
	list, _ := r.eng.Interrupted()
	if len(list) != 1 || list[0].ID != j.ID {
		t.Fatalf("interrupted: %+v", list)
	}
}

// findPart returns the path of the one partial file in dir, "" when there is none.
func findPart(dir string) string {
	m, _ := filepath.Glob(filepath.Join(dir, "*"+safefile.PartSuffix))
	if len(m) != 1 {
		return ""
	}
	return m[0]
}

func TestTrackNowSkipsTheBackoffAndTheCacheKeepsTheFileName(t *testing.T) {
	r := newRig(t, sandbox.Options{ParseDelay: 10 * time.Millisecond})
	r.close()
	r.open(Options{TrackEvery: time.Hour}) // left alone, the first status poll is an hour away
	j, err := r.eng.EnqueueUpload(r.video("Beach Day.mp4", mediatest.MP4([]byte("not really a video"))), api.UploadMeta{})
	if err != nil {
		t.Fatal(err)
	}
	no := r.wait(j.ID)[0].Result.VideoNos[0]
	time.Sleep(50 * time.Millisecond) // past the sandbox's ParseDelay
	if j, _ := r.db.Job(j.ID); j.Result.Status == contract.StatusParsed {
		t.Fatal("indexed before anyone asked")
	}
	r.eng.TrackNow()
	clocktest.WaitFor(t, func() bool { j, _ := r.db.Job(j.ID); return j.Result.Status == contract.StatusParsed })
	v, err := r.db.Video("default", no)
	if err != nil || v.Title != "Beach Day.mp4" || v.Name == "" || v.Name == v.Title || v.Status != contract.StatusParsed {
		t.Fatalf("cached video %+v, %v", v, err)
	}
}
