package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"reflect"
	"sync"
	"testing"
)

// sent is one request as the service received it.
type sent struct {
	path  string
	query url.Values
	body  []byte
	ctype string
}

// recordRequests puts a proxy that records every request between the CLI and its sandbox.
func recordRequests(t *testing.T, e *testEnv) func() []sent {
	target, _ := url.Parse(e.env["MEMORIES_BASE_URL"])
	proxy := httputil.NewSingleHostReverseProxy(target)
	var mu sync.Mutex
	var got []sent
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, sent{r.URL.Path, r.URL.Query(), body, r.Header.Get("Content-Type")})
		mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.env["MEMORIES_BASE_URL"], e.env["MEMORIES_ASSET_BASE_URL"] = srv.URL, srv.URL
	return func() []sent {
		mu.Lock()
		defer mu.Unlock()
		out := got
		got = nil
		return out
	}
}

// last returns the last request to path.
func last(t *testing.T, reqs []sent, path string) sent {
	t.Helper()
	for i := len(reqs) - 1; i >= 0; i-- {
		if reqs[i].path == path {
			return reqs[i]
		}
	}
	t.Fatalf("no request to %s among %d", path, len(reqs))
	return sent{}
}

// Every flag of memories search and summary reaches the request as docs/API.md §12 says.
func TestSearchFlagsReachTheRequest(t *testing.T) {
	e, no, _ := searchEnv(t)
	sentNow := recordRequests(t, e)

	e.run("", "search", "--type", "audio", "--top-k", "7", "--level", "high", "--tag", "beach", "--camera", "Pixel 8",
		"--taken", "2026-01-02 03:04:05", "--near", "48.85,2.35", "--video", no, "--video", "VI2", "--scope", "holiday",
		"--json", "dog").want(t, 0)
	var body map[string]any
	if err := json.Unmarshal(last(t, sentNow(), "/serve/api/v1/search").body, &body); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"search_param": "dog", "search_type": "BY_AUDIO", "top_k": 7.0, "filtering_level": "high",
		"tag": "beach", "camera_tag": "Pixel 8", "datetime_taken": "2026-01-02 03:04:05", "latitude": 48.85,
		"longitude": 2.35, "video_nos": []any{no, "VI2"}, "unique_id": "holiday"}
	for k, v := range want {
		if !reflect.DeepEqual(body[k], v) {
			t.Errorf("%s: sent %#v, want %#v (body %v)", k, body[k], v, body)
		}
	}

	e.run("", "search", "--type", "caption", "--json", "boat").want(t, 0)
	if err := json.Unmarshal(last(t, sentNow(), "/serve/api/v1/search").body, &body); err != nil || body["search_type"] != "BY_CAPTION" {
		t.Errorf("caption: %v %v", body, err)
	}

	e.run("", "search", "--phrase", "--page", "2", "--json", "look at those waves").want(t, 0)
	if q := last(t, sentNow(), "/serve/api/v1/search_audio_transcripts").query; q.Get("query") != "look at those waves" || q.Get("page") != "2" {
		t.Errorf("phrase query %v", q)
	}

	pic := writeVideo(t, t.TempDir(), "frame.png", pngBytes(t))
	e.run("", "search", "--image", pic, "--similarity", "0.9", "--json").want(t, 0)
	img := last(t, sentNow(), "/serve/api/v1/search_similar_images")
	_, params, _ := mime.ParseMediaType(img.ctype)
	form, err := multipart.NewReader(bytes.NewReader(img.body), params["boundary"]).ReadForm(1 << 20)
	if err != nil || form.Value["similarity"][0] != "0.9" || len(form.File) != 1 {
		t.Errorf("picture form %+v %v", form, err)
	}

	e.run("", "summary", "--topics", "--json", no).want(t, 0)
	if q := last(t, sentNow(), "/serve/api/v1/generate_summary").query; q.Get("type") != "TOPIC" || q.Get("video_no") != no {
		t.Errorf("summary query %v", q)
	}
}

// pngBytes is a small picture to search by.
func pngBytes(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
