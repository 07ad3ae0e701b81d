package core

import (
	"errors"
	"sync"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/conn"
)

// Connection states shown in the status bar, derived from what requests actually did (listed
// for the UI in backend/contract/conn).
const (
	ConnChecking    = conn.Checking    // a key is set but no request has answered yet
	ConnConnected   = conn.Connected   // the last request was answered; LastOK says when
	ConnRejected    = conn.Rejected    // the service refused the key (0401, 0403, 9009)
	ConnUnreachable = conn.Unreachable // no answer, a server error, or not the memories.ai API
	ConnRateLimited = conn.RateLimited // 0429: RetryAt says when requests are let through again
)

// rateLimitPause is how long a 0429 is shown: the documented limits are per minute.
const rateLimitPause = time.Minute

// rateLimitEnd is when a rate limit that answered err at now should be over: the service's
// Retry-After when it gave a longer one, else a minute (the status bar and a connection test
// both say this time).
func rateLimitEnd(err error, now time.Time) time.Time {
	return now.Add(max(rateLimitPause, api.RetryAfter(err))).Truncate(time.Second)
}

// health remembers the outcome of the latest request of one profile (endpoint + key). A change of
// profile starts over at "checking", so nothing learnt about one server is shown for another.
type health struct {
	mu       sync.Mutex
	profile  string
	state    string
	lastOK   time.Time
	retryAt  time.Time
	detail   string
	onChange func()
}

// notify sets what to call when the shown state changes.
func (h *health) notify(f func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.onChange = f
}

// observer returns the api.Observer for clients of profile; outcomes from clients of an older
// profile are ignored.
func (h *health) observer(profile string) api.Observer {
	h.mu.Lock()
	if h.profile != profile {
		h.profile, h.state, h.lastOK, h.retryAt, h.detail = profile, ConnChecking, time.Time{}, time.Time{}, ""
	}
	h.mu.Unlock()
	return func(err error) { h.record(profile, err, time.Now()) }
}

func (h *health) record(profile string, err error, now time.Time) {
	h.mu.Lock()
	if h.profile != profile {
		h.mu.Unlock()
		return
	}
	changed := h.apply(err, now)
	notify := h.onChange
	h.mu.Unlock()
	if changed && notify != nil {
		notify()
	}
}

// apply folds one outcome in and reports whether what the status bar shows changed.
func (h *health) apply(err error, now time.Time) bool {
	before := h.state + h.detail + h.retryAt.String()
	h.state, h.detail, h.retryAt = connState(err), "", time.Time{}
	switch h.state {
	case ConnConnected:
		h.lastOK = now
		return true // the time of the last success is shown
	case ConnRateLimited:
		h.retryAt = rateLimitEnd(err, now)
	}
	if err != nil {
		h.detail, _ = Explain(err)
	}
	return before != h.state+h.detail+h.retryAt.String()
}

// connState maps a request's outcome to a state. Answers that refuse only the request (bad
// parameters, not found, conflict, no credits) still prove the service answered and took the key.
func connState(err error) string {
	switch {
	case err == nil:
		return ConnConnected
	case errors.Is(err, api.ErrUnauthorized), errors.Is(err, api.ErrForbidden), errors.Is(err, api.ErrPermission):
		return ConnRejected
	case errors.Is(err, api.ErrRateLimited):
		return ConnRateLimited
	case errors.Is(err, api.ErrNetwork), errors.Is(err, api.ErrServer), errors.Is(err, api.ErrUnexpected):
		return ConnUnreachable
	}
	return ConnConnected
}

// snapshot fills the connection fields of st for profile.
func (h *health) snapshot(profile string, st *contract.Status) {
	h.mu.Lock()
	defer h.mu.Unlock()
	st.Connection = ConnChecking
	if h.profile != profile {
		return
	}
	st.Connection, st.ConnectionDetail = h.state, h.detail
	st.LastOK, st.RetryAt = unixMs(h.lastOK), unixMs(h.retryAt)
}

func unixMs(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
