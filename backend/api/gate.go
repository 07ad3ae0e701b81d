package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Gate paces the client's requests: Wait is asked for a slot before each request is sent, and
// Done is told how it went (nil, or the error) once the answer is classified; Hold tells how
// long op's next slot is away, so the client only retries when that is soon. op is the
// request's operation name ("list_videos", "upload", "download"…), which the gate maps to the
// service's rate-limit groups. The pacing package provides one; the client works without.
type Gate interface {
	Wait(ctx context.Context, op string) error
	Done(op string, err error)
	Hold(op string) time.Duration
}

// WithGate returns a copy of c whose requests go through g (nil: unpaced). The transfer engine
// uses it so the clients it is handed obey its pacer even when their maker set none.
func (c *Client) WithGate(g Gate) *Client {
	cp := *c
	cp.gate = g
	return &cp
}

// WithoutRetries returns a copy of c that never repeats a request by itself: for callers that
// retry whole operations on their own (the transfer engine), where two layers of retries would
// multiply the waits.
func (c *Client) WithoutRetries() *Client {
	cp := *c
	cp.noRetry = true
	return &cp
}

// wait asks the gate for op's slot.
func (c *Client) wait(ctx context.Context, op string) error {
	if c.gate == nil {
		return nil
	}
	return c.gate.Wait(ctx, op)
}

// settle reports a request's outcome to the connection observer and to the gate.
func (c *Client) settle(ctx context.Context, op string, err error) {
	c.observe(ctx, err)
	if c.gate != nil && !errors.Is(err, ErrInvalidInput) {
		c.gate.Done(op, err)
	}
}

// maxRetryAfter bounds what a Retry-After header can impose, so a hostile or broken answer
// cannot park a lane for days.
const maxRetryAfter = 10 * time.Minute

// RetryAfter is how long the service asked the client to wait (its Retry-After header) before
// it tries again after err; 0 when it did not say.
func RetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.retryAfter
	}
	return 0
}

// withRetryAfter records h's Retry-After on e: delay-seconds or an HTTP date.
func withRetryAfter(e *Error, h http.Header, now time.Time) *Error {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return e
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil && s > 0 {
		e.retryAfter = time.Duration(min(s, int64(maxRetryAfter/time.Second))) * time.Second
	} else if t, err := http.ParseTime(v); err == nil && t.After(now) {
		e.retryAfter = min(t.Sub(now), maxRetryAfter)
	}
	return e
}
