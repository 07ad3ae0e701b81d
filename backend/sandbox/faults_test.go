package sandbox

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFaultJSONOnDownload makes every download answer the JSON "video not found" envelope.
func TestFaultJSONOnDownload(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	no := uploadSmall(t, ts.URL, "v")
	id, _ := s.AddAsset("a.mp4", strings.NewReader("a"))
	s.SetFaults(Faults{JSONOnDownload: true})
	responses := map[string]*http.Response{
		"v1":    download(t, ts.URL, `{"video_no":"`+no+`"}`, ""),
		"asset": send(t, http.MethodGet, ts.URL+"/serve/api/v2/"+id+"/download", "", nil),
		"blob":  send(t, http.MethodGet, ts.URL+"/serve/api/v1/download?bucket=memories-sandbox&blob="+no+".mp4", "", nil),
	}
	for name, res := range responses {
		r := readEnvelope(t, res)
		if r.ContentType != "application/json" {
			t.Errorf("%s: Content-Type %q", name, r.ContentType)
		}
		r.wantCode(t, codeBadParam, "video not found")
	}
}

// TestFaultTruncateDownloads announces the full length, sends half and drops the connection,
// with and without the request log wrapping the response writer.
func TestFaultTruncateDownloads(t *testing.T) {
	for name, logf := range map[string]func(string, ...any){"plain": nil, "logged": func(string, ...any) {}} {
		t.Run(name, func(t *testing.T) {
			s, ts := newSandbox(t, Options{Logf: logf})
			body := strings.Repeat("0123456789abcdef", 64<<10) // 1 MiB
			no := uploadSmall(t, ts.URL, body)
			s.SetFaults(Faults{TruncateDownloads: true})
			for _, rng := range []string{"", "bytes=1000-"} {
				checkTruncated(t, download(t, ts.URL, `{"video_no":"`+no+`"}`, rng))
			}
			s.SetFaults(Faults{})
			if got := readAll(t, download(t, ts.URL, `{"video_no":"`+no+`"}`, "")); got != body {
				t.Errorf("after clearing the fault the download is %d bytes", len(got))
			}
		})
	}
}

// checkTruncated expects half of the announced body followed by an unexpected EOF.
func checkTruncated(t *testing.T, res *http.Response) {
	t.Helper()
	got, err := io.ReadAll(res.Body)
	res.Body.Close()
	if !errors.Is(err, io.ErrUnexpectedEOF) || int64(len(got)) != res.ContentLength/2 {
		t.Errorf("read %d of %d announced bytes, err %v; want half then unexpected EOF", len(got), res.ContentLength, err)
	}
}

// TestFaultRateLimit answers 0429 (v1) and HTTP 429 (v2) after N calls; SetFaults restarts counting.
func TestFaultRateLimit(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	uploadSmall(t, ts.URL, "v")
	s.SetFaults(Faults{RateLimitAfter: 2})
	list := func() result { return fetchJSON(t, ts.URL+"/serve/api/v1/list_videos", `{}`) }
	list().ok(t)
	list().ok(t)
	list().wantCode(t, codeRateLimited, "Request has exceeded the limit.")
	r := fetch(t, http.MethodGet, ts.URL+"/serve/api/v2/re_1/download", "", "")
	if r.Status != http.StatusTooManyRequests || r.Code != float64(429) {
		t.Errorf("v2 rate limit: %+v", r)
	}
	s.SetFaults(Faults{RateLimitAfter: 1})
	list().ok(t)
	list().wantCode(t, codeRateLimited, "")
}

// TestFaultServerErrorEvery answers HTTP 503 with a Spring body on every Nth call.
func TestFaultServerErrorEvery(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	s.SetFaults(Faults{ServerErrorEvery: 3})
	var statuses []int
	for range 6 {
		res := send(t, http.MethodGet, ts.URL+"/serve/api/v1/list_unique_ids", "", nil)
		statuses = append(statuses, res.StatusCode)
		if res.StatusCode == http.StatusServiceUnavailable {
			checkSpring(t, res, http.StatusServiceUnavailable, "/serve/api/v1/list_unique_ids")
		} else {
			readEnvelope(t, res).ok(t)
		}
	}
	want := []int{200, 200, 503, 200, 200, 503}
	if !slices.Equal(statuses, want) {
		t.Errorf("statuses %v, want %v", statuses, want)
	}
}

// checkSpring verifies an infrastructure error body.
func checkSpring(t *testing.T, res *http.Response, status int, path string) {
	t.Helper()
	defer res.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != status || body["status"] != float64(status) || body["path"] != path ||
		body["error"] != http.StatusText(status) || body["timestamp"] == nil || body["requestId"] == nil {
		t.Errorf("HTTP %d body %v, want a Spring-style %d for %s", res.StatusCode, body, status, path)
	}
}

// TestFaultLatency delays API answers but not the control endpoint.
func TestFaultLatency(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	s.SetFaults(Faults{Latency: 80 * time.Millisecond})
	start := time.Now()
	fetch(t, http.MethodGet, ts.URL+"/serve/api/v1/list_unique_ids", "", "").ok(t)
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Errorf("answered after %v, want at least the 80ms latency", d)
	}
}

// TestReplacingFaultsEndsLatency holds a call with a long latency and releases it by replacing the
// faults, as a real-window test does to keep uploads running while it looks, then let them end.
func TestReplacingFaultsEndsLatency(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	s.SetFaults(Faults{Latency: time.Minute})
	done := make(chan time.Time, 1)
	go func() {
		res, err := http.Get(ts.URL + "/serve/api/v1/list_unique_ids")
		if err == nil {
			res.Body.Close()
		}
		done <- time.Now()
	}()
	deadline := time.Now().Add(10 * time.Second)
	for s.Stats().Calls == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the call never reached the sandbox")
		}
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case <-done:
		t.Fatal("the call was answered before its latency ended or the faults were replaced")
	case <-time.After(50 * time.Millisecond):
	}
	released := time.Now()
	s.SetFaults(Faults{})
	select {
	case at := <-done:
		if d := at.Sub(released); d > 5*time.Second {
			t.Errorf("answered %v after the faults were replaced", d)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("replacing the faults did not end the latency in progress")
	}
}

// TestControlFaults switches faults over HTTP: PUT replaces them, GET reads them back.
func TestControlFaults(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	put := func(body string) *http.Response {
		req, _ := http.NewRequest(http.MethodPut, ts.URL+"/_sandbox/faults", strings.NewReader(body))
		return do(t, req)
	}
	res := put(`{"latency":"250ms","rate_limit_after":3,"server_error_every":0,"truncate_downloads":true,"json_on_download":false,"fail_parse":true}`)
	res.Body.Close()
	want := Faults{Latency: 250 * time.Millisecond, RateLimitAfter: 3, TruncateDownloads: true, FailParse: true}
	if res.StatusCode != http.StatusOK || s.Faults() != want {
		t.Fatalf("PUT: HTTP %d, faults %+v", res.StatusCode, s.Faults())
	}
	res, _ = http.Get(ts.URL + "/_sandbox/faults")
	var got Faults
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil || got != want {
		t.Errorf("GET: %+v, %v", got, err)
	}
	res.Body.Close()
	res = put(`{"latency":1000000}`)
	res.Body.Close()
	if s.Faults() != (Faults{Latency: time.Millisecond}) {
		t.Errorf("PUT replaces all faults and accepts nanoseconds: %+v", s.Faults())
	}
	for _, bad := range []string{`{"latency":"soon"}`, `{"latency":true}`, `not json`} {
		if res := put(bad); res.StatusCode != http.StatusBadRequest {
			t.Errorf("PUT %s: HTTP %d, want 400", bad, res.StatusCode)
		}
	}
}

// TestControlStats reads counters without a key, untouched by API faults and not counted.
func TestControlStats(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	uploadSmall(t, ts.URL, "v")
	s.SetFaults(Faults{ServerErrorEvery: 1, Latency: time.Hour})
	res, err := http.Get(ts.URL + "/_sandbox/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var st Stats
	if err := json.NewDecoder(res.Body).Decode(&st); err != nil || st != (Stats{Uploads: 1, Calls: 1}) {
		t.Errorf("stats %+v, %v", st, err)
	}
}

// TestControlLoopbackOnly refuses control requests from other hosts.
func TestControlLoopbackOnly(t *testing.T) {
	s, _ := newSandbox(t, Options{})
	for _, path := range []string{"/_sandbox/faults", "/_sandbox/stats"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.RemoteAddr = "203.0.113.7:40000"
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden {
			t.Errorf("%s from a remote host: HTTP %d, want 403", path, rec.Code)
		}
	}
}

// TestSetFaultsClampsNegatives treats negative settings as off.
func TestSetFaultsClampsNegatives(t *testing.T) {
	s, _ := newSandbox(t, Options{})
	s.SetFaults(Faults{Latency: -time.Second, RateLimitAfter: -1, ServerErrorEvery: -2})
	if s.Faults() != (Faults{}) {
		t.Errorf("faults %+v", s.Faults())
	}
}

// TestReplyDelayStoresTheVideoBeforeAnswering: the video is stored while its reply is held;
// replacing the faults releases the reply, which names it.
func TestReplyDelayStoresTheVideoBeforeAnswering(t *testing.T) {
	s, srv := newSandbox(t, Options{})
	s.SetFaults(Faults{ReplyDelay: time.Minute})
	done := make(chan string, 1)
	go func() { done <- uploadSmall(t, srv.URL, "bytes") }()
	deadline := time.Now().Add(10 * time.Second)
	for len(s.Videos("")) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if len(s.Videos("")) != 1 {
		t.Fatal("video not stored while the reply was held back")
	}
	select {
	case <-done:
		t.Fatal("reply was not delayed")
	case <-time.After(50 * time.Millisecond):
	}
	s.SetFaults(Faults{})
	select {
	case no := <-done:
		if no != s.Videos("")[0].VideoNo {
			t.Fatalf("reply %q does not name the stored video", no)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("replacing the faults did not release the held reply")
	}
}

// TestHoldParseKeepsVideosProcessing: with HoldParse, a video still processing and one uploaded
// during the hold stay UNPARSE past their time; a ready one stays ready; replacing the faults
// lets each follow its own clock again.
func TestHoldParseKeepsVideosProcessing(t *testing.T) {
	clock := newFakeClock()
	s, _ := newSandbox(t, Options{Now: clock.Now, ParseDelay: 10 * time.Second})
	add := func(name string) {
		s.addVideo(Video{UniqueID: "default", VideoName: name, CreateTime: clock.Now()}, false)
	}
	statuses := func() map[string]string {
		out := map[string]string{}
		for _, v := range s.Videos("default") {
			out[v.VideoName] = v.Status
		}
		return out
	}
	add("ready")
	clock.Advance(10 * time.Second)
	add("processing")
	s.SetFaults(Faults{HoldParse: true})
	clock.Advance(5 * time.Second)
	add("during")
	clock.Advance(time.Hour)
	if got := statuses(); got["ready"] != StatusParse || got["processing"] != StatusUnparse || got["during"] != StatusUnparse {
		t.Fatalf("held an hour past their time: %v", got)
	}
	s.SetFaults(Faults{})
	if got := statuses(); got["processing"] != StatusParse || got["during"] != StatusParse {
		t.Fatalf("after the release: %v", got)
	}
}
