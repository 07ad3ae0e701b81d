package pacing

import (
	"context"
	"errors"
	"time"

	"memories-desktop/backend/api"
)

// Gate returns p as an api.Gate, so every request of a client built with it waits for its
// endpoint's slot and feeds the outcome back: a success resets the backoff; a 0429, 5xx or
// network failure holds the endpoint for the backoff (and at least the answer's Retry-After).
// Other failures (bad key, not found…) say nothing about the rate and leave the lane alone.
func (p *Pacer) Gate() api.Gate { return gate{p} }

type gate struct{ p *Pacer }

func (g gate) Wait(ctx context.Context, op string) error {
	notice, _ := ctx.Value(noticeKey{}).(func(bool))
	if notice != nil {
		notice(true)
		defer notice(false)
	}
	return g.p.Wait(ctx, EndpointFor(op))
}

func (g gate) Done(op string, err error) {
	ep := EndpointFor(op)
	switch {
	case err == nil:
		g.p.Succeeded(ep)
	case errors.Is(err, api.ErrRateLimited):
		g.p.RateLimited(ep, api.RetryAfter(err))
	case api.Retryable(err):
		g.p.Failed(ep, api.RetryAfter(err))
	}
}

func (g gate) Hold(op string) time.Duration { return g.p.NextSlot(EndpointFor(op)) }

type noticeKey struct{}

// WithWaitNotice returns a context whose requests call notice(true) when they start waiting at
// the gate and notice(false) when the wait is over, so a transfer can show "in line" meanwhile.
func WithWaitNotice(ctx context.Context, notice func(waiting bool)) context.Context {
	return context.WithValue(ctx, noticeKey{}, notice)
}
