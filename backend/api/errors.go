package api

import (
	"context"
	"errors"
	"fmt"
	"net/textproto"
	"strings"
	"time"

	"memories-desktop/backend/i18n"
)

// sentinel is the type of the Err… values, so that *Error can print a short kind name while the
// sentinel itself prints with the package prefix.
type sentinel struct{ text string }

func (s *sentinel) Error() string { return "memories: " + s.text }

func newSentinel(text string) error { return &sentinel{text: text} }

// Sentinels for errors.Is. Each *Error matches exactly one of the service kinds; callers switch
// on these, never on message text.
var (
	ErrBadRequest   = newSentinel("bad request")         // 0001/0003, HTTP 400: bad or missing parameters
	ErrUnauthorized = newSentinel("unauthorized")        // 0401, 401: the key is missing or invalid
	ErrNoCredits    = newSentinel("out of credits")      // 0402, 402: the account needs a recharge
	ErrForbidden    = newSentinel("account disabled")    // 0403, 403: the developer account is disabled
	ErrConflict     = newSentinel("conflict")            // 0409, 409: duplicate or non-repeatable operation
	ErrRateLimited  = newSentinel("rate limited")        // 0429, 429: too many requests for this account
	ErrPermission   = newSentinel("permission denied")   // 9009: the key is not (yet) allowed to call the API
	ErrNotFound     = newSentinel("not found")           // "video not found", "Asset not found", 404
	ErrServer       = newSentinel("server error")        // 5xx and infrastructure error pages
	ErrUnexpected   = newSentinel("unexpected response") // anything the client cannot interpret
	ErrNetwork      = newSentinel("network error")       // the service could not be reached or the stream broke
	ErrInvalidInput = newSentinel("invalid input")       // a *ValidationError: nothing was sent
)

// Error is a failure reported by the service (or an answer the client could not use). Code is the
// envelope code as the service sent it ("0429", or "401" for the integer codes of the v2 host) and
// is empty when the answer carried none; Message is the server's text, truncated and redacted.
type Error struct {
	Op         string // the client operation, e.g. "upload"
	HTTPStatus int
	Code       string
	Message    string
	kind       error
	retryAfter time.Duration // the answer's Retry-After, see RetryAfter
}

// Error describes the failure without ever including the API key.
func (e *Error) Error() string {
	s := fmt.Sprintf("memories: %s: %s (", e.Op, kindText(e.kind))
	if e.Code != "" {
		s += "code " + e.Code + ", "
	}
	s += fmt.Sprintf("HTTP %d)", e.HTTPStatus)
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// Is reports whether target is the sentinel for this error's kind.
func (e *Error) Is(target error) bool { return target == e.kind }

func kindText(kind error) string {
	if s, ok := kind.(*sentinel); ok {
		return s.text
	}
	return "error"
}

// ValidationError reports input rejected before any request was sent, naming the offending field
// so the UI can point at it. It matches ErrInvalidInput.
type ValidationError struct {
	Field   string
	Message string
}

// Error describes the rejected field in plain words.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("memories: invalid %s: %s", e.Field, e.Message)
}

// Is makes errors.Is(err, ErrInvalidInput) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidInput }

// invalid is the rejection of field, worded from the catalogue message id with args.
func invalid(field, id string, args ...i18n.Args) error {
	return &ValidationError{Field: field, Message: i18n.T(id, args...)}
}

// networkError wraps a transport failure. Its text is redacted when it is made; Unwrap still
// exposes the original so errors.Is(err, io.ErrUnexpectedEOF) and the like keep working.
type networkError struct {
	op   string
	text string
	err  error
}

func (e *networkError) Error() string   { return "memories: " + e.op + ": network error: " + e.text }
func (e *networkError) Unwrap() []error { return []error{ErrNetwork, e.err} }

// transportError turns a failure to send or to read a body into the error callers see: the
// context's own error when the caller cancelled (that is no network fault and must not be
// retried), else a redacted network error.
func (c *Client) transportError(ctx context.Context, op string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("memories: %s: %w", op, ctxErr)
	}
	if malformed(err) {
		return c.newError(op, 0, "", "a malformed answer: "+err.Error(), ErrUnexpected)
	}
	return &networkError{op: op, text: c.redact(err.Error()), err: err}
}

// malformed reports an answer that broke HTTP itself rather than the connection: a redirect the
// policy refuses (a loop, another scheme), a header with control bytes, a negative or garbled
// length. Asking again would get the same answer, so it is no network error and not retried.
func malformed(err error) bool {
	var pe *textproto.ProtocolError
	if errors.Is(err, ErrBadRedirect) || errors.As(err, &pe) {
		return true
	}
	text := err.Error()
	for _, sign := range []string{"bad Content-Length", "malformed HTTP", "malformed MIME header", "unsupported protocol scheme"} {
		if strings.Contains(text, sign) {
			return true
		}
	}
	return false
}

// Retryable reports whether repeating the same request later may succeed: rate limiting, server
// errors and network failures. Code 0001 is deliberately excluded even though the official
// examples client retries it: it also means "bad parameters" and "video not found", and retrying
// a non-idempotent upload on it could duplicate work. A cancelled call is not retryable: it is
// reported as the context's error, never as ErrNetwork.
func Retryable(err error) bool {
	return errors.Is(err, ErrRateLimited) || errors.Is(err, ErrServer) || errors.Is(err, ErrNetwork)
}
