package api

import (
	"cmp"
	"encoding/json"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// classify is the single place that decides what an answer means (docs/API.md §4.3). It returns the
// envelope's data on success and an *Error otherwise; bodies that are not JSON never reach a
// decoder panic, they become ErrServer (5xx) or ErrUnexpected with the HTTP status.
func (c *Client) classify(op string, resp *http.Response, body []byte) (json.RawMessage, error) {
	env, ok := decodeEnvelope(body)
	if !ok {
		ct := cmp.Or(resp.Header.Get("Content-Type"), "no content type")
		err := c.newError(op, resp.StatusCode, "", "non-JSON answer ("+ct+")", kindForStatus(resp.StatusCode, false))
		return nil, withRetryAfter(err, resp.Header, time.Now())
	}
	if isSuccessStatus(resp.StatusCode) && env.succeeded() {
		return env.Data, nil
	}
	kind := kindForEnvelope(resp.StatusCode, env)
	err := c.newError(op, resp.StatusCode, env.Code.text, env.message(), kind)
	return nil, withRetryAfter(err, resp.Header, time.Now())
}

// newError builds an *Error with a redacted, then cleaned and truncated message (in that order,
// so truncation can never leave part of the key behind).
func (c *Client) newError(op string, status int, code, msg string, kind error) *Error {
	return &Error{Op: op, HTTPStatus: status, Code: code, Message: cleanMessage(c.redact(msg)), kind: kind}
}

// v1 envelope codes and the sentinel each one means.
var codeKinds = map[string]error{
	"0001": ErrBadRequest,
	"0003": ErrBadRequest,
	"0401": ErrUnauthorized,
	"0402": ErrNoCredits,
	"0403": ErrForbidden,
	"0409": ErrConflict,
	"0429": ErrRateLimited,
	"9009": ErrPermission,
}

// kindForEnvelope maps a failed envelope to a sentinel: the code first (string v1 codes, integer
// v2 codes that mirror HTTP), then the HTTP status. Two messages refine a bad request: "… not
// found" / "does not exist" (v1 reports a missing video as 0001, v2 a missing asset as 400) and
// "Request has exceeded the limit." (v2 reports rate limiting as 400).
func kindForEnvelope(status int, env envelope) error {
	kind := codeKinds[env.Code.text]
	if n, ok := env.Code.number(); ok && kind == nil {
		kind = kindForStatus(n, true)
	}
	if kind == nil || kind == ErrUnexpected {
		kind = kindForStatus(status, true)
	}
	if kind == ErrBadRequest || kind == ErrNotFound || kind == ErrUnexpected {
		kind = refineByMessage(kind, env.message())
	}
	return kind
}

func refineByMessage(kind error, msg string) error {
	m := strings.ToLower(msg)
	switch {
	case strings.Contains(m, "exceeded the limit"):
		return ErrRateLimited
	case strings.Contains(m, "not found") || strings.Contains(m, "does not exist"):
		return ErrNotFound
	}
	return kind
}

// kindForStatus maps an HTTP status (or a v2 integer code). Without a JSON body only server
// failures and rate limiting are trusted: a 404 HTML page means a wrong base URL, not a missing
// video.
func kindForStatus(status int, isJSON bool) error {
	switch {
	case status >= 500:
		return ErrServer
	case status == http.StatusTooManyRequests:
		return ErrRateLimited
	}
	if kind, ok := statusKinds[status]; ok && isJSON {
		return kind
	}
	return ErrUnexpected
}

var statusKinds = map[int]error{
	http.StatusBadRequest:      ErrBadRequest,
	http.StatusUnauthorized:    ErrUnauthorized,
	http.StatusPaymentRequired: ErrNoCredits,
	http.StatusForbidden:       ErrForbidden,
	http.StatusNotFound:        ErrNotFound,
	http.StatusConflict:        ErrConflict,
}

// maxMessage bounds server text kept in errors so a hostile answer cannot flood logs or the UI.
const maxMessage = 300

// cleanMessage keeps server text printable, valid UTF-8 and short.
func cleanMessage(s string) string {
	s = strings.ToValidUTF8(s, "?")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if len(s) <= maxMessage {
		return s
	}
	return truncateUTF8(s, maxMessage-3) + "..."
}

// truncateUTF8 cuts s to at most n bytes without splitting a character.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
