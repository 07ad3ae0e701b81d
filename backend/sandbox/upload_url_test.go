package sandbox

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// TestUploadURLPythonExample posts the form body that requests.post(url, data={…}) produces.
func TestUploadURLPythonExample(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	link := "https://cdn.example.com/media/clip.mp4?sig=abc"
	form := url.Values{"url": {link}, "unique_id": {"default"}, "tags": {"a", "b"},
		"callback": {"https://example.com/cb"}, "retain_original_video": {"true"}}
	var up uploadResponse
	fetch(t, http.MethodPost, ts.URL+"/serve/api/v1/upload_url", "application/x-www-form-urlencoded",
		form.Encode()).ok(t).decode(t, &up)
	if !videoNoRE.MatchString(up.VideoNo) || up.VideoStatus != StatusUnparse {
		t.Fatalf("response %+v", up)
	}
	v := s.Videos("default")[0]
	if v.SourceURL != link || v.FileName != "clip.mp4" || !slices.Equal(v.Tags, []string{"a", "b", "api"}) {
		t.Errorf("stored %+v", v)
	}
	if s.Stats().URLUploads != 1 {
		t.Errorf("stats %+v", s.Stats())
	}
	res := postJSON(t, ts.URL+"/serve/api/v1/download", `{"video_no":"`+up.VideoNo+`","unique_id":"default"}`)
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !bytes.Equal(got, SyntheticMP4(link)) {
		t.Errorf("download of a URL upload is not the synthetic MP4 for its link")
	}
}

// TestUploadURLIndexedTags accepts the generated curl's tags[0]=… form.
func TestUploadURLIndexedTags(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	body := "url=https%3A%2F%2Fexample.com%2Fv.mp4&tags%5B0%5D=x&tags%5B1%5D=y"
	fetch(t, http.MethodPost, ts.URL+"/serve/api/v1/upload_url", "application/x-www-form-urlencoded", body).ok(t)
	if tags := s.Videos("default")[0].Tags; !slices.Equal(tags, []string{"x", "y", "api"}) {
		t.Errorf("tags %v", tags)
	}
}

// TestUploadURLRejections covers the content type and the url field.
func TestUploadURLRejections(t *testing.T) {
	const form = "application/x-www-form-urlencoded"
	tests := []struct {
		name, contentType, body, msg string
	}{
		{"json body", "application/json", `{"url":"https://example.com/v.mp4"}`, "use form fields, not JSON"},
		{"no content type", "", "url=https://example.com/v.mp4", "x-www-form-urlencoded"},
		{"missing url", form, "unique_id=default", "url is required"},
		{"ftp url", form, "url=ftp%3A%2F%2Fexample.com%2Fv.mp4", "http(s) link"},
		{"no host", form, "url=https%3A%2F%2F%2Fv.mp4", "http(s) link"},
		{"bad metadata", form, "url=https%3A%2F%2Fe.com%2Fv.mp4&latitude=200", "latitude"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ts := newSandbox(t, Options{})
			fetch(t, http.MethodPost, ts.URL+"/serve/api/v1/upload_url", tt.contentType, tt.body).wantCode(t, codeBadParam, tt.msg)
			if len(s.Videos("")) != 0 {
				t.Error("rejected URL upload was stored")
			}
		})
	}
}
