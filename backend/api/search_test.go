package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"memories-desktop/backend/contract"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// decodeBody reads a JSON request body into a map.
func decodeBody(t *testing.T, r *http.Request) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
		t.Errorf("body is not JSON: %v", err)
	}
	return m
}

// The search sends exactly the documented JSON body: the query, the type, the scope as unique_id,
// and only the filters that were given.
func TestSearchRequestShape(t *testing.T) {
	var got map[string]any
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodPost, "/serve/api/v1/search")
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
		got = decodeBody(t, r)
		writeEnvelope(w, "0000", "success", []any{})
	})
	_, err := f.client.Search(context.Background(), contract.SearchRequest{Query: " dog on the beach ", Type: "by_audio",
		Scope: "trips", TopK: 20, Level: "High", VideoNos: []string{"VI1", "VI2"}, Tag: "family", Camera: "Canon EOS 5D",
		Taken: "2025-10-20 11:00:00", Latitude: ptr(48.1), Longitude: ptr(11.5)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"search_param": "dog on the beach", "search_type": "BY_AUDIO", "unique_id": "trips",
		"top_k": 20.0, "filtering_level": "high", "video_nos": []any{"VI1", "VI2"}, "tag": "family",
		"camera_tag": "Canon EOS 5D", "datetime_taken": "2025-10-20 11:00:00", "latitude": 48.1, "longitude": 11.5}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("body\n got %v\nwant %v", got, want)
	}
	if _, err := f.client.Search(context.Background(), contract.SearchRequest{Query: "boat", Type: "BY_VIDEO"}); err != nil {
		t.Fatal(err)
	}
	if want := map[string]any{"search_param": "boat", "search_type": "BY_CLIP", "unique_id": "default"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("minimal body %v, want %v", got, want)
	}
}

// Every request rule is refused with a named field before anything is sent.
func TestSearchRulesRefuseBeforeSending(t *testing.T) {
	f := newFakeAPI(t, okJSON([]any{}))
	hundredOne := make([]string, 101)
	for i := range hundredOne {
		hundredOne[i] = fmt.Sprint("VI", i)
	}
	cases := map[string]contract.SearchRequest{
		"query":           {Query: "  "},
		"type":            {Query: "x", Type: "BY_IMAGE"},
		"top_k":           {Query: "x", TopK: 1001},
		"filtering_level": {Query: "x", Level: "extreme"},
		"video_nos":       {Query: "x", VideoNos: hundredOne},
		"datetime_taken":  {Query: "x", Taken: "2025-10-20"},
		"longitude":       {Query: "x", Latitude: ptr(1.0)},
		"latitude":        {Query: "x", Longitude: ptr(1.0)},
	}
	for field, r := range cases {
		_, err := f.client.Search(context.Background(), r)
		wantInvalid(t, err, field)
	}
	_, err := f.client.Search(context.Background(), contract.SearchRequest{Query: "x", Type: SearchCaption, TopK: 201})
	wantInvalid(t, err, "top_k")
	_, err = f.client.Search(context.Background(), contract.SearchRequest{Query: "x", TopK: -1})
	wantInvalid(t, err, "top_k")
	if _, err := f.client.Search(context.Background(), contract.SearchRequest{Query: "x", Type: SearchCaption, TopK: 200}); err != nil {
		t.Fatalf("200 captions refused: %v", err)
	}
	if n := f.hits.Load(); n != 1 {
		t.Fatalf("%d requests sent, want only the valid one", n)
	}
}

// Every documented item shape decodes: camelCase with string times (/search), numbers, the
// snake_case caption shape, missing end, missing buckets, and null/"null" fields.
func TestSearchDecodesEveryDocumentedShape(t *testing.T) {
	data := `[
	 {"videoNo":"VI1","videoName":"beach.mp4","startTime":"13","endTime":"18","audio_ts":" where is the love ","score":0.52,
	  "video_bucket":"mavi-resource","video_blob":"VI1.mp4","keyframe_bucket":"mavi-keyframe","keyframe_blob":"u/keyframe-000013.jpg"},
	 {"videoNo":"VI2","videoName":"b","startTime":4.5,"endTime":9,"score":"0.25"},
	 {"video_no":"VI3","text":"a red boat","vector":[0.1,0.2],"user_id":"x","start_time":1.5,"end_time":3.25,"score":0.9},
	 {"videoNo":"VI4","startTime":"42","score":0.91},
	 {"videoNo":"VI5","videoName":null,"startTime":"null","endTime":"","score":null,"video_bucket":"null"},
	 {"videoName":"no number"}
	]`
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"code":"0000","msg":"success","data":%s}`, data)
	})
	got, err := f.client.Search(context.Background(), contract.SearchRequest{Query: "x"})
	if err != nil {
		t.Fatal(err)
	}
	want := []contract.Hit{
		{VideoNo: "VI1", VideoName: "beach.mp4", Start: 13, End: 18, Score: 0.52, Text: "where is the love",
			VideoBucket: "mavi-resource", VideoBlob: "VI1.mp4", KeyframeBucket: "mavi-keyframe", KeyframeBlob: "u/keyframe-000013.jpg"},
		{VideoNo: "VI2", VideoName: "b", Start: 4.5, End: 9, Score: 0.25},
		{VideoNo: "VI3", Start: 1.5, End: 3.25, Score: 0.9, Text: "a red boat"},
		{VideoNo: "VI4", Start: 42, End: 42, Score: 0.91},
		{VideoNo: "VI5"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	for _, d := range []string{`{}`, `null`, `"nothing"`} {
		data = d
		got, err := f.client.Search(context.Background(), contract.SearchRequest{Query: "x"})
		if err != nil || len(got) != 0 {
			t.Fatalf("data %s: %v, %v", d, got, err)
		}
	}
}

// The oldest documented answer (code "SUCCESS", whole videos without times) still reads.
func TestSearchOldestAnswerShape(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"code":"SUCCESS","msg":"success","data":[{"videoNo":"VI1","videoName":"a","videoStatus":"PARSE","uploadTime":"1744905509814"}]}`)
	})
	got, err := f.client.Search(context.Background(), contract.SearchRequest{Query: "x"})
	if err != nil || !reflect.DeepEqual(got, []contract.Hit{{VideoNo: "VI1", VideoName: "a"}}) {
		t.Fatalf("%+v %v", got, err)
	}
}

// A 1,000-item answer decodes completely, in order.
func TestSearchThousandItems(t *testing.T) {
	items := make([]map[string]any, 1000)
	for i := range items {
		items[i] = map[string]any{"videoNo": fmt.Sprint("VI", i), "startTime": fmt.Sprint(i), "endTime": i + 5, "score": 1 - float64(i)/1000}
	}
	f := newFakeAPI(t, okJSON(items))
	got, err := f.client.Search(context.Background(), contract.SearchRequest{Query: "x", TopK: 1000})
	if err != nil || len(got) != 1000 {
		t.Fatalf("%d moments, %v", len(got), err)
	}
	if got[999].VideoNo != "VI999" || got[999].Start != 999 || got[999].End != 1004 {
		t.Fatalf("last moment %+v", got[999])
	}
}

// A 0429 is retried (by the gate's leave) and a 0402 is reported as out of credits, once.
func TestSearchRateLimitAndCredits(t *testing.T) {
	f := newFakeAPI(t, failFirst(2, http.StatusOK, "0429", []any{map[string]any{"videoNo": "VI1"}}))
	c, g := gated(f)
	got, err := c.Search(context.Background(), contract.SearchRequest{Query: "x"})
	if err != nil || len(got) != 1 || len(g.waits) != 3 {
		t.Fatalf("got %v, %v after %d waits", got, err, len(g.waits))
	}
	storm := newFakeAPI(t, failFirst(1000, http.StatusOK, "0429", nil))
	c, g = gated(storm)
	if _, err := c.Search(context.Background(), contract.SearchRequest{Query: "x"}); !errors.Is(err, ErrRateLimited) {
		t.Fatalf("storm: %v", err)
	}
	if n := storm.hits.Load(); n != 1+maxRetries {
		t.Fatalf("a 0429 storm sent %d requests, want %d", n, 1+maxRetries)
	}
	broke := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) { writeEnvelope(w, "0402", "Insufficient points", nil) })
	c, _ = gated(broke)
	if _, err := c.Search(context.Background(), contract.SearchRequest{Query: "x"}); !errors.Is(err, ErrNoCredits) {
		t.Fatalf("0402: %v", err)
	}
	if n := broke.hits.Load(); n != 1 {
		t.Fatalf("out of credits was sent %d times", n)
	}
	// A server error may have been billed: a search is not repeated after it.
	down := newFakeAPI(t, failFirst(1, http.StatusServiceUnavailable, "", nil))
	c, _ = gated(down)
	if _, err := c.Search(context.Background(), contract.SearchRequest{Query: "x"}); !errors.Is(err, ErrServer) || down.hits.Load() != 1 {
		t.Fatalf("5xx: %v after %d requests", err, down.hits.Load())
	}
}

// The exact-phrase search is a GET with the documented query; total_count decodes as a string or
// a number; the items have no end time.
func TestSearchPhraseShapeAndVariants(t *testing.T) {
	total := `"2"`
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodGet, "/serve/api/v1/search_audio_transcripts")
		want := "page=2&page_size=50&query=where+is+the+love&unique_id=default"
		if r.URL.RawQuery != want {
			t.Errorf("query %q, want %q", r.URL.RawQuery, want)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"code":"0000","data":{"current_page":"2","page_size":50,"total_count":%s,"videos":[
			{"videoNo":"VI1","videoName":"a","startTime":"13","audio_ts":"... where is the love ...","video_bucket":"b","video_blob":"VI1.mp4"}]}}`, total)
	})
	for _, tc := range []string{`"2"`, `2`} {
		total = tc
		p, err := f.client.SearchPhrase(context.Background(), contract.PhraseRequest{Query: "where is the love", Page: 2, PageSize: 50})
		if err != nil {
			t.Fatal(err)
		}
		m := p.Moments[0]
		if p.Total != 2 || p.Page != 2 || p.PageSize != 50 || m.Start != 13 || m.End != 13 || m.Text != "... where is the love ..." || m.VideoBlob != "VI1.mp4" {
			t.Fatalf("total %s: %+v", tc, p)
		}
	}
	for field, r := range map[string]contract.PhraseRequest{"query": {}, "page": {Query: "x", Page: -1}, "page_size": {Query: "x", PageSize: 501}} {
		_, err := f.client.SearchPhrase(context.Background(), r)
		wantInvalid(t, err, field)
	}
	if f.hits.Load() != 2 {
		t.Fatalf("%d requests", f.hits.Load())
	}
}

// The picture search streams a multipart form with the file part typed image/*, the scope and
// the similarity; pictures that break a rule are refused unsent.
func TestSearchImageShapeAndRules(t *testing.T) {
	dir := t.TempDir()
	pic := filepath.Join(dir, "Beach.PNG")
	os.WriteFile(pic, []byte("\x89PNG\r\n\x1a\nfake"), 0o644)
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		expectRoute(t, r, http.MethodPost, "/serve/api/v1/search_similar_images")
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			t.Fatal(err)
		}
		file, hdr, err := r.FormFile("file")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(file)
		if hdr.Filename != "Beach.PNG" || hdr.Header.Get("Content-Type") != "image/png" || string(b) != "\x89PNG\r\n\x1a\nfake" {
			t.Errorf("file part %q %q %q", hdr.Filename, hdr.Header.Get("Content-Type"), b)
		}
		if r.FormValue("unique_id") != "default" || r.FormValue("similarity") != "0.85" {
			t.Errorf("fields %v", r.MultipartForm.Value)
		}
		writeEnvelope(w, "0000", "success", []any{map[string]any{"videoNo": "VI9", "videoName": "beach_day.mp4",
			"startTime": "42", "score": 0.9123, "keyframe_bucket": "mavi-keyframe", "keyframe_blob": "u/keyframe-000042.jpg"}})
	})
	got, err := f.client.SearchImage(context.Background(), contract.ImageRequest{Path: pic})
	if err != nil || len(got) != 1 || got[0].Start != 42 || got[0].End != 42 || got[0].KeyframeBlob != "u/keyframe-000042.jpg" {
		t.Fatalf("%+v %v", got, err)
	}
	big := filepath.Join(dir, "big.jpg")
	os.WriteFile(big, nil, 0o644)
	os.Truncate(big, MaxImageBytes+1)
	empty := filepath.Join(dir, "empty.gif")
	os.WriteFile(empty, nil, 0o644)
	tiff := filepath.Join(dir, "scan.tiff")
	os.WriteFile(tiff, []byte("x"), 0o644)
	for _, r := range []contract.ImageRequest{{Path: big}, {Path: empty}, {Path: tiff}, {Path: filepath.Join(dir, "gone.png")}, {Path: dir + "/x.webp"}} {
		_, err := f.client.SearchImage(context.Background(), r)
		wantInvalid(t, err, "image")
	}
	_, err = f.client.SearchImage(context.Background(), contract.ImageRequest{Path: pic, Similarity: 1.5})
	wantInvalid(t, err, "similarity")
	if f.hits.Load() != 1 {
		t.Fatalf("%d requests sent", f.hits.Load())
	}
	limited := newFakeAPI(t, failFirst(1, http.StatusOK, "0429", []any{map[string]any{"videoNo": "VI9"}}))
	c, _ := gated(limited)
	if got, err := c.SearchImage(context.Background(), contract.ImageRequest{Path: pic}); err != nil || len(got) != 1 || limited.hits.Load() != 2 {
		t.Fatalf("a refused picture search was not sent again: %v %v after %d", got, err, limited.hits.Load())
	}
	if !strings.Contains(fmt.Sprint(func() error { _, _, err := CheckImage(big); return err }()), "20 MB") {
		t.Fatal("the size refusal does not say the limit")
	}
}
