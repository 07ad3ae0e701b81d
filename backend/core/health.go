package core

import (
	"errors"
	"sync"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/conn"
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
		h.profile, h.state, h.lastOK, h.retryAt, h.detail = profile, conn.Checking, time.Time{}, time.Time{}, ""
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
	case conn.Connected:
		h.lastOK = now
		return true // the time of the last success is shown
	case conn.RateLimited:
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
		return conn.Connected
	case errors.Is(err, api.ErrUnauthorized), errors.Is(err, api.ErrForbidden), errors.Is(err, api.ErrPermission):
		return conn.Rejected
	case errors.Is(err, api.ErrRateLimited):
		return conn.RateLimited
	case errors.Is(err, api.ErrNetwork), errors.Is(err, api.ErrServer), errors.Is(err, api.ErrUnexpected):
		return conn.Unreachable
	}
	return conn.Connected
}

// snapshot fills the connection fields of st for profile.
func (h *health) snapshot(profile string, st *contract.Status) {
	h.mu.Lock()
	defer h.mu.Unlock()
	st.Connection = conn.Checking
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
