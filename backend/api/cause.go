package api

import (
	"context"
	"errors"
	"io"
	"memories-desktop/backend/i18n"
	"net"
	"strconv"
	"syscall"
)

// Op names the client operation err came from ("upload", "list_videos"…); "" when err did not
// come from a request.
func Op(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Op
	}
	var n *networkError
	if errors.As(err, &n) {
		return n.op
	}
	return ""
}

// Cause names in a few words why a request failed in a way that may pass, for "retrying in 8 s
// (connection refused)": what happened, not what to do. "" for other failures.
func Cause(err error) string {
	var e *Error
	switch {
	case errors.Is(err, ErrRateLimited):
		return i18n.T("cause.rateLimited")
	case errors.As(err, &e) && errors.Is(err, ErrServer):
		return i18n.T("cause.server", i18n.Args{"Status": strconv.Itoa(e.HTTPStatus)})
	case !errors.Is(err, ErrNetwork):
		return ""
	}
	return networkCause(err)
}

// networkCause tells transport failures apart by their system error, the words a person would
// search for.
func networkCause(err error) string {
	var dns *net.DNSError
	var timeout interface{ Timeout() bool }
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return i18n.T("cause.refused")
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return i18n.T("cause.reset")
	case errors.As(err, &dns):
		return i18n.T("cause.hostNotFound")
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return i18n.T("cause.unreachable")
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &timeout) && timeout.Timeout():
		return i18n.T("cause.noAnswer")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return i18n.T("cause.cutShort")
	}
	return i18n.T("cause.failed")
}
