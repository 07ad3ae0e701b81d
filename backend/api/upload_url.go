package api

import (
	"context"
	"net/url"
)

// UploadURL asks the service to fetch a video from a direct, publicly readable http(s) link
// (mp4 or m3u8) at request time. The form is urlencoded, with one "tags" field per tag.
func (c *Client) UploadURL(ctx context.Context, videoURL string, meta UploadMeta) (UploadResult, error) {
	if _, err := parseHTTPURL("url", videoURL, 0); err != nil {
		return UploadResult{}, err
	}
	if err := meta.Validate(); err != nil {
		return UploadResult{}, err
	}
	form := url.Values{"url": {videoURL}}
	for _, f := range meta.fields() {
		form.Add(f.name, f.value)
	}
	req := bodyRequest("upload_url", "/serve/api/v1/upload_url", nil,
		"application/x-www-form-urlencoded", []byte(form.Encode()))
	return c.upload(ctx, req)
}
