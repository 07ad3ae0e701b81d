package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"slices"
	"testing"
)

// importServer records the raw JSON body of a scraper_url call.
func importServer(t *testing.T, body *map[string]any) *fakeAPI {
	return newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodPost, "/serve/api/v1/scraper_url")
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
		raw, _ := io.ReadAll(r.Body)
		*body = map[string]any{}
		if err := json.Unmarshal(raw, body); err != nil {
			t.Error(err)
		}
		okJSON(map[string]any{"taskId": "4b2d-0242_84f9"})(w, r)
	})
}

func TestImportSendsJSON(t *testing.T) {
	var body map[string]any
	f := importServer(t, &body)
	id, err := f.client.Import(context.Background(), ImportRequest{
		Links:       []string{"https://www.youtube.com/shorts/abc"},
		TikTokLinks: []string{"https://www.tiktok.com/@u/video/1"},
		Scope:       "trip", Callback: "https://e.com/cb", Quality: "1080"})
	if err != nil || id != "4b2d-0242_84f9" {
		t.Fatalf("Import = %q, %v", id, err)
	}
	want := map[string]any{"video_urls": []any{"https://www.youtube.com/shorts/abc"},
		"tiktok_post_urls": []any{"https://www.tiktok.com/@u/video/1"}, "unique_id": "trip",
		"callback_url": "https://e.com/cb", "quality": "1080"}
	if !reflect.DeepEqual(body, want) {
		t.Fatalf("body %v", body)
	}
}

func TestImportDefaultsAndOmissions(t *testing.T) {
	var body map[string]any
	f := importServer(t, &body)
	if _, err := f.client.Import(context.Background(), ImportRequest{TikTokLinks: []string{"https://www.tiktok.com/@u/video/1"}}); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"video_urls": []any{"https://www.tiktok.com/@u/video/1"}, "unique_id": "default", "quality": "720"}
	if !reflect.DeepEqual(body, want) {
		t.Fatalf("body %v", body)
	}
}

func TestImportValidatesBeforeSending(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	link := "https://www.tiktok.com/@u/video/1"
	cases := []struct {
		name  string
		req   ImportRequest
		field string
	}{
		{"no links", ImportRequest{}, "links"},
		{"51 links", ImportRequest{Links: slices.Repeat([]string{link}, 26), TikTokLinks: slices.Repeat([]string{link}, 25)}, "links"},
		{"not a URL", ImportRequest{Links: []string{"tiktok video 1"}}, "links"},
		{"empty link", ImportRequest{Links: []string{link, ""}}, "links"},
		{"quality int-ish", ImportRequest{Links: []string{link}, Quality: "720p"}, "quality"},
		{"quality 4k", ImportRequest{Links: []string{link}, Quality: "4320"}, "quality"},
		{"bad callback", ImportRequest{Links: []string{link}, Callback: "mailto:x@y"}, "callback"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.client.Import(context.Background(), tc.req)
			wantInvalid(t, err, tc.field)
		})
	}
	if f.hits.Load() != 0 {
		t.Fatal("a request was sent")
	}
}

func TestImportAcceptsFiftyLinks(t *testing.T) {
	var body map[string]any
	f := importServer(t, &body)
	if _, err := f.client.Import(context.Background(), ImportRequest{Links: slices.Repeat([]string{"https://youtu.be/x"}, 50)}); err != nil {
		t.Fatal(err)
	}
	if n := len(body["video_urls"].([]any)); n != 50 {
		t.Fatalf("sent %d links", n)
	}
}

func TestImportWithoutTaskIDIsUnexpected(t *testing.T) {
	f := newFakeAPI(t, okJSON(map[string]any{}))
	_, err := f.client.Import(context.Background(), ImportRequest{Links: []string{"https://youtu.be/x"}})
	if !errors.Is(err, ErrUnexpected) {
		t.Fatalf("got %v", err)
	}
}
