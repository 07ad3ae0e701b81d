package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"memories-desktop/backend/contract"
	"net/http"
	"reflect"
	"sync/atomic"
	"testing"
)

// Transcripts and captions are GETs with video_no and unique_id; the current shape (string
// times), numbers, the older table's field names and data:null all decode.
func TestTranscriptShapesAndVariants(t *testing.T) {
	data, path := "", ""
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodGet, path)
		if r.URL.RawQuery != "unique_id=trips&video_no=VI1" {
			t.Errorf("%s %s?%s", r.Method, r.URL.Path, r.URL.RawQuery)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"code":"0000","msg":"success","data":%s}`, data)
	})
	data = `{"videoNo":"VI1","transcriptions":[{"index":0,"content":" Hello there","startTime":"0","endTime":"7"},
		{"index":"1","content":"General Kenobi","startTime":7.5,"endTime":null}],"createTime":"1758276264066","video_bucket":"b","video_blob":"VI1.mp4"}`
	path = "/serve/api/v1/get_audio_transcription"
	got, err := f.client.AudioTranscript(context.Background(), "VI1", "trips")
	want := &contract.Transcript{VideoNo: "VI1", Segments: []contract.Segment{{Index: 0, Start: 0, End: 7, Text: "Hello there"}, {Index: 1, Start: 7.5, End: 7.5, Text: "General Kenobi"}}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v", got, err)
	}
	data = `{"transcription":[{"index":0,"text":"a red boat","start":1.5,"end":4}]}`
	path = "/serve/api/v1/get_video_caption"
	got, err = f.client.Captions(context.Background(), "VI1", "trips")
	if err != nil || !reflect.DeepEqual(got, &contract.Transcript{VideoNo: "VI1", Segments: []contract.Segment{{Index: 0, Start: 1.5, End: 4, Text: "a red boat"}}}) {
		t.Fatalf("older shape: %+v, %v", got, err)
	}
	for _, d := range []string{`null`, `{"videoNo":"VI1","transcriptions":[]}`} {
		data = d
		if got, err := f.client.Captions(context.Background(), "VI1", "trips"); got != nil || err != nil {
			t.Fatalf("%s: %+v %v", d, got, err)
		}
	}
	_, err = f.client.AudioTranscript(context.Background(), " ", "")
	wantInvalid(t, err, "video_no")
	if f.hits.Load() != 4 {
		t.Fatalf("%d requests", f.hits.Load())
	}
}

// The summary sends type CHAPTER or TOPIC and accepts both documented shapes: a paragraph with
// items (start as a string, no end), and a list of chapters with float start and end.
func TestSummaryShapesAndVariants(t *testing.T) {
	data := ""
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodGet, "/serve/api/v1/generate_summary")
		if q := r.URL.Query(); q.Get("type") != "TOPIC" || q.Get("video_no") != "VI1" || q.Get("unique_id") != "default" {
			t.Errorf("query %v", q)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"code":"0000","data":%s}`, data)
	})
	data = `{"summary":"A day at the beach.","items":[{"title":"Arrival","description":"Cars park","start":"0"},{"title":"Swim","description":"","start":"30"}]}`
	got, err := f.client.VideoSummary(context.Background(), "VI1", "topic", "")
	want := &contract.Summary{Text: "A day at the beach.", Items: []contract.Chapter{{Title: "Arrival", Description: "Cars park", Start: 0, End: -1}, {Title: "Swim", Description: "", Start: 30, End: -1}}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v", got, err)
	}
	data = `{"videoNo":"VI1","summary_type":"TOPIC","summary":[{"title":"Arrival","start":0.5,"end":10.25,"description":"d"}]}`
	got, err = f.client.VideoSummary(context.Background(), "VI1", SummaryTopics, "")
	if err != nil || !reflect.DeepEqual(got, &contract.Summary{Items: []contract.Chapter{{Title: "Arrival", Description: "d", Start: 0.5, End: 10.25}}}) {
		t.Fatalf("table shape: %+v, %v", got, err)
	}
	data = `null`
	if got, err := f.client.VideoSummary(context.Background(), "VI1", SummaryTopics, ""); got != nil || err != nil {
		t.Fatalf("null: %+v %v", got, err)
	}
	_, err = f.client.VideoSummary(context.Background(), "VI1", "SCENES", "")
	wantInvalid(t, err, "type")
	if f.hits.Load() != 3 {
		t.Fatalf("%d requests", f.hits.Load())
	}
}

func testPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{255, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A keyframe is a GET of the bucket/blob download with the blob's slashes unescaped; the body
// must be a picture: a 404, a JSON error and bytes that are not an image are all errors.
func TestKeyframeShapeAndHostileAnswers(t *testing.T) {
	pic := testPNG(t)
	mode := "ok"
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodGet, "/serve/api/v1/download")
		if want := "bucket=mavi-keyframe&blob=0b2c/keyframe-000013+a%26b.jpg"; r.URL.RawQuery != want {
			t.Errorf("query %q, want %q", r.URL.RawQuery, want)
		}
		switch mode {
		case "ok":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(pic)
		case "404":
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"timestamp":"2025-01-01T00:00:00Z","status":404,"error":"Not Found","path":"/x"}`)
		case "plain404":
			http.NotFound(w, r)
		case "json":
			writeEnvelope(w, "0001", "Resource does not exist", nil)
		case "html":
			w.Header().Set("Content-Type", "image/jpeg")
			io.WriteString(w, "<html><body>login</body></html>")
		}
	})
	d, err := f.client.Keyframe(context.Background(), "mavi-keyframe", "0b2c/keyframe-000013 a&b.jpg")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(d.Body)
	d.Body.Close()
	if !bytes.Equal(b, pic) {
		t.Fatalf("body %d bytes, want the %d-byte picture", len(b), len(pic))
	}
	for m, want := range map[string]error{"404": ErrNotFound, "plain404": ErrUnexpected, "json": ErrNotFound, "html": ErrUnexpected} {
		mode = m
		if _, err := f.client.Keyframe(context.Background(), "mavi-keyframe", "0b2c/keyframe-000013 a&b.jpg"); !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", m, err, want)
		}
	}
	hits := f.hits.Load()
	for field, bb := range map[string][2]string{"bucket": {"", "x"}, "blob": {"b", ""}} {
		_, err := f.client.Keyframe(context.Background(), bb[0], bb[1])
		wantInvalid(t, err, field)
	}
	_, err = f.client.Keyframe(context.Background(), "b", "x\ny")
	wantInvalid(t, err, "blob")
	if f.hits.Load() != hits {
		t.Fatal("an invalid location was sent")
	}
	// A keyframe refused with 0429 is fetched again once the gate lets it.
	var tries atomic.Int64
	busy := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if tries.Add(1) == 1 {
			writeEnvelope(w, "0429", "Request has exceeded the limit.", nil)
			return
		}
		w.Write(pic)
	})
	c, g := gated(busy)
	if d, err := c.Keyframe(context.Background(), "b", "k.png"); err != nil || len(g.waits) != 2 {
		t.Fatalf("after 0429: %v, %d waits", err, len(g.waits))
	} else {
		d.Body.Close()
	}
}
