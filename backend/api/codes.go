package api

import (
	"errors"

	"memories-desktop/backend/contract/errcode"
)

// kindCodes names each failure kind with a stable code that UIs switch on (never on text); the
// codes are listed for the UI in backend/contract/errcode.
var kindCodes = []struct {
	kind error
	code string
}{
	{ErrInvalidInput, errcode.InvalidInput}, {ErrUnauthorized, errcode.Unauthorized},
	{ErrPermission, errcode.Permission}, {ErrNoCredits, errcode.NoCredits},
	{ErrForbidden, errcode.Forbidden}, {ErrRateLimited, errcode.RateLimited},
	{ErrNotFound, errcode.NotFound}, {ErrConflict, errcode.Conflict},
	{ErrBadRequest, errcode.BadRequest}, {ErrServer, errcode.Server},
	{ErrNetwork, errcode.Unreachable}, {ErrUnexpected, errcode.Unexpected},
}

// KindCode returns the stable code of err's kind, or "internal" for errors from elsewhere.
func KindCode(err error) string {
	for _, c := range kindCodes {
		if errors.Is(err, c.kind) {
			return c.code
		}
	}
	return errcode.Internal
}
