package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// testKey is the API key of the test sandboxes.
const testKey = "sk-mavi-test-0123456789"

// fakeClock is a manually advanced clock for status transitions.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2025, 8, 12, 10, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newSandbox starts a sandbox behind a real httptest server; the key defaults to testKey.
func newSandbox(tb testing.TB, opts Options) (*Server, *httptest.Server) {
	tb.Helper()
	if opts.APIKey == "" {
		opts.APIKey = testKey
	}
	if opts.Dir == "" {
		opts.Dir = tb.TempDir()
	}
	s, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(s)
	tb.Cleanup(func() {
		ts.Close()
		_ = s.Close()
	})
	return s, ts
}

// send issues a request with the test key.
func send(tb testing.TB, method, url, contentType string, body io.Reader) *http.Response {
	tb.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Authorization", testKey)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return do(tb, req)
}

// do sends req and fails the test on transport errors.
func do(tb testing.TB, req *http.Request) *http.Response {
	tb.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// postJSON posts a JSON body with the test key.
func postJSON(tb testing.TB, url, body string) *http.Response {
	tb.Helper()
	return send(tb, http.MethodPost, url, "application/json", strings.NewReader(body))
}

// result is a decoded envelope plus the HTTP facts around it.
type result struct {
	Code        any             `json:"code"`
	Msg         string          `json:"msg"`
	Data        json.RawMessage `json:"data"`
	Success     bool            `json:"success"`
	Failed      bool            `json:"failed"`
	Status      int             `json:"-"`
	ContentType string          `json:"-"`
}

// readEnvelope decodes and closes a JSON response.
func readEnvelope(tb testing.TB, res *http.Response) result {
	tb.Helper()
	defer res.Body.Close()
	var r result
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		tb.Fatalf("%s: body is not a JSON envelope: %v", res.Request.URL.Path, err)
	}
	r.Status, r.ContentType = res.StatusCode, res.Header.Get("Content-Type")
	return r
}

// fetch sends a request and decodes the envelope.
func fetch(tb testing.TB, method, url, contentType, body string) result {
	tb.Helper()
	return readEnvelope(tb, send(tb, method, url, contentType, strings.NewReader(body)))
}

// fetchJSON posts JSON and decodes the envelope.
func fetchJSON(tb testing.TB, url, body string) result {
	tb.Helper()
	return readEnvelope(tb, postJSON(tb, url, body))
}

// decode unmarshals the envelope data.
func (r result) decode(tb testing.TB, v any) {
	tb.Helper()
	if err := json.Unmarshal(r.Data, v); err != nil {
		tb.Fatalf("data %s: %v", r.Data, err)
	}
}

// ok fails unless the envelope is a v1 success.
func (r result) ok(tb testing.TB) result {
	tb.Helper()
	if r.Code != codeOK || !r.Success || r.Failed || r.Status != http.StatusOK {
		tb.Fatalf("want success, got HTTP %d %v %q (success=%v failed=%v)", r.Status, r.Code, r.Msg, r.Success, r.Failed)
	}
	return r
}

// wantCode fails unless the envelope is a v1 failure with code and a message containing msg.
func (r result) wantCode(tb testing.TB, code, msg string) {
	tb.Helper()
	if r.Code != code || r.Success || !r.Failed || r.Status != http.StatusOK || string(r.Data) != "null" {
		tb.Fatalf("want HTTP 200 code %s, got HTTP %d %v %q data=%s", code, r.Status, r.Code, r.Msg, r.Data)
	}
	if !strings.Contains(r.Msg, msg) {
		tb.Fatalf("message %q does not mention %q", r.Msg, msg)
	}
}

// videoNo returns data.videoNo of a successful upload.
func (r result) videoNo(tb testing.TB) string {
	tb.Helper()
	var up uploadResponse
	r.ok(tb).decode(tb, &up)
	return up.VideoNo
}

// rawPart is one part of a hand-built multipart body.
type rawPart struct {
	name, filename, contentType, body string
}

// rawMultipart builds the exact bytes curl -F and Python requests send: CRLF lines, a
// Content-Disposition per part, Content-Type only on file parts, "--boundary--" at the end.
func rawMultipart(boundary string, parts ...rawPart) string {
	var b strings.Builder
	for _, p := range parts {
		fmt.Fprintf(&b, "--%s\r\nContent-Disposition: form-data; name=%q", boundary, p.name)
		if p.filename != "" {
			fmt.Fprintf(&b, "; filename=%q", p.filename)
		}
		if p.contentType != "" {
			fmt.Fprintf(&b, "\r\nContent-Type: %s", p.contentType)
		}
		fmt.Fprintf(&b, "\r\n\r\n%s\r\n", p.body)
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.String()
}

// postMultipart sends a hand-built multipart body with a Content-Length, as curl and requests do.
func postMultipart(tb testing.TB, url, boundary string, parts ...rawPart) result {
	tb.Helper()
	return fetch(tb, http.MethodPost, url, "multipart/form-data; boundary="+boundary, rawMultipart(boundary, parts...))
}

// videoPart is a small video file part labelled video/mp4.
func videoPart(body string) rawPart {
	return rawPart{name: "file", filename: "video.mp4", contentType: "video/mp4", body: body}
}

// uploadSmall uploads body as video.mp4 with extra fields and returns the video number.
func uploadSmall(tb testing.TB, base, body string, fields ...rawPart) string {
	tb.Helper()
	parts := append([]rawPart{videoPart(body)}, fields...)
	return postMultipart(tb, base+"/serve/api/v1/upload", "b0undary", parts...).videoNo(tb)
}

// field is a plain form field part.
func field(name, value string) rawPart {
	return rawPart{name: name, body: value}
}

// patternBlock is the repeating content of patternReader.
var patternBlock = func() []byte {
	b := make([]byte, 64<<10)
	for i := range b {
		b[i] = byte(i*31 + i>>8)
	}
	return b
}()

// patternReader generates an endless deterministic stream without allocating.
type patternReader struct{ off int64 }

func (r *patternReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], patternBlock[(r.off+int64(n))%int64(len(patternBlock)):])
	}
	r.off += int64(n)
	return n, nil
}

// uploadStream uploads size generated bytes through io.Pipe, the way a streaming client does.
func uploadStream(tb testing.TB, base, name string, size int64) result {
	tb.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(writeStreamBody(mw, name, size))
	}()
	return readEnvelope(tb, send(tb, http.MethodPost, base+"/serve/api/v1/upload", mw.FormDataContentType(), pr))
}

// writeStreamBody writes unique_id, then the file part with an explicit video/mp4 type.
func writeStreamBody(mw *multipart.Writer, name string, size int64) error {
	if err := mw.WriteField("unique_id", "default"); err != nil {
		return err
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, name))
	h.Set("Content-Type", "video/mp4")
	w, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, io.LimitReader(&patternReader{}, size)); err != nil {
		return err
	}
	return mw.Close()
}

// newHTTPServer serves h over loopback TCP and returns its URL.
func newHTTPServer(tb testing.TB, h http.Handler) string {
	tb.Helper()
	ts := httptest.NewServer(h)
	tb.Cleanup(ts.Close)
	return ts.URL
}
