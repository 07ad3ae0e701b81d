package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Faults are switches that make the sandbox misbehave the way the real service can, so clients can
// be tested against latency, rate limiting, outages and broken downloads. The zero value is a
// well-behaved server. Counters (RateLimitAfter, ServerErrorEvery) count API calls made since the
// faults were last set.
type Faults struct {
	// Latency is added before every API response; replacing the faults ends the waits in progress.
	Latency time.Duration `json:"latency"`
	// RateLimitAfter makes every call after the first N answer code "0429" (0 = off).
	RateLimitAfter int `json:"rate_limit_after"`
	// ServerErrorEvery makes every Nth call answer HTTP 503 with a Spring-style body (0 = off).
	ServerErrorEvery int `json:"server_error_every"`
	// TruncateDownloads announces the full Content-Length but closes after half of the bytes.
	TruncateDownloads bool `json:"truncate_downloads"`
	// JSONOnDownload answers downloads with HTTP 200 and a JSON "video not found" envelope.
	JSONOnDownload bool `json:"json_on_download"`
	// FailParse makes new uploads and imports end as FAILED ("unsupported codec").
	FailParse bool `json:"fail_parse"`
	// HoldParse keeps every video still processing (UNPARSE), and every new one, processing
	// until the faults are replaced: a test reads "Indexing" however slow its machine is.
	HoldParse bool `json:"hold_parse"`
	// ReplyDelay holds the answer to an accepted upload or import this long after the video or
	// the task is stored, the window in which a crashing client loses the reply (tests of
	// no-duplicate recovery); replacing the faults releases the replies held.
	ReplyDelay time.Duration `json:"reply_delay"`
	// DownloadRate caps download bodies at this many bytes per second (0 = unlimited), so a
	// test can stop a client mid-download; 1 is a 1 byte/s trickle.
	DownloadRate int64 `json:"download_rate"`
	// NoCredits answers every API call with code "0402", as an account whose credits ran out.
	NoCredits bool `json:"no_credits"`
	// SearchItems makes every /search answer that found anything hold exactly this many items
	// (0 = off), as a service that ignores top_k: the hits repeat, each pass a scene-length
	// further on, with keyframes of their own. For tests of huge answers (1,000 moments).
	SearchItems int `json:"search_items"`
}

// MarshalJSON writes Latency as a Go duration string ("250ms") so the control endpoint is readable.
func (f Faults) MarshalJSON() ([]byte, error) {
	type plain Faults
	return json.Marshal(struct {
		plain
		Latency    string `json:"latency"`
		ReplyDelay string `json:"reply_delay"`
	}{plain(f), f.Latency.String(), f.ReplyDelay.String()})
}

// UnmarshalJSON accepts the durations as strings ("250ms") or as integer nanoseconds.
func (f *Faults) UnmarshalJSON(b []byte) error {
	type plain Faults
	aux := struct {
		*plain
		Latency    any `json:"latency"`
		ReplyDelay any `json:"reply_delay"`
	}{plain: (*plain)(f)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	var err1, err2 error
	f.Latency, err1 = parseLatency(aux.Latency)
	f.ReplyDelay, err2 = parseLatency(aux.ReplyDelay)
	return errors.Join(err1, err2)
}

// parseLatency converts the decoded JSON latency value into a duration.
func parseLatency(v any) (time.Duration, error) {
	switch v := v.(type) {
	case nil:
		return 0, nil
	case string:
		return time.ParseDuration(v)
	case float64:
		return time.Duration(v), nil
	}
	return 0, fmt.Errorf("sandbox: latency must be a duration string or nanoseconds, got %T", v)
}

// normalized clamps negative settings to "off".
func (f Faults) normalized() Faults {
	f.Latency = max(f.Latency, 0)
	f.ReplyDelay = max(f.ReplyDelay, 0)
	f.RateLimitAfter = max(f.RateLimitAfter, 0)
	f.ServerErrorEvery = max(f.ServerErrorEvery, 0)
	f.SearchItems = max(f.SearchItems, 0)
	return f
}

// SetFaults replaces the active faults and restarts their call counters.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = f.normalized()
	s.faultCalls = 0
	s.holdParse(f.HoldParse, s.opts.Now())
	if s.replaced != nil {
		close(s.replaced)
		s.replaced = nil
	}
}

// Faults returns the active faults.
func (s *Server) Faults() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults
}

// countCall records one API call and returns the faults in force for it, its ordinal number and
// a channel closed when those faults are replaced.
func (s *Server) countCall() (Faults, int, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.Calls++
	s.faultCalls++
	if s.replaced == nil {
		s.replaced = make(chan struct{})
	}
	return s.faults, s.faultCalls, s.replaced
}

// serverErrorDue reports whether call number n must fail with HTTP 503.
func (f Faults) serverErrorDue(n int) bool {
	return f.ServerErrorEvery > 0 && n%f.ServerErrorEvery == 0
}

// rateLimited reports whether call number n is over the configured budget.
func (f Faults) rateLimited(n int) bool {
	return f.RateLimitAfter > 0 && n > f.RateLimitAfter
}

// msgNoCredits is the text of a 0402 answer.
const msgNoCredits = "Insufficient points, please recharge"

// rejectCredits answers a call of an account without credits in its route's generation.
func rejectCredits(w http.ResponseWriter, kind apiKind) {
	if kind == apiV2 {
		writeV2(w, http.StatusPaymentRequired, msgNoCredits, nil)
		return
	}
	writeCode(w, codeNoCredits, msgNoCredits)
}

// rejectRate answers a rate-limited call in the shape of the route's API generation.
func rejectRate(w http.ResponseWriter, kind apiKind) {
	if kind == apiV2 {
		writeV2(w, http.StatusTooManyRequests, msgRateLimited, nil)
		return
	}
	writeCode(w, codeRateLimited, msgRateLimited)
}

// sleepCtx waits for d unless the request goes away first; it reports whether to continue.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	return sleepUnless(ctx, d, nil)
}

// sleepUnless is sleepCtx that also ends, to continue, when cut is closed.
func sleepUnless(ctx context.Context, d time.Duration, cut <-chan struct{}) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-cut:
		return true
	case <-ctx.Done():
		return false
	}
}
