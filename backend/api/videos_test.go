package api

import (
	"context"
	"encoding/json"
	"io"
	"memories-desktop/backend/contract"
	"net/http"
	"reflect"
	"testing"
)

// jsonBody decodes a request body into v.
func jsonBody(t *testing.T, r *http.Request, v any) {
	t.Helper()
	raw, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(raw, v); err != nil {
		t.Errorf("body %q: %v", raw, err)
	}
}

func TestListVideos(t *testing.T) {
	var body map[string]any
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodPost, "/serve/api/v1/list_videos")
		jsonBody(t, r, &body)
		okJSON(map[string]any{"current_page": "2", "page_size": 20, "total_count": "41", "videos": []any{
			map[string]any{"video_no": "VI1", "video_name": "n", "status": "PARSE", "size": "99", "cause": "null", "tags": []string{"a"}}}})(w, r)
	})
	page, err := f.client.ListVideos(context.Background(), contract.ListRequest{Page: 2, Size: 20, Scope: "trip",
		VideoNos: []string{"VI1"}, Status: "failed", TakenAfter: 1700000000000, Latitude: ptr(1.0), Longitude: ptr(2.0)})
	if err != nil {
		t.Fatal(err)
	}
	want := contract.ServerPage{Page: 2, PageSize: 20, Total: 41, Videos: []contract.VideoDetails{{VideoNo: "VI1", Name: "n", Status: "PARSE", Size: 99, Tags: []string{"a"}}}}
	if !reflect.DeepEqual(page, want) {
		t.Fatalf("page %+v", page)
	}
	wantBody := map[string]any{"page": 2.0, "size": 20.0, "unique_id": "trip", "video_nos": []any{"VI1"},
		"status": "FAILED", "datetime_taken": 1700000000000.0, "latitude": 1.0, "longitude": 2.0}
	if !reflect.DeepEqual(body, wantBody) {
		t.Fatalf("body %v", body)
	}
}

func TestListVideosOmitsEmptyFields(t *testing.T) {
	var body map[string]any
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		jsonBody(t, r, &body)
		okJSON(map[string]any{"videos": nil})(w, r)
	})
	page, err := f.client.ListVideos(context.Background(), contract.ListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(body, map[string]any{"unique_id": "default"}) || page.Videos == nil || len(page.Videos) != 0 {
		t.Fatalf("body %v, page %+v", body, page)
	}
}

func TestListVideosValidates(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	_, err := f.client.ListVideos(context.Background(), contract.ListRequest{Page: -1})
	wantInvalid(t, err, "page")
	_, err = f.client.ListVideos(context.Background(), contract.ListRequest{Latitude: ptr(1.0)})
	wantInvalid(t, err, "longitude")
	if f.hits.Load() != 0 {
		t.Fatal("a request was sent")
	}
}

func TestMetadata(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodGet, "/serve/api/v1/get_metadata")
		q := r.URL.Query()
		if q.Get("unique_id") != "default" {
			t.Errorf("query %v", q)
		}
		if q.Get("video_no") == "VI404" {
			okJSON(nil)(w, r)
			return
		}
		okJSON(map[string]any{"video_no": q.Get("video_no"), "status": "parse", "duration": 12.5, "latitude": 0, "longitude": "0"})(w, r)
	})
	v, err := f.client.Metadata(context.Background(), "VI1", "")
	if err != nil {
		t.Fatal(err)
	}
	want := &contract.VideoDetails{VideoNo: "VI1", Status: "PARSE", Duration: 12.5, Latitude: ptr(0.0), Longitude: ptr(0.0)}
	if !reflect.DeepEqual(v, want) {
		t.Fatalf("got %+v", v)
	}
	v, err = f.client.Metadata(context.Background(), "VI404", "")
	if v != nil || err != nil {
		t.Fatalf("data:null gave %+v, %v; want nil, nil", v, err)
	}
	_, err = f.client.Metadata(context.Background(), "", "")
	wantInvalid(t, err, "videoNo")
}

func TestDeleteVideos(t *testing.T) {
	var body []string
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodPost, "/serve/api/v1/delete_videos")
		if got := r.URL.Query().Get("unique_id"); got != "trip" {
			t.Errorf("unique_id %q", got)
		}
		jsonBody(t, r, &body)
		okJSON(nil)(w, r)
	})
	if err := f.client.DeleteVideos(context.Background(), "trip", []string{"VI1", "VI2"}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(body, []string{"VI1", "VI2"}) {
		t.Fatalf("body %v", body)
	}
	hits := f.hits.Load()
	for _, ids := range [][]string{nil, make([]string, 101), {"VI1", ""}} {
		wantInvalid(t, f.client.DeleteVideos(context.Background(), "trip", ids), "videoNos")
	}
	if f.hits.Load() != hits {
		t.Fatal("an invalid delete was sent")
	}
}

func TestListScopes(t *testing.T) {
	cases := map[string]struct {
		data any
		want []string
	}{
		"some": {map[string]any{"unique_ids": []string{"default", "holiday_2025"}}, []string{"default", "holiday_2025"}},
		"none": {map[string]any{"unique_ids": []string{}}, []string{}},
		"null": {nil, []string{}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFakeAPI(t, okJSON(tc.data))
			got, err := f.client.ListScopes(context.Background())
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %v, %v", got, err)
			}
		})
	}
}

func TestStatusNormalisation(t *testing.T) {
	cases := []struct {
		in, want string
		terminal bool
	}{
		{"PARSE", "PARSE", true}, {"parse", "PARSE", true}, {"UNPARSE", "UNPARSE", false},
		{"FAIL", "FAILED", true}, {"FAILED", "FAILED", true}, {"PARSE_ERROR", "FAILED", true},
		{"error", "FAILED", true}, {"", "", false}, {"QUEUED", "QUEUED", false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := NormalizeStatus(tc.in); got != tc.want || IsTerminalStatus(tc.in) != tc.terminal {
				t.Fatalf("NormalizeStatus = %q, terminal = %v", got, IsTerminalStatus(tc.in))
			}
		})
	}
}
