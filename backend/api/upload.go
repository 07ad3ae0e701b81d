package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"memories-desktop/backend/formats"
	"memories-desktop/backend/i18n"
)

// UploadFileRequest is one local video to upload. Body must yield exactly Size bytes.
type UploadFileRequest struct {
	Name     string    // original file name; its extension selects the video type
	Size     int64     // bytes Body will yield; must be positive
	Body     io.Reader // streamed, never buffered
	Meta     UploadMeta
	Progress func(sent int64) // optional; called from the sending goroutine with file bytes sent
}

// UploadResult is the service's receipt for an upload. Indexing continues asynchronously: poll
// Metadata with VideoNo until IsTerminalStatus(Status).
type UploadResult struct {
	VideoNo    string `json:"videoNo"`
	VideoName  string `json:"videoName"` // the service's internal stored name, not the original
	Status     string `json:"status"`
	UploadTime int64  `json:"uploadTime"` // unix ms
}

const uploadPath = "/serve/api/v1/upload"

// UploadFile streams one video to the library as multipart/form-data with an exact
// Content-Length, so memory use does not grow with the file. The body is read at most once:
// a failed upload must be retried with a fresh reader.
func (c *Client) UploadFile(ctx context.Context, r UploadFileRequest) (UploadResult, error) {
	form, err := r.form()
	if err != nil {
		return UploadResult{}, err
	}
	file := &exactReader{r: r.Body, size: r.Size, progress: r.Progress}
	req := request{op: "upload", method: http.MethodPost, path: uploadPath,
		body: form.reader(file), length: form.length(r.Size), contentType: form.contentType}
	res, err := c.upload(ctx, req)
	if ferr := file.failure(); ferr != nil { // the local file failed; retrying would not help
		return UploadResult{}, fmt.Errorf("memories: upload: reading %s: %w", uploadFilename(r.Name), ferr)
	}
	return res, err
}

// form validates the request and renders everything but the file bytes.
func (r UploadFileRequest) form() (*multipartBody, error) {
	fileType, ok := formats.ContentType(baseName(r.Name))
	if !ok {
		return nil, invalid("file", "api.onlyFormats", i18n.Args{"Formats": formats.List("and")})
	}
	if r.Size <= 0 || r.Body == nil {
		return nil, invalid("file", "api.fileEmpty")
	}
	if err := r.Meta.Validate(); err != nil {
		return nil, err
	}
	return newMultipartBody(r.Meta.fields(), uploadFilename(r.Name), fileType)
}

// uploadFilename keeps the original name (its last element) but never a control character,
// which could break the part header.
func uploadFilename(name string) string {
	return strings.Map(replaceControl, baseName(name))
}

// UploadPath uploads the video file at path; see UploadFile.
func (c *Client) UploadPath(ctx context.Context, path string, meta UploadMeta, progress func(sent int64)) (UploadResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return UploadResult{}, invalid("file", "api.fileOpen", i18n.Args{"Error": err.Error()})
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return UploadResult{}, invalid("file", "api.fileRead", i18n.Args{"Error": err.Error()})
	}
	if !info.Mode().IsRegular() {
		return UploadResult{}, invalid("file", "api.notRegular")
	}
	return c.UploadFile(ctx, UploadFileRequest{Name: info.Name(), Size: info.Size(), Body: f, Meta: meta, Progress: progress})
}

// uploadWire is the upload receipt as sent (docs/API.md §5.5) (camelCase here, uploadTime as a
// string).
type uploadWire struct {
	VideoNo     flexString `json:"videoNo"`
	VideoName   flexString `json:"videoName"`
	VideoStatus flexString `json:"videoStatus"`
	UploadTime  flexInt    `json:"uploadTime"`
}

// upload performs either upload call and decodes the receipt shared by both.
func (c *Client) upload(ctx context.Context, req request) (UploadResult, error) {
	var w uploadWire
	if err := c.call(ctx, req, &w); err != nil {
		return UploadResult{}, err
	}
	if w.VideoNo == "" {
		return UploadResult{}, c.newError(req.op, http.StatusOK, "0000", "the answer carries no videoNo", ErrUnexpected)
	}
	return UploadResult{VideoNo: string(w.VideoNo), VideoName: string(w.VideoName),
		Status: NormalizeStatus(string(w.VideoStatus)), UploadTime: int64(w.UploadTime)}, nil
}
