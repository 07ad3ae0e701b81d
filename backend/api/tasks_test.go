package api

import (
	"context"
	"memories-desktop/backend/contract"
	"net/http"
	"reflect"
	"testing"
)

func TestTaskStatusShapes(t *testing.T) {
	cases := []struct {
		name string
		data any
		want []contract.VideoDetails
	}{
		{"videos objects", map[string]any{"videos": []any{
			map[string]any{"video_no": "VI1", "video_name": "a", "status": "PARSE", "duration": "3", "size": "10",
				"fps": 30, "width": "1920", "height": 1080, "create_time": "5", "video_url": "https://v", "resolution_label": "1080P"},
			map[string]any{"video_no": "VI2", "status": "FAIL", "cause": "codec"}}},
			[]contract.VideoDetails{{VideoNo: "VI1", Name: "a", Status: "PARSE", Duration: 3, Size: 10, FPS: 30, Width: 1920, Height: 1080,
				CreateTime: 5, VideoURL: "https://v", Resolution: "1080P"}, {VideoNo: "VI2", Status: "FAILED", Cause: "codec"}}},
		{"video_ids strings", map[string]any{"taskId": "T", "video_ids": []string{"PI-1", "PI-2"}},
			[]contract.VideoDetails{{VideoNo: "PI-1"}, {VideoNo: "PI-2"}}},
		{"both, deduplicated", map[string]any{"videos": []any{map[string]any{"video_no": "VI1", "status": "UNPARSE"}},
			"video_ids": []string{"VI1", "VI3", ""}},
			[]contract.VideoDetails{{VideoNo: "VI1", Status: "UNPARSE"}, {VideoNo: "VI3"}}},
		{"still downloading", map[string]any{"taskId": "T", "video_ids": []string{}}, []contract.VideoDetails{}},
		{"data null", nil, []contract.VideoDetails{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
				expectRoute(t, r, http.MethodGet, "/serve/api/v1/get_video_ids_by_task_id")
				if q := r.URL.Query(); q.Get("task_id") != "T" || q.Get("unique_id") != "trip" {
					t.Errorf("query %v", q)
				}
				okJSON(tc.data)(w, r)
			})
			task, err := f.client.TaskStatus(context.Background(), "T", "trip")
			if err != nil {
				t.Fatal(err)
			}
			if task.TaskID != "T" || !reflect.DeepEqual(task.Videos, tc.want) {
				t.Fatalf("got %+v", task)
			}
		})
	}
}

func TestTaskStatusRequiresID(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	_, err := f.client.TaskStatus(context.Background(), " ", "")
	wantInvalid(t, err, "taskId")
	if f.hits.Load() != 0 {
		t.Fatal("a request was sent")
	}
}
