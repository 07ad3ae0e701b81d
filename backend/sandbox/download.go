package sandbox

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

// msgVideoNotFound is the documented text of a failed v1 download.
const msgVideoNotFound = "video not found"

// downloadRequest is the JSON body of the v1 download.
type downloadRequest struct {
	VideoNo  string  `json:"video_no"`
	UniqueID *string `json:"unique_id"`
}

// content is a stored body: a file on disk, or synthetic bytes derived from a seed.
type content struct {
	path, seed string
	size       int64
}

// videoContent is where a video's bytes come from.
func videoContent(v Video) content {
	return content{path: v.Path, seed: v.seed, size: v.Size}
}

// open returns a seekable reader over the body.
func (ct content) open() (io.ReadSeekCloser, error) {
	if ct.path != "" {
		return os.Open(ct.path)
	}
	return nopSeekCloser{bytes.NewReader(SyntheticMP4(ct.seed))}, nil
}

// nopSeekCloser adds a no-op Close to an in-memory reader.
type nopSeekCloser struct{ io.ReadSeeker }

func (nopSeekCloser) Close() error { return nil }

// handleDownload serves POST /serve/api/v1/download: octet-stream with Content-Length and Range
// support and no Content-Disposition (as documented), or an HTTP 200 JSON envelope on failure.
func (s *Server) handleDownload(w http.ResponseWriter, c *call) {
	if answeredJSONFault(w, c) {
		return
	}
	v, err := s.downloadable(c)
	if err != nil {
		writeFailure(w, c, apiV1, err)
		return
	}
	s.incr(func(st *Stats) { st.Downloads++ })
	s.serveContent(w, c, videoContent(v), "application/octet-stream", "")
}

// answeredJSONFault answers a download with the HTTP 200 JSON "video not found" envelope when the
// JSONOnDownload fault is on, so clients must branch on Content-Type before writing to disk.
func answeredJSONFault(w http.ResponseWriter, c *call) bool {
	if c.faults.JSONOnDownload {
		writeCode(w, codeBadParam, msgVideoNotFound)
	}
	return c.faults.JSONOnDownload
}

// downloadable validates a download request and finds a video whose original is kept.
func (s *Server) downloadable(c *call) (Video, error) {
	var req downloadRequest
	if err := decodeJSON(c.r, &req); err != nil {
		return Video{}, err
	}
	if req.VideoNo == "" {
		return Video{}, badParam("video_no is required")
	}
	ns, err := optionalNamespace(req.UniqueID)
	if err != nil {
		return Video{}, err
	}
	v, ok := s.lookup(ns, req.VideoNo, c.now)
	switch {
	case !ok:
		return Video{}, badParam(msgVideoNotFound)
	case !v.RetainOriginal:
		return Video{}, badParam("original video not retained")
	}
	return v, nil
}

// blobDownload serves GET …/download?bucket=&blob= on the v1 or v2 path (docs/API.md §9.3):
// the original with its MIME type and a Content-Disposition file name.
func (s *Server) blobDownload(kind apiKind) handler {
	return func(w http.ResponseWriter, c *call) {
		if answeredJSONFault(w, c) {
			return
		}
		if c.r.URL.Query().Get("bucket") == keyframeBucket {
			s.serveKeyframe(w, c, kind)
			return
		}
		v, err := s.blobVideo(c)
		if err != nil {
			writeFailure(w, c, kind, err)
			return
		}
		s.incr(func(st *Stats) { st.Downloads++ })
		s.serveContent(w, c, videoContent(v), contentTypeFor(v.FileName), attachment(v.FileName))
	}
}

// blobVideo resolves the bucket/blob query with the documented error messages.
func (s *Server) blobVideo(c *call) (Video, error) {
	q := c.r.URL.Query()
	bucket, blob := q.Get("bucket"), q.Get("blob")
	switch {
	case bucket == "":
		return Video{}, badParam("Bucket cannot be null or empty")
	case blob == "":
		return Video{}, badParam("Blob cannot be null or empty")
	}
	v, ok := s.byBlob(blob, c.now)
	if bucket != sandboxBucket || !ok || !v.RetainOriginal {
		return Video{}, badParam("Resource does not exist")
	}
	return v, nil
}

// byBlob finds a video by its storage object name.
func (s *Server) byBlob(blob string, now time.Time) (Video, bool) {
	defer s.locked(now)()
	v, ok := s.videos[strings.TrimSuffix(blob, path.Ext(blob))]
	if !ok || blobName(*v) != blob {
		return Video{}, false
	}
	return v.snapshot(now), true
}

// serveContent streams ct with Content-Length, honouring a single Range (206) and the truncation
// fault. *os.File bodies reach the socket through sendfile, so 1 GiB costs no user-space copies.
func (s *Server) serveContent(w http.ResponseWriter, c *call, ct content, ctype, disposition string) {
	body, err := ct.open()
	if err != nil {
		writeSpring(w, c.r, http.StatusInternalServerError)
		return
	}
	defer body.Close()
	rng, ok := parseRange(c.r.Header.Get("Range"), ct.size)
	if !ok {
		w.Header().Set("Content-Range", fmt.Sprintf("bytes */%d", ct.size))
		writeSpring(w, c.r, http.StatusRequestedRangeNotSatisfiable)
		return
	}
	if _, err := body.Seek(rng.start, io.SeekStart); err != nil {
		writeSpring(w, c.r, http.StatusInternalServerError)
		return
	}
	setBodyHeaders(w.Header(), rng, ct.size, ctype, disposition)
	if rng.partial {
		s.incr(func(st *Stats) { st.PartialDownloads++ })
	}
	w.WriteHeader(rng.status())
	if c.faults.TruncateDownloads {
		sendHalfAndAbort(w, body, rng.length)
	}
	if c.faults.DownloadRate > 0 {
		sendThrottled(c.r.Context(), w, body, rng.length, c.faults.DownloadRate)
		return
	}
	_, _ = io.CopyN(w, body, rng.length)
}

// sendThrottled sends at most rate bytes per second, in 10 chunks a second (one byte at a time
// below 10 bytes/s, so 1 is a true 1 byte/s trickle), so tests can stop a client in the middle
// of a download or watch it give up on a trickle.
func sendThrottled(ctx context.Context, w http.ResponseWriter, body io.Reader, length, rate int64) {
	chunk := max(rate/10, 1)
	every := time.Duration(chunk) * time.Second / time.Duration(rate)
	for sent := int64(0); sent < length; sent += chunk {
		if _, err := io.CopyN(w, body, min(chunk, length-sent)); err != nil {
			return
		}
		_ = http.NewResponseController(w).Flush()
		if !sleepCtx(ctx, every) {
			return
		}
	}
}

// setBodyHeaders announces the body about to be sent.
func setBodyHeaders(h http.Header, rng byteRange, size int64, ctype, disposition string) {
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.FormatInt(rng.length, 10))
	h.Set("Accept-Ranges", "bytes")
	if disposition != "" {
		h.Set("Content-Disposition", disposition)
	}
	if rng.partial {
		h.Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", rng.start, rng.start+rng.length-1, size))
	}
}

// sendHalfAndAbort sends half of the announced body, flushes it and drops the connection, so the
// client sees an unexpected EOF.
func sendHalfAndAbort(w http.ResponseWriter, body io.Reader, length int64) {
	_, _ = io.CopyN(w, body, length/2)
	_ = http.NewResponseController(w).Flush()
	panic(http.ErrAbortHandler)
}

// attachment builds a Content-Disposition with an ASCII fallback and the RFC 5987 UTF-8 name.
func attachment(name string) string {
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, asciiFallback(name), pctEncode(name))
}

// asciiFallback replaces characters that cannot appear in a quoted ASCII filename.
func asciiFallback(name string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
}

// pctEncode percent-encodes every byte that is not an RFC 5987 attr-char.
func pctEncode(name string) string {
	const attrChars = "!#$&+-.^_`|~"
	var b strings.Builder
	for _, c := range []byte(name) {
		if isAlnum(c) || strings.IndexByte(attrChars, c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
