package api

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/textproto"
)

// multipartBody is an upload form (docs/API.md §5.3) whose length is known before the first byte is
// sent: the fields and the file part's header are rendered up front (preamble), the file streams
// through untouched, and the closing boundary follows (epilogue). Memory use is independent of file
// size.
type multipartBody struct {
	contentType string
	preamble    []byte
	epilogue    []byte
}

// newMultipartBody renders every part except the file's bytes. The file part gets a video/*
// Content-Type built by hand, because the service rejects the application/octet-stream that
// multipart.Writer.CreateFormFile would use.
func newMultipartBody(fields []formField, filename, fileType string) (*multipartBody, error) {
	var pre bytes.Buffer
	sink := &switchWriter{w: &pre}
	mw := multipart.NewWriter(sink)
	for _, f := range fields {
		if err := mw.WriteField(f.name, f.value); err != nil {
			return nil, err
		}
	}
	header := textproto.MIMEHeader{}
	header.Set("Content-Disposition", multipart.FileContentDisposition("file", filename))
	header.Set("Content-Type", fileType)
	if _, err := mw.CreatePart(header); err != nil {
		return nil, err
	}
	var epi bytes.Buffer
	sink.w = &epi
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return &multipartBody{contentType: mw.FormDataContentType(), preamble: pre.Bytes(), epilogue: epi.Bytes()}, nil
}

// length is the exact size of the form carrying a file of fileSize bytes.
func (b *multipartBody) length(fileSize int64) int64 {
	return int64(len(b.preamble)) + fileSize + int64(len(b.epilogue))
}

// reader streams the whole form around file.
func (b *multipartBody) reader(file io.Reader) io.Reader {
	return io.MultiReader(bytes.NewReader(b.preamble), file, bytes.NewReader(b.epilogue))
}

// switchWriter lets the multipart writer's output be redirected between buffers.
type switchWriter struct{ w io.Writer }

func (s *switchWriter) Write(p []byte) (int, error) { return s.w.Write(p) }
