package sandbox

import (
	"bufio"
	"errors"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"memories-desktop/backend/media"
)

// Buffer sizes of the streaming paths: large buffers keep 1 GiB transfers near disk speed.
const (
	copyBufSize  = 1 << 20
	maxFieldSize = 64 << 10
)

// videoExts are the file extensions the v1 upload accepts (case-insensitive).
var videoExts = map[string]bool{".mp4": true, ".avi": true, ".mkv": true, ".mov": true}

// received is a file part that has been streamed to disk.
type received struct {
	path string
	name string
	size int64
}

// remove deletes the stored bytes of a rejected upload; nil-safe.
func (f *received) remove() {
	if f != nil {
		_ = os.Remove(f.path)
	}
}

// uploadResponse is the data of a successful upload or upload_url; uploadTime is epoch ms as a string.
type uploadResponse struct {
	VideoNo     string `json:"videoNo"`
	VideoName   string `json:"videoName"`
	VideoStatus string `json:"videoStatus"`
	UploadTime  string `json:"uploadTime"`
}

// newUploadResponse describes a freshly stored video: processing has not started, so the status is
// always UNPARSE, even with a zero ParseDelay (which only affects the next read).
func newUploadResponse(v Video) uploadResponse {
	return uploadResponse{VideoNo: v.VideoNo, VideoName: v.VideoName, VideoStatus: StatusUnparse,
		UploadTime: strconv.FormatInt(v.CreateTime.UnixMilli(), 10)}
}

// handleUpload serves POST /serve/api/v1/upload: multipart, file part streamed to disk.
func (s *Server) handleUpload(c *call) (any, error) {
	form, file, err := s.readMultipart(c.r, checkVideoPart)
	if err != nil {
		return nil, err
	}
	v, err := parseMeta(form)
	if err != nil {
		file.remove()
		return nil, err
	}
	v.FileName, v.Path, v.Size = file.name, file.path, file.size
	v.CreateTime = c.now
	v.Duration, v.Width, v.Height = readMedia(file.path, file.size)
	stored := s.addVideo(v, c.faults.FailParse)
	s.incr(func(st *Stats) { st.Uploads++ })
	sleepUnless(c.r.Context(), c.faults.ReplyDelay, c.replaced)
	return newUploadResponse(stored), nil
}

// checkVideoPart enforces the v1 rules on the file part before any byte is read.
func checkVideoPart(p *multipart.Part) error {
	name := p.FileName()
	if !videoExts[strings.ToLower(filepath.Ext(name))] {
		return badParam("file %q has an unsupported extension: use .mp4, .avi, .mkv or .mov", name)
	}
	if ct := p.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(ct), "video/") {
		return badParam("file part Content-Type must be video/* (got %q)", ct)
	}
	return nil
}

// readMultipart streams a multipart body: value fields into a form, the "file" part to disk after
// check accepts its headers. Fields may come before or after the file part. The file is required.
func (s *Server) readMultipart(r *http.Request, check func(*multipart.Part) error) (url.Values, *received, error) {
	mr, err := multipartReader(r)
	if err != nil {
		return nil, nil, err
	}
	form := url.Values{}
	file, err := s.readParts(mr, form, check)
	if err == nil && file == nil {
		err = badParam("file is required")
	}
	if err != nil {
		file.remove()
		return nil, nil, err
	}
	return form, file, nil
}

// readParts consumes every part and returns the stored file part, if any.
func (s *Server) readParts(mr *multipart.Reader, form url.Values, check func(*multipart.Part) error) (*received, error) {
	var file *received
	for {
		part, err := mr.NextPart()
		switch {
		case errors.Is(err, io.EOF):
			return file, nil
		case err != nil:
			return file, badParam("malformed multipart body")
		}
		if file, err = s.readPart(part, form, file, check); err != nil {
			return file, err
		}
	}
}

// multipartReader checks the Content-Type and reads the body through a large buffer, so the
// socket is read in big chunks instead of the multipart package's 4 KiB ones.
func multipartReader(r *http.Request) (*multipart.Reader, error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return nil, badParam("Content-Type must be multipart/form-data with a boundary")
	}
	return multipart.NewReader(bufio.NewReaderSize(r.Body, copyBufSize), params["boundary"]), nil
}

// readPart consumes one part: the file part goes to disk, any other part is a value field.
func (s *Server) readPart(p *multipart.Part, form url.Values, file *received, check func(*multipart.Part) error) (*received, error) {
	defer p.Close()
	if p.FormName() != "file" {
		return file, readField(p, form)
	}
	if file != nil {
		return file, badParam("only one file part is allowed")
	}
	if err := check(p); err != nil {
		return nil, err
	}
	return s.receive(p)
}

// readField stores a small value part in form.
func readField(p *multipart.Part, form url.Values) error {
	b, err := io.ReadAll(io.LimitReader(p, maxFieldSize+1))
	if err != nil {
		return badParam("field %q is malformed", p.FormName())
	}
	if len(b) > maxFieldSize {
		return badParam("field %q is too large", p.FormName())
	}
	form.Add(p.FormName(), string(b))
	return nil
}

// receive streams the file part to the upload folder.
func (s *Server) receive(p *multipart.Part) (*received, error) {
	return s.storeFile(p.FileName(), p)
}

// storeFile streams r to a new file in the upload folder, never holding it in memory, and
// enforces the non-empty and size rules.
func (s *Server) storeFile(name string, r io.Reader) (*received, error) {
	f, err := os.CreateTemp(s.dir, "upload-*"+strings.ToLower(filepath.Ext(name)))
	if err != nil {
		return nil, err
	}
	file := &received{path: f.Name(), name: name}
	file.size, err = copyToFile(f, r, s.maxUpload)
	if err == nil {
		err = checkSize(file.size, s.maxUpload)
	}
	if err != nil {
		file.remove()
		return nil, err
	}
	return file, nil
}

// checkSize enforces the non-empty and maximum-size rules.
func checkSize(n, limit int64) error {
	switch {
	case n == 0:
		return badParam("file is empty")
	case n > limit:
		return badParam("file is larger than the 3 GB limit")
	}
	return nil
}

// copyToFile copies at most limit+1 bytes into f through a diskWriter and closes f. A broken
// source is a "0001" (truncated or malformed body); a disk failure is returned as is.
func copyToFile(f *os.File, r io.Reader, limit int64) (int64, error) {
	src := &readTracker{r: io.LimitReader(r, limit+1)}
	d := newDiskWriter(f)
	n, err := d.ReadFrom(src)
	err = errors.Join(err, d.Close(), f.Close())
	if src.err != nil {
		return n, badParam("the file part is truncated or malformed")
	}
	return n, err
}

// readTracker remembers a read failure so it can be told apart from a disk failure.
type readTracker struct {
	r   io.Reader
	err error
}

func (t *readTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}

// readMedia reads the uploaded file's duration (whole seconds, rounded as the app shows them)
// and frame size with the same parser the app uses (backend/media), so the library reports what
// the app itself read from the file. What the container does not say is guessed: the duration
// from the size (5 Mbit/s), the frame as 1280×720.
func readMedia(path string, size int64) (duration, width, height int) {
	duration, width, height = int(max(1, size/625_000)), 1280, 720
	info, err := media.InspectFile(path)
	if err != nil {
		return duration, width, height
	}
	if info.DurationSec > 0 {
		duration = max(1, int(math.Round(info.DurationSec)))
	}
	if info.Width > 0 && info.Height > 0 {
		width, height = info.Width, info.Height
	}
	return duration, width, height
}
