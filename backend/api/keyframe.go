package api

import (
	"bufio"
	"context"
	"net/http"
	"net/url"
	"strings"
	"unicode"
)

// blobDownloadPath is where the bucket/blob download is served. The pages name the v1 path on
// the API host, the v2 path, and the v2 path on the asset host (docs/API.md §13.1); the v1 path on the API
// host keeps the key on the host every other search call uses. Change it here if that is wrong.
const blobDownloadPath = "/serve/api/v1/download"

// maxBlobLength bounds a blob name from an answer; real ones are a uuid and a file name.
const maxBlobLength = 1024

// checkBlob refuses a storage location that is empty, too long or holds control characters.
func checkBlob(bucket, blob string) error {
	if strings.TrimSpace(bucket) == "" || strings.ContainsFunc(bucket, isUnsafeHeaderRune) || strings.Contains(bucket, "/") {
		return invalid("bucket", "api.bucket")
	}
	if strings.TrimSpace(blob) == "" || len(blob) > maxBlobLength || strings.ContainsFunc(blob, unicode.IsControl) {
		return invalid("blob", "api.blob")
	}
	return nil
}

// blobQuery encodes bucket and blob, leaving the slashes of blob unescaped as documented (docs/API.md §12.6).
func blobQuery(bucket, blob string) string {
	return "bucket=" + url.QueryEscape(bucket) + "&blob=" + strings.ReplaceAll(url.QueryEscape(blob), "%2F", "/")
}

// Keyframe streams a keyframe image by its storage location (docs/API.md §12.6). The body is checked to be
// a picture (by its first bytes, whatever the Content-Type says): anything else is
// ErrUnexpected and nothing is handed back to write.
func (c *Client) Keyframe(ctx context.Context, bucket, blob string) (*Download, error) {
	if err := checkBlob(bucket, blob); err != nil {
		return nil, err
	}
	req := request{op: "keyframe", method: http.MethodGet, path: blobDownloadPath, rawQuery: blobQuery(bucket, blob)}
	var d *Download
	err := c.retrying(ctx, req.op, func() (err error) {
		d, err = c.stream(ctx, req, DownloadOptions{})
		return err
	})
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(d.Body, 512)
	head, _ := br.Peek(512)
	if ct := http.DetectContentType(head); !strings.HasPrefix(ct, "image/") {
		d.Body.Close()
		return nil, c.newError("keyframe", http.StatusOK, "", "the answer is not a picture ("+ct+")", ErrUnexpected)
	}
	d.Body = readCloser{br, d.Body}
	return d, nil
}

type readCloser struct {
	*bufio.Reader
	c interface{ Close() error }
}

func (r readCloser) Close() error { return r.c.Close() }

// CheckBlob applies the rules Keyframe checks before sending.
func CheckBlob(bucket, blob string) error { return checkBlob(bucket, blob) }
