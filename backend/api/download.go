package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// DownloadOptions tune a download.
type DownloadOptions struct {
	Offset int64 // resume from this byte; 0 downloads everything
	// IfRange is the validator (an ETag or a Last-Modified date) of the file the bytes before
	// Offset came from: a service that honours it sends the whole file (200) when it changed.
	IfRange string
}

// Download is an open file stream. The caller must close Body. Reads from Body fail with an
// error matching ErrNetwork (and wrapping the cause, e.g. io.ErrUnexpectedEOF) when the
// connection breaks.
type Download struct {
	Body        io.ReadCloser
	Size        int64  // bytes Body will yield (Content-Length), -1 when unknown
	Filename    string // sanitised name from Content-Disposition; "" when the service sent none
	ContentType string
	Encoding    string // Content-Encoding, "" when none (asked for: identity)
	// Offset is where Body starts in the file: the requested offset when the service honoured
	// the range (206 with a matching Content-Range), 0 when it sent the whole file (200) — the
	// caller must then truncate what it has and start over.
	Offset int64
	// Total is the full length of the file (Content-Range's total on a 206, Content-Length on a
	// 200), -1 when unknown. ETag and LastModified are its validators, "" when the service sent none.
	Total        int64
	ETag         string
	LastModified string
}

// Download streams the original of a library video (docs/API.md §9.1). The service answers errors
// with JSON even under HTTP 200; those are decoded into an *Error and nothing is returned to write.
// Range requests are undocumented, so check Download.Offset.
func (c *Client) Download(ctx context.Context, videoNo, scope string, opts DownloadOptions) (*Download, error) {
	if err := checkRequired("videoNo", videoNo); err != nil {
		return nil, err
	}
	body := map[string]string{"video_no": videoNo, "unique_id": ScopeOr(scope)}
	req, err := jsonRequest("download", "/serve/api/v1/download", nil, body)
	if err != nil {
		return nil, err
	}
	return c.stream(ctx, req, opts)
}

// DownloadAsset streams a v2 asset (an "re_…" id) from the asset host. The file name comes from
// Content-Disposition when the service sends one, else "<assetID>.mp4".
func (c *Client) DownloadAsset(ctx context.Context, assetID string, opts DownloadOptions) (*Download, error) {
	if assetID == "" || assetID == "." || assetID == ".." || strings.ContainsAny(assetID, `/\`) {
		return nil, invalid("assetId", "api.assetID")
	}
	req := request{op: "download_asset", method: http.MethodGet, asset: true,
		path: "/serve/api/v2/" + url.PathEscape(assetID) + "/download"}
	d, err := c.stream(ctx, req, opts)
	if err == nil && d.Filename == "" {
		d.Filename = SanitizeFilename(assetID+".mp4", "asset.mp4")
	}
	return d, err
}

// stream performs a download request and hands back the body only when it is the file.
func (c *Client) stream(ctx context.Context, r request, opts DownloadOptions) (*Download, error) {
	if opts.Offset < 0 {
		return nil, invalid("offset", "api.notNegative")
	}
	r.header = downloadHeader(opts)
	resp, err := c.send(ctx, r)
	if err != nil {
		return nil, err
	}
	offset, err := c.checkStream(ctx, r.op, resp, opts.Offset)
	if err != nil {
		resp.Body.Close()
		return nil, err
	}
	c.settle(ctx, r.op, nil)
	return newDownload(ctx, c, r.op, resp, offset), nil
}

func newDownload(ctx context.Context, c *Client, op string, resp *http.Response, offset int64) *Download {
	d := &Download{Body: &streamBody{ctx: ctx, op: op, c: c, rc: resp.Body}, Size: resp.ContentLength,
		Filename:    FilenameFromContentDisposition(resp.Header.Get("Content-Disposition")),
		ContentType: resp.Header.Get("Content-Type"), Encoding: resp.Header.Get("Content-Encoding"), Offset: offset, Total: resp.ContentLength,
		ETag: cleanMessage(resp.Header.Get("ETag")), LastModified: cleanMessage(resp.Header.Get("Last-Modified"))}
	if offset > 0 {
		d.Total = contentRangeTotal(resp.Header.Get("Content-Range"))
	}
	return d
}

// downloadHeader (docs/API.md §9.2) asks for the identity encoding (so byte counts match the file)
// and, when resuming, for the rest of the file.
func downloadHeader(opts DownloadOptions) http.Header {
	h := http.Header{"Accept-Encoding": {"identity"}}
	if opts.Offset > 0 {
		h.Set("Range", "bytes="+strconv.FormatInt(opts.Offset, 10)+"-")
	}
	if opts.Offset > 0 && opts.IfRange != "" && !strings.ContainsFunc(opts.IfRange, isUnsafeHeaderRune) {
		h.Set("If-Range", opts.IfRange)
	}
	return h
}

// checkStream accepts 200 and a 206 that starts at the requested offset, as long as the body is
// not JSON; it returns the offset the body starts at. Anything else is read (size-limited) and
// classified into an error.
func (c *Client) checkStream(ctx context.Context, op string, resp *http.Response, offset int64) (int64, error) {
	if resp.StatusCode == http.StatusRequestedRangeNotSatisfiable && offset > 0 {
		return 0, &RangeError{Offset: offset, Size: contentRangeTotal(resp.Header.Get("Content-Range"))}
	}
	ok := resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusPartialContent
	if !ok || isJSONContentType(resp.Header.Get("Content-Type")) {
		return 0, c.streamError(ctx, op, resp)
	}
	if resp.StatusCode == http.StatusOK {
		return 0, nil
	}
	if start, ok := contentRangeStart(resp.Header.Get("Content-Range")); !ok || start != offset || offset == 0 {
		return 0, c.newError(op, resp.StatusCode, "", "the partial answer does not start at the requested offset", ErrUnexpected)
	}
	return offset, nil
}

// streamError classifies an answer that is not the file. A JSON envelope that claims success
// still carries no file, so it is an unexpected answer.
func (c *Client) streamError(ctx context.Context, op string, resp *http.Response) error {
	body, err := c.readBody(ctx, op, resp, maxErrorBody)
	if err != nil {
		return err
	}
	_, err = c.classify(op, resp, body)
	c.settle(ctx, op, err)
	if err != nil {
		return err
	}
	return c.newError(op, resp.StatusCode, "", "a JSON answer instead of the file", ErrUnexpected)
}

// contentRangeStart parses the first byte of "bytes <start>-<end>/<total>".
func contentRangeStart(h string) (int64, bool) {
	spec, ok := strings.CutPrefix(strings.TrimSpace(h), "bytes ")
	startText, _, found := strings.Cut(spec, "-")
	if !ok || !found {
		return 0, false
	}
	start, err := strconv.ParseInt(strings.TrimSpace(startText), 10, 64)
	return start, err == nil && start >= 0
}

// contentRangeTotal parses the full length of "bytes <start>-<end>/<total>" or "bytes */<total>",
// -1 when it is missing or "*".
func contentRangeTotal(h string) int64 {
	_, totalText, ok := strings.Cut(h, "/")
	total, err := strconv.ParseInt(strings.TrimSpace(totalText), 10, 64)
	if !ok || err != nil || total < 0 {
		return -1
	}
	return total
}

// RangeError is a 416 answer to a resumed download: the service has no bytes at or after Offset.
// Size is the file's full length when the service said it (Content-Range "bytes */N"), else -1.
// The caller decides from what it already has, so a complete file is not asked for forever.
type RangeError struct{ Offset, Size int64 }

func (e *RangeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("memories: download: the service has nothing after byte %d", e.Offset)
	}
	return fmt.Sprintf("memories: download: the service has nothing after byte %d of a %d-byte file", e.Offset, e.Size)
}

// streamBody reports broken downloads the same way as failed requests: the context's error when
// the caller cancelled, else a network error that keeps the cause (io.ErrUnexpectedEOF…).
type streamBody struct {
	ctx context.Context
	op  string
	c   *Client
	rc  io.ReadCloser
}

func (s *streamBody) Read(p []byte) (int, error) {
	n, err := s.rc.Read(p)
	if err != nil && err != io.EOF {
		err = s.c.transportError(s.ctx, s.op, err)
	}
	return n, err
}

func (s *streamBody) Close() error { return s.rc.Close() }
