package api

import "errors"

// kindCodes names each failure kind with a stable code that UIs switch on (never on text).
var kindCodes = []struct {
	kind error
	code string
}{
	{ErrInvalidInput, "invalid_input"}, {ErrUnauthorized, "unauthorized"},
	{ErrPermission, "permission"}, {ErrNoCredits, "no_credits"},
	{ErrForbidden, "forbidden"}, {ErrRateLimited, "rate_limited"},
	{ErrNotFound, "not_found"}, {ErrConflict, "conflict"},
	{ErrBadRequest, "bad_request"}, {ErrServer, "server"},
	{ErrNetwork, "unreachable"}, {ErrUnexpected, "unexpected"},
}

// KindCode returns the stable code of err's kind, or "internal" for errors from elsewhere.
func KindCode(err error) string {
	for _, c := range kindCodes {
		if errors.Is(err, c.kind) {
			return c.code
		}
	}
	return "internal"
}
