package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"memories-desktop/backend/i18n"
)

// request describes one call; newRequest is the only place that turns it into HTTP.
type request struct {
	op          string // names the call in errors, e.g. "upload"
	method      string
	asset       bool   // true: AssetBaseURL, else BaseURL
	path        string // already escaped, starting with "/"
	query       url.Values
	rawQuery    string // used instead of query when set (a blob's slashes stay unescaped)
	body        io.Reader
	length      int64 // exact body length; ignored without a body
	contentType string
	header      http.Header // extra headers, e.g. Range
}

// jsonRequest prepares a POST with v encoded as the JSON body.
func jsonRequest(op, path string, query url.Values, v any) (request, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return request{}, invalid("request", "api.encode", i18n.Args{"Error": err.Error()})
	}
	return bodyRequest(op, path, query, "application/json", b), nil
}

// bodyRequest prepares a POST of an in-memory body.
func bodyRequest(op, path string, query url.Values, contentType string, b []byte) request {
	return request{op: op, method: http.MethodPost, path: path, query: query,
		body: bytes.NewReader(b), length: int64(len(b)), contentType: contentType}
}

// getRequest prepares a GET with a query string.
func getRequest(op, path string, query url.Values) request {
	return request{op: op, method: http.MethodGet, path: path, query: query}
}

// newRequest builds the HTTP request for r: URL joined under the configured base (keeping its
// path prefix), authentication, User-Agent and an exact Content-Length.
func (c *Client) newRequest(ctx context.Context, r request) (*http.Request, error) {
	if c.key == "" {
		return nil, invalid("APIKey", "api.noKey")
	}
	base := c.base
	if r.asset {
		base = c.assetBase
	}
	u := *base
	u.Path, u.RawPath = base.Path+unescapePath(r.path), base.EscapedPath()+r.path
	u.RawQuery = r.query.Encode()
	if r.rawQuery != "" {
		u.RawQuery = r.rawQuery
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), r.body)
	if err != nil {
		return nil, invalid("request", "api.build", i18n.Args{"Error": err.Error()})
	}
	c.setHeaders(req, r)
	return req, nil
}

func (c *Client) setHeaders(req *http.Request, r request) {
	for k, vs := range r.header {
		req.Header[k] = vs
	}
	req.Header.Set("Authorization", c.key)
	req.Header.Set("User-Agent", c.userAgent)
	if r.body != nil {
		req.ContentLength = r.length
		req.Header.Set("Content-Type", r.contentType)
	}
}

func unescapePath(p string) string {
	s, err := url.PathUnescape(p)
	if err != nil {
		return p
	}
	return s
}

// send waits for the gate's slot, then performs r and returns the raw response; transport
// failures come back as network (or context) errors. The caller owns the response body and
// settles the outcome once it has classified the answer.
func (c *Client) send(ctx context.Context, r request) (*http.Response, error) {
	req, err := c.newRequest(ctx, r)
	if err != nil {
		return nil, err
	}
	if err := c.wait(ctx, r.op); err != nil {
		return nil, err
	}
	started := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		err = c.transportError(ctx, r.op, err)
		slog.Warn("request failed", "op", r.op, "method", r.method, "path", r.path, "error", err)
		c.settle(ctx, r.op, err)
		return nil, err
	}
	slog.Info("request", "op", r.op, "method", r.method, "path", r.path, "status", resp.StatusCode,
		"took", time.Since(started).Round(time.Millisecond))
	return resp, nil
}

// callOnce performs r once and decodes the envelope's data into out.
func (c *Client) callOnce(ctx context.Context, r request, out any) error {
	data, status, err := c.exchange(ctx, r)
	if err != nil || out == nil || len(data) == 0 {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return c.newError(r.op, status, "", "malformed data: "+err.Error(), ErrUnexpected)
	}
	return nil
}

// exchange sends r and classifies the JSON answer, settling the outcome.
func (c *Client) exchange(ctx context.Context, r request) (json.RawMessage, int, error) {
	resp, err := c.send(ctx, r)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	data, err := c.answer(ctx, r.op, resp)
	c.settle(ctx, r.op, err)
	return data, resp.StatusCode, err
}

// answer reads and classifies a JSON answer.
func (c *Client) answer(ctx context.Context, op string, resp *http.Response) (json.RawMessage, error) {
	body, err := c.readBody(ctx, op, resp, bodyLimit(resp.StatusCode))
	if err != nil {
		return nil, err
	}
	if len(body) > maxJSONBody {
		return nil, c.newError(op, resp.StatusCode, "", "the answer is larger than 32 MiB", ErrUnexpected)
	}
	return c.classify(op, resp, body)
}

// Body size limits: error answers are small, success answers (a page of 200 videos) are bigger,
// but nothing the client decodes in memory may grow without bound.
const (
	maxErrorBody = 64 << 10
	maxJSONBody  = 32 << 20
)

// bodyLimit picks the read limit for a JSON answer with this status.
func bodyLimit(status int) int64 {
	if isSuccessStatus(status) {
		return maxJSONBody
	}
	return maxErrorBody
}

// readBody reads at most limit+1 bytes of an answer, so callers can tell a body that exceeds the
// limit (and a cut-off error page still classifies by its status). A body that breaks off is a
// network error.
func (c *Client) readBody(ctx context.Context, op string, resp *http.Response, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, c.transportError(ctx, op, err)
	}
	return body, nil
}

func isSuccessStatus(code int) bool { return code >= 200 && code < 300 }

func isJSONContentType(ct string) bool {
	ct = strings.ToLower(ct)
	return strings.HasPrefix(ct, "application/json") || strings.Contains(ct, "+json")
}
