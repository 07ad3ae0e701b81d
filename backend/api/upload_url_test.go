package api

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

func TestUploadURLSendsForm(t *testing.T) {
	var form url.Values
	var contentType string
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodPost, "/serve/api/v1/upload_url")
		contentType = r.Header.Get("Content-Type")
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		form = r.PostForm
		okJSON(map[string]any{"videoNo": "VI2", "videoName": "abc", "videoStatus": "unparse", "uploadTime": 1744905509814})(w, r)
	})
	res, err := f.client.UploadURL(context.Background(), "https://cdn.example.com/v.mp4?sig=a&b=c",
		UploadMeta{Tags: []string{"x", "y"}, Camera: "GoPro"})
	if err != nil {
		t.Fatal(err)
	}
	if res != (UploadResult{VideoNo: "VI2", VideoName: "abc", Status: "UNPARSE", UploadTime: 1744905509814}) {
		t.Fatalf("result %+v", res)
	}
	want := url.Values{"url": {"https://cdn.example.com/v.mp4?sig=a&b=c"}, "unique_id": {"default"},
		"camera_model": {"GoPro"}, "tags": {"x", "y"}, "retain_original_video": {"true"}}
	if contentType != "application/x-www-form-urlencoded" || !reflect.DeepEqual(form, want) {
		t.Fatalf("content type %q, form %v", contentType, form)
	}
}

func TestUploadURLValidatesBeforeSending(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	cases := []struct {
		name, url string
		meta      UploadMeta
		field     string
	}{
		{"empty", "", UploadMeta{}, "url"},
		{"file scheme", "file:///etc/passwd", UploadMeta{}, "url"},
		{"no host", "https:///v.mp4", UploadMeta{}, "url"},
		{"no scheme", "cdn.example.com/v.mp4", UploadMeta{}, "url"},
		{"bad meta", "https://cdn.example.com/v.mp4", UploadMeta{Latitude: ptr(100.0), Longitude: ptr(0.0)}, "latitude"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.client.UploadURL(context.Background(), tc.url, tc.meta)
			wantInvalid(t, err, tc.field)
		})
	}
	if f.hits.Load() != 0 {
		t.Fatal("a request was sent")
	}
}
