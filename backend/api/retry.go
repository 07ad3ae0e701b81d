package api

import (
	"bytes"
	"context"
	"errors"
	"time"
)

// maxRetries bounds the client's own retries of a read: with the pacer's backoff (1 s doubling)
// three retries span about 7 s, enough to ride out a burst of 0429 without hiding an outage.
// maxRetryWait stops retrying once the gate holds the lane longer than that (a long outage has
// doubled the backoff): a person waiting on a refresh is better told at once.
const (
	maxRetries   = 3
	maxRetryWait = 10 * time.Second
)

// retryPolicies names the operations the client repeats by itself, and after which failures.
// Reads are idempotent, so any transient failure is retried. A delete is repeated only after a
// 0429, which refuses the request before anything is done: after a 5xx or a broken connection
// the first try may have deleted the videos, and a repeat would then report them "not found".
// Uploads, imports and downloads are never repeated here: the transfer engine owns those
// retries (and the reconciliation that keeps an upload from being sent twice).
var retryPolicies = map[string]func(error) bool{
	"list_videos": Retryable,
	"list_scopes": Retryable,
	"metadata":    Retryable,
	"task_status": Retryable,
	"delete":      rateLimitedOnly,
	// Text reads are idempotent. Searches are billed per answer: after a 5xx or a broken
	// connection the first one may have been charged, so only a refused (0429) one is repeated.
	"transcript":    Retryable,
	"captions":      Retryable,
	"summary":       Retryable,
	"search":        rateLimitedOnly,
	"search_phrase": rateLimitedOnly,
	"search_image":  rateLimitedOnly,
	"keyframe":      Retryable,
}

func rateLimitedOnly(err error) bool { return errors.Is(err, ErrRateLimited) }

// call performs r, which must answer with a JSON envelope, and decodes the envelope's data into
// out (a pointer; nil to ignore the data). Operations in retryPolicies are tried again after a
// transient failure; each retry first waits at the gate, which holds it for the backoff.
func (c *Client) call(ctx context.Context, r request, out any) error {
	tries := 0
	return c.retrying(ctx, r.op, func() error {
		if tries++; tries > 1 && !rewind(&r) {
			return errNoRewind
		}
		return c.callOnce(ctx, r, out)
	})
}

// errNoRewind stops retries of a request whose body cannot be sent again.
var errNoRewind = errors.New("the request body cannot be sent again")

// retrying runs try, then again while op's policy allows and the gate frees op's lane soon.
func (c *Client) retrying(ctx context.Context, op string, try func() error) error {
	err := try()
	retry := retryPolicies[op]
	if c.gate == nil || c.noRetry {
		retry = nil // without a gate nothing would hold a retry back
	}
	if retry != nil && IsImpatient(ctx) {
		retry = rateLimitedOnly // a person is told about an outage at once; a rate limit is waited out
	}
	for n := 0; n < maxRetries && retry != nil && retry(err) && c.gate.Hold(op) <= maxRetryWait; n++ {
		next := try()
		if errors.Is(next, errNoRewind) || ctx.Err() != nil {
			return err // cancelled while waiting to retry: the service's answer says more
		}
		err = next
	}
	return err
}

// rewind makes r's in-memory body readable again for a retry; false when it cannot be.
func rewind(r *request) bool {
	if r.body == nil {
		return true
	}
	b, ok := r.body.(*bytes.Reader)
	if !ok {
		return false
	}
	_, err := b.Seek(0, 0)
	return err == nil
}
