package api

import (
	"context"
	"encoding/json"
	"fmt"
	"memories-desktop/backend/contract"
	"net/http"
	"testing"
)

// BenchmarkSearch1000Moments measures one search answered with 1,000 moments over HTTP: request,
// envelope, lenient decoding.
func BenchmarkSearch1000Moments(b *testing.B) {
	items := make([]map[string]any, 1000)
	for i := range items {
		items[i] = map[string]any{"videoNo": fmt.Sprintf("VI%018d", i), "videoName": "clip.mp4", "startTime": fmt.Sprint(i),
			"endTime": fmt.Sprint(i + 5), "score": 0.5, "audio_ts": "some words that were said here",
			"video_bucket": "mavi-resource", "video_blob": "VI.mp4", "keyframe_bucket": "mavi-keyframe", "keyframe_blob": "u/keyframe-000013.jpg"}
	}
	body, _ := json.Marshal(map[string]any{"code": "0000", "msg": "success", "data": items})
	f := newFakeAPI(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if ms, err := f.client.Search(context.Background(), contract.SearchRequest{Query: "x", TopK: 1000}); err != nil || len(ms) != 1000 {
			b.Fatal(len(ms), err)
		}
	}
}
