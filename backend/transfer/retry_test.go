package transfer

import (
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// With pacing off, an upload the service keeps refusing with 0429 (longer than MaxAttempts
// failures would allow) waits as long as it is asked, honouring Retry-After, and its row says
// "rate-limited until …" meanwhile; it never fails. Measured on a fake clock.
func TestRateLimitedUploadWaitsAsLongAsTheServiceAsks(t *testing.T) {
	sb, err := sandbox.New(sandbox.Options{ParseDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	var calls atomic.Int64
	url := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 8 {
			w.Header().Set("Retry-After", "7")
			w.Write([]byte(`{"code":"0429","msg":"Request has exceeded the limit.","success":false,"failed":true}`))
			return
		}
		sb.ServeHTTP(w, r)
	})
	clock := clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	r := &rig{t: t, sb: sb, dir: t.TempDir(), url: url}
	r.open(Options{Clock: clock, MaxAttempts: 3, TrackEvery: time.Hour})
	j, err := r.eng.EnqueueUpload(r.video("busy.mp4", mediatest.MP4([]byte("0123456789"))), api.UploadMeta{})
	if err != nil {
		t.Fatal(err)
	}
	for seen := 0; ; {
		var rv *contract.RetryView
		clocktest.WaitFor(t, func() bool {
			rv = r.ev.retryAfter(j.ID, seen)
			cur, _ := r.db.Job(j.ID)
			return rv != nil || cur.State == jobstate.Done || cur.State == jobstate.Failed
		})
		if rv == nil {
			break
		}
		seen++
		wait := time.UnixMilli(rv.At).Sub(clock.Now())
		if !rv.RateLimited || rv.Cause != "rate-limited" || wait < 7*time.Second || rv.Failures != 0 {
			t.Fatalf("retry %d: %+v, in %s; want rate-limited, at least the 7 s asked, not counted", seen, rv, wait)
		}
		clock.Advance(wait)
	}
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Done || len(sb.Videos("")) != 1 {
		t.Fatalf("job %s (%+v) after 8 refusals; %d videos", got.State, got.Error, len(sb.Videos("")))
	}
	if last := r.ev.lastView(j.ID); last.Retry != nil {
		t.Fatalf("a finished job still shows a retry: %+v", last.Retry)
	}
}

// An outage says what it is while the job waits: "connection refused", the time of the next try
// and how many tries are left; the bytes of the failed attempt are not shown as sent.
func TestOutageShowsItsCauseAndTheNextTry(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	clock := clocktest.New(time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC))
	r := &rig{t: t, dir: t.TempDir(), url: "http://" + addr}
	r.open(Options{Clock: clock, MaxAttempts: 3, TrackEvery: time.Hour})
	j, _ := r.eng.EnqueueUpload(r.video("down.mp4", mediatest.MP4([]byte("0123456789"))), api.UploadMeta{})
	for n := 1; n <= 2; n++ {
		var rv *contract.RetryView
		clocktest.WaitFor(t, func() bool { rv = r.ev.retryAfter(j.ID, n-1); return rv != nil })
		wait := time.UnixMilli(rv.At).Sub(clock.Now())
		if rv.Cause != "connection refused" || rv.RateLimited || rv.Failures != n || rv.Of != 3 || wait <= 0 {
			t.Fatalf("retry %d: %+v in %s", n, rv, wait)
		}
		if v := r.ev.lastView(j.ID); v.Progress != nil && v.Progress.Done != 0 {
			t.Fatalf("waiting to retry shows %d bytes sent", v.Progress.Done)
		}
		clock.Advance(wait)
	}
	if got := r.wait(j.ID)[0]; got.State != jobstate.Failed || got.Error.Code != "unreachable" {
		t.Fatalf("after 3 tries: %s %+v", got.State, got.Error)
	}
}

// retryAfter is the first retry wait job id published after the first n ones, nil if none yet.
func (c *recorder) retryAfter(id uint64, n int) *contract.RetryView {
	c.mu.Lock()
	defer c.mu.Unlock()
	var last *contract.RetryView
	for _, e := range c.events {
		v, ok := e.(contract.JobView)
		if !ok || v.ID != id || v.Retry == nil || v.Retry == last {
			continue
		}
		if last = v.Retry; n == 0 {
			return last
		}
		n--
	}
	return nil
}

// lastView is the latest event of job id.
func (c *recorder) lastView(id uint64) contract.JobView {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := len(c.events) - 1; i >= 0; i-- {
		if v, ok := c.events[i].(contract.JobView); ok && v.ID == id {
			return v
		}
	}
	return contract.JobView{}
}
