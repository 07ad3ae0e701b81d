package api

import (
	"context"
	"errors"
	"io"
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
		return "rate-limited"
	case errors.As(err, &e) && errors.Is(err, ErrServer):
		return "server error " + strconv.Itoa(e.HTTPStatus)
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
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return "connection reset"
	case errors.As(err, &dns):
		return "host not found"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "network unreachable"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &timeout) && timeout.Timeout():
		return "no answer in time"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "connection cut short"
	}
	return "connection failed"
}
